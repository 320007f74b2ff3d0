import { describe, expect, it } from 'vitest';
import { DTypeError, fromArray, randomUniform, ShapeError } from '../../src/core/index.js';
import { corr2dValidPlan, correlate2dValidRef } from '../../src/ref/conv2d.js';

describe('correlate2dValidRef', () => {
  it('correlate2dValidRef(x [3, 4], k [2, 2]) matches scipy.signal.correlate2d(x, k, "valid")', () => {
    // x = arange(1, 13).reshape(3, 4); k = [[1, -1], [2, 0.5]]; values printed by scipy 1.17.
    const x = fromArray([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], 'float64', [3, 4]);
    const k = fromArray([1, -1, 2, 0.5], 'float64', [2, 2]);
    const out = correlate2dValidRef(x, k);
    expect(out.shape).toEqual([2, 3]);
    expect(Array.from(out.data)).toEqual([12, 14.5, 17, 22, 24.5, 27]);
  });
  it('correlate2dValidRef(x, [[1]]) returns x unchanged', () => {
    const x = randomUniform([5, 7], { seed: 1, dtype: 'float32' });
    const out = correlate2dValidRef(x, fromArray([1], 'float32', [1, 1]));
    expect(out.dtype).toBe('float32');
    expect(out.data).toEqual(x.data);
  });
  it('correlate2dValidRef(x, one-hot k) picks the shifted window without flipping', () => {
    const x = randomUniform([6, 8], { seed: 2 });
    const k = fromArray([0, 0, 0, 0, 0, 1], 'float64', [2, 3]); // tap at (1, 2)
    const out = correlate2dValidRef(x, k);
    expect(out.shape).toEqual([5, 6]);
    for (let r = 0; r < 5; r++) for (let c = 0; c < 6; c++) expect(out.data[r * 6 + c]).toBe(x.data[(r + 1) * 8 + c + 2]);
  });
  it('correlate2dValidRef(float32 x, float64 k) returns float64', () => {
    const out = correlate2dValidRef(randomUniform([4, 4], { seed: 3, dtype: 'float32' }), randomUniform([2, 2], { seed: 4 }));
    expect(out.dtype).toBe('float64');
  });
  it('corr2dValidPlan rejects a kernel larger than the input, non-2-D arrays, empty arrays and complex dtypes', () => {
    const x = randomUniform([4, 4], { seed: 5 });
    expect(() => corr2dValidPlan(x, randomUniform([5, 1], { seed: 6 }))).toThrow(ShapeError);
    expect(() => corr2dValidPlan(x, randomUniform([5, 1], { seed: 6 }))).toThrow(/k: kernel \[5, 1\] is larger/);
    expect(() => corr2dValidPlan(randomUniform([16], { seed: 7 }), x)).toThrow(/x: expected a 2-D array/);
    expect(() => corr2dValidPlan(randomUniform([0, 3], { seed: 7 }), x)).toThrow(/x: expected a non-empty/);
    expect(() => corr2dValidPlan(x, fromArray([1, 0], 'complex128', [1, 1]))).toThrow(DTypeError);
  });
});
