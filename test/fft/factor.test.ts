import { describe, expect, it } from 'vitest';
import { bluesteinLength, costGuess, factorize, largestPrimeFactor, nextFastLen, useBluestein } from '../../src/fft/factor.js';

describe('factor', () => {
  it('factorize(n) takes 4s, then a 2, then odd primes', () => {
    expect(factorize(1)).toEqual([]);
    expect(factorize(2)).toEqual([2]);
    expect(factorize(96)).toEqual([4, 4, 2, 3]);
    expect(factorize(510510)).toEqual([2, 3, 5, 7, 11, 13, 17]);
    expect(factorize(1000003)).toEqual([1000003]);
  });
  it('largestPrimeFactor(n) and costGuess(n) follow pocketfft', () => {
    expect(largestPrimeFactor(96)).toBe(3);
    expect(largestPrimeFactor(1)).toBe(1);
    expect(costGuess(8)).toBe(6 * 8);
    expect(costGuess(7)).toBeCloseTo(1.1 * 7 * 7, 12);
  });
  it('useBluestein(n) picks Bluestein only for large prime factors', () => {
    expect(useBluestein(47)).toBe(false);
    expect(useBluestein(1009)).toBe(true);
    expect(useBluestein(65537)).toBe(true);
    expect(useBluestein(1024)).toBe(false);
    expect(useBluestein(2 * 3 * 5 * 7 * 11 * 13 * 17)).toBe(false);
    expect(bluesteinLength(1009)).toBe(2048); // 2^11 beats 2025 = 3^4·5^2 in the wasm passes
    expect(bluesteinLength(65537)).toBe(138240); // 2^10·3^3·5, cheaper than 2^18
    expect(bluesteinLength(1000003)).toBeGreaterThanOrEqual(2000005);
  });
  it('nextFastLen(n, real) matches scipy.fft.next_fast_len', () => {
    const complex = [0, 1, 2, 3, 5, 6, 7, 13, 97, 1000, 1009, 65537, 100001];
    expect(complex.map((n) => nextFastLen(n))).toEqual([0, 1, 2, 3, 5, 6, 7, 14, 98, 1000, 1024, 65610, 100352]);
    const real = [1, 2, 3, 5, 6, 7, 13, 97, 1000, 1009, 65537, 100001];
    expect(real.map((n) => nextFastLen(n, true))).toEqual([1, 2, 3, 5, 6, 8, 15, 100, 1000, 1024, 65610, 101250]);
  });
  it('nextFastLen(−1) throws naming target', () => {
    expect(() => nextFastLen(-1)).toThrow(/^target: /);
    expect(() => nextFastLen(2.5)).toThrow(/^target: /);
  });
});
