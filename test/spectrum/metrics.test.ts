import { describe, expect, it } from 'vitest';
import { astype, NDArray } from '../../src/core/ndarray.js';
import { mse, psnr, ssim } from '../../src/spectrum/metrics.js';
import { golden, goldenArray } from './golden.js';
import { noiseImage } from './helpers.js';

describe('ssim(a, b) / psnr(a, b)', () => {
  for (const c of golden.ssim as { a: string; b: string; ssim: number; psnr: number }[]) {
    it(`ssim(${c.a}, ${c.b}) and psnr(...) equal skimage's (gaussian_weights, σ 1.5, data_range 255)`, () => {
      const a = astype(goldenArray(c.a), 'float64');
      const b = astype(goldenArray(c.b), 'float64');
      expect(ssim(a, b)).toBeCloseTo(c.ssim, 10);
      expect(psnr(a, b)).toBeCloseTo(c.psnr, 10);
    });
  }

  it('ssim(a, a) = 1, psnr(a, a) = Infinity, mse(a, a + 2) = 4', () => {
    const a = noiseImage(3, 20, 20);
    const b = new NDArray(
      'float64',
      a.shape,
      a.data.map((v) => v + 2),
    );
    expect(ssim(a, a)).toBeCloseTo(1, 12);
    expect(psnr(a, a)).toBe(Number.POSITIVE_INFINITY);
    expect(mse(a, b)).toBeCloseTo(4, 9);
  });

  it('ssim(a, b) with different shapes throws naming b; images under 11 × 11 throw naming a', () => {
    expect(() => ssim(noiseImage(1, 20, 20), noiseImage(1, 20, 21))).toThrow(/b: expected the shape of a/);
    expect(() => ssim(noiseImage(1, 10, 20), noiseImage(1, 10, 20))).toThrow(/a: SSIM needs images of at least 11 × 11/);
  });
});
