import { describe, expect, test } from 'vitest';
import { checkBoundary, convolveValid, pad1d } from '../../src/stats/pad.js';

const x = Float64Array.of(1, 2, 3, 4);

describe('pad', () => {
  test('pad1d(x, 3, 3, boundary) follows scipy.ndimage’s extension rules', () => {
    expect(Array.from(pad1d(x, 3, 3, 'reflect'))).toEqual([3, 2, 1, 1, 2, 3, 4, 4, 3, 2]);
    expect(Array.from(pad1d(x, 3, 3, 'mirror'))).toEqual([4, 3, 2, 1, 2, 3, 4, 3, 2, 1]);
    expect(Array.from(pad1d(x, 3, 3, 'nearest'))).toEqual([1, 1, 1, 1, 2, 3, 4, 4, 4, 4]);
    expect(Array.from(pad1d(x, 3, 3, 'wrap'))).toEqual([2, 3, 4, 1, 2, 3, 4, 1, 2, 3]);
    expect(Array.from(pad1d(x, 2, 1, 'constant', 9))).toEqual([9, 9, 1, 2, 3, 4, 9]);
    expect(Array.from(pad1d(x, 2, 2, 'reflect101'))).toEqual(Array.from(pad1d(x, 2, 2, 'mirror')));
  });

  test('pad1d handles padding longer than the series', () => {
    expect(Array.from(pad1d(Float64Array.of(1, 2), 5, 0, 'reflect'))).toEqual([1, 1, 2, 2, 1, 1, 2]); // np.pad(..., 'symmetric');
    expect(Array.from(pad1d(Float64Array.of(7), 2, 2, 'mirror'))).toEqual([7, 7, 7, 7, 7]);
  });

  test('convolveValid(x, k) flips the kernel like scipy.signal.convolve(mode="valid")', () => {
    expect(Array.from(convolveValid(x, Float64Array.of(1, 0, -1)))).toEqual([2, 2]);
  });

  test('checkBoundary refuses unknown names', () => {
    expect(() => checkBoundary('edge')).toThrow(/boundary: expected one of constant/);
  });
});
