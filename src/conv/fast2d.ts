/**
 * The WebAssembly fast paths of 2-D real convolution, for a range of output rows (so the
 * worker pool can split a plane by rows; see parallel.ts). They must match src/ref/convolve.ts
 * (`convolveRef`): float32 within 1e-5 and float64 within 1e-12 of the output's norm.
 *
 * - `direct2dRows`: the SIMD kernel of assembly/conv2d.ts (`corr2d_valid_*`) on horizontal
 *   strips. Each strip's padded input rows ([n + kh - 1, Wp]) are written straight into wasm
 *   memory by the boundary rule (edges synthesised, the interior one copy per row; the kh - 1
 *   rows shared with the previous strip are moved within wasm memory, not re-read); the strip's
 *   output rows ([n, ow]) go straight into their place in `out`. Scratch stays near
 *   STRIP_BYTES: no padded copy of the input. Strip rows are placed so that every copy from
 *   or to a SharedArrayBuffer (the threaded path) keeps its word alignment: V8 copies shared
 *   memory word by word only then, byte by byte otherwise (a 3x3 W3 call: 51 -> 32 ms CPU).
 * - `separable2dRows`: a row pass (assembly/conv1d.ts `corr_rows_*`) into a ring of
 *   kh + 3 filtered rows, then a column pass (`corr_col_*`) per 4 output rows; symmetric
 *   factors (a Gaussian) fold their taps in pairs. Every padded input row is filtered once.
 *
 * Kernels arrive in convolution orientation (as convolveDirect takes them) and are reversed
 * here for the correlation kernels. Results do not depend on the row range: the kernels
 * accumulate each output in a fixed tap order, so 1 and N workers agree bit for bit.
 */
import type { NDArray } from '../core/ndarray.js';
import { type Boundary, type ConvMode, padWidths, sourceIndex } from '../ref/convBoundary.js';
import { type Conv1dExports, conv1dKernels } from '../wasm/conv1d.js';
import type { Conv2dExports } from '../wasm/conv2d.js';
import { type WasmKernels, type WasmVariant, wasmKernels } from '../wasm/loader.js';

type Real = Float32Array | Float64Array;

export interface Geometry2d {
  mode: ConvMode;
  boundary: Boundary;
  cval: number;
}

/** Output rows per column-pass call: they share kh - 1 input rows, loaded once from L2. */
const COL_ROWS = 4;

/** Target scratch bytes of one direct strip (input rows + output rows); fits in L2. */
export const STRIP_BYTES = 1 << 20;

/** True when the WASM paths take this case: 2-D real float input and output. */
export function fast2dEligible(x: NDArray, kDtype: string, out: NDArray): boolean {
  const real = (d: string) => d === 'float32' || d === 'float64';
  return x.ndim === 2 && out.ndim === 2 && real(x.dtype) && real(out.dtype) && (real(kDtype) || kDtype === 'int32' || kDtype === 'uint8');
}

/** The padded view of x [H, W] for a [kh, kw] kernel: row and column maps (-1: cval). */
export class PaddedPlane {
  readonly rowMap: Int32Array; // [H + top + bottom]
  readonly colMap: Int32Array; // [W + left + right]
  readonly top: number;
  readonly left: number;
  readonly width: number;

  constructor(
    readonly x: Real,
    readonly h: number,
    readonly w: number,
    kh: number,
    kw: number,
    readonly g: Geometry2d,
  ) {
    const [[top, bottom], [left, right]] = padWidths([kh, kw], g.mode);
    this.top = top;
    this.left = left;
    this.width = w + left + right;
    this.rowMap = indexMap(h + top + bottom, top, h, g.boundary);
    this.colMap = indexMap(this.width, left, w, g.boundary);
  }

  /** Padded row `pr` into dst[at, at + width). */
  fill(dst: Real, at: number, pr: number): void {
    const src = this.rowMap[pr];
    const width = this.width;
    const cval = this.g.cval;
    if (src < 0) {
      dst.fill(cval, at, at + width);
      return;
    }
    const { x, w, left, colMap } = this;
    const base = src * w;
    for (let j = 0; j < left; j++) dst[at + j] = colMap[j] < 0 ? cval : x[base + colMap[j]];
    dst.set(x.subarray(base, base + w), at + left); // the interior: one copy
    for (let j = left + w; j < width; j++) dst[at + j] = colMap[j] < 0 ? cval : x[base + colMap[j]];
  }
}

