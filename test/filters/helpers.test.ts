import { describe, expect, it } from 'vitest';
import { fromArray, zeros } from '../../src/core/index.js';
import { flip, gradientMagnitude, normalize, sobelX } from '../../src/filters/index.js';

describe('kernel helpers', () => {
  it('flip(k) reverses every axis', () => {
    expect([...flip(fromArray([1, 2, 3, 4, 5, 6], 'float64', [2, 3])).data]).toEqual([6, 5, 4, 3, 2, 1]);
    expect([...flip(fromArray([1, 2, 3, 4], 'complex64')).data]).toEqual([3, 4, 1, 2]);
  });
  it("normalize(k, 'sum' | 'l1' | 'max') divides by the sum, Σ|k| or max|k|", () => {
    const k = fromArray([1, -2, 5], 'float64');
    expect([...normalize(k, 'sum').data]).toEqual([0.25, -0.5, 1.25]);
    expect([...normalize(k, 'l1').data]).toEqual([1 / 8, -2 / 8, 5 / 8]);
    expect([...normalize(k, 'max').data]).toEqual([0.2, -0.4, 1]);
  });
  it('normalize(all-zero kernel) and normalize(sobel, "sum") throw', () => {
    expect(() => normalize(zeros([3, 3], 'float64'), 'max')).toThrow(/all zeros/);
    expect(() => normalize(sobelX())).toThrow(/sums to 0/);
    // biome-ignore lint/suspicious/noExplicitAny: bad name on purpose
    expect(() => normalize(sobelX(), 'l2' as any)).toThrow(/sum, l1, max/);
  });
  it('gradientMagnitude(gx, gy) is √(gx² + gy²)', () => {
    const m = gradientMagnitude(fromArray([3, 0, -5], 'float32'), fromArray([4, 0, 12], 'float32'));
    expect([...m.data]).toEqual([5, 0, 13]);
    expect(() => gradientMagnitude(fromArray([1], 'float32'), fromArray([1, 2], 'float32'))).toThrow(/gy/);
  });
});
