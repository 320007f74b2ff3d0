/**
 * Spectral compression (the seed's): keep the DFT coefficients inside a radius, or the fraction
 * `keep` with the largest magnitudes, per channel; transform back and measure what was lost.
 * The ratio is the fraction of coefficients kept. Reconstructions are clipped to 0..255.
 */
import { ArgumentError } from '../core/errors.js';
import { NDArray } from '../core/ndarray.js';
import { ifft2 } from '../fft/index.js';
import { binFrequency, planeFft } from './freq.js';
import { imageShape, planesOf } from './image.js';
import { psnr, ssim } from './metrics.js';

export interface CompressionResult {
  /** The reconstruction, `[C, H, W]` (or `[H, W]`) like the input, 0..255. */
  image: NDArray;
  /** Fraction of coefficients kept (0..1). */
  ratio: number;
  /** Entropy-coded size estimate in bits per pixel; null where the method has no coder (spectral). */
  bitsPerPixel: number | null;
  psnr: number;
  ssim: number;
}

export interface SpectralCompressionOptions {
  /** Keep this fraction (0, 1] of the coefficients, largest magnitude first. */
  keep?: number;
  /** Keep the frequencies with |f| ≤ radius cycles/pixel, (0, √½]. */
  radius?: number;
}

export const MAX_RADIUS = Math.SQRT1_2;

function checkChoice(opts: SpectralCompressionOptions): void {
  const { keep, radius } = opts;
  if ((keep === undefined) === (radius === undefined)) throw new ArgumentError('keep: give exactly one of keep or radius', 'keep');
  if (keep !== undefined && !(typeof keep === 'number' && keep > 0 && keep <= 1)) {
    throw new ArgumentError(`keep: expected a fraction in (0, 1], got ${String(keep)}`, 'keep');
  }
  if (radius !== undefined && !(typeof radius === 'number' && radius > 0 && radius <= MAX_RADIUS)) {
    throw new ArgumentError(`radius: expected cycles/pixel in (0, ${MAX_RADIUS.toFixed(4)}], got ${String(radius)}`, 'radius');
  }
}

/** Zero the coefficients of F ([H, W] complex, numpy layout) outside the choice; returns how many were kept. */
function select(F: Float64Array, H: number, W: number, opts: SpectralCompressionOptions): number {
  const n = H * W;
  const keepMask = new Uint8Array(n);
  if (opts.radius !== undefined) {
    for (let y = 0; y < H; y++)
      for (let x = 0; x < W; x++) keepMask[y * W + x] = Math.hypot(binFrequency(y, H), binFrequency(x, W)) <= opts.radius ? 1 : 0;
  } else {
    // magnitude averaged with the Hermitian partner so the pair is kept or dropped together
    const mag = new Float64Array(n);
    for (let y = 0; y < H; y++) {
      for (let x = 0; x < W; x++) {
        const i = y * W + x;
        const j = ((H - y) % H) * W + ((W - x) % W);
        mag[i] = (Math.hypot(F[2 * i], F[2 * i + 1]) + Math.hypot(F[2 * j], F[2 * j + 1])) / 2;
      }
    }
    const m = Math.max(1, Math.round((opts.keep as number) * n));
    const sorted = Float64Array.from(mag).sort();
    const threshold = sorted[n - m];
    for (let i = 0; i < n; i++) keepMask[i] = mag[i] >= threshold ? 1 : 0;
  }
  let kept = 0;
  for (let i = 0; i < n; i++) {
    if (keepMask[i]) kept++;
    else F[2 * i] = F[2 * i + 1] = 0;
  }
  return kept;
}

/** Keep part of each channel's spectrum; report the reconstruction, the ratio kept, PSNR and SSIM. */
export function compressSpectrum(image: NDArray, opts: SpectralCompressionOptions): CompressionResult {
  const [C, H, W] = imageShape(image);
  checkChoice(opts);
  const out = new NDArray(image.dtype === 'float32' ? 'float32' : 'float64', image.shape);
  let kept = 0;
  planesOf(image).forEach((p, c) => {
    const F = planeFft(p);
    kept += select(F, H, W, opts);
    const back = ifft2(new NDArray('complex128', [H, W], F)).data;
    for (let i = 0; i < H * W; i++) {
      const v = back[2 * i];
      out.data[c * H * W + i] = v < 0 ? 0 : Math.min(v, 255);
    }
  });
  return { image: out, ratio: kept / (C * H * W), bitsPerPixel: null, psnr: psnr(image, out), ssim: ssim(image, out) };
}
