/**
 * Pure autoregressions AR(p): x_t − μ = Σ φ_i (x_{t−i} − μ) + e_t, fitted by Yule–Walker
 * (statsmodels.regression.linear_model.yule_walker), Burg (linear_model.burg) or OLS
 * (statsmodels.tsa.ar_model.AutoReg with a constant).
 */
import { ArgumentError } from '../core/index.js';
import { acovf } from './acf.js';
import { lstsq } from './linalg.js';
import { levinsonDurbin, pacfBurg } from './pacf.js';
import { checkInt, checkNotConstant, type SeriesLike, toSeries } from './series.js';

export interface ArFit {
  /** φ_1..φ_p. */
  ar: Float64Array;
  /** Innovation variance. */
  sigma2: number;
  /** OLS only: the intercept c of x_t = c + Σ φ_i x_{t−i} + e_t. */
  const?: number;
}

function prepare(x: SeriesLike, order: number): Float64Array {
  const xs = toSeries(x, 'x', 2);
  checkInt(order, 'order', 1, xs.length - 1);
  checkNotConstant(xs);
  return xs;
}

/** Yule–Walker: `method: 'adjusted'` (divide lag k by n − k; statsmodels' default) or `'mle'` (by n). */
export function yuleWalker(x: SeriesLike, order: number, opts: { method?: 'adjusted' | 'mle'; demean?: boolean } = {}): ArFit {
  const xs = prepare(x, order);
  const method = opts.method ?? 'adjusted';
  if (method !== 'adjusted' && method !== 'mle')
    throw new ArgumentError(`method: expected adjusted or mle, got ${String(method)}`, 'method');
  const r = acovf(xs, { adjusted: method === 'adjusted', demean: opts.demean ?? true, nlags: order, method: 'direct' });
  const ld = levinsonDurbin(r, order);
  return { ar: ld.ar, sigma2: ld.sigma2 };
}

/** Burg's method: AR coefficients from the Burg partial autocorrelations. */
export function burg(x: SeriesLike, order: number, opts: { demean?: boolean } = {}): ArFit {
  const xs = prepare(x, order);
  const { pacf, sigma2 } = pacfBurg(xs, order, opts);
  return { ar: arFromPacf(pacf.subarray(1)), sigma2: sigma2[order] };
}

/** AR coefficients from partial autocorrelations (the Durbin–Levinson step, φ_kk = pacf_k). */
export function arFromPacf(partial: ArrayLike<number>): Float64Array {
  let phi = new Float64Array(0);
  for (let k = 1; k <= partial.length; k++) {
    const kk = partial[k - 1];
    const next = new Float64Array(k);
    for (let j = 0; j < k - 1; j++) next[j] = phi[j] - kk * phi[k - 2 - j];
    next[k - 1] = kk;
    phi = next;
  }
  return phi;
}

/** Conditional OLS with an intercept (AutoReg(x, p, trend='c')): sigma2 = SSR / (n − p). */
export function arOls(x: SeriesLike, order: number, opts: { trend?: 'c' | 'n' } = {}): ArFit {
  const xs = prepare(x, order);
  const withConst = (opts.trend ?? 'c') === 'c';
  const rows = xs.length - order;
  const cols = order + (withConst ? 1 : 0);
  if (rows <= cols) throw new ArgumentError(`x: length ${xs.length} is too short for an OLS AR(${order})`, 'x');
  const X = new Float64Array(rows * cols); // [rows, (1) + p]
  const y = xs.slice(order);
  for (let r = 0; r < rows; r++) {
    let c = 0;
    if (withConst) X[r * cols + c++] = 1;
    for (let i = 1; i <= order; i++) X[r * cols + c++] = xs[r + order - i];
  }
  const { beta, ssr } = lstsq(X, y, rows, cols);
  const ar = beta.slice(withConst ? 1 : 0);
  return withConst ? { ar, sigma2: ssr / rows, const: beta[0] } : { ar, sigma2: ssr / rows };
}
