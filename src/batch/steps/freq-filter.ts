/**
 * `freq-filter`: multiply each channel's spectrum by a radial mask, as `convolab freq-filter`
 * (low-, high-, band-pass, band-stop; ideal, Gaussian or Butterworth; reflect padding by default),
 * then map the result to 0..255 (`clip` or `normalize`) as an 8-bit PNG.
 */
import { type FilterPadding, frequencyFilter } from '../../spectrum/filter.js';
import { checkMask, FILTER_KINDS, FILTER_SHAPES, type FilterKind, type FilterShape, type MaskOptions } from '../../spectrum/mask.js';
import { join, number, oneOf, recipeError, wrapOptions } from '../schema.js';
import type { Item, Step } from '../step.js';
import { toByteRange } from './filter.js';

export interface FreqFilterOptions {
  mask: MaskOptions;
  padding: FilterPadding;
  output: 'clip' | 'normalize';
}

export const freqFilter: Step<FreqFilterOptions> = {
  name: 'freq-filter',
  summary: 'low-, high-, band-pass or band-stop filter in the frequency domain, then clip | normalize to 0..255',
  options: {
    kind: 'lowpass | highpass | bandpass | bandstop (required)',
    cutoff: 'cycles/pixel in (0, 0.5]: one number, or [lo, hi] for band kinds (required)',
    units: '"cycles" (default) or "nyquist" (cutoffs as fractions of Nyquist, (0, 1])',
    shape: 'ideal (default), gaussian or butterworth',
    order: 'Butterworth order (default 2)',
    padding: 'reflect (default), zero or wrap',
    output: '"clip" (default) or "normalize" (min..max → 0..255, for high-pass results)',
  },
  parse(o, path) {
    for (const key of ['kind', 'cutoff']) if (o[key] === undefined) throw recipeError(join(path, key), 'missing');
    const kind = oneOf(o.kind, join(path, 'kind'), FILTER_KINDS);
    const cutoff = Array.isArray(o.cutoff)
      ? (o.cutoff.map((v, i) => number(v, join(join(path, 'cutoff'), i))) as [number, number])
      : number(o.cutoff, join(path, 'cutoff'));
    const shape: FilterShape = o.shape === undefined ? 'ideal' : oneOf(o.shape, join(path, 'shape'), FILTER_SHAPES);
    if (o.order !== undefined && shape !== 'butterworth') throw recipeError(join(path, 'order'), 'applies only to shape "butterworth"');
    const mask: MaskOptions = {
      kind: kind as FilterKind,
      cutoff,
      shape,
      units: o.units === undefined ? 'cycles' : oneOf(o.units, join(path, 'units'), ['cycles', 'nyquist'] as const),
      ...(o.order !== undefined ? { order: number(o.order, join(path, 'order')) } : {}),
    };
    wrapOptions(path, () => checkMask(mask));
    return {
      mask,
      padding: o.padding === undefined ? 'reflect' : oneOf(o.padding, join(path, 'padding'), ['reflect', 'zero', 'wrap'] as const),
      output: o.output === undefined ? 'clip' : oneOf(o.output, join(path, 'output'), ['clip', 'normalize'] as const),
    };
  },
  outputFormat: () => 'png',
  apply(item: Item, o): Item {
    const out = frequencyFilter(item.image, { ...o.mask, padding: o.padding }); // [C, H, W]
    return { ...item, image: toByteRange(out, o.output), format: 'png', bitDepth: 8 };
  },
};
