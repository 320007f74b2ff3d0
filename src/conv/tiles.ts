/**
 * Tiled FFT convolution of a 2-D real plane (overlap-save in two dimensions): the output is cut
 * into tiles of T0 × T1 = (B0 − K0 + 1) × (B1 − K1 + 1); each tile is the wanted corner of the
 * circular convolution of a B0 × B1 block of the input (power-of-two lengths, zero outside the
 * input) with the kernel, whose spectrum is computed once. Small transforms stay in cache and
 * power-of-two lengths are the FFT engine's fastest, so this beats one transform of the whole
 * padded image once the image spans a few tiles (see `tilePlan`).
 *
 * Two versions, the same arithmetic: `tilesWasm` keeps each block inside the FFT engine's
 * WebAssembly memory through src/fft/wasmnd.ts's runNdIn (the block is copied in, transformed,
 * multiplied by the kernel spectrum and transformed back there; only the tile is copied out: no
 * array is allocated per tile);
 * `tilesNd`, the plain version it must match, goes through rfftn / irfftn and runs wherever
 * the wasm engine does not (TS backend, tiny blocks).
 *
 * Tiles sit on a fixed grid, so splitting them over workers (parallel.ts, task1d.ts's sibling
 * task2d.ts) gives the same bits as one thread. Reference: src/ref/convolve.ts.
 */
import { NDArray } from '../core/ndarray.js';
import { irfftn, ndEngine, rfftn } from '../fft/api.js';
import { complexPlan } from '../fft/cache.js';
import { cis2pi } from '../fft/twiddle.js';
import { newTableId, type WasmEngine, WasmRadixPlan32 } from '../fft/wasm.js';
import { type NdStep, ndSupported, runNdIn } from '../fft/wasmnd.js';

type Real = Float32Array | Float64Array;

export interface TilePlan {
  /** FFT block [B0, B1]. */
  B: [number, number];
  /** Output tile [T0, T1] = B - K + 1. */
  T: [number, number];
  /** Tiles per axis over the output. */
  tiles: [number, number];
}

const pow2AtLeast = (n: number): number => 2 ** Math.ceil(Math.log2(Math.max(n, 1)));

/**
 * Cost of one tile of n = B0·B1 points: both transforms (2 × 2.5·n·log2 n) and the product, times
 * a cache factor: blocks past 2^18 points (1 MiB of float32 spectrum) fall out of L2 and cost
 * more per point (measured here, float32 rfft2 + irfft2: 512² ≈ 0.7, 1024² ≈ 1.05,
 * 2048² ≈ 1.3 ns per n·log2 n).
 */
export function blockCost(n: number): number {
  const cache = 1 + 0.25 * Math.max(0, Math.log2(n) - 18);
  return cache * (2 * 2.5 * n * Math.log2(n) + 4 * n);
}

/**
 * The cheapest power-of-two block for a [K0, K1] kernel and an [O0, O1] output (cost ≈ tiles ×
 * B0·B1·log2(B0·B1)), and that cost; blocks span at least 2 K per axis.
 */
export function tilePlan(K: readonly number[], O: readonly number[]): TilePlan & { cost: number } {
  let best: (TilePlan & { cost: number }) | undefined;
  const lo = K.map((k) => pow2AtLeast(2 * k));
  for (let b0 = lo[0]; b0 <= Math.max(lo[0], pow2AtLeast(O[0] + K[0] - 1)); b0 *= 2) {
    for (let b1 = lo[1]; b1 <= Math.max(lo[1], pow2AtLeast(O[1] + K[1] - 1)); b1 *= 2) {
      const T: [number, number] = [b0 - K[0] + 1, b1 - K[1] + 1];
      const tiles: [number, number] = [Math.ceil(O[0] / T[0]), Math.ceil(O[1] / T[1])];
      const cost = tiles[0] * tiles[1] * blockCost(b0 * b1);
      if (best === undefined || cost < best.cost) best = { B: [b0, b1], T, tiles, cost };
    }
  }
  return best as TilePlan & { cost: number };
}

/**
 * The kernel's spectrum at block size B divided by B0·B1 (the inverse transform's scale folded
 * in: a power of two, so exact), [B0, B1/2 + 1] complex in the working precision. Kept for the
 * last few kernels (SPECTRA, keyed by the kernel's values): a kernel applied again, to the
 * channels of an image or to the next frame, is not transformed again. A kept spectrum lies on
 * a SharedArrayBuffer where there is one, so the workers read it where it is (parallel.ts). Read-only.
 */
