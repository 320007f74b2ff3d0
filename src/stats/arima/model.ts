/**
 * The data and parameters an ARIMA likelihood evaluation works on. A seasonal model
 * SARIMA(p, d, q)(P, D, Q)_s multiplies its polynomials: AR φ(B)Φ(B^s), MA θ(B)Θ(B^s), and
 * differences by (1 − B)^d (1 − B^s)^D — so every evaluation runs on an ordinary ARMA
 * with the expanded coefficients.
 */
import { armaSystem } from './statespace.js';

/** The pieces every likelihood evaluation needs. */
export interface ArimaData {
  y: Float64Array; // [n] the series as given
  w: Float64Array; // [n − K] differenced, K = d + sD
  z: Float64Array[]; // [k][n − K] differenced trend regressors
  p: number;
  d: number;
  q: number;
  /** Seasonal orders and period (P = D = Q = 0, s = 0 when not seasonal). */
  P: number;
  D: number;
  Q: number;
  s: number;
  /** [K + 1] coefficients of (1 − B)^d (1 − B^s)^D, lag 0 first. */
  integ: Float64Array;
  powers: number[];
  /** 'exact' diffuse likelihood of the differenced series, or statsmodels' 'approximate' diffuse start. */
  diffuse: Diffuse;
  /** Prior variance of the level states for 'approximate' (statsmodels: 1e6). */
  kappa: number;
}

export type Diffuse = 'exact' | 'approximate';

/** Parameters in the model's own units: β (trend), φ, θ and the seasonal Φ, Θ. */
export interface ArmaParams {
  beta: Float64Array;
  phi: Float64Array;
  theta: Float64Array;
  sphi: Float64Array;
  stheta: Float64Array;
}

/** Coefficients of a product of polynomials, each given by its lag-0-first coefficients. */
export function polyMul(a: ArrayLike<number>, b: ArrayLike<number>): Float64Array {
  const out = new Float64Array(a.length + b.length - 1);
  for (let i = 0; i < a.length; i++) for (let j = 0; j < b.length; j++) out[i + j] += a[i] * b[j];
  return out;
}

/** 1 + Σ c_i B^{i·step} from c (lag 0 term 1), lag-0-first. */
function lagPoly(c: ArrayLike<number>, step: number, sign: number): Float64Array {
  const out = new Float64Array(c.length * step + 1);
  out[0] = 1;
  for (let i = 0; i < c.length; i++) out[(i + 1) * step] = sign * c[i];
  return out;
}

/** (1 − B)^d (1 − B^s)^D. */
export function integrationPolynomial(d: number, D: number, s: number): Float64Array {
  let poly: Float64Array = Float64Array.of(1);
  for (let i = 0; i < d; i++) poly = polyMul(poly, Float64Array.of(1, -1));
  for (let i = 0; i < D; i++) poly = polyMul(poly, lagPoly([1], s, -1));
  return poly;
}

/** Apply a differencing polynomial: out[t] = Σ_k c_k x[t + K − k], t = 0..n − K − 1. */
export function differenceBy(x: ArrayLike<number>, integ: Float64Array): Float64Array {
  const K = integ.length - 1;
  const out = new Float64Array(Math.max(x.length - K, 0));
  for (let t = 0; t < out.length; t++) {
    let s = 0;
    for (let k = 0; k <= K; k++) if (integ[k] !== 0) s += integ[k] * x[t + K - k];
    out[t] = s;
  }
  return out;
}

/** The expanded AR (x_t = Σ ar_i x_{t−i} + …) and MA coefficients of φ(B)Φ(B^s) and θ(B)Θ(B^s). */
export function expanded(par: ArmaParams, s: number): { ar: Float64Array; ma: Float64Array } {
  const arPoly = polyMul(lagPoly(par.phi, 1, -1), lagPoly(par.sphi, s || 1, -1));
  const maPoly = polyMul(lagPoly(par.theta, 1, 1), lagPoly(par.stheta, s || 1, 1));
  return { ar: arPoly.slice(1).map((v) => -v), ma: maPoly.slice(1) };
}

export function systemOf(par: ArmaParams, s: number) {
  const { ar, ma } = expanded(par, s);
  return armaSystem(ar, ma);
}

/** w / scale − Σ β_k z_k: the differenced series minus its trend (β in the same units as w / scale). */
export function demeanedBy(data: ArimaData, beta: ArrayLike<number>, scale = 1): Float64Array {
  const out = data.w.map((v) => v / scale);
  data.z.forEach((col, k) => {
    for (let t = 0; t < out.length; t++) out[t] -= beta[k] * col[t];
  });
  return out;
}

/** y / scale − Σ β_k t^k (t = 1..n): the undifferenced series minus its trend. */
export function levelsBy(data: ArimaData, beta: ArrayLike<number>, scale = 1): Float64Array {
  const out = data.y.map((v) => v / scale);
  data.powers.forEach((k, j) => {
    for (let t = 0; t < out.length; t++) out[t] -= beta[j] * (t + 1) ** k;
  });
  return out;
}
