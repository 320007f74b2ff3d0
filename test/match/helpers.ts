/** Random images and comparisons for the match tests. */
import { type DType, type NDArray, Rng, zeros } from '../../src/core/index.js';

/** Uniform 0..255 values (integers when `integer`), a fixed seed. */
export function randImage(shape: number[], seed: number, dtype: DType = 'float32', integer = false): NDArray {
  const a = zeros(shape, dtype);
  const rng = new Rng(seed);
  for (let i = 0; i < a.size; i++) a.data[i] = integer ? rng.int(256) : rng.uniform(0, 255);
  return a;
}

/** max |a − b| over all entries, relative to max |b| (`relative`) or absolute. */
export function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>, relative = false): number {
  if (a.length !== b.length) return Number.POSITIVE_INFINITY;
  let d = 0;
  let s = 0;
  for (let i = 0; i < a.length; i++) {
    d = Math.max(d, Math.abs(a[i] - b[i]));
    s = Math.max(s, Math.abs(b[i]));
  }
  return relative ? d / Math.max(s, 1e-300) : d;
}

/** A copy of plane [h, w] at (y, x) out of a [C, H, W] image. */
export function crop(img: NDArray, y: number, x: number, h: number, w: number): NDArray {
  const [C, H, W] = img.ndim === 2 ? [1, img.shape[0], img.shape[1]] : img.shape;
  const out = zeros(img.ndim === 2 ? [h, w] : [C, h, w], img.dtype);
  for (let c = 0; c < C; c++)
    for (let i = 0; i < h; i++) for (let j = 0; j < w; j++) out.data[(c * h + i) * w + j] = img.data[(c * H + y + i) * W + x + j];
  return out;
}