export function tileKernelSpectrum(k: NDArray, B: readonly number[], dtype: 'float32' | 'float64'): NDArray {
  const key = `${dtype}:${B[0]}x${B[1]}:${k.shape.join('x')}`;
  const hit = SPECTRA.find((e) => e.key === key && sameValues(e.k, k.data));
  if (hit !== undefined) {
    SPECTRA.splice(SPECTRA.indexOf(hit), 1);
    SPECTRA.unshift(hit);
    return hit.spec;
  }
  const keep = 8 * B[0] * (B[1] / 2 + 1) * (dtype === 'float32' ? 4 : 8) <= SPECTRA_BYTES; // at most a quarter
  const spec = kernelSpectrum(k, B, dtype, keep && typeof SharedArrayBuffer === 'function');
  if (keep) {
    SPECTRA.unshift({ key, k: Float64Array.from(k.data), spec });
    let n = 0;
    for (let bytes = 0; n < Math.min(SPECTRA.length, 8); n++) {
      bytes += SPECTRA[n].spec.data.byteLength;
      if (bytes > SPECTRA_BYTES) break;
    }
    SPECTRA.length = n;
  }
  return spec;
}

/** Recent kernel spectra, most recent first: at most 8 and SPECTRA_BYTES in all. */
const SPECTRA: { key: string; k: Float64Array; spec: NDArray }[] = [];
const SPECTRA_BYTES = 64 << 20;

const sameValues = (a: Float64Array, b: ArrayLike<number>): boolean => {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
};

/** tileKernelSpectrum without the cache (on a SharedArrayBuffer when `shared`). */
function kernelSpectrum(k: NDArray, B: readonly number[], dtype: 'float32' | 'float64', shared: boolean): NDArray {
  // k zero-padded to [B0, B1] here (rfftn's own padding takes its slower generic path)
  const [B0, B1] = B;
  const [K0, K1] = k.shape;
  const block = new NDArray(dtype, [B0, B1], dtype === 'float32' ? new Float32Array(B0 * B1) : new Float64Array(B0 * B1));
  for (let r = 0; r < K0; r++) for (let c = 0; c < K1; c++) block.data[r * B1 + c] = k.data[r * K1 + c];
  const X = rfftn(block); // [B0, B1/2 + 1] complex
  const n = X.data.length;
  const bytes = n * (dtype === 'float32' ? 4 : 8);
  const buffer = shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes);
  const data = dtype === 'float32' ? new Float32Array(buffer) : new Float64Array(buffer);
  const scale = 1 / (B0 * B1);
  for (let i = 0; i < n; i++) data[i] = X.data[i] * scale;
  return new NDArray(X.dtype, X.shape, data);
}

/**
 * out[i, j] = (xp ⊛ k)[start0 + i, start1 + j] for the tiles with flat index in [t0, t1)
 * (row-major over plan.tiles). xp [H, W] is read as zero outside; kSpec = tileKernelSpectrum.
 * With `claim` (an Int32Array on shared memory, [0] counting from 0), only the tiles this thread
 * claims from it, one at a time (tilesOf): threads sharing the counter share the range out as
 * they go, without a round trip to the caller per tile (parallel.ts).
 */
export function convolveTiles(
  xp: NDArray,
  K: readonly number[],
  kSpec: NDArray,
  plan: TilePlan,
  start: readonly number[],
  out: NDArray,
  t0: number,
  t1: number,
  claim?: Int32Array,
): number {
  const [B0, B1] = plan.B;
  const engine = B1 >= 4 ? ndEngine(B0 * B1, 2) : null;
  if (engine !== null && TILES32.on && kSpec.dtype === 'complex64' && pow2(B0) && pow2(B1) && B1 >= 4 && B0 >= 2) {
    return tilesWasm32(engine, xp, K, kSpec, plan, start, out, t0, t1, claim);
  }
  if (engine !== null && ndSupported([B0, B1], forwardSteps(B0, B1)) && ndSupported([B0, B1 / 2 + 1], inverseSteps(B0, B1))) {
    return tilesWasm(engine, xp, K, kSpec, plan, start, out, t0, t1, claim);
  }
  return tilesNd(xp, K, kSpec, plan, start, out, t0, t1, claim);
}

