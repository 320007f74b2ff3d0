/**
 * Where the exact-likelihood search starts: the user's values, or a conditional-sum-of-squares
 * fit (CSS: residuals by recursion, the first p + sP conditioned on) started from an OLS trend,
 * Yule–Walker AR values and zero MA — so the start is stationary and invertible by construction.
 */
import { ArgumentError } from '../../core/index.js';
import { yuleWalker } from '../ar.js';
import { lstsq } from '../linalg.js';
import { type ArimaData, type ArmaParams, demeanedBy, expanded } from './model.js';
import { minimizeBfgs } from './optimize.js';
import { pack, unpack } from './params.js';

export interface StartParams {
  trend?: number[];
  ar?: number[];
  ma?: number[];
  seasonalAr?: number[];
  seasonalMa?: number[];
}

/** Mean of the conditional squared residuals. */
export function cssMeanSquare(data: ArimaData, par: ArmaParams, scale: number): number {
  const u = demeanedBy(data, par.beta, scale);
  const { ar, ma } = expanded(par, data.s);
  const pp = ar.length;
  const qq = ma.length;
  const e = new Float64Array(u.length);
  let ss = 0;
  for (let t = pp; t < u.length; t++) {
    let v = u[t];
    for (let i = 0; i < pp; i++) v -= ar[i] * u[t - 1 - i];
    for (let j = 0; j < qq && t - 1 - j >= 0; j++) v -= ma[j] * e[t - 1 - j];
    e[t] = v;
    ss += v * v;
  }
  return ss / Math.max(u.length - pp, 1);
}

function zeros(n: number): Float64Array {
  return new Float64Array(n);
}

export function startValues(data: ArimaData, scale: number, given?: StartParams): { u: Float64Array; warnings: string[] } {
  const { p, q, P, Q } = data;
  const k = data.z.length;
  const warnings: string[] = [];
  if (given) {
    const want: Array<[keyof StartParams, number]> = [
      ['trend', k],
      ['ar', p],
      ['ma', q],
      ['seasonalAr', P],
      ['seasonalMa', Q],
    ];
    for (const [name, len] of want) {
      const v = given[name];
      if (v !== undefined && v.length !== len)
        throw new ArgumentError(`startParams.${name}: expected ${len} values, got ${v.length}`, `startParams.${name}`);
    }
    const f = (v: number[] | undefined, len: number) => (v ? Float64Array.from(v) : zeros(len));
    const par = {
      beta: f(given.trend, k).map((b) => b / scale),
      phi: f(given.ar, p),
      theta: f(given.ma, q),
      sphi: f(given.seasonalAr, P),
      stheta: f(given.seasonalMa, Q),
    };
    return { u: pack(par), warnings };
  }
  let beta = zeros(k);
  if (k > 0) {
    const X = new Float64Array(data.w.length * k); // [n − K, k]
    for (let t = 0; t < data.w.length; t++) for (let j = 0; j < k; j++) X[t * k + j] = data.z[j][t];
    beta = lstsq(
      X,
      data.w.map((v) => v / scale),
      data.w.length,
      k,
    ).beta;
  }
  const phi = p > 0 ? yuleWalker(demeanedBy(data, beta, scale), p, { method: 'mle', demean: false }).ar : zeros(p);
  const u0 = pack({ beta, phi, theta: zeros(q), sphi: zeros(P), stheta: zeros(Q) }, 'start');
  if (p + q + P + Q === 0) return { u: u0, warnings };
  const css = minimizeBfgs((u) => cssMeanSquare(data, unpack(data, u), scale), u0, { gtol: 1e-5, maxIter: 100 });
  if (Number.isFinite(css.fx) && css.x.every((v) => Number.isFinite(v) && Math.abs(v) < 50)) return { u: css.x, warnings };
  warnings.push('the conditional-sum-of-squares start failed; started from Yule–Walker AR values and zero MA');
  return { u: u0, warnings };
}
