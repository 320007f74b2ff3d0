import { describe, expect, it } from 'vitest';
import type { Item } from '../../../src/batch/step.js';
import { freqFilter } from '../../../src/batch/steps/freq-filter.js';
import { NDArray } from '../../../src/core/ndarray.js';
import { tinyImage } from '../helpers.js';

const item = (image: NDArray<'float32'>): Item => ({ image, format: 'png', bitDepth: 8 });

describe('freq-filter step', () => {
  it('freqFilter.apply(constant image, lowpass) keeps the constant (the DC gain is 1)', () => {
    const image = new NDArray('float32', [2, 9, 11]);
    image.data.fill(77);
    const o = freqFilter.parse({ kind: 'lowpass', cutoff: 0.1, shape: 'gaussian' }, 'p');
    const out = freqFilter.apply(item(image), o, 'x');
    expect(out.image.shape).toEqual([2, 9, 11]);
    for (const v of out.image.data) expect(v).toBeCloseTo(77, 3);
  });

  it('freqFilter.apply(image, highpass, normalize) spans 0..255; a lowpass removes a checkerboard', () => {
    const image = tinyImage(2, 1, 16, 16);
    const hp = freqFilter.apply(item(image), freqFilter.parse({ kind: 'highpass', cutoff: 0.2, output: 'normalize' }, 'p'), 'x');
    expect(Math.min(...hp.image.data)).toBe(0);
    expect(Math.max(...hp.image.data)).toBeCloseTo(255, 3);
    const board = new NDArray('float32', [1, 8, 8]);
    for (let i = 0; i < 64; i++) board.data[i] = 128 + 100 * (((i >> 3) + (i & 7)) % 2 ? -1 : 1);
    const low = freqFilter.apply(
      item(board),
      freqFilter.parse({ kind: 'lowpass', cutoff: 0.8, units: 'nyquist', padding: 'wrap' }, 'p'),
      'x',
    );
    for (const v of low.image.data) expect(v).toBeCloseTo(128, 3);
  });

  it('freqFilter.parse(bad) names the option path', () => {
    expect(() => freqFilter.parse({ cutoff: 0.1 }, 'steps[0].options')).toThrow('steps[0].options.kind: missing');
    expect(() => freqFilter.parse({ kind: 'lowpass', cutoff: 0.7 }, 'steps[0].options')).toThrow(
      /^steps\[0\]\.options\.cutoff: expected a cutoff in \(0, 0\.5\]/,
    );
    expect(() => freqFilter.parse({ kind: 'bandpass', cutoff: [0.3, 0.1] }, 's')).toThrow(/^s\.cutoff: expected lo < hi/);
    expect(() => freqFilter.parse({ kind: 'bandpass', cutoff: [0.1, 0.9] }, 's')).toThrow(/^s\.cutoff\[1\]: expected a cutoff/);
    expect(() => freqFilter.parse({ kind: 'lowpass', cutoff: 0.1, order: 3 }, 's')).toThrow('s.order: applies only to shape "butterworth"');
    expect(() => freqFilter.parse({ kind: 'lowpass', cutoff: 0.1, shape: 'butterworth', order: -1 }, 's')).toThrow(/^s\.order: /);
  });
});
