/**
 * ARIMA(p, d, q) — and seasonal SARIMA(p, d, q)(P, D, Q)_s — with a deterministic trend,
 * fitted by exact Gaussian maximum likelihood: the Kalman filter of statespace.ts on the
 * differenced series, started from a conditional-sum-of-squares fit (start.ts) and optimised by
 * BFGS over a stationarity- and invertibility-enforcing parameterisation (params.ts) — the
 * estimator of statsmodels' `ARIMA(y, order, seasonal_order, trend).fit()`. Standard errors by
 * outer product of gradients (statsmodels' default) or the numerical Hessian.
 */
import { ArgumentError, LimitError } from '../../core/index.js';
import { lstsq } from '../linalg.js';
import { checkInt, checkNumber, type SeriesLike, toSeries } from '../series.js';
import { type CovType, covariance } from './covariance.js';
import { exactStart, type ForecastStart, levelsStart } from './forecast.js';
import {
  type ArimaData,
  type ArmaParams,
  type Diffuse,
  demeanedBy,
  differenceBy,
  integrationPolynomial,
  levelsBy,
  systemOf,
} from './model.js';
import { minimizeBfgs } from './optimize.js';
import { unpack } from './params.js';
import { ArimaResult } from './result.js';
import { type StartParams, startValues } from './start.js';
import { concentratedLoglik, kalmanArma, kalmanLevels, loglikAt } from './statespace.js';
import { pacfFromAr } from './transform.js';
import { type Trend, trendColumns, trendPowers } from './trend.js';

export type Order = readonly [number, number, number];
/** Seasonal order (P, D, Q, s). */
export type SeasonalOrder = readonly [number, number, number, number];

export interface ArimaOptions {
  /** Seasonal part (P, D, Q, s), s ≥ 2 (default none). */
  seasonal?: SeasonalOrder;
  /** Default 'c' when d + D = 0, else 'n' (statsmodels' default). */
  trend?: Trend;
  /** 'opg' (default, as statsmodels), 'approx' (numerical Hessian) or 'none'. */
  covType?: CovType;
  /** BFGS iteration limit (default 200). */
  maxIter?: number;
  /** Gradient tolerance on −loglik / n in the unconstrained parameters (default 1e-6). */
  gtol?: number;
  /** Start values instead of the CSS start; AR parts must be stationary and MA parts invertible. */
  startParams?: StartParams;
  /** Return a non-converged fit (flagged `converged: false`) instead of throwing. */
  allowNonConvergence?: boolean;
  /**
   * How the level states start when d > 0: 'exact' (default; the exact diffuse likelihood,
   * i.e. that of the differenced series) or 'approximate' (variance `kappa`, first d
   * observations burnt — statsmodels' default, to reproduce its numbers; D = 0 only).
   */
  diffuse?: Diffuse;
  /** Level-state variance for diffuse 'approximate' (default 1e6, statsmodels' initial_variance). */
  kappa?: number;
}

function prepare(x: SeriesLike, order: Order, opts: ArimaOptions): { data: ArimaData; trend: Trend; label: string } {
  const y = toSeries(x, 'x');
  if (!Array.isArray(order) || order.length !== 3) throw new ArgumentError(`order: expected [p, d, q], got ${String(order)}`, 'order');
  const p = checkInt(order[0], 'order[0] (p)', 0, 50);
  const d = checkInt(order[1], 'order[1] (d)', 0, 3);
  const q = checkInt(order[2], 'order[2] (q)', 0, 50);
  const so = opts.seasonal ?? [0, 0, 0, 0];
  if (!Array.isArray(so) || so.length !== 4) throw new ArgumentError(`seasonal: expected [P, D, Q, s], got ${String(so)}`, 'seasonal');
  const P = checkInt(so[0], 'seasonal[0] (P)', 0, 4);
  const D = checkInt(so[1], 'seasonal[1] (D)', 0, 2);
  const Q = checkInt(so[2], 'seasonal[2] (Q)', 0, 4);
  const s = P + D + Q > 0 ? checkInt(so[3], 'seasonal[3] (s)', 2, 366) : 0;
  const label = `ARIMA(${p},${d},${q})${s ? `(${P},${D},${Q},${s})` : ''}`;
  const trend = opts.trend ?? (d + D === 0 ? 'c' : 'n');
  const powers = trendPowers(trend, d + D);
  const integ = integrationPolynomial(d, D, s);
  const w = differenceBy(y, integ);
  const need = p + q + s * (P + Q) + powers.length + 3;
  if (w.length < need) {
    throw new ArgumentError(
      `x: a series of length ${y.length} is too short for ${label} with trend '${trend}'; need at least ${need + integ.length - 1} values`,
      'x',
    );
  }
  const diffuse = opts.diffuse ?? 'exact';
  if (diffuse !== 'exact' && diffuse !== 'approximate')
    throw new ArgumentError(`diffuse: expected exact or approximate, got ${String(diffuse)}`, 'diffuse');
  if (diffuse === 'approximate' && D > 0)
    throw new ArgumentError("diffuse: 'approximate' is implemented for regular differencing only (D = 0)", 'diffuse');
  const kappa = checkNumber(opts.kappa ?? 1e6, 'kappa', 0, Infinity, true);
  const data: ArimaData = { y, w, z: trendColumns(powers, integ, y.length), p, d, q, P, D, Q, s, integ, powers, diffuse, kappa };
  return { data, trend, label };
}

