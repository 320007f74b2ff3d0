import { describe, expect, it } from 'vitest';
import { convolve, convolveSeparable, correlate, outerKernel } from '../../src/conv/index.js';
import { fromArray, ShapeError } from '../../src/core/index.js';
import { normErr, rand } from './helpers.js';

describe('convolveSeparable', () => {
  it('convolveSeparable(x, [k0, k1, k2]) equals convolve(x, outer) for 3-D, every mode and boundary', () => {
    const x = rand([7, 6, 9], 'float64', 1);
    const fs = [rand([3], 'float64', 2), rand([2], 'float64', 3), rand([4], 'float64', 4)];
    const k = outerKernel(fs);
    expect(k.shape).toEqual([3, 2, 4]);
    for (const mode of ['full', 'same', 'valid'] as const) {
      for (const boundary of ['constant', 'reflect', 'mirror', 'nearest', 'wrap'] as const) {
        const opts = { mode, boundary, cval: -1.25 };
        expect(normErr(convolveSeparable(x, fs, opts), convolve(x, k, opts)), `${mode} ${boundary}`).toBeLessThan(1e-12);
        expect(normErr(convolveSeparable(x, fs, { ...opts, correlate: true }), correlate(x, k, opts))).toBeLessThan(1e-12);
      }
    }
  });
  it('convolveSeparable([C, H, W], [kh, kw]) filters every channel', () => {
    const x = rand([3, 8, 9], 'float32', 5);
    const fs = [rand([5], 'float32', 6), rand([3], 'float32', 7)];
    const want = convolve(x, outerKernel(fs.slice()), { mode: 'same', boundary: 'reflect' });
    expect(normErr(convolveSeparable(x, fs, { mode: 'same', boundary: 'reflect' }), want)).toBeLessThan(1e-5);
  });
  it('convolveSeparable with complex factors or a bigger valid kernel falls back to the general path', () => {
    const x = rand([3, 4], 'float64', 1);
    const fs = [rand([5], 'complex128', 2), rand([6], 'float64', 3)];
    expect(normErr(convolveSeparable(x, fs, { mode: 'valid' }), convolve(x, outerKernel(fs), { mode: 'valid' }))).toBeLessThan(1e-12);
  });
  it('convolveSeparable rejects a wrong number of factors and non-1-D factors', () => {
    const x = rand([4, 4], 'float64', 1);
    expect(() => convolveSeparable(x, [fromArray([1], 'float64')])).toThrow(ShapeError);
    expect(() => convolveSeparable(x, [rand([2, 2], 'float64', 1), fromArray([1], 'float64')])).toThrow(/1-D kernel/);
  });
});
