/**
 * frequencyFilter(image, mask options): multiply each channel's spectrum by a radial mask and
 * transform back. Before the FFT the image is extended so the DFT's wrap-around does not mix the
 * left edge into the right:
 *   'reflect' (default) the mirror image is appended on each axis (abcd|dcba), 2H × 2W, so the
 *             periodic extension is continuous everywhere (the DCT's symmetric extension)
 *   'zero'    zeros to 2H × 2W
 *   'wrap'    no padding: the circular filter of the DFT itself
 */
import { ArgumentError } from '../core/errors.js';
import { NDArray } from '../core/ndarray.js';
import { irfft2, rfft2 } from '../fft/index.js';
import { imageShape } from './image.js';
import { checkMask, type MaskOptions, maskGrid } from './mask.js';

export type FilterPadding = 'reflect' | 'zero' | 'wrap';

export interface FrequencyFilterOptions extends MaskOptions {
  padding?: FilterPadding;
}

function extend(
  src: ArrayLike<number>,
  C: number,
  H: number,
  W: number,
  padding: FilterPadding,
): { data: Float64Array; Hp: number; Wp: number } {
  const Hp = padding === 'wrap' ? H : 2 * H;
  const Wp = padding === 'wrap' ? W : 2 * W;
  const data = new Float64Array(C * Hp * Wp); // [C, Hp, Wp]
  for (let c = 0; c < C; c++) {
    for (let y = 0; y < Hp; y++) {
      if (padding === 'zero' && y >= H) continue;
      const sy = y < H ? y : 2 * H - 1 - y;
      for (let x = 0; x < Wp; x++) {
        if (padding === 'zero' && x >= W) continue;
        const sx = x < W ? x : 2 * W - 1 - x;
        data[(c * Hp + y) * Wp + x] = src[(c * H + sy) * W + sx];
      }
    }
  }
  return { data, Hp, Wp };
}

/** Filter every channel of `image` ([H, W] or [C, H, W]) by a frequency mask; float32 in → float32 out. */
export function frequencyFilter(image: NDArray, opts: FrequencyFilterOptions): NDArray {
  const [C, H, W] = imageShape(image);
  const spec = checkMask(opts);
  const padding = opts.padding ?? 'reflect';
  if (padding !== 'reflect' && padding !== 'zero' && padding !== 'wrap') {
    throw new ArgumentError(`padding: expected "reflect", "zero" or "wrap", got ${JSON.stringify(padding)}`, 'padding');
  }
  const { data, Hp, Wp } = extend(image.data, C, H, W, padding);
  const F = rfft2(new NDArray('float64', [C, Hp, Wp], data)); // [C, Hp, Wp/2+1] complex128
  const cols = (Wp >> 1) + 1;
  const m = maskGrid(spec, Hp, Wp, cols);
  const spec2 = F.data as Float64Array;
  for (let c = 0; c < C; c++) {
    const base = c * Hp * cols;
    for (let i = 0; i < Hp * cols; i++) {
      spec2[2 * (base + i)] *= m[i];
      spec2[2 * (base + i) + 1] *= m[i];
    }
  }
  const back = irfft2(F, { s: [Hp, Wp] }).data; // [C, Hp, Wp]
  const out = new NDArray(image.dtype === 'float32' ? 'float32' : 'float64', image.shape);
  for (let c = 0; c < C; c++) {
    for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) out.data[(c * H + y) * W + x] = back[(c * Hp + y) * Wp + x];
  }
  return out;
}

type Shorthand = Omit<FrequencyFilterOptions, 'kind' | 'cutoff'>;

export const lowpass = (image: NDArray, cutoff: number, opts: Shorthand = {}) =>
  frequencyFilter(image, { ...opts, kind: 'lowpass', cutoff });
export const highpass = (image: NDArray, cutoff: number, opts: Shorthand = {}) =>
  frequencyFilter(image, { ...opts, kind: 'highpass', cutoff });
export const bandpass = (image: NDArray, lo: number, hi: number, opts: Shorthand = {}) =>
  frequencyFilter(image, { ...opts, kind: 'bandpass', cutoff: [lo, hi] });
export const bandstop = (image: NDArray, lo: number, hi: number, opts: Shorthand = {}) =>
  frequencyFilter(image, { ...opts, kind: 'bandstop', cutoff: [lo, hi] });
