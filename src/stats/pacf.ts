/**
 * Partial autocorrelation (statsmodels.tsa.stattools.pacf): Levinson–Durbin on the
 * autocovariances (Yule–Walker), successive OLS regressions, or Burg's lattice recursion.
 */
import { ArgumentError } from '../core/index.js';
import { acovf } from './acf.js';
import { lstsq } from './linalg.js';
import { checkInt, checkNotConstant, checkNumber, demeaned, type SeriesLike, toSeries } from './series.js';
import { normPpf } from './special.js';

export interface Levinson {
  /** AR coefficients of order nlags (φ_1..φ_p, with x_t = Σ φ_i x_{t−i} + e_t). */
  ar: Float64Array;
  /** Innovation variance of order nlags. */
  sigma2: number;
  /** Partial autocorrelations, lags 0..nlags (pacf[0] = 1). */
  pacf: Float64Array;
}

/**
 * Levinson–Durbin recursion on autocovariances γ_0..γ_p (statsmodels' levinson_durbin with
 * isacov=True). Solves the Yule–Walker Toeplitz system in O(p²).
 */
export function levinsonDurbin(acov: ArrayLike<number>, nlags = acov.length - 1): Levinson {
  checkInt(nlags, 'nlags', 1, acov.length - 1);
  let phi = new Float64Array(nlags + 1); // phi[j] = φ_{k,j}, 1-based
  const pacf = new Float64Array(nlags + 1);
  pacf[0] = 1;
  if (!(acov[0] > 0)) throw new ArgumentError(`acov: the lag-0 autocovariance must be positive, got ${acov[0]}`, 'acov');
  let sig = acov[0];
  for (let k = 1; k <= nlags; k++) {
    let num = acov[k];
    for (let j = 1; j < k; j++) num -= phi[j] * acov[k - j];
    const kk = num / sig;
    const next = new Float64Array(nlags + 1);
    for (let j = 1; j < k; j++) next[j] = phi[j] - kk * phi[k - j];
    next[k] = kk;
    phi = next;
    pacf[k] = kk;
    sig *= 1 - kk * kk;
  }
  return { ar: phi.slice(1), sigma2: sig, pacf };
}

/**
 * Burg's method (statsmodels' pacf_burg, a line-by-line port): partial autocorrelations
 * 0..nlags and the innovation variance at each order.
 */
export function pacfBurg(x: SeriesLike, nlags: number, opts: { demean?: boolean } = {}): { pacf: Float64Array; sigma2: Float64Array } {
  const xs0 = toSeries(x, 'x', 2);
  const xs = opts.demean === false ? xs0 : demeaned(xs0);
  const n = xs.length;
  const p = checkInt(nlags, 'nlags', 1, n - 1);
  const d = new Float64Array(p + 1);
  const pacf = new Float64Array(p + 1);
  d[0] = 2 * dot(xs, 0, xs, 0, n);
  const u = xs.slice().reverse();
  const v = xs.slice().reverse();
  d[1] = dot(u, 0, u, 0, n - 1) + dot(v, 1, v, 1, n - 1);
  pacf[1] = (2 / d[1]) * dot(v, 1, u, 0, n - 1);
  const lastU = new Float64Array(n);
  const lastV = new Float64Array(n);
  for (let i = 1; i < p; i++) {
    lastU.set(u);
    lastV.set(v);
    for (let t = 1; t < n; t++) {
      u[t] = lastU[t - 1] - pacf[i] * lastV[t];
      v[t] = lastV[t] - pacf[i] * lastU[t - 1];
    }
    d[i + 1] = (1 - pacf[i] ** 2) * d[i] - v[i] ** 2 - u[n - 1] ** 2;
    pacf[i + 1] = (2 / d[i + 1]) * dot(v, i + 1, u, i, n - 1 - i);
  }
  const sigma2 = Float64Array.from({ length: p + 1 }, (_, k) => ((1 - pacf[k] ** 2) * d[k]) / (2 * (n - k)));
  pacf[0] = 1;
  return { pacf, sigma2 };
}

