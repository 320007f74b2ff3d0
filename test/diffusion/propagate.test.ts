import { describe, expect, it } from 'vitest';
import { convolve } from '../../src/conv/index.js';
import { fromArray } from '../../src/core/ndarray.js';
import { randomUniform } from '../../src/core/random.js';
import { mass } from '../../src/diffusion/field.js';
import { propagate } from '../../src/diffusion/propagate.js';
import { toPropagator } from '../../src/diffusion/propagator.js';

// a lopsided 3×4 propagator: drifts right and down, even width (centre column 1)
const LOPSIDED = toPropagator(fromArray([0.1, 0, 0.3, 0.2, 0.05, 0.4, 0.7, 0, 0, 0.2, 0.6, 0.9], 'float64', [3, 4]), { method: 'l1' });

describe('propagate', () => {
  it("propagate(u, p, { boundary: 'wrap' }) equals convolve(u, p, { mode: 'same', boundary: 'wrap' })", () => {
    const u = randomUniform([13, 17], { seed: 1 });
    const a = propagate(u, LOPSIDED, { boundary: 'wrap' });
    const b = convolve(u, LOPSIDED.kernel, { mode: 'same', boundary: 'wrap' });
    for (let i = 0; i < a.size; i++) expect(a.data[i]).toBeCloseTo(b.data[i], 13);
  });

  it('propagate(u, p, { steps: 50 }) conserves mass to 1e-12 under reflect and wrap, even for a lopsided p', () => {
    const u = randomUniform([31, 23], { seed: 2, hi: 255 });
    for (const boundary of ['reflect', 'wrap'] as const) {
      const v = propagate(u, LOPSIDED, { steps: 50, boundary });
      expect(Math.abs(mass(v) - mass(u)) / mass(u)).toBeLessThan(1e-12);
    }
  });

  it("propagate(u, p, { boundary: 'constant' }) lets mass leave through the walls", () => {
    const u = fromArray([0, 0, 0, 0, 9, 0, 0, 0, 0], 'float64', [3, 3]);
    const box = toPropagator(fromArray(new Array(9).fill(1), 'float64', [3, 3]), { method: 'l1' });
    expect(mass(propagate(u, box, { boundary: 'constant' }))).toBeCloseTo(9, 14);
    // step 2 from a uniform 3×3 of ones: corners keep 4/9 of theirs, edges 6/9, the centre all
    expect(mass(propagate(u, box, { boundary: 'constant', steps: 2 }))).toBeCloseTo((4 * 4 + 4 * 6 + 9) / 9, 13);
  });

  it('propagate(point, p) at a reflecting corner keeps the particle inside', () => {
    const u = fromArray([1, 0, 0, 0], 'float64', [2, 2]);
    const left = toPropagator([[1, 0, 0]], { method: 'l1' }); // always one step left
    expect([...propagate(u, left).data]).toEqual([1, 0, 0, 0]);
    expect([...propagate(u, left, { boundary: 'wrap' }).data]).toEqual([0, 1, 0, 0]);
  });

  it('propagate keeps float32 and [C, H, W] layouts', () => {
    const u = randomUniform([3, 5, 6], { seed: 3, dtype: 'float32' });
    const v = propagate(u, LOPSIDED, { steps: 2 });
    expect(v.dtype).toBe('float32');
    expect(v.shape).toEqual([3, 5, 6]);
    expect(() => propagate(u, LOPSIDED, { steps: -1 })).toThrow(/steps/);
  });
});
