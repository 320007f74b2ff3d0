import { describe, expect, it } from 'vitest';
import { Rng, randomNormal } from '../../src/core/index.js';

describe('Rng', () => {
  it('new Rng(seed) is reproducible and seeds differ', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const c = new Rng(43);
    const xs = Array.from({ length: 5 }, () => a.nextUint32());
    expect(Array.from({ length: 5 }, () => b.nextUint32())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.nextUint32())).not.toEqual(xs);
  });
  it('random() is uniform on [0, 1): mean ≈ 1/2, variance ≈ 1/12', () => {
    const r = new Rng(1);
    const n = 200_000;
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < n; i++) {
      const u = r.random();
      expect(u >= 0 && u < 1).toBe(true);
      s += u;
      s2 += u * u;
    }
    expect(s / n).toBeCloseTo(0.5, 2);
    expect(s2 / n - (s / n) ** 2).toBeCloseTo(1 / 12, 3);
  });
  it('randomNormal(shape, { seed }) has mean ≈ 0 and std ≈ 1', () => {
    const a = Array.from(randomNormal([100_000], { seed: 7 }).data as ArrayLike<number>);
    const mean = a.reduce((x, y) => x + y, 0) / a.length;
    const varc = a.reduce((x, y) => x + (y - mean) ** 2, 0) / a.length;
    expect(Math.abs(mean)).toBeLessThan(0.01);
    expect(Math.abs(Math.sqrt(varc) - 1)).toBeLessThan(0.01);
  });
  it('new Rng(NaN) throws naming seed', () => {
    expect(() => new Rng(Number.NaN)).toThrow(/seed/);
  });
});