/** [count]: the source index of padded index i (−1: cval), sourceIndex(i − pad, n) — plain loops (Int32Array.from with a callback cost 0.2 ms per W3 row task). */
function indexMap(count: number, pad: number, n: number, boundary: Boundary): Int32Array {
  const map = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const j = i - pad;
    map[i] = j >= 0 && j < n ? j : sourceIndex(j, n, boundary);
  }
  return map;
}

/** The family instance, or undefined where wasm cannot be compiled here (the TS path then runs). */
function tryKernels<E>(get: () => WasmKernels<E>): WasmKernels<E> | undefined {
  try {
    return get();
  } catch {
    return undefined;
  }
}

/** `values` reversed, as a new Float64Array (convolution orientation → correlation). */
function reversed(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  return Float64Array.from({ length: n }, (_, i) => values[n - 1 - i]);
}

/** The strided exports of assembly/conv2d.ts (input rows `inStride` elements apart, out [inH - kh + 1, inW - kw + 1]). */
export interface Conv2dStridedExports extends Conv2dExports {
  corr2d_valid_strided_f32(
    inPtr: number,
    inH: number,
    inW: number,
    inStride: number,
    kPtr: number,
    kh: number,
    kw: number,
    outPtr: number,
  ): void;
  corr2d_valid_strided_f64(
    inPtr: number,
    inH: number,
    inW: number,
    inStride: number,
    kPtr: number,
    kh: number,
    kw: number,
    outPtr: number,
  ): void;
}

/** Elements per 8-byte word: V8 copies to and from a SharedArrayBuffer word by word only when
 * source and destination share their offset within a word (else byte by byte, ~6x slower). */
const wordElems = (bytes: number): number => 8 / bytes;

/** The shift in [0, q) that makes element `at + shift` share its word offset with element `src`. */
export const alignShift = (at: number, src: number, q: number): number => (((src - at) % q) + q) % q;

/**
 * Where `direct2dRowsInPlace` works: a conv2d instance over the kernel memory that holds `out`
 * (src/core/kernel-memory.ts) and a scratch slot [at, at + bytes) of it, claimed for this call.
 */
export interface InPlace {
  exports: Conv2dStridedExports;
  memory: WebAssembly.Memory;
  at: number;
  bytes: number;
}

/**
 * out[r0:r1] = (x ⊛ k)[r0:r1] for x [H, W], k [kh, kw] (convolution orientation), out
 * [oh, ow] as the mode implies. Returns false (nothing written) when wasm is unavailable.
 *
 * Strip rows lie `stride` elements apart, stride ≡ W (mod words), placed so that each row's
 * interior and each strip's output rows keep the word alignment of their place in x / out.
 */
export function direct2dRows(x: NDArray, k: NDArray, out: NDArray, g: Geometry2d, r0: number, r1: number, variant?: WasmVariant): boolean {
  const kern = tryKernels(() => wasmKernels<Conv2dStridedExports>('conv2d', variant));
  if (kern === undefined) return false;
  const s = stripShape(x, k, out, g, STRIP_BYTES, true);
  const [kOff, inOff, outOff] = kern.arena.layout([s.tapBytes, s.inBytes, (s.rows * out.shape[1] + s.q) * s.bytes]);
  directStrips(x, k, out, r0, r1, s, kern.exports, kern.memory, kOff, inOff, outOff);
  return true;
}

/**
 * direct2dRows computed straight into `out`, which lies in `place.memory` (a kernel memory): the
 * strips of input rows go to the slot, the kernel writes each strip's output rows where they
 * belong — no copy out. Returns false (nothing written) when the strips do not fit the slot.
 */
export function direct2dRowsInPlace(x: NDArray, k: NDArray, out: NDArray, g: Geometry2d, r0: number, r1: number, place: InPlace): boolean {
  const s = stripShape(x, k, out, g, place.bytes, false);
  const kOff = place.at;
  const inOff = kOff + Math.ceil(s.tapBytes / 64) * 64;
  if (inOff + s.inBytes > place.at + place.bytes) return false;
  directStrips(x, k, out, r0, r1, s, place.exports, place.memory, kOff, inOff, -1);
  return true;
}

