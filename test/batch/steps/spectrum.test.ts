import { describe, expect, it } from 'vitest';
import { spectrum } from '../../../src/batch/steps/spectrum.js';
import { NDArray } from '../../../src/core/ndarray.js';

describe('spectrum step', () => {
  it('spectrum.apply(stripes along x) puts the peaks on the centre row at ±the stripe frequency', () => {
    const [H, W] = [16, 16];
    const image = new NDArray('float32', [1, H, W]);
    for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) image.data[y * W + x] = 128 + 100 * Math.cos((2 * Math.PI * 4 * x) / W);
    const out = spectrum.apply({ image, format: 'png', bitDepth: 8 }, spectrum.parse({ window: 'none' }, 'p'), 'x');
    expect(out.image.shape).toEqual([1, H, W]);
    expect(out.format).toBe('png');
    const d = out.image.data;
    expect(d[8 * W + 8]).toBeCloseTo(255, 3); // the DC term (mean 128) is the largest
    expect(d[8 * W + 12]).toBeGreaterThan(200); // +4 cycles
    expect(d[8 * W + 4]).toBeGreaterThan(200); // −4 cycles
    expect(d[4 * W + 8]).toBeLessThan(10); // nothing along y
  });

  it('spectrum.parse(bad) names the option path', () => {
    expect(() => spectrum.parse({ channel: 5 }, 's')).toThrow('s.channel: expected an integer in 0..3, got 5');
    expect(() => spectrum.parse({ window: 'hamming' }, 's')).toThrow('s.window: expected one of "hann", "none"');
  });
});
