/**
 * Autocovariance and autocorrelation (statsmodels.tsa.stattools.acovf / acf). The
 * autocovariance is the series correlated with itself; for long series it is computed through
 * the FFT (Wiener–Khinchin: |X|² is the spectrum of the autocorrelation), otherwise directly in
 * O(n · lags). Bands are Bartlett's, as statsmodels draws them.
 */
import { fromArray, NDArray } from '../core/index.js';
import { irfft, rfft } from '../fft/api.js';
import { checkInt, checkNotConstant, checkNumber, demeaned, type SeriesLike, toSeries } from './series.js';
import { normPpf } from './special.js';

export interface AcovfOptions {
  /** Divide lag k by n − k instead of n (default false). */
  adjusted?: boolean;
  /** Subtract the mean first (default true). */
  demean?: boolean;
  /** Largest lag (default n − 1). */
  nlags?: number;
  /** `direct`, `fft`, or `auto` (default: FFT when n · lags is large). */
  method?: 'direct' | 'fft' | 'auto';
}

/** Autocovariances at lags 0..nlags. */
export function acovf(x: SeriesLike, opts: AcovfOptions = {}): Float64Array {
  const xs = toSeries(x, 'x', 1);
  const n = xs.length;
  const nlags = checkInt(opts.nlags ?? n - 1, 'nlags', 0, n - 1);
  const z = opts.demean === false ? xs : demeaned(xs);
  const method = opts.method ?? 'auto';
  const useFft = method === 'fft' || (method === 'auto' && n * (nlags + 1) > 1 << 16 && nlags > 32);
  const sums = useFft ? lagProductsFft(z, nlags) : lagProductsDirect(z, nlags);
  for (let k = 0; k <= nlags; k++) sums[k] /= opts.adjusted ? n - k : n;
  return sums;
}

/** Σ_t z[t] z[t+k] for k = 0..nlags, directly. */
function lagProductsDirect(z: Float64Array, nlags: number): Float64Array {
  const out = new Float64Array(nlags + 1);
  for (let k = 0; k <= nlags; k++) {
    let s = 0;
    for (let t = 0; t + k < z.length; t++) s += z[t] * z[t + k];
    out[k] = s;
  }
  return out;
}

/** The same sums through the FFT engine: irfft(|rfft(z, m)|²) with m ≥ 2n − 1 (no circular wrap). */
function lagProductsFft(z: Float64Array, nlags: number): Float64Array {
  let m = 1;
  while (m < 2 * z.length - 1) m *= 2;
  const spectrum = rfft(fromArray(z, 'float64'), { n: m }).data as Float64Array; // [m/2 + 1, 2] interleaved
  const power = new Float64Array(spectrum.length);
  for (let i = 0; i < spectrum.length; i += 2) power[i] = spectrum[i] * spectrum[i] + spectrum[i + 1] * spectrum[i + 1];
  const sums = irfft(new NDArray('complex128', [power.length / 2], power), { n: m }).data as Float64Array; // [m]
  return sums.slice(0, nlags + 1);
}

export interface AcfResult {
  /** Autocorrelations at lags 0..nlags (acf[0] = 1). */
  acf: Float64Array;
  /** Bartlett band: lower and upper limits per lag, centred on the acf (present when alpha is given). */
  lower?: Float64Array;
  upper?: Float64Array;
}

/** Default lag count of statsmodels' acf: min(⌊10 log10 n⌋, n − 1). */
export function defaultAcfLags(n: number): number {
  return Math.max(0, Math.min(Math.floor(10 * Math.log10(n)), n - 1));
}

/**
 * Autocorrelation, statsmodels.tsa.stattools.acf(x, adjusted, nlags, alpha). With `alpha`,
 * the band uses Bartlett's variance (1 + 2 Σ_{j<k} r_j²) / n.
 */
export function acf(
  x: SeriesLike,
  opts: { nlags?: number; adjusted?: boolean; alpha?: number; method?: AcovfOptions['method'] } = {},
): AcfResult {
  const xs = toSeries(x, 'x', 2);
  checkNotConstant(xs);
  const n = xs.length;
  const nlags = checkInt(opts.nlags ?? defaultAcfLags(n), 'nlags', 0, n - 1);
  const cov = acovf(xs, { adjusted: opts.adjusted, nlags, method: opts.method });
  const r = cov.map((v) => v / cov[0]);
  if (opts.alpha === undefined) return { acf: r };
  const z = normPpf(1 - checkNumber(opts.alpha, 'alpha', 0, 1, true) / 2);
  const lower = new Float64Array(nlags + 1);
  const upper = new Float64Array(nlags + 1);
  let cum = 0;
  for (let k = 0; k <= nlags; k++) {
    if (k >= 2) cum += r[k - 1] * r[k - 1];
    const variance = k === 0 ? 0 : (1 + 2 * cum) / n;
    const half = z * Math.sqrt(variance);
    lower[k] = r[k] - half;
    upper[k] = r[k] + half;
  }
  return { acf: r, lower, upper };
}
