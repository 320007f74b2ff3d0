/**
 * Stationarity by construction: the optimiser works on unconstrained reals u, mapped to
 * partial autocorrelations r = u / √(1 + u²) ∈ (−1, 1) and then, by the Durbin–Levinson
 * step, to AR coefficients of a stationary polynomial 1 − Σ φ_i z^i (Monahan 1984; Jones
 * 1980; the same map as statsmodels' constrain_stationary_univariate). An invertible MA
 * polynomial 1 + Σ θ_j z^j is the same map with θ = −φ(u).
 */
import { arFromPacf } from '../ar.js';

export function constrainStationary(u: ArrayLike<number>): Float64Array {
  return arFromPacf(Array.from(u, (v) => v / Math.sqrt(1 + v * v)));
}

/** Partial autocorrelations of φ by the reverse Durbin–Levinson step, or null when φ is not stationary. */
export function pacfFromAr(phi: ArrayLike<number>): Float64Array | null {
  let cur = Float64Array.from(phi);
  const p = cur.length;
  const r = new Float64Array(p);
  for (let k = p; k >= 1; k--) {
    const kk = cur[k - 1];
    if (!(Math.abs(kk) < 1)) return null;
    r[k - 1] = kk;
    const prev = new Float64Array(k - 1);
    for (let j = 0; j < k - 1; j++) prev[j] = (cur[j] + kk * cur[k - 2 - j]) / (1 - kk * kk);
    cur = prev;
  }
  return r;
}

/** Inverse of `constrainStationary`, or null when φ is not stationary. */
export function unconstrainStationary(phi: ArrayLike<number>): Float64Array | null {
  const r = pacfFromAr(phi);
  return r === null ? null : r.map((v) => v / Math.sqrt(1 - v * v));
}

/** True when 1 − Σ φ_i z^i has all its roots outside the unit circle. */
export function isStationary(phi: ArrayLike<number>): boolean {
  return pacfFromAr(phi) !== null;
}

/** True when 1 + Σ θ_j z^j has all its roots outside the unit circle. */
export function isInvertible(theta: ArrayLike<number>): boolean {
  return pacfFromAr(Array.from(theta, (v) => -v)) !== null;
}