const forwardSteps = (B0: number, B1: number): NdStep[] => [
  { axis: 1, kind: 'r2c', n: B1, inverse: false },
  { axis: 0, kind: 'c2c', n: B0, inverse: false },
];
const inverseSteps = (B0: number, B1: number): NdStep[] => [
  { axis: 0, kind: 'c2c', n: B0, inverse: true },
  { axis: 1, kind: 'c2r', n: B1, inverse: true },
];

/**
 * The tiles [t0, t1) in order; with `claim`, those this thread takes from the shared counter
 * claim[0] (t0 + Atomics.add(claim, 0, 1), until t1). Each tile's bits do not depend on who
 * computes it. Where `claim` also holds a flag per tile (claim[1 + t − t0]), each tile's flag
 * is set to 1 (and its waiters woken) once the caller asks for the next one: the tile is
 * written, and the thread that copies tiles out can take it (parallel.ts).
 */
export function* tilesOf(t0: number, t1: number, claim?: Int32Array): Generator<number> {
  if (claim === undefined) {
    for (let t = t0; t < t1; t++) yield t;
    return;
  }
  for (let t = t0 + Atomics.add(claim, 0, 1); t < t1; t = t0 + Atomics.add(claim, 0, 1)) {
    yield t;
    const flag = 1 + t - t0;
    if (flag < claim.length) {
      Atomics.store(claim, flag, 1);
      Atomics.notify(claim, flag);
    }
  }
}

/** The output tile (i0, j0) of flat tile t, and the input block's first row and column. */
function tileAt(t: number, plan: TilePlan, K: readonly number[], start: readonly number[]) {
  const i0 = Math.floor(t / plan.tiles[1]) * plan.T[0];
  const j0 = (t % plan.tiles[1]) * plan.T[1];
  // input block rows [r0, r0 + B0), columns [c0, c0 + B1) feed output tile (i0, j0)
  return { i0, j0, r0: start[0] + i0 - (K[0] - 1), c0: start[1] + j0 - (K[1] - 1) };
}

/**
 * Block rows [rFrom, rTo) of the [B0, B1] block at (r0, c0): bd[(r − rFrom)·B1 + c] = xp[r0 + r, c0 + c],
 * zero outside xp [h, w].
 */
function fillBlock(bd: Real, B1: number, xd: Real, h: number, w: number, r0: number, c0: number, rFrom: number, rTo: number): void {
  const cLo = Math.min(B1, Math.max(0, -c0));
  const cHi = Math.max(cLo, Math.min(B1, w - c0));
  for (let r = rFrom; r < rTo; r++) {
    const src = r0 + r;
    const at = (r - rFrom) * B1;
    if (src < 0 || src >= h || cHi === cLo) {
      bd.fill(0, at, at + B1);
      continue;
    }
    if (cLo > 0) bd.fill(0, at, at + cLo);
    bd.set(xd.subarray(src * w + c0 + cLo, src * w + c0 + cHi), at + cLo);
    if (cHi < B1) bd.fill(0, at + cHi, at + B1);
  }
}

/** out tile rows [i0, i0 + rows) × columns [j0, j0 + cols) = y [B0, B1] from (K0 − 1, K1 − 1). */
function storeTile(
  y: Real,
  B1: number,
  K: readonly number[],
  od: Real,
  O1: number,
  i0: number,
  j0: number,
  rows: number,
  cols: number,
): void {
  for (let r = 0; r < rows; r++) {
    const from = (K[0] - 1 + r) * B1 + K[1] - 1;
    od.set(y.subarray(from, from + cols), (i0 + r) * O1 + j0);
  }
}

/**
 * The wasm version: per tile, runNdIn's forward steps on the block filled straight into wasm
 * memory (`fill(at, count, offset)` may ask for it a band of rows at a time), the product with
 * kSpec (already / (B0·B1)) written straight where the inverse steps read it (through a scratch when they
 * read it in parts), and the tile copied out of the result. float32 work runs the float32
 * kernels (power-of-two blocks). Blocks must span the kernel (B ≥ K; tilePlan gives B ≥ 2K).
 */
