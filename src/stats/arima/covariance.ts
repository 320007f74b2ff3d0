/**
 * Parameter covariance of a fitted ARIMA, over θ = (β, φ, θ_MA, Φ, Θ, σ²) in the model's own units:
 * `opg` — the inverse outer product of per-observation scores (statsmodels' default for
 * state-space models); `approx` — the inverse negative Hessian of the log-likelihood. Both by
 * central differences of the exact likelihood.
 */
import { inverse } from '../linalg.js';
import { type ArimaData, type ArmaParams, demeanedBy, levelsBy, systemOf } from './model.js';
import { fullVector, splitFull } from './params.js';
import { kalmanArma, kalmanLevels } from './statespace.js';

export type CovType = 'opg' | 'approx' | 'none';

/** Per-observation log-likelihoods at the full parameter vector θ = [β, φ, θ, Φ, Θ, σ²]. */
export function loglikObs(data: ArimaData, theta: Float64Array): Float64Array {
  const { par, sigma2 } = splitFull(data, theta);
  const sys = systemOf(par, data.s);
  const out =
    data.diffuse === 'approximate' && data.d > 0
      ? kalmanLevels(levelsBy(data, par.beta), sys, data.d, data.kappa / sigma2, true)
      : kalmanArma(demeanedBy(data, par.beta), sys, true);
  const v = out.v!;
  const f = out.f!;
  return v.map((vt, t) => -0.5 * (Math.log(2 * Math.PI) + Math.log(sigma2 * f[t]) + (vt * vt) / (sigma2 * f[t])));
}

/** Natural step scale per parameter. */
function steps(data: ArimaData, theta: Float64Array, rel: number): Float64Array {
  const k = data.z.length;
  const m = theta.length;
  const sd = Math.sqrt(theta[m - 1]);
  return theta.map((v, i) => {
    if (i < k) return rel * Math.max(Math.abs(v), sd);
    if (i === m - 1) return rel * v;
    return rel * Math.max(Math.abs(v), 0.1);
  });
}

export function covariance(data: ArimaData, params: ArmaParams, sigma2: number, covType: CovType, warnings: string[]): Float64Array | null {
  if (covType === 'none') return null;
  const theta = fullVector(params, sigma2);
  const m = theta.length;
  const info = new Float64Array(m * m); // [m, m]
  if (covType === 'opg') {
    const h = steps(data, theta, 6e-6);
    const scores: Float64Array[] = [];
    for (let i = 0; i < m; i++) {
      const tp = theta.slice();
      tp[i] += h[i];
      const tm = theta.slice();
      tm[i] -= h[i];
      const lp = loglikObs(data, tp);
      const lm = loglikObs(data, tm);
      scores.push(lp.map((v, t) => (v - lm[t]) / (2 * h[i])));
    }
    for (let i = 0; i < m; i++) {
      for (let j = 0; j <= i; j++) {
        let s = 0;
        for (let t = 0; t < scores[i].length; t++) s += scores[i][t] * scores[j][t];
        info[i * m + j] = s;
        info[j * m + i] = s;
      }
    }
  } else {
    const h = steps(data, theta, 1e-4);
    const total = (t: Float64Array) => loglikObs(data, t).reduce((a, b) => a + b, 0);
    const f0 = total(theta);
    const at = (i: number, si: number, j: number, sj: number) => {
      const t = theta.slice();
      t[i] += si * h[i];
      t[j] += sj * h[j];
      return total(t);
    };
    for (let i = 0; i < m; i++) {
      info[i * m + i] = -(at(i, 1, i, 0) - 2 * f0 + at(i, -1, i, 0)) / (h[i] * h[i]);
      for (let j = 0; j < i; j++) {
        const v = -(at(i, 1, j, 1) - at(i, 1, j, -1) - at(i, -1, j, 1) + at(i, -1, j, -1)) / (4 * h[i] * h[j]);
        info[i * m + j] = v;
        info[j * m + i] = v;
      }
    }
  }
  if (!info.every(Number.isFinite)) {
    warnings.push('standard errors are unavailable: the likelihood is not finite next to the estimate (a root near the unit circle?)');
    return new Float64Array(m * m).fill(Number.NaN);
  }
  try {
    return inverse(info, m, 'information');
  } catch {
    warnings.push('standard errors are unavailable: the information matrix is singular');
    return new Float64Array(m * m).fill(Number.NaN);
  }
}
