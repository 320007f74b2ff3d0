/**
 * The exact Gaussian likelihood of an ARMA(p, q) process by the Kalman filter, in Harvey's
 * state-space form (Harvey 1989 §3.3; statsmodels' SARIMAX uses the same): state dimension
 * r = max(p, q + 1), transition T with φ down the first column and ones on the
 * superdiagonal, disturbance loading R = (1, θ_1, …, θ_{r−1}), observation the first state.
 * The filter starts from the stationary covariance (T P Tᵀ + R Rᵀ = P) and runs with σ² = 1,
 * so σ² can be concentrated out: σ̂² = Σ v_t² / F_t / n. kalmanArma must match the dense
 * reference src/ref/stats-kalman.ts (test/ref/stats-kalman.test.ts).
 */
import { solve } from '../linalg.js';

export interface ArmaSystem {
  r: number;
  /** [r] first column of T (φ padded with zeros). */
  phi: Float64Array;
  /** [r] R = (1, θ_1, …). */
  rvec: Float64Array;
}

export function armaSystem(phi: ArrayLike<number>, theta: ArrayLike<number>): ArmaSystem {
  const r = Math.max(phi.length, theta.length + 1);
  const ph = new Float64Array(r);
  ph.set(phi);
  const rv = new Float64Array(r);
  rv[0] = 1;
  rv.set(theta, 1);
  return { r, phi: ph, rvec: rv };
}

/**
 * Stationary state covariance P = T P Tᵀ + R Rᵀ. Small states (r ≤ 8) solve
 * (I − T⊗T) vec P = vec(R Rᵀ) directly; larger ones (seasonal models) sum P = Σ T^j R Rᵀ T'^j
 * by doubling (P ← P + A P Aᵀ, A ← A²: the doubling algorithm for the discrete Lyapunov equation; O(r³) per step).
 */
export function stationaryCov(sys: ArmaSystem): Float64Array {
  const { r, phi, rvec } = sys;
  if (r === 1) return Float64Array.of(1 / (1 - phi[0] * phi[0]));
  if (r > 8) return stationaryCovDoubling(sys);
  const m = r * r;
  const lhs = new Float64Array(m * m); // [r², r²]
  const rhs = new Float64Array(m);
  // T[i][k] = phi[i] δ(k=0) + δ(k=i+1)
  const tEntries = (i: number): Array<[number, number]> => {
    const e: Array<[number, number]> = [[0, phi[i]]];
    if (i + 1 < r) e.push([i + 1, 1]);
    return e;
  };
  for (let i = 0; i < r; i++) {
    for (let j = 0; j < r; j++) {
      const row = i * r + j;
      lhs[row * m + row] += 1;
      rhs[row] = rvec[i] * rvec[j];
      for (const [k, tik] of tEntries(i)) for (const [l, tjl] of tEntries(j)) lhs[row * m + k * r + l] -= tik * tjl;
    }
  }
  return solve(lhs, rhs, m, 'ar');
}

function matMul(a: Float64Array, b: Float64Array, r: number, transposeB = false): Float64Array {
  const out = new Float64Array(r * r);
  for (let i = 0; i < r; i++) {
    for (let k = 0; k < r; k++) {
      const aik = a[i * r + k];
      if (aik === 0) continue;
      for (let j = 0; j < r; j++) out[i * r + j] += aik * (transposeB ? b[j * r + k] : b[k * r + j]);
    }
  }
  return out;
}

