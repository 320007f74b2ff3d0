/**
 * Plain-TS reference for the ARMA Kalman filter: textbook dense matrices (Durbin & Koopman,
 * Time Series Analysis by State Space Methods, §4.3) with no structure exploited and no
 * steady-state shortcut. The fast version is src/stats/arima/statespace.ts (kalmanArma), which
 * uses the companion structure of T and stops updating P once it has converged.
 */

export interface KalmanRefOutput {
  /** [n] one-step forecast errors and their variances (σ² = 1 units). */
  v: Float64Array;
  f: Float64Array;
}

/**
 * Filter y (mean already removed) through the ARMA(p, q) state space with state dimension
 * r = max(p, q + 1), starting from the stationary covariance `p0` [r, r].
 */
export function kalmanArmaRef(y: ArrayLike<number>, phi: ArrayLike<number>, theta: ArrayLike<number>, p0: Float64Array): KalmanRefOutput {
  const r = Math.max(phi.length, theta.length + 1);
  const T = Array.from({ length: r }, (_, i) => Array.from({ length: r }, (_, j) => (j === 0 ? (phi[i] ?? 0) : j === i + 1 ? 1 : 0)));
  const R = Array.from({ length: r }, (_, i) => (i === 0 ? 1 : (theta[i - 1] ?? 0)));
  let a = new Array<number>(r).fill(0);
  let P = Array.from({ length: r }, (_, i) => Array.from({ length: r }, (_, j) => p0[i * r + j]));
  const v = new Float64Array(y.length);
  const f = new Float64Array(y.length);
  for (let t = 0; t < y.length; t++) {
    // Z = e_0: v = y − Z a, F = Z P Zᵀ, K = P Zᵀ / F
    v[t] = y[t] - a[0];
    f[t] = P[0][0];
    const K = P.map((row) => row[0] / f[t]);
    const af = a.map((ai, i) => ai + K[i] * v[t]);
    const Pf = P.map((row, i) => row.map((pij, j) => pij - K[i] * P[0][j]));
    a = T.map((row) => row.reduce((s, tij, j) => s + tij * af[j], 0));
    const TP = T.map((row) => Pf[0].map((_, j) => row.reduce((s, tik, k) => s + tik * Pf[k][j], 0)));
    P = TP.map((row, i) => T.map((tj, j) => row.reduce((s, x, k) => s + x * tj[k], 0) + R[i] * R[j]));
  }
  return { v, f };
}
