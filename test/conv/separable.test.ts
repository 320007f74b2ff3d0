import { describe, expect, it } from 'vitest';
import { isSeparable, rank1, separate } from '../../src/conv/index.js';
import { fromArray, zeros } from '../../src/core/index.js';
import { rand } from './helpers.js';

function outer(c: number[], r: number[]) {
  const k = zeros([c.length, r.length], 'float64');
  for (let i = 0; i < c.length; i++) for (let j = 0; j < r.length; j++) k.data[i * r.length + j] = c[i] * r[j];
  return k;
}

describe('separable', () => {
  it('separate(outer(col, row)) recovers the factors up to scale, row max positive', () => {
    const k = outer([1, 2, 1], [-1, 0, 1]);
    const [c, r] = separate(k);
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) expect(c.data[i] * r.data[j]).toBeCloseTo(k.data[i * 3 + j], 14);
    expect(Math.max(...r.data)).toBeGreaterThan(0);
    expect(c.data[0] / c.data[1]).toBeCloseTo(0.5, 14);
  });
  it('isSeparable(k, tol) is true for a rank-1 kernel and false for a random one', () => {
    expect(isSeparable(outer([1, 4, 6, 4, 1], [1, 4, 6, 4, 1]))).toBe(true);
    expect(isSeparable(rand([5, 5], 'float64', 1))).toBe(false);
    expect(isSeparable(fromArray([1, 2, 3], 'float64'))).toBe(true);
    expect(isSeparable(rand([2, 2], 'complex128', 1))).toBe(false);
  });
  it('rank1(k).residual is the relative Frobenius residual of the best rank-1 fit', () => {
    // diag(2, 1): best rank-1 keeps 2, residual = 1 / sqrt(5)
    const r = rank1(fromArray([2, 0, 0, 1], 'float64', [2, 2]));
    expect(r.residual).toBeCloseTo(1 / Math.sqrt(5), 8);
  });
  it('separate(non-separable k) throws naming the residual', () => {
    expect(() => separate(fromArray([1, 0, 0, 1], 'float64', [2, 2]))).toThrow(/not separable/);
  });
});