export function stationaryCovDoubling(sys: ArmaSystem): Float64Array {
  const { r, phi, rvec } = sys;
  let A: Float64Array = new Float64Array(r * r); // [r, r] = T^(2^k)
  for (let i = 0; i < r; i++) {
    A[i * r] = phi[i];
    if (i + 1 < r) A[i * r + i + 1] = 1;
  }
  const P = new Float64Array(r * r);
  for (let i = 0; i < r; i++) for (let j = 0; j < r; j++) P[i * r + j] = rvec[i] * rvec[j];
  for (let k = 0; k < 64; k++) {
    const apa = matMul(matMul(A, P, r), A, r, true);
    let big = 0;
    let scale = 0;
    for (let i = 0; i < r * r; i++) {
      P[i] += apa[i];
      big = Math.max(big, Math.abs(apa[i]));
      scale = Math.max(scale, Math.abs(P[i]));
    }
    if (big <= 1e-17 * scale) break;
    A = matMul(A, A, r);
  }
  // symmetrise against rounding
  for (let i = 0; i < r; i++) for (let j = 0; j < i; j++) P[i * r + j] = P[j * r + i] = 0.5 * (P[i * r + j] + P[j * r + i]);
  return P;
}

export interface FilterOutput {
  n: number;
  sumLogF: number;
  /** Σ v_t² / F_t. */
  sumV2F: number;
  /** [n] one-step forecast errors and their variances (σ² = 1 units), when asked. */
  v?: Float64Array;
  f?: Float64Array;
  /** Predicted state mean and covariance for time n (after the last observation), σ² = 1 units. */
  a: Float64Array;
  p: Float64Array;
}

/**
 * Run the filter over y (already minus its mean). `keep` stores v_t and F_t. Once P stops
 * changing (steady state, |ΔP| < 1e-15 · scale) only the state mean is updated.
 */
export function kalmanArma(y: Float64Array, sys: ArmaSystem, keep = false): FilterOutput {
  const { r, phi, rvec } = sys;
  const n = y.length;
  const a = new Float64Array(r);
  let p: Float64Array = stationaryCov(sys); // [r, r]
  let pf: Float64Array = new Float64Array(r * r);
  const m = new Float64Array(r * r);
  const af = new Float64Array(r);
  const v = keep ? new Float64Array(n) : undefined;
  const fs = keep ? new Float64Array(n) : undefined;
  let sumLogF = 0;
  let sumV2F = 0;
  let steady = false;
  let logF = 0;
  let gain = new Float64Array(r);
  for (let t = 0; t < n; t++) {
    const vt = y[t] - a[0];
    const F = p[0];
    if (!steady) {
      logF = Math.log(F);
      for (let i = 0; i < r; i++) gain[i] = p[i * r] / F;
    }
    sumLogF += logF;
    sumV2F += (vt * vt) / F;
    if (v && fs) {
      v[t] = vt;
      fs[t] = F;
    }
    for (let i = 0; i < r; i++) af[i] = a[i] + gain[i] * vt;
    for (let i = 0; i < r; i++) a[i] = phi[i] * af[0] + (i + 1 < r ? af[i + 1] : 0);
    if (steady) continue;
    for (let i = 0; i < r; i++) for (let j = 0; j < r; j++) pf[i * r + j] = p[i * r + j] - (p[i * r] * p[j * r]) / F;
    for (let i = 0; i < r; i++) for (let j = 0; j < r; j++) m[i * r + j] = phi[i] * pf[j] + (i + 1 < r ? pf[(i + 1) * r + j] : 0);
    let change = 0;
    let scale = 0;
    for (let i = 0; i < r; i++) {
      for (let j = 0; j < r; j++) {
        const next = phi[j] * m[i * r] + (j + 1 < r ? m[i * r + j + 1] : 0) + rvec[i] * rvec[j];
        change = Math.max(change, Math.abs(next - p[i * r + j]));
        scale = Math.max(scale, Math.abs(next));
        pf[i * r + j] = next;
      }
    }
    [p, pf] = [pf, p];
    if (change <= 1e-15 * scale) {
      steady = true;
      logF = Math.log(p[0]);
      gain = Float64Array.from({ length: r }, (_, i) => p[i * r] / p[0]);
    }
  }
  return { n, sumLogF, sumV2F, v, f: fs, a, p };
}

/** Log-likelihood with σ² concentrated out (its maximiser σ̂² = Σ v²/F / n). */
export function concentratedLoglik(out: FilterOutput): { loglik: number; sigma2: number } {
  const sigma2 = out.sumV2F / out.n;
  return { loglik: -0.5 * out.n * (Math.log(2 * Math.PI) + 1 + Math.log(sigma2)) - 0.5 * out.sumLogF, sigma2 };
}

