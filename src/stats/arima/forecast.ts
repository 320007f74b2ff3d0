/**
 * Exact finite-sample forecasts of an ARIMA from the state after the last observation. The
 * state is x = (levels, α): α the ARMA state, the levels whatever the differencing needs to
 * turn the ARMA output back into the series u = y − trend. The forecast of u is z·x, and the
 * mean and covariance propagate as x' = G x, Σ' = G Σ Gᵀ + σ² S Sᵀ with S = (0, R).
 * Two level layouts:
 *  - exact (shift register): (u_{t−1}, …, u_{t−K}) with u_t = α_0 − Σ c_k u_{t−k}, where
 *    1 + Σ c_k B^k = (1 − B)^d (1 − B^s)^D; after the exact diffuse filter the past u are
 *    known exactly (zero covariance);
 *  - approximate (statsmodels' SARIMAX layout, d only): D_j = Δ^j u_{t−1}, u_t = Σ D_j + α_0,
 *    with the covariance left by `kalmanLevels`.
 */
import { type ArimaData, type ArmaParams, systemOf } from './model.js';
import { levelsTransition } from './statespace.js';

/** x [m], P [m, m] (σ² = 1 units) at time n + 1, with the observation vector z and transition G [m, m]. */
export interface ForecastStart {
  x: Float64Array;
  p: Float64Array;
  z: Float64Array;
  g: Float64Array;
  /** [m] disturbance loading. */
  s: Float64Array;
}

export function forecastArima(data: ArimaData, params: ArmaParams, sigma2: number, start: ForecastStart, h: number) {
  const { z, g: G, s: S } = start;
  const m = z.length;
  const x = start.x.slice();
  const P = start.p.map((v) => v * sigma2);
  const n = data.y.length;
  const mean = new Float64Array(h);
  const variance = new Float64Array(h);
  const tmp = new Float64Array(m * m);
  const pz = new Float64Array(m);
  for (let step = 0; step < h; step++) {
    let mu = 0;
    data.powers.forEach((k, j) => {
      mu += params.beta[j] * (n + step + 1) ** k;
    });
    let pred = 0;
    for (let i = 0; i < m; i++) pred += z[i] * x[i];
    pz.fill(0);
    for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) pz[i] += P[i * m + j] * z[j];
    let v = 0;
    for (let i = 0; i < m; i++) v += z[i] * pz[i];
    mean[step] = mu + pred;
    variance[step] = v;
    const xn = new Float64Array(m);
    for (let i = 0; i < m; i++) for (let k = 0; k < m; k++) xn[i] += G[i * m + k] * x[k];
    x.set(xn);
    tmp.fill(0);
    for (let i = 0; i < m; i++)
      for (let k = 0; k < m; k++) if (G[i * m + k] !== 0) for (let j = 0; j < m; j++) tmp[i * m + j] += G[i * m + k] * P[k * m + j];
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < m; j++) {
        let s = 0;
        for (let k = 0; k < m; k++) s += tmp[i * m + k] * G[j * m + k];
        P[i * m + j] = s + sigma2 * S[i] * S[j];
      }
    }
  }
  return { mean, variance };
}

/** After the exact-diffuse filter: known past levels of u (shift register), ARMA state (a, P). */
export function exactStart(data: ArimaData, params: ArmaParams, a: Float64Array, p: Float64Array): ForecastStart {
  const sys = systemOf(params, data.s);
  const K = data.integ.length - 1;
  const r = a.length;
  const m = K + r;
  const n = data.y.length;
  const x = new Float64Array(m);
  for (let k = 0; k < K; k++) {
    const t = n - 1 - k; // u_{n−1−k}, 0-based time
    let mu = 0;
    data.powers.forEach((pw, j) => {
      mu += params.beta[j] * (t + 1) ** pw;
    });
    x[k] = data.y[t] - mu;
  }
  x.set(a, K);
  const P = new Float64Array(m * m);
  for (let i = 0; i < r; i++) for (let j = 0; j < r; j++) P[(K + i) * m + K + j] = p[i * r + j];
  const z = new Float64Array(m);
  for (let k = 0; k < K; k++) z[k] = -data.integ[k + 1];
  z[K] = 1;
  const G = new Float64Array(m * m);
  if (K > 0) G.set(z, 0);
  for (let k = 1; k < K; k++) G[k * m + k - 1] = 1;
  for (let i = 0; i < r; i++) {
    G[(K + i) * m + K] = sys.phi[i];
    if (i + 1 < r) G[(K + i) * m + K + i + 1] = 1;
  }
  const S = new Float64Array(m);
  S.set(sys.rvec, K);
  return { x, p: P, z, g: G, s: S };
}

/** After `kalmanLevels` (approximate diffuse, d only): its state and covariance, statsmodels' layout. */
export function levelsStart(data: ArimaData, params: ArmaParams, x: Float64Array, p: Float64Array): ForecastStart {
  const sys = systemOf(params, data.s);
  const { d } = data;
  const m = d + sys.r;
  const z = new Float64Array(m);
  for (let j = 0; j <= d; j++) z[j] = 1;
  const S = new Float64Array(m);
  S.set(sys.rvec, d);
  return { x, p, z, g: levelsTransition(sys, d), s: S };
}
