/**
 * Input checks for time series at the public boundary: every function that takes a series
 * goes through `toSeries`, so NaN gaps, wrong types and too-short inputs fail the same way.
 */
import { ArgumentError, NDArray, ShapeError } from '../core/index.js';

/** A 1-D series: a plain array, a typed array, or a 1-D float NDArray. */
export type SeriesLike = ArrayLike<number> | NDArray;

/** Copy `x` into a Float64Array; refuse NaN/Infinity gaps and series shorter than `minLength`. */
export function toSeries(x: SeriesLike, arg = 'x', minLength = 1): Float64Array {
  let values: ArrayLike<number>;
  if (x instanceof NDArray) {
    if (x.dtype !== 'float32' && x.dtype !== 'float64' && x.dtype !== 'int32' && x.dtype !== 'uint8') {
      throw new ShapeError(`${arg}: expected a real series, got dtype ${x.dtype}`, arg);
    }
    if (x.ndim !== 1) throw new ShapeError(`${arg}: expected a 1-D series, got shape [${x.shape.join(', ')}]`, arg);
    values = x.data as ArrayLike<number>;
  } else if (x !== null && typeof x === 'object' && typeof (x as ArrayLike<number>).length === 'number') {
    values = x;
  } else {
    throw new ArgumentError(`${arg}: expected an array of numbers, got ${typeof x}`, arg);
  }
  const out = Float64Array.from(values as ArrayLike<number>);
  if (out.length < minLength) {
    throw new ShapeError(`${arg}: series of length ${out.length} is too short; need at least ${minLength} values`, arg);
  }
  for (let i = 0; i < out.length; i++) {
    if (!Number.isFinite(out[i])) {
      throw new ArgumentError(
        `${arg}: value ${out[i]} at index ${i} is not finite (a gap?); fill or interpolate gaps first (see interpolateGaps)`,
        arg,
      );
    }
  }
  return out;
}

/** Linear interpolation over NaN gaps (leading / trailing gaps take the nearest value). */
export function interpolateGaps(x: ArrayLike<number>, arg = 'x'): Float64Array {
  const out = Float64Array.from(x);
  const known: number[] = [];
  for (let i = 0; i < out.length; i++) if (Number.isFinite(out[i])) known.push(i);
  if (known.length === 0) throw new ArgumentError(`${arg}: no finite values to interpolate from`, arg);
  for (let i = 0; i < known[0]; i++) out[i] = out[known[0]];
  for (let i = known[known.length - 1] + 1; i < out.length; i++) out[i] = out[known[known.length - 1]];
  for (let k = 1; k < known.length; k++) {
    const a = known[k - 1];
    const b = known[k];
    for (let i = a + 1; i < b; i++) out[i] = out[a] + ((out[b] - out[a]) * (i - a)) / (b - a);
  }
  return out;
}

/** Throws unless `value` is an integer in [lo, hi]. */
export function checkInt(value: unknown, arg: string, lo: number, hi = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < lo || value > hi) {
    const range = hi === Number.MAX_SAFE_INTEGER ? `>= ${lo}` : `in [${lo}, ${hi}]`;
    throw new ArgumentError(`${arg}: expected an integer ${range}, got ${String(value)}`, arg);
  }
  return value;
}

/** Throws unless `value` is a finite number in the open/closed interval given. */
export function checkNumber(value: unknown, arg: string, lo = -Infinity, hi = Infinity, open = false): number {
  const ok = typeof value === 'number' && Number.isFinite(value) && (open ? value > lo && value < hi : value >= lo && value <= hi);
  if (!ok)
    throw new ArgumentError(`${arg}: expected a number in ${open ? '(' : '['}${lo}, ${hi}${open ? ')' : ']'}, got ${String(value)}`, arg);
  return value as number;
}

/** Throws when every value of `x` is the same (variance 0). */
export function checkNotConstant(x: Float64Array, arg = 'x'): void {
  for (let i = 1; i < x.length; i++) if (x[i] !== x[0]) return;
  throw new ArgumentError(`${arg}: the series is constant (all ${x.length} values equal ${x[0]}); it has no variance to model`, arg);
}

export function mean(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  return s / x.length;
}

/** `x - mean(x)` as a new array. */
export function demeaned(x: ArrayLike<number>): Float64Array {
  const m = mean(x);
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = x[i] - m;
  return out;
}

/** The d-th difference, numpy's `np.diff(x, n=d)`. */
export function diff(x: ArrayLike<number>, d = 1): Float64Array {
  let cur = Float64Array.from(x);
  for (let k = 0; k < d; k++) {
    const next = new Float64Array(Math.max(cur.length - 1, 0));
    for (let i = 0; i < next.length; i++) next[i] = cur[i + 1] - cur[i];
    cur = next;
  }
  return cur;
}
