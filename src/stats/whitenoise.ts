/**
 * White noise and the tests that tell whether a series looks like it: Ljung–Box and
 * Box–Pierce portmanteau statistics (statsmodels.stats.diagnostic.acorr_ljungbox).
 */
import { Rng } from '../core/index.js';
import { acf } from './acf.js';
import { checkInt, checkNumber, type SeriesLike, toSeries } from './series.js';
import { chi2Sf } from './special.js';

/** n independent Normal(mean, std) samples from a seeded generator. */
export function whiteNoise(n: number, opts: { seed?: number; mean?: number; std?: number } = {}): Float64Array {
  checkInt(n, 'n', 0);
  const std = checkNumber(opts.std ?? 1, 'std', 0);
  return new Rng(opts.seed ?? 0).fillNormal(new Float64Array(n), opts.mean ?? 0, std);
}

export interface PortmanteauRow {
  lag: number;
  lbStat: number;
  lbPvalue: number;
  bpStat: number;
  bpPvalue: number;
}

/**
 * Ljung–Box Q = n(n+2) Σ_{k≤h} r_k² / (n−k) and Box–Pierce Q = n Σ r_k², for h = 1..lags,
 * with chi-square p-values on h − modelDf degrees of freedom (NaN where that is ≤ 0).
 */
export function ljungBox(x: SeriesLike, opts: { lags?: number; modelDf?: number } = {}): PortmanteauRow[] {
  const xs = toSeries(x, 'x', 3);
  const n = xs.length;
  const lags = checkInt(opts.lags ?? Math.min(10, Math.floor(n / 5)), 'lags', 1, n - 1);
  const modelDf = checkInt(opts.modelDf ?? 0, 'modelDf', 0);
  const r = acf(xs, { nlags: lags, method: 'direct' }).acf;
  const rows: PortmanteauRow[] = [];
  let lb = 0;
  let bp = 0;
  for (let h = 1; h <= lags; h++) {
    lb += (r[h] * r[h]) / (n - h);
    bp += r[h] * r[h];
    const df = h - modelDf;
    const lbStat = n * (n + 2) * lb;
    const bpStat = n * bp;
    rows.push({
      lag: h,
      lbStat,
      lbPvalue: df > 0 ? chi2Sf(lbStat, df) : Number.NaN,
      bpStat,
      bpPvalue: df > 0 ? chi2Sf(bpStat, df) : Number.NaN,
    });
  }
  return rows;
}
