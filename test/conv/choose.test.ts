import { describe, expect, it } from 'vitest';
import { fastLen, isMirrorSymmetric, smallFraction } from '../../src/conv/choose.js';
import { chooseMethod } from '../../src/conv/index.js';
import { zeros } from '../../src/core/index.js';
import { gaussian } from '../../src/filters/gaussian.js';
import { rand } from './helpers.js';

describe('chooseMethod', () => {
  it('chooseMethod(x, k) picks separable for a rank-1 kernel and direct for a small dense one', () => {
    const x = rand([64, 64], 'float64', 1);
    const g = zeros([9, 9], 'float64');
    for (let i = 0; i < 9; i++) for (let j = 0; j < 9; j++) g.data[i * 9 + j] = Math.exp(-((i - 4) ** 2 + (j - 4) ** 2) / 8);
    const c = chooseMethod(x, g, { mode: 'same' });
    expect(c.method).toBe('separable');
    expect(c.costs.separable).toBeLessThan(c.costs.direct);
    expect(chooseMethod(x, rand([3, 3], 'float64', 2)).method).toBe('direct');
  });
  it('chooseMethod(x, k) picks fft for a big dense kernel and oa for a long signal', () => {
    const c = chooseMethod(rand([256, 256], 'float64', 1), rand([63, 63], 'float64', 2), { mode: 'same' });
    expect(c.method).toBe('fft');
    expect(c.costs.fft).toBeLessThan(c.costs.direct / 10);
    expect(c.rejected.oa).toMatch(/1-D/);
    expect(c.rejected.separable).toMatch(/not tested/); // the SVD is skipped when FFT wins anyway
    expect(chooseMethod(rand([100000], 'float64', 1), rand([1000], 'float64', 2)).method).toBe('oa');
  });
  it('chooseMethod(x, k) keeps direct for scipy issue 22390 (values spanning 1e0…1e81)', () => {
    const a = zeros([10010], 'float64');
    for (let i = 0; i < 10; i++) a.data[10000 + i] = 10 ** (9 * i);
    const c = chooseMethod(a, a);
    expect(c.method).toBe('direct');
    expect(chooseMethod(a, a, { scan: false }).method).toBe('fft'); // the costs alone: the guess convolveAsync starts with
    expect(c.rejected.fft).toMatch(/orders of magnitude/);
    expect(chooseMethod(rand([256, 256], 'float64', 1), rand([7, 7], 'float64', 2)).rejected.fft).toMatch(/fewer than 64 taps/);
  });
  it('chooseMethod(x, gaussian(5)) on 4096² picks separable: the symmetric factors fold their taps', () => {
    const c = chooseMethod(zeros([4096, 4096], 'float32'), gaussian(5), { mode: 'same' });
    expect(c.method).toBe('separable');
    expect(c.costs.separable).toBeLessThan(Math.min(c.costs.fft, c.costs.oa));
  });
  it('isMirrorSymmetric(k) is true for gaussian(2) and false once one tap breaks the mirror', () => {
    const g = gaussian(2);
    expect(isMirrorSymmetric(g)).toBe(true);
    g.data[1] += 1e-9;
    expect(isMirrorSymmetric(g)).toBe(false);
    expect(isMirrorSymmetric(rand([5], 'float64', 1))).toBe(false);
  });
  it("smallFraction(a, eps) flags scipy issue 22390's input (values 1e0…1e81)", () => {
    const a = zeros([1010], 'float64');
    for (let i = 0; i < 10; i++) a.data[1000 + i] = 10 ** (9 * i);
    expect(smallFraction(a, 2 ** -52)).toBeCloseTo(0.9, 10);
    expect(smallFraction(rand([1000], 'float64', 3), 2 ** -52)).toBeLessThan(0.01);
  });
  it('smallFraction(a, eps) reads float32 and float64 exponents: zeros ignored, NaN / Inf give Infinity', () => {
    for (const dtype of ['float32', 'float64'] as const) {
      const a = zeros([8], dtype);
      a.data.set([0, 0, 1, -2, 1e-3, 3e-9, 0, 5]); // 3e-9 < 2^-26·5 (f64) and < 2^-12·5 (f32)
      const eps = dtype === 'float64' ? 2 ** -52 : 2 ** -23;
      expect(smallFraction(a, eps)).toBeCloseTo(dtype === 'float64' ? 1 / 5 : 1 / 5, 12);
      a.data[1] = Number.NaN;
      expect(smallFraction(a, eps)).toBe(Number.POSITIVE_INFINITY);
      a.data[1] = Number.NEGATIVE_INFINITY;
      expect(smallFraction(a, eps)).toBe(Number.POSITIVE_INFINITY);
      expect(smallFraction(zeros([5], dtype), eps)).toBe(0);
    }
    const f32 = zeros([3], 'float32');
    f32.data.set([1, 1e-4, 1e-5]); // f32 threshold 2^-12 ≈ 2.4e-4: both small
    expect(smallFraction(f32, 2 ** -23)).toBeCloseTo(2 / 3, 12);
  });
  it('chooseMethod(x with NaN, big k) keeps direct', () => {
    const x = rand([128, 128], 'float64', 1);
    x.data[77] = Number.NaN;
    const c = chooseMethod(x, rand([15, 15], 'float64', 2));
    expect(c.method).toBe('direct');
    expect(c.rejected.fft).toMatch(/NaN or Inf/);
  });
  it('fastLen(n) is the next 5-smooth length', () => {
    expect([1, 7, 17, 97, 1000, 1025].map(fastLen)).toEqual([1, 8, 18, 100, 1000, 1080]);
  });
});
