import { describe, expect, it } from 'vitest';
import { aliasProbabilities, aliasTable } from '../../src/diffusion/alias.js';

describe('aliasTable', () => {
  it('aliasTable(w) encodes exactly w / Σw', () => {
    for (const w of [
      [1],
      [1, 1],
      [0.1, 0.2, 0.7],
      [5, 0, 0, 1e-9, 3],
      Array.from({ length: 289 }, (_, i) => Math.exp(-(((i % 17) - 8) ** 2) / 8)),
    ]) {
      const total = w.reduce((a, b) => a + b);
      const p = aliasProbabilities(aliasTable(w));
      for (let i = 0; i < w.length; i++) expect(p[i]).toBeCloseTo(w[i] / total, 14);
    }
  });

  it('aliasTable refuses negative, non-finite and all-zero weights', () => {
    expect(() => aliasTable([1, -1])).toThrow(/weights/);
    expect(() => aliasTable([1, Number.NaN])).toThrow(/weights/);
    expect(() => aliasTable([0, 0])).toThrow(/positive total/);
  });
});