function dot(a: Float64Array, ia: number, b: Float64Array, ib: number, len: number): number {
  let s = 0;
  for (let t = 0; t < len; t++) s += a[ia + t] * b[ib + t];
  return s;
}

/** statsmodels pacf_ols (efficient form): regress x_t on 1, x_{t−1}..x_{t−k} for each k; the last coefficient. */
export function pacfOls(x: SeriesLike, nlags: number, opts: { adjusted?: boolean } = {}): Float64Array {
  const xs = toSeries(x, 'x', 2);
  const n = xs.length;
  checkInt(nlags, 'nlags', 1, Math.floor(n / 2) - 1);
  const out = new Float64Array(nlags + 1);
  out[0] = 1;
  for (let k = 1; k <= nlags; k++) {
    const rows = n - k;
    const cols = k + 1;
    const X = new Float64Array(rows * cols); // [rows, 1 + k]
    const y = new Float64Array(rows);
    for (let r = 0; r < rows; r++) {
      const t = r + k;
      X[r * cols] = 1;
      for (let j = 1; j <= k; j++) X[r * cols + j] = xs[t - j];
      y[r] = xs[t];
    }
    out[k] = lstsq(X, y, rows, cols).beta[k];
  }
  if (opts.adjusted) for (let k = 0; k <= nlags; k++) out[k] *= n / (n - k);
  return out;
}

export type PacfMethod = 'yw' | 'ywadjusted' | 'ywm' | 'ywmle' | 'ld' | 'ldadjusted' | 'ldb' | 'ldbiased' | 'ols' | 'ols-adjusted' | 'burg';
const PACF_METHODS: PacfMethod[] = [
  'yw',
  'ywadjusted',
  'ywm',
  'ywmle',
  'ld',
  'ldadjusted',
  'ldb',
  'ldbiased',
  'ols',
  'ols-adjusted',
  'burg',
];

export interface PacfResult {
  pacf: Float64Array;
  lower?: Float64Array;
  upper?: Float64Array;
}

/** Default lag count of statsmodels' pacf: min(⌊10 log10 n⌋, ⌊n/2⌋ − 1). */
export function defaultPacfLags(n: number): number {
  return Math.max(1, Math.min(Math.floor(10 * Math.log10(n)), Math.floor(n / 2) - 1));
}

/**
 * Partial autocorrelation, statsmodels.tsa.stattools.pacf(x, nlags, method, alpha).
 * Methods: `yw`/`ywadjusted` (default), `ywm`/`ywmle`, `ld`/`ldadjusted`, `ldb`/`ldbiased`, `ols`, `ols-adjusted`, `burg`.
 * With `alpha`, the band is ± z_{1−α/2} / √n (zero width at lag 0).
 */
export function pacf(x: SeriesLike, opts: { nlags?: number; method?: PacfMethod; alpha?: number } = {}): PacfResult {
  const xs = toSeries(x, 'x', 4);
  checkNotConstant(xs);
  const n = xs.length;
  const nlags = checkInt(opts.nlags ?? defaultPacfLags(n), 'nlags', 1, Math.floor(n / 2) - 1);
  const method = opts.method ?? 'ywadjusted';
  if (!PACF_METHODS.includes(method))
    throw new ArgumentError(`method: expected one of ${PACF_METHODS.join(', ')}, got ${String(method)}`, 'method');
  let values: Float64Array;
  if (method === 'ols' || method === 'ols-adjusted') values = pacfOls(xs, nlags, { adjusted: method === 'ols-adjusted' });
  else if (method === 'burg') values = pacfBurg(xs, nlags).pacf;
  else {
    const adjusted = method === 'yw' || method === 'ywadjusted' || method === 'ld' || method === 'ldadjusted';
    values = levinsonDurbin(acovf(xs, { adjusted, nlags, method: 'direct' }), nlags).pacf;
  }
  if (opts.alpha === undefined) return { pacf: values };
  const half = normPpf(1 - checkNumber(opts.alpha, 'alpha', 0, 1, true) / 2) / Math.sqrt(n);
  const lower = values.map((v, k) => (k === 0 ? v : v - half));
  const upper = values.map((v, k) => (k === 0 ? v : v + half));
  return { pacf: values, lower, upper };
}