export function arima(x: SeriesLike, order: Order, opts: ArimaOptions = {}): ArimaResult {
  const { data, trend, label } = prepare(x, order, opts);
  const { d, w } = data;
  const scale = residualScale(data);
  const start = startValues(data, scale, opts.startParams);
  const optim = { gtol: opts.gtol ?? 1e-6, maxIter: opts.maxIter ?? 200 };
  const nll = (u: Float64Array): number => -exactLoglik(data, unpack(data, u), scale) / w.length;
  let fit = minimizeBfgs(nll, start.u, optim);
  let logSigma2: number | undefined;
  if (data.diffuse === 'approximate' && d > 0 && fit.converged) {
    // refine under statsmodels' approximate diffuse likelihood, σ² now a free parameter
    const first = unpack(data, fit.x);
    const s2 = concentratedLoglik(kalmanArma(demeanedBy(data, first.beta, scale), systemOf(first, data.s))).sigma2;
    const nllApprox = (u: Float64Array): number =>
      -approxLoglik(data, unpack(data, u.subarray(0, -1)), Math.exp(u[u.length - 1]), scale) / w.length;
    const refined = minimizeBfgs(nllApprox, Float64Array.from([...fit.x, Math.log(s2)]), optim);
    logSigma2 = refined.x[refined.x.length - 1];
    fit = { ...refined, x: refined.x.slice(0, -1), iterations: fit.iterations + refined.iterations };
  }
  if (!fit.converged && !opts.allowNonConvergence) {
    const g = Math.max(...Array.from(fit.grad, Math.abs)).toExponential(2);
    throw new LimitError(
      `maxIter: the likelihood optimisation did not converge for ${label} (${fit.message}, ${fit.iterations} iterations, max |gradient| ${g}); try another order, more iterations, or allowNonConvergence`,
      'maxIter',
    );
  }
  const scaled = unpack(data, fit.x);
  const params: ArmaParams = { ...scaled, beta: scaled.beta.map((b) => b * scale) };
  const sys = systemOf(params, data.s);
  let sigma2: number;
  let loglik: number;
  let residuals: Float64Array;
  let forecastStart: ForecastStart;
  if (logSigma2 !== undefined) {
    sigma2 = Math.exp(logSigma2) * scale * scale;
    const out = kalmanLevels(levelsBy(data, params.beta), sys, d, data.kappa / sigma2, true);
    loglik = loglikAt(out, sigma2);
    residuals = out.v!;
    forecastStart = levelsStart(data, params, out.x, out.px);
  } else {
    const out = kalmanArma(demeanedBy(data, params.beta), sys, true);
    ({ loglik, sigma2 } = concentratedLoglik(out));
    residuals = out.v!;
    forecastStart = exactStart(data, params, out.a, out.p);
  }
  const warnings = [...start.warnings, ...rootWarnings(params)];
  const cov = covariance(data, params, sigma2, opts.covType ?? 'opg', warnings);
  return new ArimaResult({
    data,
    trend,
    params,
    sigma2,
    loglik,
    residuals,
    start: forecastStart,
    cov,
    converged: fit.converged,
    iterations: fit.iterations,
    warnings,
  });
}

/** Warn when the estimate sits at the edge of the stationary / invertible region. */
function rootWarnings(par: ArmaParams): string[] {
  const edge = (r: Float64Array | null) => r?.some((v) => Math.abs(v) > 0.99) ?? false;
  const out: string[] = [];
  if (edge(pacfFromAr(par.phi)) || edge(pacfFromAr(par.sphi))) {
    out.push('an AR polynomial has a root at or near the unit circle: the series may need another difference');
  }
  if (edge(pacfFromAr(Array.from(par.theta, (v) => -v))) || edge(pacfFromAr(Array.from(par.stheta, (v) => -v)))) {
    out.push('an MA polynomial has a root at or near the unit circle: the series may be over-differenced');
  }
  return out;
}

/** Exact concentrated log-likelihood of the (scaled) data. */
function exactLoglik(data: ArimaData, par: ArmaParams, scale: number): number {
  return concentratedLoglik(kalmanArma(demeanedBy(data, par.beta, scale), systemOf(par, data.s))).loglik;
}

/** statsmodels' approximate-diffuse log-likelihood of the (scaled) data at σ² (scaled units). */
function approxLoglik(data: ArimaData, par: ArmaParams, sigma2: number, scale: number): number {
  const out = kalmanLevels(levelsBy(data, par.beta, scale), systemOf(par, data.s), data.d, data.kappa / (scale * scale) / sigma2);
  return loglikAt(out, sigma2);
}

/** Standard deviation of the differenced series around its trend; refuses a constant series. */
function residualScale(data: ArimaData): number {
  const { w, z } = data;
  let resid = w;
  if (z.length > 0) {
    const X = new Float64Array(w.length * z.length); // [n − K, k]
    for (let t = 0; t < w.length; t++) for (let j = 0; j < z.length; j++) X[t * z.length + j] = z[j][t];
    resid = demeanedBy(data, lstsq(X, w, w.length, z.length).beta);
  }
  let m = 0;
  for (const v of resid) m += v;
  m /= resid.length;
  let ss = 0;
  for (const v of resid) ss += (v - m) ** 2;
  const s = Math.sqrt(ss / resid.length);
  if (!(s > 1e-12 * (Math.max(...Array.from(w, Math.abs)) || 1))) {
    const K = data.integ.length - 1;
    throw new ArgumentError(
      `x: the series${K > 0 ? ' after differencing' : ''} is constant (or an exact trend); there is no noise to model`,
      'x',
    );
  }
  return s;
}
