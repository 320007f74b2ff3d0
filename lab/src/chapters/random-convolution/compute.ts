/**
 * The random-convolution chapter's compute (worker side; plain functions, testable in Node):
 * one sample, the N-sample mean, the exact convolution and the error curve.
 */

import { convolve } from '../../../../src/conv/index.js';
import { NDArray } from '../../../../src/core/ndarray.js';
import { sampleConvolve, sampleErrorCurve } from '../../../../src/diffusion/sample.js';
import { box, gaussian, sobelX } from '../../../../src/filters/index.js';

export const KERNEL_CHOICES = [
  ['gaussian', 'Gaussian σ = 2 (positive)'],
  ['box', 'box 5 × 5 (positive)'],
  ['edge', 'edge detector (signed)'],
  ['sobel-x', 'Sobel x (signed)'],
] as const;
export type KernelChoice = (typeof KERNEL_CHOICES)[number][0];

export function kernelOf(choice: KernelChoice): NDArray<'float64'> {
  if (choice === 'gaussian') return gaussian(2);
  if (choice === 'box') return box(5);
  if (choice === 'sobel-x') return sobelX();
  return new NDArray('float64', [3, 3], Float64Array.from([-1, -1, -1, -1, 8, -1, -1, -1, -1]));
}

/** Box-downsample a `[H, W]` gray plane by an integer factor so that its longer side is at most `size`. */
export function shrinkGray(gray: NDArray, size: number): NDArray<'float64'> {
  const [H, W] = gray.shape;
  const f = Math.max(1, Math.ceil(Math.max(H, W) / size));
  const h = Math.floor(H / f);
  const w = Math.floor(W / f);
  const out = new NDArray('float64', [h, w]);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let s = 0;
      for (let i = 0; i < f; i++) for (let j = 0; j < f; j++) s += gray.data[(y * f + i) * W + x * f + j];
      out.data[y * w + x] = s / (f * f);
    }
  }
  return out;
}

export interface SampleJob {
  kernel: KernelChoice;
  samples: number;
  seed: number;
}

export interface SampleView {
  one: NDArray<'float64'>;
  mean: NDArray<'float64'>;
  exact: NDArray<'float64'>;
  /** Counts 1, 2, 4, … ≤ samples, and the RMS error of the mean at each. */
  counts: number[];
  rmse: number[];
  /** √(mean per-pixel variance of one draw): the error one sample should have; rmse(N) ≈ sigma/√N. */
  sigma: number;
}

export function sampleView(x: NDArray<'float64'>, job: SampleJob): SampleView {
  const k = kernelOf(job.kernel);
  const exact = convolve(x, k, { mode: 'same', boundary: 'reflect' }) as NDArray<'float64'>;
  const one = sampleConvolve(x, k, { samples: 1, seed: job.seed }).mean as NDArray<'float64'>;
  const { mean, variance } = sampleConvolve(x, k, { samples: job.samples, seed: job.seed });
  const counts: number[] = [];
  for (let n = 1; n <= job.samples; n *= 2) counts.push(n);
  const curve = sampleErrorCurve(x, k, exact, { counts, seed: job.seed });
  let v = 0;
  for (const s of variance.data) v += s;
  return { one, mean: mean as NDArray<'float64'>, exact, counts, rmse: curve.rmse, sigma: Math.sqrt(v / variance.size) };
}
