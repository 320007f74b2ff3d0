/**
 * JPEG-style transform coding: 8×8 block DCT-II (orthonormal, dct8.ts), quantisation by the standard
 * tables scaled by quality, zig-zag run-length + an entropy estimate (entropy.ts), then the way
 * back. Colour images go through JFIF's YCbCr (Y with the luminance table, Cb / Cr with the
 * chrominance one), chroma at full resolution (4:4:4) or halved (4:2:0, chroma.ts). Edges are
 * padded to a multiple of 8 by repeating the last row / column, as libjpeg does. The output is rounded and clipped to 0..255
 * like a decoder's 8-bit output; alpha is dropped.
 */
import { ArgumentError } from '../core/errors.js';
import { NDArray } from '../core/ndarray.js';
import { downsample2x2, upsample2x2 } from './chroma.js';
import type { CompressionResult } from './compress.js';
import { dct8x8_f64 } from './dct8.js';
import { SymbolTally } from './entropy.js';
import { imageShape, planesOf } from './image.js';
import { psnr, ssim } from './metrics.js';
import { checkQuality, quantTable } from './quant.js';

export interface JpegStyleOptions {
  /** 1..100, the IJG quality scale (default 75, cjpeg's default). */
  quality?: number;
  /** Chroma resolution of colour images: '4:4:4' (default, full) or '4:2:0' (halved both ways, cjpeg's default). */
  subsampling?: Subsampling;
}

export interface JpegStyleResult extends CompressionResult {
  bitsPerPixel: number;
  quality: number;
  /** The chroma subsampling used; null for gray images. */
  subsampling: Subsampling | null;
}

/** RGB ↔ YCbCr, JFIF (full range, 128 offset on chroma). */
function toYCbCr(r: Float64Array, g: Float64Array, b: Float64Array): Float64Array[] {
  const n = r.length;
  const y = new Float64Array(n);
  const cb = new Float64Array(n);
  const cr = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = 0.299 * r[i] + 0.587 * g[i] + 0.114 * b[i];
    cb[i] = -0.168736 * r[i] - 0.331264 * g[i] + 0.5 * b[i] + 128;
    cr[i] = 0.5 * r[i] - 0.418688 * g[i] - 0.081312 * b[i] + 128;
  }
  return [y, cb, cr];
}

function toRgb(y: Float64Array, cb: Float64Array, cr: Float64Array): Float64Array[] {
  const n = y.length;
  const out = [new Float64Array(n), new Float64Array(n), new Float64Array(n)];
  for (let i = 0; i < n; i++) {
    out[0][i] = y[i] + 1.402 * (cr[i] - 128);
    out[1][i] = y[i] - 0.344136 * (cb[i] - 128) - 0.714136 * (cr[i] - 128);
    out[2][i] = y[i] + 1.772 * (cb[i] - 128);
  }
  return out;
}

/** Cut an [H, W] plane into [nb, 8, 8] blocks (edge-replicated to multiples of 8), minus 128. */
function toBlocks(p: Float64Array, H: number, W: number): { blocks: NDArray<'float64'>; by: number; bx: number } {
  const by = Math.ceil(H / 8);
  const bx = Math.ceil(W / 8);
  const blocks = new NDArray('float64', [by * bx, 8, 8]);
  for (let j = 0; j < by; j++) {
    for (let i = 0; i < bx; i++) {
      const base = (j * bx + i) * 64;
      for (let r = 0; r < 8; r++) {
        const y = Math.min(H - 1, j * 8 + r);
        for (let c = 0; c < 8; c++) blocks.data[base + r * 8 + c] = p[y * W + Math.min(W - 1, i * 8 + c)] - 128;
      }
    }
  }
  return { blocks, by, bx };
}

