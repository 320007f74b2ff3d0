/**
 * Direct 2-D correlation, "valid" mode, on the WebAssembly kernels of assembly/conv2d.ts.
 * Must match src/ref/conv2d.ts (correlate2dValidRef): float32 within rel 1e-5, float64 1e-12.
 *
 * The input is processed in horizontal strips: each strip of output rows copies only the
 * input rows it needs ([rows + kh - 1, W]) into the scratch arena, so scratch stays near
 * `stripBytes` whatever the image size, and memory grows only for a new largest request.
 */
import { ArgumentError, DTypeError, ShapeError } from '../core/errors.js';
import { type NDArray, zeros } from '../core/ndarray.js';
import { formatShape, sameShape } from '../core/shape.js';
import { checkReal2d, corr2dValidPlan, type RealDType } from '../ref/conv2d.js';
import { type WasmVariant, wasmKernels } from './loader.js';

/** The exports of assembly/conv2d.ts (byte pointers into the family's memory). */
export interface Conv2dExports {
  /** in [inH, inW], k [kh, kw], out [inH - kh + 1, inW - kw + 1], all float32. */
  corr2d_valid_f32(inPtr: number, inH: number, inW: number, kPtr: number, kh: number, kw: number, outPtr: number): void;
  /** The same in float64. */
  corr2d_valid_f64(inPtr: number, inH: number, inW: number, kPtr: number, kh: number, kw: number, outPtr: number): void;
}

export interface Correlate2dOptions {
  /** 'relaxed', 'simd' or 'scalar'; default: the most the engine supports. */
  variant?: WasmVariant;
  /** Target scratch size of one strip (input rows + output rows), bytes; default 1 MiB. */
  stripBytes?: number;
  /** Write into this array (shape [H - kh + 1, W - kw + 1], the result dtype) instead of a new one. */
  out?: NDArray;
}

export const DEFAULT_STRIP_BYTES = 1 << 20;

/**
 * A virtual input [height, width] read a few rows at a time: `fill(dst, row, rows)` writes
 * rows [row, row + rows) into `dst` ([rows, width], C order). Lets a caller feed padded or
 * converted rows (a boundary mode, a channel plane) straight into wasm memory, with no
 * padded copy of the whole input.
 */
export interface RowSource {
  readonly height: number;
  readonly width: number;
  fill(dst: Float32Array | Float64Array, row: number, rows: number): void;
}

/**
 * out = correlate(x, k, 'valid') for x [H, W], k [kh, kw] (scipy.signal.correlate2d(x, k,
 * 'valid')); out [H - kh + 1, W - kw + 1], float64 if either input is, else float32.
 */
export function correlate2dValid(x: NDArray, k: NDArray, opts: Correlate2dOptions = {}): NDArray<RealDType> {
  const { dtype, shape } = corr2dValidPlan(x, k);
  const [h, w] = x.shape;
  const xd = x.data as Float32Array | Float64Array; // [H, W]
  const rows: RowSource = { height: h, width: w, fill: (dst, row, n) => dst.set(xd.subarray(row * w, (row + n) * w)) };
  return correlate2dValidRows(rows, k, dtype, {
    ...opts,
    out: opts.out === undefined ? zeros(shape, dtype) : checkOut(opts.out, dtype, shape),
  });
}

/**
 * The strip engine behind correlate2dValid: out [height - kh + 1, width - kw + 1] of `dtype`
 * = correlate(rows, k, 'valid'), reading the input through `rows.fill` one strip at a time.
 * Strips overlap by kh - 1 rows, so `fill` sees those rows twice.
 */
export function correlate2dValidRows(
  rows: RowSource,
  k: NDArray,
  dtype: RealDType,
  opts: Correlate2dOptions & { out: NDArray },
): NDArray<RealDType> {
  const { height: h, width: w } = rows;
  if (!(Number.isSafeInteger(h) && Number.isSafeInteger(w) && h > 0 && w > 0)) {
    throw new ShapeError(`rows: expected a positive integer height and width, got ${h} x ${w}`, 'rows');
  }
  checkReal2d(k, 'k');
  if (dtype !== 'float32' && dtype !== 'float64') throw new DTypeError(`dtype: expected float32 or float64, got ${dtype}`, 'dtype');
  const [kh, kw] = k.shape;
  if (kh > h || kw > w) throw new ShapeError(`k: kernel ${formatShape(k.shape)} is larger than the input [${h}, ${w}] on some axis`, 'k');
  const outH = h - kh + 1;
  const outW = w - kw + 1;
  const out = checkOut(opts.out, dtype, [outH, outW]);
  const kernels = wasmKernels<Conv2dExports>('conv2d', opts.variant);
  const bytes = dtype === 'float32' ? 4 : 8;
  const stripBytes = opts.stripBytes ?? DEFAULT_STRIP_BYTES;
  if (!(stripBytes > 0)) throw new ArgumentError(`stripBytes: expected a positive number of bytes, got ${stripBytes}`, 'stripBytes');
  const stripElems = Math.floor(stripBytes / bytes);
  const fit = Math.max(1, Math.floor((stripElems - (kh - 1) * w) / (w + outW)));
  const rowsPerStrip = Math.min(outH, fit > 1 ? fit & ~1 : 1); // even: the kernel works on row pairs

  const [kOff, inOff, outOff] = kernels.arena.layout([kh * kw * bytes, (rowsPerStrip + kh - 1) * w * bytes, rowsPerStrip * outW * bytes]);
  // Views after the layout: a grow detaches earlier ones.
  const heap = dtype === 'float32' ? new Float32Array(kernels.memory.buffer) : new Float64Array(kernels.memory.buffer);
  const run = dtype === 'float32' ? kernels.exports.corr2d_valid_f32 : kernels.exports.corr2d_valid_f64;
  heap.set(k.data as ArrayLike<number>, kOff / bytes); // [kh, kw]
  const inBase = inOff / bytes;
  const outBase = outOff / bytes;
  for (let r0 = 0; r0 < outH; r0 += rowsPerStrip) {
    const n = Math.min(rowsPerStrip, outH - r0);
    rows.fill(heap.subarray(inBase, inBase + (n + kh - 1) * w), r0, n + kh - 1); // [n + kh - 1, W]
    run(inOff, n + kh - 1, w, kOff, kh, kw, outOff);
    out.data.set(heap.subarray(outBase, outBase + n * outW), r0 * outW); // [n, outW]
  }
  return out;
}

function checkOut(out: NDArray, dtype: RealDType, shape: [number, number]): NDArray<RealDType> {
  if (out.dtype !== dtype) throw new DTypeError(`out: expected dtype ${dtype}, got ${out.dtype}`, 'out');
  if (!sameShape(out.shape, shape)) throw new ShapeError(`out: expected shape ${formatShape(shape)}, got ${formatShape(out.shape)}`, 'out');
  return out as NDArray<RealDType>;
}
