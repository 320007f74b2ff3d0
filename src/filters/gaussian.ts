/**
 * Gaussian family, with scipy.ndimage's discretisation: radius = round(truncate·σ) taps each
 * side (int(truncate·σ + 0.5)), samples of exp(−x²/2σ²) normalised to sum 1
 * (scipy.ndimage._filters._gaussian_kernel1d).
 */
import { ArgumentError } from '../core/errors.js';
import { fromArray, type NDArray, zeros } from '../core/ndarray.js';
import { assertFinite, assertPositive } from './helpers.js';

export interface GaussianOptions {
  /** Cut the kernel at truncate·σ (default 4). */
  truncate?: number;
  /** Explicit radius in taps (overrides truncate). */
  radius?: number;
}

function radiusOf(sigma: number, opts: GaussianOptions): number {
  if (opts.radius !== undefined) {
    if (!Number.isSafeInteger(opts.radius) || opts.radius < 0)
      throw new ArgumentError(`radius: expected a non-negative integer, got ${opts.radius}`, 'radius');
    return opts.radius;
  }
  const truncate = assertPositive(opts.truncate ?? 4, 'truncate');
  return Math.floor(truncate * sigma + 0.5);
}

/** The order-0 (or order-2: second derivative) 1-D Gaussian weights, [2r+1]. */
function gaussianWeights(sigma: number, r: number, order: 0 | 2): Float64Array {
  const w = new Float64Array(2 * r + 1);
  let s = 0;
  for (let i = -r; i <= r; i++) s += w[i + r] = Math.exp((-0.5 * i * i) / (sigma * sigma));
  for (let i = 0; i < w.length; i++) w[i] /= s;
  if (order === 2) {
    const s2 = sigma * sigma;
    for (let i = -r; i <= r; i++) w[i + r] *= (i * i) / (s2 * s2) - 1 / s2; // d²/dx² of the Gaussian
  }
  return w;
}

/** 1-D Gaussian, [2r+1], sums to 1. */
export function gaussian1d(sigma: number, opts: GaussianOptions = {}): NDArray<'float64'> {
  assertPositive(sigma, 'sigma');
  return fromArray(gaussianWeights(sigma, radiusOf(sigma, opts), 0), 'float64');
}

function outerSum(pairs: [Float64Array, Float64Array][]): NDArray<'float64'> {
  const h = pairs[0][0].length;
  const w = pairs[0][1].length;
  const k = zeros([h, w], 'float64');
  for (const [c, r] of pairs) for (let i = 0; i < h; i++) for (let j = 0; j < w; j++) k.data[i * w + j] += c[i] * r[j];
  return k;
}

/** 2-D Gaussian, [2r+1, 2r+1] = outer(g, g) (separable: convolveSeparable(x, [g, g]) is faster). */
export function gaussian(sigma: number, opts: GaussianOptions = {}): NDArray<'float64'> {
  const g = gaussian1d(sigma, opts).data;
  return outerSum([[g, g]]);
}

/** Laplacian of Gaussian: outer(g'', g) + outer(g, g''), as scipy.ndimage.gaussian_laplace applies it. */
export function log(sigma: number, opts: GaussianOptions = {}): NDArray<'float64'> {
  assertPositive(sigma, 'sigma');
  const r = radiusOf(sigma, opts);
  const g = gaussianWeights(sigma, r, 0);
  const d2 = gaussianWeights(sigma, r, 2);
  return outerSum([
    [d2, g],
    [g, d2],
  ]);
}

/** Difference of Gaussians G(σ1) − G(σ2), both on the grid of the larger radius. */
export function dog(sigma1: number, sigma2: number, opts: GaussianOptions = {}): NDArray<'float64'> {
  assertPositive(sigma1, 'sigma1');
  assertPositive(sigma2, 'sigma2');
  const r = Math.max(radiusOf(sigma1, opts), radiusOf(sigma2, opts));
  const g1 = gaussianWeights(sigma1, r, 0);
  const g2 = gaussianWeights(sigma2, r, 0);
  const minusG2 = g2.map((v) => -v);
  return outerSum([
    [g1, g1],
    [minusG2, g2],
  ]);
}

/** Unsharp mask (1 + amount)·δ − amount·G(σ): sharpens by subtracting a blur (sums to 1). */
export function unsharp(amount: number, sigma: number, opts: GaussianOptions = {}): NDArray<'float64'> {
  assertFinite(amount, 'amount');
  const k = gaussian(sigma, opts);
  for (let i = 0; i < k.data.length; i++) k.data[i] *= -amount;
  k.data[(k.data.length - 1) / 2] += 1 + amount;
  return k;
}