function tilesWasm(
  engine: WasmEngine,
  xp: NDArray,
  K: readonly number[],
  kSpec: NDArray,
  plan: TilePlan,
  start: readonly number[],
  out: NDArray,
  t0: number,
  t1: number,
  claim?: Int32Array,
): number {
  const [h, w] = xp.shape;
  const [O0, O1] = out.shape;
  const [B0, B1] = plan.B;
  const single = kSpec.dtype === 'complex64';
  const View = single ? Float32Array : Float64Array;
  const view = (at: number, count: number): Real => new View(engine.k.memory.buffer, at, count);
  const fwd = forwardSteps(B0, B1);
  const inv = inverseSteps(B0, B1);
  const S = kSpec.data as Real; // [B0, B1/2 + 1] complex, / (B0·B1), in the work precision
  let prod: Real | undefined; // [B0, B1/2 + 1] complex, taken when first needed
  const xd = xp.data as Real;
  const od = out.data as Real;
  let done = 0;
  for (const t of tilesOf(t0, t1, claim)) {
    done++;
    const { i0, j0, r0, c0 } = tileAt(t, plan, K, start);
    const X = runNdIn(
      engine,
      single,
      (at, count, offset = 0) => fillBlock(view(at, count), B1, xd, h, w, r0, c0, offset / B1, (offset + count) / B1),
      1,
      [B0, B1],
      fwd,
      1,
    );
    let formed = false; // the product is formed in the scratch only when the inverse reads its input in parts
    const y = runNdIn(
      engine,
      single,
      (at, count, offset = 0) => {
        const bytes = count * View.BYTES_PER_ELEMENT;
        if (!formed && offset === 0 && count === X.count && (at + bytes <= X.at || X.at + bytes <= at)) {
          // all of it in one call, before any inverse step runs, apart from X: S copied into place
          // and multiplied by X there in wasm (SIMD; the plain version is cmulPlain)
          view(at, count).set(S);
          if (single) engine.k.exports.cmul_c64(X.at, at, at, count / 2);
          else engine.k.exports.cmul_c128(X.at, at, at, count / 2);
          return;
        }
        if (!formed && offset === 0 && count === X.count && at === X.at) {
          mulSpectrum(view(at, count), view(X.at, count), S);
          return;
        }
        prod ??= scratch(single, S.length);
        if (!formed) mulSpectrum(prod, view(X.at, X.count), S);
        formed = true;
        view(at, count).set(prod.subarray(offset, offset + count));
      },
      2,
      [B0, B1 / 2 + 1],
      inv,
      1,
    );
    storeTile(view(y.at, y.count), B1, K, od, O1, i0, j0, Math.min(plan.T[0], O0 - i0), Math.min(plan.T[1], O1 - j0));
  }
  return done;
}

const pow2 = (n: number): boolean => n >= 1 && (n & (n - 1)) === 0;

/**
 * `on`: float32 power-of-two blocks take tilesWasm32 (else tilesWasm; a switch for measurements
 * and tests). `band`: columns per column-pass call there: 64 keeps the two pass scratches at
 * 256 KiB each for 512-point columns, so a tile's working set stays in L2 (W5's tiles, one
 * thread: 42.5 ms with all 256 columns at once, 40.3 with 64; the same bits either way).
 */
export const TILES32: { on: boolean; band: number } = { on: true, band: 64 };

/** e^{−2πik/n}, k = 0..n/2, float32 (the real split / join of rows of n points). */
class SplitTable32 {
  readonly id = newTableId();
  readonly tables: Float32Array;
  constructor(n: number) {
    const t = new Float64Array(n + 2);
    for (let k = 0; k <= n / 2; k++) {
      cis2pi(k, n, t, 2 * k);
      t[2 * k + 1] = -t[2 * k + 1];
    }
    this.tables = Float32Array.from(t);
  }
}
const PLANS32 = new Map<number, WasmRadixPlan32>();
const SPLITS32 = new Map<number, SplitTable32>();
const plan32 = (n: number): WasmRadixPlan32 => {
  let p = PLANS32.get(n);
  if (p === undefined) {
    if (PLANS32.size > 16) PLANS32.clear();
    p = new WasmRadixPlan32(n, complexPlan(n).factors);
    PLANS32.set(n, p);
  }
  return p;
};
const split32 = (n: number): SplitTable32 => {
  let t = SPLITS32.get(n);
  if (t === undefined) {
    if (SPLITS32.size > 16) SPLITS32.clear();
    t = new SplitTable32(n);
    SPLITS32.set(n, t);
  }
  return t;
};

