/**
 * Image quality: PSNR and SSIM. SSIM is Wang, Bovik, Sheikh & Simoncelli, "Image quality
 * assessment: from error visibility to structural similarity", IEEE TIP 13(4), 2004, computed as
 * skimage.metrics.structural_similarity(gaussian_weights=True, sigma=1.5, use_sample_covariance=False,
 * data_range=R): Gaussian window σ = 1.5 truncated at 3.5σ (11 taps), scipy 'reflect' borders,
 * the map averaged without its 5-pixel border, channels averaged.
 */
import { ShapeError } from '../core/errors.js';
import type { NDArray } from '../core/ndarray.js';
import { imageShape } from './image.js';

function checkPair(a: NDArray, b: NDArray): [number, number, number] {
  const sa = imageShape(a, 'a');
  const sb = imageShape(b, 'b');
  if (sa.some((v, i) => v !== sb[i]))
    throw new ShapeError(`b: expected the shape of a [${a.shape.join(', ')}], got [${b.shape.join(', ')}]`, 'b');
  return sa;
}

/** Mean squared error over every channel and pixel. */
export function mse(a: NDArray, b: NDArray): number {
  checkPair(a, b);
  let s = 0;
  for (let i = 0; i < a.data.length; i++) s += (a.data[i] - b.data[i]) ** 2;
  return s / a.data.length;
}

/** Peak signal-to-noise ratio in dB, 10·log10(R² / MSE) (R = dataRange, default 255); Infinity when equal. */
export function psnr(a: NDArray, b: NDArray, dataRange = 255): number {
  const e = mse(a, b);
  return e === 0 ? Number.POSITIVE_INFINITY : 10 * Math.log10((dataRange * dataRange) / e);
}

const SIGMA = 1.5;
const RADIUS = Math.floor(3.5 * SIGMA + 0.5); // 5 → 11 taps

function gaussTaps(): Float64Array {
  const w = new Float64Array(2 * RADIUS + 1);
  let s = 0;
  for (let i = -RADIUS; i <= RADIUS; i++) s += w[i + RADIUS] = Math.exp((-0.5 * i * i) / (SIGMA * SIGMA));
  return w.map((v) => v / s);
}

/** scipy 'reflect' (dcba|abcd|dcba) index into [0, n). */
function reflect(i: number, n: number): number {
  const p = 2 * n;
  let j = ((i % p) + p) % p;
  if (j >= n) j = p - 1 - j;
  return j;
}

/** Separable Gaussian blur of an [H, W] plane with reflect borders. */
function blur(x: Float64Array, H: number, W: number, w: Float64Array): Float64Array {
  const tmp = new Float64Array(H * W);
  const out = new Float64Array(H * W);
  for (let y = 0; y < H; y++) {
    for (let c = 0; c < W; c++) {
      let s = 0;
      for (let k = -RADIUS; k <= RADIUS; k++) s += w[k + RADIUS] * x[y * W + reflect(c + k, W)];
      tmp[y * W + c] = s;
    }
  }
  for (let y = 0; y < H; y++) {
    for (let c = 0; c < W; c++) {
      let s = 0;
      for (let k = -RADIUS; k <= RADIUS; k++) s += w[k + RADIUS] * tmp[reflect(y + k, H) * W + c];
      out[y * W + c] = s;
    }
  }
  return out;
}

/** Mean SSIM of one channel pair ([H, W] planes). */
function ssimPlane(x: Float64Array, y: Float64Array, H: number, W: number, R: number): number {
  const w = gaussTaps();
  const xx = x.map((v) => v * v);
  const yy = y.map((v) => v * v);
  const xy = x.map((v, i) => v * y[i]);
  const [ux, uy, uxx, uyy, uxy] = [x, y, xx, yy, xy].map((p) => blur(p, H, W, w));
  const C1 = (0.01 * R) ** 2;
  const C2 = (0.03 * R) ** 2;
  let sum = 0;
  let n = 0;
  for (let r = RADIUS; r < H - RADIUS; r++) {
    for (let c = RADIUS; c < W - RADIUS; c++) {
      const i = r * W + c;
      const vx = uxx[i] - ux[i] * ux[i];
      const vy = uyy[i] - uy[i] * uy[i];
      const vxy = uxy[i] - ux[i] * uy[i];
      sum += ((2 * ux[i] * uy[i] + C1) * (2 * vxy + C2)) / ((ux[i] * ux[i] + uy[i] * uy[i] + C1) * (vx + vy + C2));
      n++;
    }
  }
  return sum / n;
}

/** Mean structural similarity of two images ([H, W] or [C, H, W]), channels averaged; needs H, W ≥ 11. */
export function ssim(a: NDArray, b: NDArray, dataRange = 255): number {
  const [C, H, W] = checkPair(a, b);
  if (H < 2 * RADIUS + 1 || W < 2 * RADIUS + 1) throw new ShapeError(`a: SSIM needs images of at least 11 × 11, got ${H} × ${W}`, 'a');
  let total = 0;
  const n = H * W;
  for (let c = 0; c < C; c++) {
    const x = Float64Array.from(a.data.subarray(c * n, (c + 1) * n) as ArrayLike<number>);
    const y = Float64Array.from(b.data.subarray(c * n, (c + 1) * n) as ArrayLike<number>);
    total += ssimPlane(x, y, H, W, dataRange);
  }
  return total / C;
}
