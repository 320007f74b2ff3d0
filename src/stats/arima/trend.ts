/**
 * Deterministic trends as regressors, statsmodels ARIMA's convention: 'c' is t⁰, 't' is t¹
 * with t = 1..n, 'ct' both. The model is y_t = Σ β_k t^k + u_t with u ~ ARIMA, so after
 * differencing the regressors are the differenced powers; powers below the differencing
 * order (d + D) vanish and are refused, as statsmodels refuses them.
 */
import { ArgumentError } from '../../core/index.js';
import { differenceBy } from './model.js';

export type Trend = 'n' | 'c' | 't' | 'ct';

export function trendPowers(trend: Trend, order: number): number[] {
  const powers = { n: [], c: [0], t: [1], ct: [0, 1] }[trend];
  if (powers === undefined) throw new ArgumentError(`trend: expected n, c, t or ct, got ${String(trend)}`, 'trend');
  if (powers.length > 0 && Math.min(...powers) < order) {
    throw new ArgumentError(
      `trend: '${trend}' has terms of lower order than the differencing (d + D = ${order}), which removes them; use 't' for a drift with one difference, or 'n'`,
      'trend',
    );
  }
  return powers;
}

export function trendNames(powers: number[]): string[] {
  return powers.map((k) => (k === 0 ? 'const' : k === 1 ? 'drift' : `trend.t${k}`));
}

/** Differenced trend regressors for t = 1..total, as columns `[powers.length][total − K]`. */
export function trendColumns(powers: number[], integ: Float64Array, total: number): Float64Array[] {
  return powers.map((k) =>
    differenceBy(
      Float64Array.from({ length: total }, (_, i) => (i + 1) ** k),
      integ,
    ),
  );
}
