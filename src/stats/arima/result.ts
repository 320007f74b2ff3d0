/**
 * A fitted ARIMA: coefficients with standard errors, σ², log-likelihood and information
 * criteria (statsmodels' definitions: k counts σ², n_eff = n − d), residuals, forecasts with
 * intervals, the impulse-response kernel and simulation.
 */
import { checkInt, checkNumber } from '../series.js';
import { normPpf } from '../special.js';
import { type ForecastStart, forecastArima } from './forecast.js';
import { type ArimaData, type ArmaParams, expanded } from './model.js';
import { fullVector } from './params.js';
import { impulseResponse, simulateArima } from './process.js';
import { type Trend, trendNames } from './trend.js';

export interface Forecast {
  /** [h] forecast means. */
  mean: Float64Array;
  /** [h] forecast standard errors. */
  se: Float64Array;
  /** [h] lower and upper (1 − alpha) interval limits. */
  lower: Float64Array;
  upper: Float64Array;
  alpha: number;
}

interface ResultParts {
  data: ArimaData;
  trend: Trend;
  params: ArmaParams;
  sigma2: number;
  loglik: number;
  /** [n − d] one-step errors of the final filter. */
  residuals: Float64Array;
  start: ForecastStart;
  cov: Float64Array | null;
  converged: boolean;
  iterations: number;
  warnings: string[];
}

export class ArimaResult {
  readonly order: readonly [number, number, number];
  /** (P, D, Q, s), or null for a non-seasonal model. */
  readonly seasonalOrder: readonly [number, number, number, number] | null;
  readonly trend: Trend;
  /** Names of `params`: const / drift, ar.L1…, ma.L1…, ar.S.L12…, ma.S.L12…, sigma2 (statsmodels' order). */
  readonly paramNames: string[];
  /** [k] all estimates, σ² last. */
  readonly params: Float64Array;
  /** [k] standard errors (NaN when unavailable). */
  readonly bse: Float64Array;
  /** [k, k] covariance of the estimates, or null with covType 'none'. */
  readonly cov: Float64Array | null;
  readonly trendCoefs: Float64Array;
  readonly ar: Float64Array;
  readonly ma: Float64Array;
  readonly seasonalAr: Float64Array;
  readonly seasonalMa: Float64Array;
  readonly sigma2: number;
  readonly loglik: number;
  readonly aic: number;
  readonly aicc: number;
  readonly bic: number;
  readonly hqic: number;
  /** Observations given, and those the likelihood counts (n − d). */
  readonly nobs: number;
  readonly nobsEffective: number;
  /** [n − d] one-step-ahead forecast errors of the differenced series (= of the levels), from index d on. */
  readonly residuals: Float64Array;
  /** [n] one-step-ahead predictions of the series (NaN for the first d values). */
  readonly fitted: Float64Array;
  readonly converged: boolean;
  readonly iterations: number;
  readonly warnings: string[];
  private readonly parts: ResultParts;

  constructor(parts: ResultParts) {
    const { data, params, sigma2, loglik, cov } = parts;
    this.parts = parts;
    this.order = [data.p, data.d, data.q];
    this.seasonalOrder = data.s ? [data.P, data.D, data.Q, data.s] : null;
    this.trend = parts.trend;
    this.paramNames = [
      ...trendNames(data.powers),
      ...Array.from({ length: data.p }, (_, i) => `ar.L${i + 1}`),
      ...Array.from({ length: data.q }, (_, i) => `ma.L${i + 1}`),
      ...Array.from({ length: data.P }, (_, i) => `ar.S.L${data.s * (i + 1)}`),
      ...Array.from({ length: data.Q }, (_, i) => `ma.S.L${data.s * (i + 1)}`),
      'sigma2',
    ];
    this.params = fullVector(params, sigma2);
    const k = this.params.length;
    this.cov = cov;
    this.bse = Float64Array.from({ length: k }, (_, i) => (cov ? Math.sqrt(cov[i * k + i]) : Number.NaN));
    this.trendCoefs = params.beta;
    this.ar = params.phi;
    this.ma = params.theta;
    this.seasonalAr = params.sphi;
    this.seasonalMa = params.stheta;
    this.sigma2 = sigma2;
    this.loglik = loglik;
    this.nobs = data.y.length;
    this.nobsEffective = data.w.length;
    const n = this.nobsEffective;
    this.aic = -2 * loglik + 2 * k;
    this.aicc = this.aic + (2 * k * (k + 1)) / (n - k - 1);
    this.bic = -2 * loglik + k * Math.log(n);
    this.hqic = -2 * loglik + 2 * k * Math.log(Math.log(n));
    this.residuals = parts.residuals;
    this.fitted = new Float64Array(this.nobs).fill(Number.NaN);
    for (let t = 0; t < n; t++) this.fitted[t + data.d] = data.y[t + data.d] - this.residuals[t];
    this.converged = parts.converged;
    this.iterations = parts.iterations;
    this.warnings = parts.warnings;
  }

  /** h-step forecasts of the series with (1 − alpha) intervals (default alpha 0.05). */
  forecast(h: number, opts: { alpha?: number } = {}): Forecast {
    checkInt(h, 'h', 1, 100_000);
    const alpha = checkNumber(opts.alpha ?? 0.05, 'alpha', 0, 1, true);
    const { mean, variance } = forecastArima(this.parts.data, this.parts.params, this.sigma2, this.parts.start, h);
    const z = normPpf(1 - alpha / 2);
    const se = variance.map(Math.sqrt);
    return { mean, se, lower: mean.map((m, i) => m - z * se[i]), upper: mean.map((m, i) => m + z * se[i]), alpha };
  }

  /** ψ_0..ψ_{n−1}: the kernel that convolves white noise into the (integrated) process. */
  impulseResponse(n: number): Float64Array {
    const { ar, ma } = expanded(this.parts.params, this.parts.data.s);
    return impulseResponse(ar, ma, n, { d: this.order[1], seasonal: { D: this.parts.data.D, s: this.parts.data.s } });
  }

  /** A fresh sample path of length n from the fitted model (seeded). */
  simulate(n: number, opts: { seed?: number; burnin?: number } = {}): Float64Array {
    const { ar, ma } = expanded(this.parts.params, this.parts.data.s);
    return simulateArima(
      {
        ar,
        ma,
        d: this.order[1],
        seasonal: { D: this.parts.data.D, s: this.parts.data.s },
        sigma2: this.sigma2,
        trend: { powers: this.parts.data.powers, coefs: this.trendCoefs },
      },
      n,
      opts,
    );
  }

  /** A plain object for JSON (snake_case, as the CLI prints it). */
  toJSON(): Record<string, unknown> {
    const params: Record<string, number> = {};
    const bse: Record<string, number | null> = {};
    this.paramNames.forEach((name, i) => {
      params[name] = this.params[i];
      bse[name] = Number.isFinite(this.bse[i]) ? this.bse[i] : null;
    });
    return {
      order: [...this.order],
      seasonal_order: this.seasonalOrder ? [...this.seasonalOrder] : null,
      trend: this.trend,
      params,
      bse,
      sigma2: this.sigma2,
      loglik: this.loglik,
      aic: this.aic,
      aicc: this.aicc,
      bic: this.bic,
      hqic: this.hqic,
      nobs: this.nobs,
      nobs_effective: this.nobsEffective,
      converged: this.converged,
      iterations: this.iterations,
      warnings: this.warnings,
    };
  }
}
