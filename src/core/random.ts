/** Random arrays from a seed. */
import type { FloatDType } from './dtype.js';
import { type NDArray, zeros } from './ndarray.js';
import { Rng } from './rng.js';
import type { Shape } from './shape.js';

/** Uniform [lo, hi) array of `shape`, reproducible from `seed`. */
export function randomUniform<D extends FloatDType>(
  shape: Shape,
  opts: { seed?: number; dtype?: D; lo?: number; hi?: number } = {},
): NDArray<D> {
  const a = zeros(shape, (opts.dtype ?? 'float64') as D);
  new Rng(opts.seed ?? 0).fillUniform(a.data as Float32Array | Float64Array, opts.lo ?? 0, opts.hi ?? 1);
  return a;
}

/** Normal(mean, std) array of `shape`, reproducible from `seed`. */
export function randomNormal<D extends FloatDType>(
  shape: Shape,
  opts: { seed?: number; dtype?: D; mean?: number; std?: number } = {},
): NDArray<D> {
  const a = zeros(shape, (opts.dtype ?? 'float64') as D);
  new Rng(opts.seed ?? 0).fillNormal(a.data as Float32Array | Float64Array, opts.mean ?? 0, opts.std ?? 1);
  return a;
}
