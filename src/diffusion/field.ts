/**
 * Fields for diffusion: a 2-D array `[H, W]` or an image `[C, H, W]`, seen as C float64 planes
 * of H×W. Work happens in float64; results come back in the input's float dtype (float32 stays
 * float32, anything else becomes float64).
 */
import { DTypeError, ShapeError } from '../core/errors.js';
import { NDArray } from '../core/ndarray.js';

export interface Planes {
  /** C planes, each `[H, W]` row-major, float64. */
  planes: Float64Array[];
  H: number;
  W: number;
  /** The shape to give back (`[H, W]` or `[C, H, W]`). */
  shape: readonly number[];
  dtype: 'float32' | 'float64';
}

/** Split a `[H, W]` or `[C, H, W]` real array into float64 planes (copies). */
export function toPlanes(u: NDArray, arg = 'u'): Planes {
  if (!(u instanceof NDArray)) throw new ShapeError(`${arg}: expected an NDArray [H, W] or [C, H, W]`, arg);
  if (u.dtype === 'complex64' || u.dtype === 'complex128') {
    throw new DTypeError(`${arg}: expected a real array, got ${u.dtype}`, arg);
  }
  if ((u.ndim !== 2 && u.ndim !== 3) || u.size === 0) {
    throw new ShapeError(`${arg}: expected a non-empty [H, W] or [C, H, W] array, got shape [${u.shape.join(', ')}]`, arg);
  }
  const [C, H, W] = u.ndim === 2 ? [1, u.shape[0], u.shape[1]] : u.shape;
  const planes: Float64Array[] = [];
  for (let c = 0; c < C; c++) planes.push(Float64Array.from(u.data.subarray(c * H * W, (c + 1) * H * W) as ArrayLike<number>));
  return { planes, H, W, shape: u.shape, dtype: u.dtype === 'float32' ? 'float32' : 'float64' };
}

/** Join planes back into an array of `like`'s shape and dtype. */
export function fromPlanes(planes: readonly Float64Array[], like: Planes): NDArray {
  const n = like.H * like.W;
  const out = new NDArray(like.dtype, like.shape);
  for (let c = 0; c < planes.length; c++) out.data.set(planes[c], c * n);
  return out;
}

/** Σ values, Neumaier-compensated, so that conservation can be checked to ~1e-15. */
export function compensatedSum(values: ArrayLike<number>): number {
  let sum = 0;
  let comp = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const t = sum + v;
    comp += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
    sum = t;
  }
  return sum + comp;
}

/** Total mass Σu of a field (all channels together), compensated summation. */
export function mass(u: NDArray): number {
  if (u.dtype === 'complex64' || u.dtype === 'complex128') throw new DTypeError(`u: expected a real array, got ${u.dtype}`, 'u');
  return compensatedSum(u.data);
}