/** Quantise then dequantise one component; returns the reconstructed plane and the non-zero count. */
function codeComponent(
  p: Float64Array,
  H: number,
  W: number,
  table: Int32Array,
  tally: SymbolTally,
): { plane: Float64Array; nonzero: number; coefficients: number } {
  const { blocks, by, bx } = toBlocks(p, H, W);
  const nb = by * bx;
  const F = blocks.data; // [nb, 8, 8], transformed in place
  dct8x8_f64(F, nb);
  const q = new Int32Array(nb * 64);
  let nonzero = 0;
  for (let i = 0; i < q.length; i++) {
    const v = F[i] / table[i & 63];
    q[i] = Math.sign(v) * Math.floor(Math.abs(v) + 0.5); // round half away from zero
    if (q[i] !== 0) nonzero++;
    F[i] = q[i] * table[i & 63];
  }
  tally.addComponent(q, nb);
  dct8x8_f64(F, nb, true);
  const back = F; // [nb, 8, 8]
  const plane = new Float64Array(H * W);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) plane[y * W + x] = back[((y >> 3) * bx + (x >> 3)) * 64 + (y & 7) * 8 + (x & 7)] + 128;
  }
  return { plane, nonzero, coefficients: nb * 64 };
}

/** The coded and decoded image without the quality metrics (what the benchmark times). */
export interface JpegRoundTrip {
  /** The source's colour channels, `[1 | 3, H, W]`. */
  source: NDArray;
  /** The decoded image, rounded and clipped to 0..255, `[1 | 3, H, W]`. */
  image: NDArray;
  /** Fraction of quantised coefficients that are non-zero. */
  ratio: number;
  /** Entropy estimate, bits per pixel. */
  bitsPerPixel: number;
}

export type Subsampling = '4:4:4' | '4:2:0';

/** Code and decode a gray or RGB(A) image at `quality` (1..100); chroma at full or half resolution. */
export function jpegRoundTrip(image: NDArray, quality: number, subsampling: Subsampling = '4:4:4'): JpegRoundTrip {
  if (subsampling !== '4:4:4' && subsampling !== '4:2:0') {
    throw new ArgumentError(`subsampling: expected "4:4:4" or "4:2:0", got ${JSON.stringify(subsampling)}`, 'subsampling');
  }
  const [C, H, W] = imageShape(image);
  checkQuality(quality);
  const color = C >= 3;
  const planes = planesOf(image).slice(0, color ? 3 : 1);
  const source = new NDArray(image.dtype === 'float32' ? 'float32' : 'float64', [planes.length, H, W]);
  for (const [c, p] of planes.entries()) source.data.set(p.data, c * H * W);
  const components = color ? toYCbCr(planes[0].data, planes[1].data, planes[2].data) : [planes[0].data];
  const luma = new SymbolTally();
  const chroma = new SymbolTally();
  const tables = [quantTable(quality, 'luminance'), quantTable(quality, 'chrominance')];
  let nonzero = 0;
  let coefficients = 0;
  const decoded = components.map((p, c) => {
    const half = c > 0 && subsampling === '4:2:0';
    const small = half ? downsample2x2(p, H, W) : { plane: p, height: H, width: W };
    const r = codeComponent(small.plane, small.height, small.width, tables[c === 0 ? 0 : 1], c === 0 ? luma : chroma);
    nonzero += r.nonzero;
    coefficients += r.coefficients;
    return half ? upsample2x2(r.plane, small.height, small.width, H, W) : r.plane;
  });
  const rgb = color ? toRgb(decoded[0], decoded[1], decoded[2]) : decoded;
  const out = new NDArray(source.dtype, source.shape);
  rgb.forEach((p, c) => {
    for (let i = 0; i < H * W; i++) out.data[c * H * W + i] = Math.min(255, Math.max(0, Math.round(p[i])));
  });
  return { source, image: out, ratio: nonzero / coefficients, bitsPerPixel: (luma.bits() + chroma.bits()) / (H * W) };
}

/** JPEG-style compression of a gray or RGB(A) image at `quality`; reports ratio, bits/pixel, PSNR, SSIM. */
export function jpegCompress(image: NDArray, opts: JpegStyleOptions = {}): JpegStyleResult {
  const quality = checkQuality(opts.quality ?? 75);
  const r = jpegRoundTrip(image, quality, opts.subsampling ?? '4:4:4');
  return {
    image: r.image,
    ratio: r.ratio,
    bitsPerPixel: r.bitsPerPixel,
    psnr: psnr(r.source, r.image),
    ssim: ssim(r.source, r.image),
    quality,
    subsampling: r.source.shape[0] === 3 ? (opts.subsampling ?? '4:4:4') : null,
  };
}
