/**
 * The exact solution of ∂u/∂t = D∇²u: convolution with the Gaussian of variance σ² = 2Dt per
 * axis (the heat kernel; Gaussians form a semigroup, G(σ₁²) ∗ G(σ₂²) = G(σ₁² + σ₂²)).
 * Separable: one 1-D pass per axis. The walls are built in by the method of images — `wrap`
 * sums the copies of the Gaussian one period N apart, `reflect` works on the even extension of
 * period 2N (the Neumann heat kernel) — so no mass is lost, however wide the Gaussian.
 * The taps are the continuous Gaussian sampled at integer offsets, normalised to sum 1.
 */

import { convolve, convolveSeparable, outerKernel } from '../conv/index.js';
import { NDArray } from '../core/ndarray.js';
import type { DiffusionBoundary } from './boundary.js';

/** Half-width beyond which Gaussian taps are below e^{-32} of the peak. */
const CUT_SIGMAS = 8;

/**
 * Taps h[d] for offsets d = −R..R (index d + R) of the Gaussian of variance `variance`, R = ⌈8σ⌉
 * (at most `maxRadius`), normalised to sum 1. With a `period` P narrower than 2R + 1, the images
 * d + kP are summed instead onto one period: offsets −⌊P/2⌋ … P − 1 − ⌊P/2⌋.
 */
export function gaussianTaps(
  variance: number,
  period: number | null,
  maxRadius = Number.POSITIVE_INFINITY,
): { taps: Float64Array; radius: number } {
  const sigma = Math.sqrt(variance);
  if (sigma === 0) return { taps: Float64Array.of(1), radius: 0 };
  const wide = Math.ceil(CUT_SIGMAS * sigma);
  const folded = period !== null && 2 * wide + 1 > period;
  const radius = folded ? Math.floor(period / 2) : Math.min(wide, maxRadius);
  const width = folded ? period : 2 * radius + 1;
  const taps = new Float64Array(width);
  const phi = (d: number) => Math.exp((-d * d) / (2 * variance));
  if (folded) {
    // offsets −radius .. −radius+period−1 cover one period; each sums its images d + kP
    const copies = Math.ceil(wide / period) + 1;
    for (let i = 0; i < width; i++) {
      const d = i - radius;
      let s = 0;
      for (let k = -copies; k <= copies; k++) s += phi(d + k * period);
      taps[i] = s;
    }
  } else {
    for (let i = 0; i < width; i++) taps[i] = phi(i - radius);
  }
  let total = 0;
  for (const t of taps) total += t;
  for (let i = 0; i < width; i++) taps[i] /= total;
  return { taps, radius };
}

/** Index of position i (any integer) in [0, n) for the boundary, −1 when outside an absorbing wall. */
function source(i: number, n: number, boundary: DiffusionBoundary): number {
  if (i >= 0 && i < n) return i;
  if (boundary === 'constant') return -1;
  if (boundary === 'wrap') return ((i % n) + n) % n;
  const p = 2 * n;
  const j = ((i % p) + p) % p;
  return j < n ? j : p - 1 - j;
}

/** 1-D pass along lines of length n: out[i] = Σ_d h[d] in[source(i − d)]. `stride` steps along the line. */
function passLines(
  src: Float64Array,
  dst: Float64Array,
  lines: number,
  n: number,
  lineStep: number,
  stride: number,
  taps: Float64Array,
  radius: number,
  boundary: DiffusionBoundary,
): void {
  const width = taps.length;
  const idx = new Int32Array(n + width - 1); // source index of position i − d, for i − d from −(width−1−radius) … n−1+radius
  const lo = -(width - 1 - radius);
  for (let q = 0; q < idx.length; q++) idx[q] = source(q + lo, n, boundary);
  const line = new Float64Array(n + width - 1);
  for (let l = 0; l < lines; l++) {
    const base = l * lineStep;
    for (let q = 0; q < line.length; q++) line[q] = idx[q] < 0 ? 0 : src[base + idx[q] * stride];
    for (let i = 0; i < n; i++) {
      // position i − d with d = t − radius → q = i − t + radius − lo
      let s = 0;
      const q0 = i + radius - lo;
      for (let t = 0; t < width; t++) s += taps[t] * line[q0 - t];
      dst[base + i * stride] = s;
    }
  }
}

/** Exact heat flow of one plane H×W over variance σ² = 2Dt per axis. Returns a new plane. */
export function exactPlane(plane: Float64Array, H: number, W: number, variance: number, boundary: DiffusionBoundary): Float64Array {
  const period = (n: number) => (boundary === 'wrap' ? n : boundary === 'reflect' ? 2 * n : null);
  const tmp = new Float64Array(plane.length);
  const out = new Float64Array(plane.length);
  const gx = gaussianTaps(variance, period(W));
  passLines(plane, tmp, H, W, W, 1, gx.taps, gx.radius, boundary); // along x: H lines of W
  const gy = gaussianTaps(variance, period(H));
  passLines(tmp, out, W, H, 1, W, gy.taps, gy.radius, boundary); // along y: W lines of H
  return out;
}

/**
 * The same heat flow through the convolution engine instead: the unfolded Gaussian taps (radius
 * ⌈8σ⌉) as a separable kernel, convolve(mode 'same') with the boundary extending the field as
 * far as the kernel reaches — src/conv's periodic padding plays the method of images. A cross-check
 * of exactPlane: `direct` runs convolveSeparable (two 1-D passes), `fft` runs convolve with the
 * outer-product kernel by FFT.
 */
export function exactPlaneConv(
  plane: Float64Array,
  H: number,
  W: number,
  variance: number,
  boundary: DiffusionBoundary,
  method: 'direct' | 'fft' = 'fft',
): Float64Array {
  const g = gaussianTaps(variance, null).taps;
  const k = new NDArray('float64', [g.length], g);
  const u = new NDArray('float64', [H, W], plane);
  const opts = { mode: 'same', boundary } as const;
  const out = method === 'direct' ? convolveSeparable(u, [k, k], opts) : convolve(u, outerKernel([k, k]), { ...opts, method: 'fft' });
  return out.data as Float64Array;
}
