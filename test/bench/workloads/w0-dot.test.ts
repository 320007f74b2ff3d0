import { describe, expect, it } from 'vitest';
import { dotF64, w0 } from '../../../src/bench/workloads/w0-dot.js';

describe('W0', () => {
  it('dotF64 matches a plain sum for every length 0..9 (the 4-wide loop and its tail)', () => {
    for (let n = 0; n <= 9; n++) {
      const a = Float64Array.from({ length: n }, (_, i) => i + 1);
      const b = Float64Array.from({ length: n }, (_, i) => 2 * i - 3);
      let expected = 0;
      for (let i = 0; i < n; i++) expected += a[i] * b[i];
      expect(dotF64(a, b), `n=${n}`).toBe(expected);
    }
  });

  it('w0.setup({ n: 1000 }, seed) makes the same non-zero data for the same seed', () => {
    const s1 = w0.setup({ n: 1000 }, { seed: 3, threads: 1 }) as { a: Float64Array; b: Float64Array };
    const s2 = w0.setup({ n: 1000 }, { seed: 3, threads: 1 }) as { a: Float64Array; b: Float64Array };
    const s3 = w0.setup({ n: 1000 }, { seed: 4, threads: 1 }) as { a: Float64Array; b: Float64Array };
    expect(s1.a).toEqual(s2.a);
    expect(s1.a).not.toEqual(s3.a);
    expect(s1.a.some((v) => v !== 0)).toBe(true);
    expect(s1.a).not.toEqual(s1.b);
    expect(w0.run(s1)).toBe(dotF64(s1.a, s1.b));
  });

  it('w0.work({ n }) is 2n FLOP', () => {
    expect(w0.work({ n: 500 })).toEqual({ amount: 1000, unit: 'FLOP' });
  });
});
