/**
 * `compress`: transform compression as `convolab compress` — keep a fraction of the DFT
 * coefficients (`keep`), those inside a radius (`radius`), or JPEG-style 8×8 DCT quantisation
 * (`jpegQuality`) — writing the reconstruction; the item's `ratio`, `bits_per_pixel`, `psnr` and
 * `ssim` go to the journal.
 */
import { type CompressionResult, compressSpectrum, MAX_RADIUS } from '../../spectrum/compress.js';
import { jpegCompress } from '../../spectrum/jpeg.js';
import { join, number, oneOf, recipeError } from '../schema.js';
import type { Item, Step } from '../step.js';

export type CompressOptions =
  | { method: 'keep'; keep: number }
  | { method: 'radius'; radius: number }
  | { method: 'jpeg'; quality: number; subsampling: '4:4:4' | '4:2:0' };

const METHODS = ['keep', 'radius', 'jpegQuality'];

export const compress: Step<CompressOptions> = {
  name: 'compress',
  summary: 'DFT (keep | radius) or JPEG-style (jpegQuality) compression; writes the reconstruction, journals psnr/ssim',
  options: {
    keep: 'keep this fraction (0, 1] of the DFT coefficients, largest first',
    radius: `keep frequencies with |f| ≤ radius cycles/pixel, (0, ${MAX_RADIUS.toFixed(4)}]`,
    jpegQuality: 'JPEG-style 8×8 DCT quantisation at quality 1..100',
    subsampling: 'with jpegQuality: "4:4:4" (default) or "4:2:0"',
  },
  parse(o, path) {
    const given = METHODS.filter((m) => o[m] !== undefined);
    if (given.length !== 1) {
      throw recipeError(given.length ? join(path, given[1]) : path, `give exactly one of ${METHODS.join(', ')}`);
    }
    if (o.subsampling !== undefined && given[0] !== 'jpegQuality') {
      throw recipeError(join(path, 'subsampling'), 'applies only with jpegQuality');
    }
    if (given[0] === 'keep') return { method: 'keep', keep: number(o.keep, join(path, 'keep'), { min: Number.MIN_VALUE, max: 1 }) };
    if (given[0] === 'radius') {
      return { method: 'radius', radius: number(o.radius, join(path, 'radius'), { min: Number.MIN_VALUE, max: MAX_RADIUS }) };
    }
    return {
      method: 'jpeg',
      quality: number(o.jpegQuality, join(path, 'jpegQuality'), { min: 1, max: 100, integer: true }),
      subsampling: o.subsampling === undefined ? '4:4:4' : oneOf(o.subsampling, join(path, 'subsampling'), ['4:4:4', '4:2:0'] as const),
    };
  },
  outputFormat: () => 'png',
  apply(item: Item, o): Item {
    const r: CompressionResult =
      o.method === 'jpeg'
        ? jpegCompress(item.image, { quality: o.quality, subsampling: o.subsampling })
        : compressSpectrum(item.image, o.method === 'keep' ? { keep: o.keep } : { radius: o.radius });
    const info = { ...item.info, ratio: r.ratio, bits_per_pixel: r.bitsPerPixel, psnr: r.psnr, ssim: r.ssim };
    return { image: r.image as Item['image'], format: 'png', bitDepth: 8, info };
  },
};
