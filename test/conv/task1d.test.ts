import { describe, expect, it } from 'vitest';
import { osBlocks } from '../../src/conv/oa.js';
import { os1dTask } from '../../src/conv/task1d.js';
import { convolveRef } from '../../src/ref/convolve.js';
import { rand } from './helpers.js';

describe('os1dTask', () => {
  it('os1dTask({ b0, b1 }) writes only the samples of blocks [b0, b1)', () => {
    const x = rand([2000], 'float64', 3);
    const k = rand([30], 'float64', 4);
    const want = convolveRef(x, k, { mode: 'full' });
    const out = new Float64Array(2029).fill(-9);
    const S = 256 - 30 + 1;
    expect(osBlocks(30, 2029)).toBe(Math.ceil(2029 / S));
    expect(os1dTask({ xp: x.data as Float64Array, k: k.data as Float64Array, start: 0, out, b0: 2, b1: 4 })).toBe(2);
    for (let t = 0; t < 2029; t++) {
      if (t < 2 * S || t >= 4 * S) expect(out[t]).toBe(-9);
      else expect(out[t]).toBeCloseTo(want.data[t], 10);
    }
  });
  it('os1dTask(args with another kernel of the same length) does not reuse the last plan', () => {
    const x = rand([700], 'float64', 5);
    for (const seed of [6, 7, 6]) {
      const k = rand([30], 'float64', seed);
      const out = new Float64Array(729);
      os1dTask({ xp: x.data as Float64Array, k: Float64Array.from(k.data), start: 0, out, b0: 0, b1: osBlocks(30, 729) });
      const want = convolveRef(x, k, { mode: 'full' });
      for (let t = 0; t < 729; t += 37) expect(out[t]).toBeCloseTo(want.data[t], 10);
    }
  });
});
