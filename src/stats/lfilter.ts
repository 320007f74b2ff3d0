/**
 * IIR / FIR filtering with scipy.signal's semantics: `lfilter(b, a, x, { zi })` (direct form II
 * transposed, normalised by a[0]), `lfilterZi` (steady-state initial conditions) and
 * `filtfilt` (forward-backward, zero phase, odd padding of 3·max(len(a), len(b)) by default).
 */
import { ArgumentError } from '../core/index.js';
import { solve } from './linalg.js';
import { type SeriesLike, toSeries } from './series.js';

function coefficients(b: ArrayLike<number>, a: ArrayLike<number>): { b: Float64Array; a: Float64Array; n: number } {
  const bb = toSeries(b, 'b');
  const aa = toSeries(a, 'a');
  if (aa[0] === 0) throw new ArgumentError('a: the leading denominator coefficient a[0] must be non-zero', 'a');
  const n = Math.max(aa.length, bb.length);
  const bn = new Float64Array(n); // [n], padded with zeros and divided by a[0]
  const an = new Float64Array(n);
  for (let i = 0; i < bb.length; i++) bn[i] = bb[i] / aa[0];
  for (let i = 0; i < aa.length; i++) an[i] = aa[i] / aa[0];
  return { b: bn, a: an, n };
}

/**
 * y[t] = (Σ b[k] x[t−k] − Σ_{k≥1} a[k] y[t−k]) / a[0], scipy.signal.lfilter.
 * With `zi` (length max(len a, len b) − 1) also returns the final state `zf`.
 */
export function lfilter(b: ArrayLike<number>, a: ArrayLike<number>, x: SeriesLike, opts: { zi?: ArrayLike<number> } = {}) {
  const c = coefficients(b, a);
  const xs = toSeries(x, 'x', 0);
  const z = new Float64Array(Math.max(c.n - 1, 0)); // [n-1] delay line
  if (opts.zi !== undefined) {
    if (opts.zi.length !== z.length) {
      throw new ArgumentError(`zi: expected ${z.length} initial conditions (max(len(a), len(b)) - 1), got ${opts.zi.length}`, 'zi');
    }
    z.set(opts.zi);
  }
  const y = lfilterRaw(c.b, c.a, xs, z);
  return { y, zf: z };
}

/** The inner loop: filters `x` with normalised, equal-length b and a, updating `z` in place. */
export function lfilterRaw(b: Float64Array, a: Float64Array, x: Float64Array, z: Float64Array): Float64Array {
  const n = b.length;
  const y = new Float64Array(x.length);
  if (n === 1) {
    for (let t = 0; t < x.length; t++) y[t] = b[0] * x[t];
    return y;
  }
  for (let t = 0; t < x.length; t++) {
    const xt = x[t];
    const yt = z[0] + b[0] * xt;
    for (let k = 1; k < n - 1; k++) z[k - 1] = z[k] + b[k] * xt - a[k] * yt;
    z[n - 2] = b[n - 1] * xt - a[n - 1] * yt;
    y[t] = yt;
  }
  return y;
}

/** Initial state for the step response's steady state, scipy.signal.lfilter_zi. */
export function lfilterZi(b: ArrayLike<number>, a: ArrayLike<number>): Float64Array {
  const c = coefficients(b, a);
  const m = c.n - 1;
  if (m === 0) return new Float64Array(0);
  // (I − companion(a)ᵀ) zi = b[1:] − a[1:] b[0]
  const lhs = new Float64Array(m * m); // [m, m]
  const rhs = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    lhs[i * m + i] += 1;
    lhs[i * m] += c.a[i + 1];
    if (i + 1 < m) lhs[i * m + i + 1] -= 1;
    rhs[i] = c.b[i + 1] - c.a[i + 1] * c.b[0];
  }
  return solve(lhs, rhs, m, 'a');
}

export type PadType = 'odd' | 'even' | 'constant' | 'none';

/**
 * Zero-phase forward-backward filter, scipy.signal.filtfilt(b, a, x, padtype, padlen)
 * with method 'pad'. The series must be longer than `padlen`.
 */
export function filtfilt(
  b: ArrayLike<number>,
  a: ArrayLike<number>,
  x: SeriesLike,
  opts: { padtype?: PadType; padlen?: number } = {},
): Float64Array {
  const c = coefficients(b, a);
  const xs = toSeries(x, 'x');
  const padtype = opts.padtype ?? 'odd';
  if (!['odd', 'even', 'constant', 'none'].includes(padtype)) {
    throw new ArgumentError(`padtype: expected odd, even, constant or none, got ${String(padtype)}`, 'padtype');
  }
  const padlen = padtype === 'none' ? 0 : (opts.padlen ?? 3 * c.n);
  if (!Number.isInteger(padlen) || padlen < 0) throw new ArgumentError(`padlen: expected a non-negative integer, got ${padlen}`, 'padlen');
  if (xs.length <= padlen) {
    throw new ArgumentError(`x: the series (length ${xs.length}) must be longer than padlen = ${padlen}`, 'x');
  }
  const ext = extend(xs, padlen, padtype);
  const zi = lfilterZi(c.b, c.a);
  const fwd = lfilterRaw(
    c.b,
    c.a,
    ext,
    zi.map((v) => v * ext[0]),
  );
  fwd.reverse();
  const back = lfilterRaw(
    c.b,
    c.a,
    fwd,
    zi.map((v) => v * fwd[0]),
  );
  back.reverse();
  return back.slice(padlen, padlen + xs.length);
}

function extend(x: Float64Array, p: number, padtype: PadType): Float64Array {
  const n = x.length;
  const out = new Float64Array(n + 2 * p); // [p | n | p]
  out.set(x, p);
  for (let i = 1; i <= p; i++) {
    const left = x[i];
    const right = x[n - 1 - i];
    if (padtype === 'odd') {
      out[p - i] = 2 * x[0] - left;
      out[p + n - 1 + i] = 2 * x[n - 1] - right;
    } else if (padtype === 'even') {
      out[p - i] = left;
      out[p + n - 1 + i] = right;
    } else {
      out[p - i] = x[0];
      out[p + n - 1 + i] = x[n - 1];
    }
  }
  return out;
}