/**
 * tilesWasm for float32 power-of-two blocks, with the same kernels in the same order (the same
 * bits), minus the work whose result is known or unused: block rows that lie wholly outside the
 * input are not transformed (the row FFT of a zero row is zero), and the last inverse step (the
 * row c2r) runs only on the rows the tile keeps, written straight into `out`. Per tile: rows
 * filled and transformed one at a time into Z [B0, B1/2 + 1] complex64, columns transformed in
 * place in bands, Z · S in wasm (cmul_c64), the inverse columns, the kept rows.
 */
function tilesWasm32(
  engine: WasmEngine,
  xp: NDArray,
  K: readonly number[],
  kSpec: NDArray,
  plan: TilePlan,
  start: readonly number[],
  out: NDArray,
  t0: number,
  t1: number,
  claim?: Int32Array,
): number {
  const [h, w] = xp.shape;
  const [O0, O1] = out.shape;
  const [B0, B1] = plan.B;
  const hh = B1 / 2; // complex length of the row FFTs
  const zw = hh + 1; // complex per spectrum row
  const rowPlan = plan32(hh);
  const colPlan = plan32(B0);
  const sp = split32(B1);
  const k = engine.k.exports;
  const even = zw & ~1; // complex64 kernels pair columns: the last (odd) column runs alone
  const band = Math.min(even, Math.max(2, TILES32.band & ~1)); // columns per column-pass call
  const [tRow, tCol, tw] = engine.tablesFor([rowPlan, colPlan, sp]);
  const zBytes = 8 * B0 * zw;
  // L: one real row, placed 0 or 4 bytes in so that its copy from or to the (maybe shared) input
  // and output keeps 8-byte alignment: V8 copies shared memory word by word only then, byte by
  // byte otherwise (512 misaligned floats a row: ~6x the time of an aligned copy)
  const [Z, Sr, L, C, s1, s2] = engine.buffers([
    zBytes,
    zBytes,
    4 * B1 + 8,
    8 * Math.max(hh, B0),
    8 * Math.max(hh, B0 * band),
    8 * Math.max(hh, B0 * band),
  ]);
  const xAt = xp.data.byteOffset / xp.data.BYTES_PER_ELEMENT;
  const oAt = out.data.byteOffset / out.data.BYTES_PER_ELEMENT;
  const wide = xp.data.BYTES_PER_ELEMENT === 8; // float64 input: any row copy into float32 converts
  const mem = (): ArrayBuffer => engine.k.memory.buffer as ArrayBuffer;
  const xd = xp.data as Float32Array | Float64Array;
  const od = out.data as Float32Array | Float64Array;
  const S = kSpec.data as Float32Array;
  new Float32Array(mem(), Sr, 2 * B0 * zw).set(S); // the kernel spectrum, once for all these tiles
  const columns = (bwd: boolean) => {
    for (let c = 0; c < even; c += band) {
      const nb = Math.min(band, even - c);
      engine.radix32(colPlan, tCol, nb, Z + 8 * c, zw, Z + 8 * c, zw, bwd, s1, s2);
    }
    if (even < zw) {
      const col = Z + 8 * even;
      k.copy_rows_c64(col, zw, C, 1, B0, 1);
      engine.radix32(colPlan, tCol, 1, C, 1, C, 1, bwd, s1, s2);
      k.copy_rows_c64(C, 1, col, zw, B0, 1);
    }
  };
  let done = 0;
  for (const t of tilesOf(t0, t1, claim)) {
    done++;
    const { i0, j0, r0, c0 } = tileAt(t, plan, K, start);
    // block rows [rLo, rHi) hold input; the others (and all, when no column does) are zero
    const cLo = Math.max(0, -c0);
    const cHi = Math.min(B1, w - c0);
    const rLo = Math.min(B0, Math.max(0, -r0));
    const rHi = cHi > cLo ? Math.max(rLo, Math.min(B0, h - r0)) : rLo;
    const z = new Float32Array(mem(), Z, 2 * B0 * zw);
    z.fill(0, 0, 2 * rLo * zw);
    z.fill(0, 2 * rHi * zw);
    const lines = [new Float32Array(mem(), L, B1), new Float32Array(mem(), L + 4, B1)];
    for (let r = rLo; r < rHi; r++) {
      const shift = wide ? 0 : (xAt + (r0 + r) * w + c0) & 1; // element cLo lands on the parity of its source
      fillBlock(lines[shift], B1, xd, h, w, r0, c0, r, r + 1);
      engine.radix32(rowPlan, tRow, 1, L + 4 * shift, 1, C, 1, false, s1, s2);
      k.r2c_split_c64(C, Z + 8 * r * zw, tw, hh);
    }
    columns(false);
    k.cmul_c64(Z, Sr, Z, B0 * zw);
    columns(true);
    const rows = Math.min(plan.T[0], O0 - i0);
    const cols = Math.min(plan.T[1], O1 - j0);
    const from = K[1] - 1;
    for (let r = 0; r < rows; r++) {
      const shift = od.BYTES_PER_ELEMENT === 8 ? 0 : (oAt + (i0 + r) * O1 + j0 - from) & 1;
      k.c2r_join_c64(Z + 8 * (K[0] - 1 + r) * zw, C, tw, hh);
      engine.radix32(rowPlan, tRow, 1, C, 1, L + 4 * shift, 1, true, s1, s2);
      od.set(lines[shift].subarray(from, from + cols), (i0 + r) * O1 + j0);
    }
  }
  return done;
}

