import { describe, expect, it } from 'vitest';
import { cis2pi, rootsTable } from '../../src/fft/twiddle.js';

describe('twiddle', () => {
  it('cis2pi(k, n) is exact on quarter turns', () => {
    const out = [0, 0];
    const cases: [number, number, number, number][] = [
      [0, 8, 1, 0],
      [2, 8, 0, 1],
      [4, 8, -1, 0],
      [6, 8, 0, -1],
      [3, 12, 0, 1],
      [-1, 4, 0, -1],
    ];
    for (const [k, n, c, s] of cases) {
      cis2pi(k, n, out);
      expect(out).toEqual([c === 0 ? out[0] : c, s === 0 ? out[1] : s]);
      expect(Math.abs(out[0] - c)).toBe(0);
      expect(Math.abs(out[1] - s)).toBe(0);
    }
  });
  it('cis2pi(k, n) agrees with Math.cos / Math.sin of the rounded angle in every octant', () => {
    const out = [0, 0];
    const n = 1000003;
    for (let k = 0; k < n; k += 9973) {
      cis2pi(k, n, out);
      const a = (2 * Math.PI * k) / n;
      // the naive angle itself is off by up to ~ulp(2π) = 8.9e-16
      expect(Math.abs(out[0] - Math.cos(a))).toBeLessThan(2e-15);
      expect(Math.abs(out[1] - Math.sin(a))).toBeLessThan(2e-15);
      expect(out[0] ** 2 + out[1] ** 2).toBeCloseTo(1, 15);
    }
  });
  it('rootsTable(n) holds e^{−2πik/n}', () => {
    const t = rootsTable(4);
    expect(Array.from(t).map((v) => v + 0)).toEqual([1, 0, 0, -1, -1, -0, -0, 1].map((v) => v + 0));
  });
});
