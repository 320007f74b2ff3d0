/**
 * What the frequency-domain chapters compute, on the library's src/spectrum. Pure functions of
 * NDArrays (no DOM, no worker), so they are unit-tested in Node.
 */
import { NDArray } from '../../../../src/core/ndarray.js';
import {
  compressSpectrum,
  frequencyFilter,
  frequencyMask,
  jpegCompress,
  maskKernel,
  orientation,
  rotate,
  rotationBetween,
  spectrum,
} from '../../../../src/spectrum/index.js';
import type { Job } from './protocol.js';

export type Result = { arrays: Record<string, NDArray<'float32'>>; numbers: Record<string, number | number[]> };

/** Box-downsample `[C, H, W]` by an integer factor so the longest side is ≤ max. */
export function shrink(image: NDArray<'float32'>, max: number): NDArray<'float32'> {
  const [C, H, W] = image.shape;
  const f = Math.ceil(Math.max(H, W) / max);
  if (f <= 1) return image;
  const h = Math.floor(H / f);
  const w = Math.floor(W / f);
  const out = new NDArray('float32', [C, h, w]);
  for (let c = 0; c < C; c++) {
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        let s = 0;
        for (let dy = 0; dy < f; dy++) for (let dx = 0; dx < f; dx++) s += image.data[(c * H + y * f + dy) * W + x * f + dx];
        out.data[(c * h + y) * w + x] = s / (f * f);
      }
    }
  }
  return out;
}

/** The seed's striped paper: a 256 × 256 gray grating of `period` pixels, varying along `angle` degrees. */
export function stripes(angle: number, period: number, size = 256): NDArray<'float32'> {
  const t = (angle * Math.PI) / 180;
  const out = new NDArray('float32', [1, size, size]);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const u = (x * Math.cos(t) - y * Math.sin(t)) / period;
      out.data[y * size + x] = 128 + 110 * Math.cos(2 * Math.PI * u);
    }
  }
  return out;
}

const f32 = (a: NDArray): NDArray<'float32'> =>
  a.dtype === 'float32' ? (a as NDArray<'float32'>) : new NDArray('float32', a.shape, Float32Array.from(a.data as Float64Array));

/** An [H, W] mask in numpy layout, centred (fftshift) for display. */
function centred(mask: NDArray): NDArray<'float32'> {
  const [H, W] = mask.shape;
  const out = new NDArray('float32', [H, W]);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) out.data[((y + (H >> 1)) % H) * W + ((x + (W >> 1)) % W)] = mask.data[y * W + x];
  return out;
}

export const KEEPS = [0.001, 0.003, 0.01, 0.02, 0.05, 0.1, 0.2, 0.4];
export const QUALITIES = [5, 10, 20, 35, 50, 70, 85, 95];

export function compute(image: NDArray<'float32'>, job: Job): Result {
  if (job.op === 'orient') {
    const turned = f32(rotate(image, job.rotate));
    const s = spectrum(turned);
    const o = orientation(turned);
    const r = rotationBetween(image, turned);
    return {
      arrays: { image: turned, spectrum: s.magnitudeImage },
      numbers: { angle: o.angle, confidence: o.confidence, rotation: r.angle, histogram: Array.from(o.histogram) },
    };
  }
  if (job.op === 'filter') {
    const [, H, W] = image.shape;
    const opts = { kind: job.kind, shape: job.shape, cutoff: job.cutoff, order: 2 } as const;
    const filtered = f32(frequencyFilter(image, opts));
    const mask = frequencyMask([H, W], opts);
    const size = Math.min(job.kernelSize, (Math.min(H, W) - 1) | 1);
    return { arrays: { image: filtered, mask: centred(mask), kernel: f32(maskKernel(mask, { size })) }, numbers: {} };
  }
  if (job.op === 'compress') {
    const r = job.mode === 'keep' ? compressSpectrum(image, { keep: job.value }) : jpegCompress(image, { quality: job.value });
    return { arrays: { image: f32(r.image) }, numbers: { ratio: r.ratio, psnr: r.psnr, ssim: r.ssim, bpp: r.bitsPerPixel ?? -1 } };
  }
  const settings = job.mode === 'keep' ? KEEPS : QUALITIES;
  const results = settings.map((v) => (job.mode === 'keep' ? compressSpectrum(image, { keep: v }) : jpegCompress(image, { quality: v })));
  return { arrays: {}, numbers: { ratio: results.map((r) => r.ratio), psnr: results.map((r) => r.psnr), settings } };
}
