/**
 * Automatic order selection: fit ARIMA(p, d, q) over the grid p ≤ maxP, q ≤ maxQ (d fixed) and
 * keep the smallest information criterion. Fits that fail (non-convergence, too short) are
 * listed with their error rather than silently dropped.
 */
import { ArgumentError } from '../../core/index.js';
import { checkInt, type SeriesLike, toSeries } from '../series.js';
import { type ArimaOptions, arima } from './fit.js';
import type { ArimaResult } from './result.js';

export type InfoCriterion = 'aic' | 'aicc' | 'bic' | 'hqic';

export interface AutoArimaRow {
  order: [number, number, number];
  aic?: number;
  aicc?: number;
  bic?: number;
  hqic?: number;
  loglik?: number;
  error?: string;
}

export function autoArima(
  x: SeriesLike,
  opts: ArimaOptions & { d?: number; maxP?: number; maxQ?: number; ic?: InfoCriterion } = {},
): { best: ArimaResult; ic: InfoCriterion; table: AutoArimaRow[] } {
  const y = toSeries(x, 'x');
  const d = checkInt(opts.d ?? 0, 'd', 0, 3);
  const maxP = checkInt(opts.maxP ?? 3, 'maxP', 0, 12);
  const maxQ = checkInt(opts.maxQ ?? 3, 'maxQ', 0, 12);
  const ic = opts.ic ?? 'aic';
  if (!['aic', 'aicc', 'bic', 'hqic'].includes(ic)) throw new ArgumentError(`ic: expected aic, aicc, bic or hqic, got ${String(ic)}`, 'ic');
  const table: AutoArimaRow[] = [];
  let best: ArimaResult | undefined;
  let firstError: unknown;
  for (let p = 0; p <= maxP; p++) {
    for (let q = 0; q <= maxQ; q++) {
      try {
        const fit = arima(y, [p, d, q], opts);
        table.push({ order: [p, d, q], aic: fit.aic, aicc: fit.aicc, bic: fit.bic, hqic: fit.hqic, loglik: fit.loglik });
        if (!best || fit[ic] < best[ic]) best = fit;
      } catch (err) {
        firstError ??= err;
        table.push({ order: [p, d, q], error: err instanceof Error ? err.message : String(err) });
      }
    }
  }
  if (!best) throw firstError instanceof Error ? firstError : new ArgumentError('x: no ARIMA order in the grid could be fitted', 'x');
  return { best, ic, table };
}
