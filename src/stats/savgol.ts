/**
 * Savitzky–Golay smoothing: the kernel that fits a degree-`polyorder` polynomial by least
 * squares to each window and reads off its value (or derivative) at the centre —
 * scipy.signal.savgol_coeffs / savgol_filter, including the default `interp` edge mode.
 */
import { ArgumentError } from '../core/index.js';
import { lstsq, solve } from './linalg.js';
import { type Boundary, checkBoundary, convolveValid, pad1d } from './pad.js';
import { checkInt, checkNumber, type SeriesLike, toSeries } from './series.js';

function factorial(k: number): number {
  let f = 1;
  for (let i = 2; i <= k; i++) f *= i;
  return f;
}

/** Convolution coefficients, scipy.signal.savgol_coeffs(window, polyorder, deriv, delta, use='conv'). */
export function savgolCoeffs(window: number, polyorder: number, opts: { deriv?: number; delta?: number } = {}): Float64Array {
  checkInt(window, 'window', 1);
  checkInt(polyorder, 'polyorder', 0, window - 1);
  const deriv = checkInt(opts.deriv ?? 0, 'deriv', 0);
  const delta = checkNumber(opts.delta ?? 1, 'delta', 0, Infinity, true);
  const coeffs = new Float64Array(window);
  if (deriv > polyorder) return coeffs;
  const half = Math.floor(window / 2);
  const pos = window % 2 ? half : half - 0.5;
  const m = polyorder + 1;
  // A[o][i] = x_i^o with x reversed (use='conv'); minimum-norm solution c = Aᵀ (A Aᵀ)⁻¹ y
  const xs = Float64Array.from({ length: window }, (_, i) => window - 1 - i - pos);
  const gram = new Float64Array(m * m); // [m, m] = A Aᵀ
  for (let r = 0; r < m; r++) for (let c = 0; c < m; c++) for (let i = 0; i < window; i++) gram[r * m + c] += xs[i] ** (r + c);
  const y = new Float64Array(m);
  y[deriv] = factorial(deriv) / delta ** deriv;
  const z = solve(gram, y, m, 'polyorder');
  for (let i = 0; i < window; i++) {
    let s = 0;
    for (let o = 0; o < m; o++) s += z[o] * xs[i] ** o;
    coeffs[i] = s;
  }
  return coeffs;
}

/**
 * scipy.signal.savgol_filter(x, window, polyorder, deriv, delta, mode, cval). `mode: 'interp'`
 * (default) fits the polynomial to the first and last windows for the edge samples.
 */
export function savgolFilter(
  x: SeriesLike,
  window: number,
  polyorder: number,
  opts: { deriv?: number; delta?: number; mode?: Boundary | 'interp'; cval?: number } = {},
): Float64Array {
  const xs = toSeries(x, 'x');
  const k = savgolCoeffs(window, polyorder, opts);
  const mode = opts.mode ?? 'interp';
  const before = Math.floor(window / 2);
  const after = Math.floor((window - 1) / 2);
  if (mode !== 'interp') return convolveValid(pad1d(xs, before, after, checkBoundary(mode, 'mode'), opts.cval ?? 0), k);
  if (window > xs.length) throw new ArgumentError(`window: ${window} exceeds the series length ${xs.length} for mode 'interp'`, 'window');
  if (window % 2 === 0) throw new ArgumentError(`window: mode 'interp' needs an odd window, got ${window}`, 'window');
  const y = convolveValid(pad1d(xs, before, after, 'constant'), k);
  fitEdge(xs, y, 0, window, polyorder, opts.deriv ?? 0, opts.delta ?? 1, 0, before);
  fitEdge(xs, y, xs.length - window, xs.length, polyorder, opts.deriv ?? 0, opts.delta ?? 1, xs.length - before, xs.length);
  return y;
}

/** Fit a polynomial to x[lo:hi) and write its deriv-th derivative at [from, to) into y. */
function fitEdge(
  x: Float64Array,
  y: Float64Array,
  lo: number,
  hi: number,
  order: number,
  deriv: number,
  delta: number,
  from: number,
  to: number,
) {
  const rows = hi - lo;
  const cols = order + 1;
  const vander = new Float64Array(rows * cols); // [rows, cols], t^c for t = 0..rows-1
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) vander[r * cols + c] = r ** c;
  const { beta } = lstsq(vander, x.slice(lo, hi), rows, cols);
  for (let i = from; i < to; i++) {
    const t = i - lo;
    let s = 0;
    for (let c = deriv; c < cols; c++) s += (beta[c] * factorial(c) * t ** (c - deriv)) / factorial(c - deriv);
    y[i] = s / delta ** deriv;
  }
}