/** A reused scratch of n reals (one per precision; tasks run one at a time on a thread). */
function scratch(single: boolean, n: number): Real {
  const i = single ? 0 : 1;
  const have = SCRATCH[i];
  if (have !== undefined && have.length === n) return have;
  const made = single ? new Float32Array(n) : new Float64Array(n);
  SCRATCH[i] = made;
  return made;
}
const SCRATCH: (Real | undefined)[] = [undefined, undefined];

/** d = a · s, complex interleaved (d may be a: each pair is read before it is written); two pairs per step. */
export function mulSpectrum(d: Real, a: Real, s: Real): void {
  const n = d.length;
  const n4 = n - (n % 4);
  for (let i = 0; i < n4; i += 4) {
    const ar = a[i];
    const ai = a[i + 1];
    const br = a[i + 2];
    const bi = a[i + 3];
    const sr = s[i];
    const si = s[i + 1];
    const tr = s[i + 2];
    const ti = s[i + 3];
    d[i] = ar * sr - ai * si;
    d[i + 1] = ar * si + ai * sr;
    d[i + 2] = br * tr - bi * ti;
    d[i + 3] = br * ti + bi * tr;
  }
  if (n4 < n) {
    const ar = a[n4];
    const ai = a[n4 + 1];
    d[n4] = ar * s[n4] - ai * s[n4 + 1];
    d[n4 + 1] = ar * s[n4 + 1] + ai * s[n4];
  }
}

/** The plain version (rfftn / irfftn on one block array): the reference tilesWasm must match. */
export function tilesNd(
  xp: NDArray,
  K: readonly number[],
  kSpec: NDArray,
  plan: TilePlan,
  start: readonly number[],
  out: NDArray,
  t0: number,
  t1: number,
  claim?: Int32Array,
): number {
  const [h, w] = xp.shape;
  const [O0, O1] = out.shape;
  const [B0, B1] = plan.B;
  const dtype = kSpec.dtype === 'complex64' ? 'float32' : 'float64';
  const block = new NDArray(dtype, [B0, B1], dtype === 'float32' ? new Float32Array(B0 * B1) : new Float64Array(B0 * B1));
  const S = kSpec.data as Real;
  let done = 0;
  for (const t of tilesOf(t0, t1, claim)) {
    done++;
    const { i0, j0, r0, c0 } = tileAt(t, plan, K, start);
    fillBlock(block.data as Real, B1, xp.data as Real, h, w, r0, c0, 0, B0);
    const X = rfftn(block); // [B0, B1/2 + 1] complex
    const a = X.data as Real;
    for (let i = 0; i < a.length; i += 2) {
      const re = a[i] * S[i] - a[i + 1] * S[i + 1];
      a[i + 1] = a[i] * S[i + 1] + a[i + 1] * S[i];
      a[i] = re;
    }
    const y = irfftn(X, { s: [B0, B1], norm: 'forward' }).data as Real; // [B0, B1] (the 1/(B0·B1) is in S)
    storeTile(y, B1, K, out.data as Real, O1, i0, j0, Math.min(plan.T[0], O0 - i0), Math.min(plan.T[1], O1 - j0));
  }
  return done;
}
