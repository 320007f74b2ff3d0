/**
 * Plain-TS reference for direct 2-D correlation, "valid" mode (scipy.signal.correlate2d(x, k,
 * 'valid')): out[r, c] = sum_{i<kh, j<kw} x[r + i, c + j] * k[i, j], accumulated in float64.
 * The fast version is src/wasm/conv2d.ts (correlate2dValid).
 */
import { DTypeError, ShapeError } from '../core/errors.js';
import { type NDArray, zeros } from '../core/ndarray.js';
import { formatShape } from '../core/shape.js';

export type RealDType = 'float32' | 'float64';

/**
 * Check `x` [H, W] and `k` [kh, kw] for a valid-mode 2-D correlation and return the output
 * dtype (float64 if either is float64, else float32) and shape [H - kh + 1, W - kw + 1].
 */
export function corr2dValidPlan(x: NDArray, k: NDArray): { dtype: RealDType; shape: [number, number] } {
  checkReal2d(x, 'x');
  checkReal2d(k, 'k');
  const [h, w] = x.shape;
  const [kh, kw] = k.shape;
  if (kh > h || kw > w) {
    throw new ShapeError(
      `k: kernel ${formatShape(k.shape)} is larger than the input ${formatShape(x.shape)} on some axis; valid mode needs kh <= H and kw <= W`,
      'k',
    );
  }
  const dtype = x.dtype === 'float64' || k.dtype === 'float64' ? 'float64' : 'float32';
  return { dtype, shape: [h - kh + 1, w - kw + 1] };
}

/** Throws unless `a` is a non-empty 2-D float32 / float64 array; `arg` names it in the message. */
export function checkReal2d(a: NDArray, arg: string): void {
  if (a.dtype !== 'float32' && a.dtype !== 'float64') throw new DTypeError(`${arg}: expected float32 or float64, got ${a.dtype}`, arg);
  if (a.ndim !== 2) throw new ShapeError(`${arg}: expected a 2-D array, got shape ${formatShape(a.shape)}`, arg);
  if (a.size === 0) throw new ShapeError(`${arg}: expected a non-empty array, got shape ${formatShape(a.shape)}`, arg);
}

/** out = correlate(x, k, 'valid') for x [H, W], k [kh, kw]; out [H - kh + 1, W - kw + 1]. */
export function correlate2dValidRef(x: NDArray, k: NDArray): NDArray<RealDType> {
  const { dtype, shape } = corr2dValidPlan(x, k);
  const [outH, outW] = shape;
  const [, w] = x.shape;
  const [kh, kw] = k.shape;
  const out = zeros(shape, dtype);
  const xd = x.data; // [H, W]
  const kd = k.data; // [kh, kw]
  const od = out.data; // [outH, outW]
  for (let r = 0; r < outH; r++) {
    for (let c = 0; c < outW; c++) {
      let s = 0;
      for (let i = 0; i < kh; i++) {
        for (let j = 0; j < kw; j++) s += xd[(r + i) * w + c + j] * kd[i * kw + j];
      }
      od[r * outW + c] = s;
    }
  }
  return out;
}