/** Log-likelihood at a given σ². */
export function loglikAt(out: FilterOutput, sigma2: number): number {
  return -0.5 * (out.n * (Math.log(2 * Math.PI) + Math.log(sigma2)) + out.sumLogF + out.sumV2F / sigma2);
}

/**
 * statsmodels' SARIMAX layout for d > 0 with an approximate diffuse start: state
 * (D_0..D_{d−1}, α) with D_j = Δ^j u_{t−1} the lagged levels, observation u_t = Σ D_j + α_0,
 * D'_j = Σ_{k≥j} D_k + α_0, α' = T α + R ε. The level block starts at variance `kappa`
 * (in σ² = 1 units) and the first `burn` = d observations are left out of the likelihood.
 * Dense m × m algebra, m = d + r: used only to reproduce statsmodels' default exactly.
 */
export function kalmanLevels(
  u: Float64Array,
  sys: ArmaSystem,
  d: number,
  kappa: number,
  keep = false,
): FilterOutput & { x: Float64Array; px: Float64Array } {
  const { r, rvec } = sys;
  const m = d + r;
  const n = u.length;
  const x = new Float64Array(m);
  let P = new Float64Array(m * m); // [m, m]
  const pst = stationaryCov(sys);
  for (let j = 0; j < d; j++) P[j * m + j] = kappa;
  for (let i = 0; i < r; i++) for (let j = 0; j < r; j++) P[(d + i) * m + d + j] = pst[i * r + j];
  const z = new Float64Array(m).fill(0);
  for (let j = 0; j <= d; j++) z[j] = 1;
  const G = levelsTransition(sys, d);
  const v = keep ? new Float64Array(n - d) : undefined;
  const fs = keep ? new Float64Array(n - d) : undefined;
  let sumLogF = 0;
  let sumV2F = 0;
  const pz = new Float64Array(m);
  const tmp = new Float64Array(m * m);
  let next = new Float64Array(m * m);
  for (let t = 0; t < n; t++) {
    let pred = 0;
    for (let i = 0; i < m; i++) pred += z[i] * x[i];
    const vt = u[t] - pred;
    for (let i = 0; i < m; i++) {
      let s = 0;
      for (let j = 0; j < m; j++) s += P[i * m + j] * z[j];
      pz[i] = s;
    }
    let F = 0;
    for (let i = 0; i < m; i++) F += z[i] * pz[i];
    if (t >= d) {
      sumLogF += Math.log(F);
      sumV2F += (vt * vt) / F;
      if (v && fs) {
        v[t - d] = vt;
        fs[t - d] = F;
      }
    }
    for (let i = 0; i < m; i++) x[i] += (pz[i] * vt) / F;
    for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) P[i * m + j] -= (pz[i] * pz[j]) / F;
    // predict: x ← G x, P ← G P Gᵀ + S Sᵀ (S = (0_d, R))
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
        const si = i >= d ? rvec[i - d] : 0;
        const sj = j >= d ? rvec[j - d] : 0;
        next[i * m + j] = s + si * sj;
      }
    }
    [P, next] = [next, P];
  }
  return { n: n - d, sumLogF, sumV2F, v, f: fs, a: x.slice(d), p: new Float64Array(0), x, px: P };
}

/** G for the (D, α) layout: D'_j = Σ_{k≥j} D_k + α_0, α' = T α. */
export function levelsTransition(sys: ArmaSystem, d: number): Float64Array {
  const { r, phi } = sys;
  const m = d + r;
  const G = new Float64Array(m * m);
  for (let j = 0; j < d; j++) {
    for (let k = j; k < d; k++) G[j * m + k] = 1;
    G[j * m + d] = 1;
  }
  for (let i = 0; i < r; i++) {
    G[(d + i) * m + d] = phi[i];
    if (i + 1 < r) G[(d + i) * m + d + i + 1] = 1;
  }
  return G;
}
