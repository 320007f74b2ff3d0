/** Argument checks shared by the public FFT / DCT functions; errors name the argument. */
import { isComplex } from '../core/dtype.js';
import { ArgumentError, DTypeError, ShapeError } from '../core/errors.js';
import { NDArray } from '../core/ndarray.js';
import { normalizeAxes, normalizeAxis } from '../core/shape.js';

export type FftNorm = 'backward' | 'ortho' | 'forward';
const NORMS: readonly string[] = ['backward', 'ortho', 'forward'];

export function checkArray(a: unknown, arg = 'a'): NDArray {
  if (!(a instanceof NDArray)) throw new ArgumentError(`${arg}: expected an NDArray, got ${a === null ? 'null' : typeof a}`, arg);
  if (a.ndim === 0) throw new ShapeError(`${arg}: expected an array of at least 1 dimension, got a 0-d array`, arg);
  return a;
}

export function checkReal(a: NDArray, arg = 'a'): void {
  if (isComplex(a.dtype)) throw new DTypeError(`${arg}: expected a real array, got ${a.dtype} (take the real part first)`, arg);
}

export function checkNorm(norm: unknown): FftNorm {
  if (norm === undefined || norm === null) return 'backward';
  if (typeof norm !== 'string' || !NORMS.includes(norm)) {
    throw new ArgumentError(`norm: unknown normalisation ${JSON.stringify(norm)}; expected "backward", "ortho" or "forward"`, 'norm');
  }
  return norm as FftNorm;
}

/** The factor applied to a transform of length n: numpy's norm semantics. */
export function normScale(norm: FftNorm, n: number, inverse: boolean): number {
  if (norm === 'ortho') return 1 / Math.sqrt(n);
  return (norm === 'forward') !== inverse ? 1 / n : 1;
}

/** A transform length: a positive integer; `arg` names it in the error. */
export function checkLength(n: unknown, arg = 'n'): number {
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 1) {
    throw new ArgumentError(`${arg}: invalid number of FFT data points ${String(n)}; expected a positive integer`, arg);
  }
  return n;
}

export function checkAxis(axis: number | undefined, ndim: number): number {
  return normalizeAxis(axis ?? -1, ndim, 'axis');
}

/**
 * numpy's `_cook_nd_args`: resolve s and axes. Without either, all axes; with only s, the last
 * len(s) axes; with only axes, their current lengths. `defaultAxes` applies when axes is omitted
 * and s is too (fft2: [-2, -1]).
 */
export function resolveAxes(
  shape: readonly number[],
  s: readonly number[] | undefined,
  axes: readonly number[] | undefined,
  defaultAxes?: readonly number[],
): { s: (number | undefined)[]; axes: number[] } {
  const ndim = shape.length;
  let ax: number[];
  if (axes !== undefined) {
    if (!Array.isArray(axes)) throw new ArgumentError(`axes: expected an array of integers, got ${String(axes)}`, 'axes');
    ax = normalizeAxes(axes, ndim, 'axes');
  } else if (s !== undefined) {
    if (!Array.isArray(s)) throw new ArgumentError(`s: expected an array of lengths, got ${String(s)}`, 's');
    if (s.length > ndim) throw new ArgumentError(`s: has ${s.length} entries but the array has ${ndim} dimension(s)`, 's');
    ax = s.map((_, i) => ndim - s.length + i);
  } else {
    ax = defaultAxes ? normalizeAxes(defaultAxes, ndim, 'axes') : shape.map((_, i) => i);
  }
  if (s !== undefined) {
    if (!Array.isArray(s)) throw new ArgumentError(`s: expected an array of lengths, got ${String(s)}`, 's');
    if (s.length !== ax.length) throw new ArgumentError(`s: has ${s.length} entries but axes has ${ax.length}`, 's');
    for (const d of s) checkLength(d, 's');
  }
  if (ax.length === 0) throw new ArgumentError('axes: expected at least one axis', 'axes');
  return { s: s ? [...s] : ax.map(() => undefined), axes: ax };
}