/** The strip geometry of a direct call: element size, row stride, rows per strip and scratch bytes. */
interface Strips {
  bytes: number;
  /** Elements per 8-byte word. */
  q: number;
  plane: PaddedPlane;
  /** Elements between strip rows, ≡ W (mod q): consecutive rows keep one relative alignment. */
  stride: number;
  /** Output rows per strip (even where more than one: the kernel works on row pairs). */
  rows: number;
  tapBytes: number;
  /** Bytes of the strip's input rows [rows + kh - 1, stride], plus a word for alignment. */
  inBytes: number;
}

/** Strips within `budget` bytes of scratch; `withOutput`: the strip's output rows too. */
function stripShape(x: NDArray, k: NDArray, out: NDArray, g: Geometry2d, budget: number, withOutput: boolean): Strips {
  const [h, w] = x.shape;
  const [kh, kw] = k.shape;
  const ow = out.shape[1];
  const plane = new PaddedPlane(x.data as Real, h, w, kh, kw, g);
  const bytes = out.dtype === 'float64' ? 8 : 4;
  const q = wordElems(bytes);
  const wp = plane.width;
  const stride = wp + alignShift(wp, w, q);
  const tapBytes = kh * kw * bytes;
  const perRow = stride + (withOutput ? ow : 0);
  const fit = Math.max(1, Math.floor(((budget - tapBytes - 64) / bytes - (kh - 1) * stride - 2 * q) / perRow));
  const rows = Math.min(out.shape[0], fit > 1 ? fit & ~1 : 1);
  return { bytes, q, plane, stride, rows, tapBytes, inBytes: ((rows + kh - 1) * stride + q) * bytes };
}

/**
 * The strip loop of direct2dRows: input rows into [inOff, …) of `memory`, the kernel, then the
 * output rows copied from [outOff, …) into `out` — or, with outOff < 0, written by the kernel
 * straight into `out` (which then lies in `memory`).
 */
function directStrips(
  x: NDArray,
  k: NDArray,
  out: NDArray,
  r0: number,
  r1: number,
  s: Strips,
  e: Conv2dStridedExports,
  memory: WebAssembly.Memory,
  kOff: number,
  inOff: number,
  outOff: number,
): void {
  const { bytes, q, plane, stride, rows } = s;
  const [kh, kw] = k.shape;
  const w = x.shape[1];
  const ow = out.shape[1];
  const wp = plane.width;
  const heap: Real = bytes === 8 ? new Float64Array(memory.buffer) : new Float32Array(memory.buffer);
  const run = bytes === 8 ? e.corr2d_valid_strided_f64 : e.corr2d_valid_strided_f32;
  heap.set(reversed(k.data), kOff / bytes); // [kh, kw], correlation orientation
  // element offsets in their buffers (x and out may be views of one plane of an image)
  const xAt = (x.data as Real).byteOffset / bytes;
  const outAt = (out.data as Real).byteOffset / bytes;
  const src0 = xAt + (r0 - plane.top) * w; // where padded row r0 lies in x's buffer away from the edges; strips advance by even row counts
  const inBase = inOff / bytes + alignShift(inOff / bytes + plane.left, src0, q);
  const inPlace = outOff < 0;
  const outBase = inPlace ? 0 : outOff / bytes + alignShift(outOff / bytes, outAt + r0 * ow, q);
  const od = out.data as Real;
  let have = 0; // padded rows [r, r + have) already at the start of the strip buffer
  for (let r = r0; r < r1; r += rows) {
    const n = Math.min(rows, r1 - r);
    for (let i = have; i < n + kh - 1; i++) plane.fill(heap, inBase + i * stride, r + i); // [n + kh - 1, stride]
    run(inBase * bytes, n + kh - 1, wp, stride, kOff, kh, kw, inPlace ? (outAt + r * ow) * bytes : outBase * bytes);
    // the next strip starts with this one's last kh - 1 rows: move them (in cache) instead of re-reading x
    heap.copyWithin(inBase, inBase + n * stride, inBase + (n + kh - 1) * stride);
    have = kh - 1;
    if (!inPlace) od.set(heap.subarray(outBase, outBase + n * ow), r * ow); // [n, ow]
  }
}

