/**
 * The convolution view of an ARIMA process: x = ψ * e, where the kernel ψ (the impulse
 * response, or MA(∞) weights) is the series expansion of θ(z) / (φ(z) (1 − z)^d). Filtering
 * white noise through the model (`armaFilter`) is `lfilter([1, θ], [1, −φ], e)`.
 */
import { Rng } from '../../core/index.js';
import { lfilterRaw } from '../lfilter.js';
import { checkInt, checkNumber } from '../series.js';
import { integrationPolynomial, polyMul } from './model.js';

/** Coefficients of 1 − Σ φ_i z^i times (1 − z)^d (1 − z^s)^D. */
export function arPolynomial(phi: ArrayLike<number>, d = 0, seasonal?: { D: number; s: number }): Float64Array {
  const base = Float64Array.from([1, ...Array.from(phi, (v) => -v)]);
  return polyMul(base, integrationPolynomial(d, seasonal?.D ?? 0, seasonal?.s ?? 0));
}

function filterWith(num: Float64Array, den: Float64Array, e: Float64Array): Float64Array {
  const n = Math.max(num.length, den.length);
  const b = new Float64Array(n);
  const a = new Float64Array(n);
  b.set(num);
  a.set(den);
  return lfilterRaw(b, a, e, new Float64Array(n - 1));
}

/**
 * ψ_0..ψ_{n−1} of θ(z) / (φ(z)(1 − z)^d (1 − z^s)^D): statsmodels' arma2ma([1, −φ], [1, θ], n)
 * for d = D = 0. φ and θ are the full (expanded) coefficients.
 */
export function impulseResponse(
  phi: ArrayLike<number>,
  theta: ArrayLike<number>,
  n: number,
  opts: { d?: number; seasonal?: { D: number; s: number } } = {},
): Float64Array {
  checkInt(n, 'n', 0);
  const delta = new Float64Array(n);
  if (n > 0) delta[0] = 1;
  return filterWith(Float64Array.from([1, ...Array.from(theta)]), arPolynomial(phi, checkInt(opts.d ?? 0, 'd', 0), opts.seasonal), delta);
}

/** u_t = Σ φ_i u_{t−i} + e_t + Σ θ_j e_{t−j}, zero before the start. */
export function armaFilter(phi: ArrayLike<number>, theta: ArrayLike<number>, e: ArrayLike<number>): Float64Array {
  return filterWith(Float64Array.from([1, ...Array.from(theta)]), arPolynomial(phi), Float64Array.from(e));
}

export interface ArimaProcess {
  ar?: ArrayLike<number>;
  ma?: ArrayLike<number>;
  d?: number;
  /** Seasonal differencing (1 − B^s)^D applied after the ARMA noise (default none). */
  seasonal?: { D: number; s: number };
  sigma2?: number;
  /** Trend coefficients by power of t = 1, 2, …: [const] or [const, drift] etc. */
  trend?: { powers: number[]; coefs: ArrayLike<number> };
}

/**
 * A sample path of length n: Σ β_k t^k plus the d-fold cumulative sum of ARMA noise driven
 * by Normal(0, σ²) innovations from `seed`, after `burnin` discarded ARMA steps.
 */
export function simulateArima(model: ArimaProcess, n: number, opts: { seed?: number; burnin?: number } = {}): Float64Array {
  checkInt(n, 'n', 0);
  const phi = model.ar ?? [];
  const theta = model.ma ?? [];
  const d = checkInt(model.d ?? 0, 'd', 0);
  const sigma = Math.sqrt(checkNumber(model.sigma2 ?? 1, 'sigma2', 0));
  const burnin = checkInt(opts.burnin ?? 100 + 10 * (phi.length + theta.length), 'burnin', 0);
  const e = new Rng(opts.seed ?? 0).fillNormal(new Float64Array(n + burnin), 0, sigma);
  // integrate: u ← u / ((1 − B)^d (1 − B^s)^D), starting from zeros
  const integ = integrationPolynomial(d, model.seasonal?.D ?? 0, model.seasonal?.s ?? 0);
  const u = filterWith(Float64Array.of(1), integ, armaFilter(phi, theta, e).slice(burnin));
  if (model.trend) {
    const { powers, coefs } = model.trend;
    for (let t = 0; t < n; t++) for (let j = 0; j < powers.length; j++) u[t] += coefs[j] * (t + 1) ** powers[j];
  }
  return u;
}
