/**
 * The optimiser's coordinates. An unconstrained vector u = [β / scale, u_φ, u_θ, u_Φ, u_Θ]
 * (statsmodels' parameter order) maps to parameters with every AR polynomial stationary and
 * every MA polynomial invertible (transform.ts), and back.
 */
import { ArgumentError } from '../../core/index.js';
import type { ArimaData, ArmaParams } from './model.js';
import { constrainStationary, isInvertible, isStationary, unconstrainStationary } from './transform.js';

export function unpack(data: ArimaData, u: Float64Array): ArmaParams {
  const k = data.z.length;
  const { p, q, P, Q } = data;
  let at = k;
  const take = (len: number) => {
    const part = u.subarray(at, at + len);
    at += len;
    return part;
  };
  const beta = u.slice(0, k);
  const phi = constrainStationary(take(p));
  const theta = constrainStationary(take(q)).map((v) => -v);
  const sphi = constrainStationary(take(P));
  const stheta = constrainStationary(take(Q)).map((v) => -v);
  return { beta, phi, theta, sphi, stheta };
}

/** Parameters → unconstrained vector; throws (naming `arg`) when a polynomial is outside the region. */
export function pack(par: ArmaParams, arg = 'startParams'): Float64Array {
  const parts: Array<[string, ArrayLike<number>, boolean]> = [
    ['ar', par.phi, true],
    ['ma', par.theta, false],
    ['seasonalAr', par.sphi, true],
    ['seasonalMa', par.stheta, false],
  ];
  const out: number[] = Array.from(par.beta);
  for (const [name, coef, isAr] of parts) {
    const ok = isAr ? isStationary(coef) : isInvertible(coef);
    if (!ok) {
      const what = isAr
        ? 'is not stationary (a root of 1 − Σ φ z^i lies on or inside the unit circle)'
        : 'is not invertible (a root of 1 + Σ θ z^j lies on or inside the unit circle)';
      throw new ArgumentError(`${arg}.${name}: [${Array.from(coef).join(', ')}] ${what}`, `${arg}.${name}`);
    }
    out.push(...unconstrainStationary(isAr ? coef : Array.from(coef, (v) => -v))!);
  }
  return Float64Array.from(out);
}

/** The full parameter vector θ = [β, φ, θ, Φ, Θ, σ²], statsmodels' order. */
export function fullVector(par: ArmaParams, sigma2: number): Float64Array {
  return Float64Array.from([...par.beta, ...par.phi, ...par.theta, ...par.sphi, ...par.stheta, sigma2]);
}

/** Split a full vector back into parameters and σ². */
export function splitFull(data: ArimaData, v: Float64Array): { par: ArmaParams; sigma2: number } {
  const k = data.z.length;
  const { p, q, P, Q } = data;
  let at = k;
  const take = (len: number) => {
    const part = v.subarray(at, at + len);
    at += len;
    return part;
  };
  return { par: { beta: v.subarray(0, k), phi: take(p), theta: take(q), sphi: take(P), stheta: take(Q) }, sigma2: v[at] };
}