function isSymmetric(f: ArrayLike<number>): boolean {
  const n = f.length;
  for (let j = 0; j < n >> 1; j++) if (f[j] !== f[n - 1 - j]) return false;
  return true;
}

/**
 * out[r0:r1] = (x ⊛ outer(col, row))[r0:r1] for x [H, W], col [kh], row [kw] (convolution
 * orientation). Returns false (nothing written) when wasm is unavailable.
 */
export function separable2dRows(
  x: NDArray,
  col: ArrayLike<number>,
  row: ArrayLike<number>,
  out: NDArray,
  g: Geometry2d,
  r0: number,
  r1: number,
  variant?: WasmVariant,
): boolean {
  const kern = tryKernels(() => conv1dKernels(variant));
  if (kern === undefined) return false;
  const e: Conv1dExports = kern.exports;
  const [h, w] = x.shape;
  const kh = col.length;
  const kw = row.length;
  const ow = out.shape[1];
  const plane = new PaddedPlane(x.data as Real, h, w, kh, kw, g);
  const wp = plane.width;
  const f64 = out.dtype === 'float64';
  const bytes = f64 ? 8 : 4;
  // ring rows start 16-byte aligned, 64 bytes off any 4 KiB multiple apart: rows a power of two
  // long would map the same column of every row to one L1 set (the column pass reads kh of them)
  const stride = Math.ceil(ow / 16) * 16 + 16;
  const ringRows = kh + COL_ROWS - 1; // the rows of one group of COL_ROWS output rows
  const symRow = isSymmetric(row);
  const symCol = isSymmetric(col);
  const [rowOff, colOff, inOff, ringOff, tableOff, outOff] = kern.arena.layout([
    kw * bytes,
    kh * bytes,
    (wp + 1) * bytes, // one padded input row [Wp], shifted by up to one element for alignment
    ringRows * stride * bytes, // ring of row-filtered rows [kh + COL_ROWS - 1, stride]
    ringRows * 4, // u32 row pointers [kh + COL_ROWS - 1]
    (COL_ROWS * ow + 1) * bytes, // output rows [COL_ROWS, ow], shifted likewise
  ]);
  const heap: Real = f64 ? new Float64Array(kern.memory.buffer) : new Float32Array(kern.memory.buffer);
  const table = new Uint32Array(kern.memory.buffer, tableOff, ringRows);
  heap.set(reversed(row), rowOff / bytes);
  heap.set(reversed(col), colOff / bytes);
  const rowPass = f64 ? (symRow ? e.corr_rows_sym_f64 : e.corr_rows_f64) : symRow ? e.corr_rows_sym_f32 : e.corr_rows_f32;
  const colPass = f64 ? (symCol ? e.corr_col_sym_f64 : e.corr_col_f64) : symCol ? e.corr_col_sym_f32 : e.corr_col_f32;
  const q = wordElems(bytes);
  const inBase = inOff / bytes;
  const xAt = (x.data as Real).byteOffset / bytes; // x and out may be views of one plane of an image
  const outAt = (out.data as Real).byteOffset / bytes;
  const outBase = outOff / bytes + alignShift(outOff / bytes, outAt + r0 * ow, q); // groups advance by COL_ROWS (even) rows
  const od = out.data as Real;
  const slot = (pr: number) => ringOff + (pr % ringRows) * stride * bytes;
  const filterRow = (pr: number) => {
    const src = plane.rowMap[pr];
    const at = inBase + (src < 0 ? 0 : alignShift(inBase + plane.left, xAt + src * w, q)); // the copy from x keeps its word alignment
    plane.fill(heap, at, pr);
    rowPass(at * bytes, wp, 1, ow, rowOff, kw, slot(pr), stride);
  };
  for (let pr = r0; pr < r0 + kh - 1; pr++) filterRow(pr);
  for (let r = r0; r < r1; r += COL_ROWS) {
    const m = Math.min(COL_ROWS, r1 - r);
    for (let pr = r + kh - 1; pr < r + kh - 1 + m; pr++) filterRow(pr); // padded rows r .. r + m + kh - 2 are in the ring
    for (let i = 0; i < m + kh - 1; i++) table[i] = slot(r + i);
    colPass(tableOff, kh, colOff, ow, outBase * bytes, m, ow);
    od.set(heap.subarray(outBase, outBase + m * ow), r * ow);
  }
  return true;
}
