import { describe, expect, it } from 'vitest';
import { downsample2x2, upsample2x2 } from '../../src/spectrum/chroma.js';

describe('downsample2x2 / upsample2x2', () => {
  it('downsample2x2(3 × 5 plane) averages 2 × 2 cells, replicating the last row and column', () => {
    const p = Float64Array.from({ length: 15 }, (_, i) => i); // rows [0..4], [5..9], [10..14]
    const d = downsample2x2(p, 3, 5);
    expect([d.height, d.width]).toEqual([2, 3]);
    expect(Array.from(d.plane)).toEqual([3, 5, 6.5, 10.5, 12.5, 14]);
  });

  it('upsample2x2 keeps a constant plane and a linear ramp’s interior (¾ / ¼ weights)', () => {
    expect(Array.from(upsample2x2(new Float64Array(6).fill(7), 2, 3, 4, 6))).toEqual(new Array(24).fill(7));
    // ramp along x: samples at 0, 2, 4 (centres of pairs) → interior outputs ¾·a + ¼·b
    const up = upsample2x2(Float64Array.from([0, 2, 4]), 1, 3, 1, 6);
    expect(Array.from(up)).toEqual([0, 0.5, 1.5, 2.5, 3.5, 4]);
  });
});
