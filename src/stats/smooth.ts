/**
 * Smoothing as convolution: each moving average is the series convolved with a fixed kernel
 * (`smaKernel`, `wmaKernel`, `ewmKernel`, `gaussianKernel`, `savgolCoeffs`), applied causally
 * (the kernel sees only the past: y[t] = Σ k[j] x[t−j]) or centred (scipy's `same` alignment:
 * pad ⌊K/2⌋ before and ⌊(K−1)/2⌋ after, then `valid`). The exponential average is also an
 * IIR filter (`ewm`), the recursion its truncated kernel approximates.
 */
import { ArgumentError } from '../core/index.js';
import { lfilterRaw } from './lfilter.js';
import { type Boundary, checkBoundary, convolveValid, pad1d } from './pad.js';
import { checkInt, checkNumber, type SeriesLike, toSeries } from './series.js';

export type Align = 'causal' | 'centered';

export interface SmoothOptions {
  /** `causal` (past only) or `centered` (default). */
  align?: Align;
  /** How the series is extended past its ends (default `nearest`), or `valid` for no extension (shorter output). */
  boundary?: Boundary | 'valid';
  /** Fill value for `boundary: 'constant'`. */
  cval?: number;
}

/** Convolve a series with `kernel` (k[0] weights the newest sample in causal mode). */
export function movingAverage(x: SeriesLike, kernel: ArrayLike<number>, opts: SmoothOptions = {}): Float64Array {
  const xs = toSeries(x, 'x');
  const k = toSeries(kernel, 'kernel');
  const align = opts.align ?? 'centered';
  if (align !== 'causal' && align !== 'centered')
    throw new ArgumentError(`align: expected causal or centered, got ${String(align)}`, 'align');
  const boundary = opts.boundary ?? 'nearest';
  if (boundary === 'valid') {
    if (xs.length < k.length)
      throw new ArgumentError(`x: length ${xs.length} is shorter than the kernel (${k.length}) for boundary 'valid'`, 'x');
    return convolveValid(xs, k);
  }
  checkBoundary(boundary);
  const K = k.length;
  const before = align === 'causal' ? K - 1 : Math.floor(K / 2);
  const after = align === 'causal' ? 0 : Math.floor((K - 1) / 2);
  return convolveValid(pad1d(xs, before, after, boundary, opts.cval ?? 0), k);
}

/** K equal weights 1/K. */
export function smaKernel(window: number): Float64Array {
  checkInt(window, 'window', 1);
  return new Float64Array(window).fill(1 / window);
}

/** Linearly decaying weights K, K−1, …, 1 (normalised): newest sample heaviest. */
export function wmaKernel(window: number): Float64Array {
  checkInt(window, 'window', 1);
  const total = (window * (window + 1)) / 2;
  return Float64Array.from({ length: window }, (_, j) => (window - j) / total);
}

/** α(1−α)^j for j < length, renormalised to sum 1: the exponential average's truncated kernel. */
export function ewmKernel(alpha: number, length?: number): Float64Array {
  checkNumber(alpha, 'alpha', 0, 1, true);
  // default length: weights below 1e-6 of the first are dropped
  const L = length ?? Math.max(1, Math.ceil(Math.log(1e-6) / Math.log(1 - alpha)));
  checkInt(L, 'length', 1);
  const k = Float64Array.from({ length: L }, (_, j) => alpha * (1 - alpha) ** j);
  const s = k.reduce((a, b) => a + b, 0);
  return k.map((v) => v / s);
}

/** Sampled Gaussian, radius ⌊truncate·σ + 0.5⌋, normalised: scipy.ndimage.gaussian_filter1d's kernel. */
export function gaussianKernel(sigma: number, truncate = 4): Float64Array {
  checkNumber(sigma, 'sigma', 0, Infinity, true);
  const r = Math.floor(truncate * sigma + 0.5);
  const k = Float64Array.from({ length: 2 * r + 1 }, (_, i) => Math.exp(-0.5 * ((i - r) / sigma) ** 2));
  const s = k.reduce((a, b) => a + b, 0);
  return k.map((v) => v / s);
}

export function sma(x: SeriesLike, window: number, opts: SmoothOptions = {}): Float64Array {
  return movingAverage(x, smaKernel(window), opts);
}

export function wma(x: SeriesLike, window: number, opts: SmoothOptions = {}): Float64Array {
  return movingAverage(x, wmaKernel(window), opts);
}

/** Gaussian smoothing; defaults (centred, `reflect`) equal scipy.ndimage.gaussian_filter1d. */
export function gaussianSmooth(x: SeriesLike, sigma: number, opts: SmoothOptions & { truncate?: number } = {}): Float64Array {
  return movingAverage(x, gaussianKernel(sigma, opts.truncate ?? 4), { boundary: 'reflect', ...opts });
}

/**
 * Exponentially weighted mean, pandas' `Series.ewm(alpha=α, adjust).mean()`.
 * adjust=false: the IIR filter y[t] = α x[t] + (1−α) y[t−1], y[0] = x[0] (lfilter([α], [1, α−1])).
 * adjust=true: y[t] = Σ (1−α)^j x[t−j] / Σ (1−α)^j over the samples seen so far.
 */
export function ewm(x: SeriesLike, alpha: number, opts: { adjust?: boolean } = {}): Float64Array {
  const xs = toSeries(x, 'x');
  checkNumber(alpha, 'alpha', 0, 1, true);
  if (opts.adjust) {
    const y = new Float64Array(xs.length);
    let num = 0;
    let den = 0;
    for (let t = 0; t < xs.length; t++) {
      num = xs[t] + (1 - alpha) * num;
      den = 1 + (1 - alpha) * den;
      y[t] = num / den;
    }
    return y;
  }
  const z = Float64Array.of((1 - alpha) * xs[0]);
  return lfilterRaw(Float64Array.of(alpha, 0), Float64Array.of(1, alpha - 1), xs, z);
}
