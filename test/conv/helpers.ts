/** Random operands and a relative-to-norm error for parity tests. */
import { type DType, lanes, type NDArray, Rng, zeros } from '../../src/core/index.js';

export function rand(shape: number[], dtype: DType, seed: number): NDArray {
  const a = zeros(shape, dtype);
  const rng = new Rng(seed);
  for (let i = 0; i < a.size * lanes(dtype); i++) a.data[i] = rng.normal();
  return a;
}

/** ‖a − b‖₂ / ‖b‖₂ over all scalars. */
export function normErr(a: NDArray, b: NDArray): number {
  if (a.data.length !== b.data.length) return Number.POSITIVE_INFINITY;
  let num = 0;
  let den = 0;
  for (let i = 0; i < a.data.length; i++) {
    num += (a.data[i] - b.data[i]) ** 2;
    den += b.data[i] ** 2;
  }
  return Math.sqrt(num / Math.max(den, 1e-300));
}

export const tolOf = (dtype: DType): number => (dtype === 'float32' || dtype === 'complex64' ? 1e-5 : 1e-12);
