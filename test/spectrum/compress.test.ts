import { describe, expect, it } from 'vitest';
import { compressSpectrum } from '../../src/spectrum/compress.js';
import { psnr } from '../../src/spectrum/metrics.js';
import { sample } from './helpers.js';

describe('compressSpectrum(image, opts)', () => {
  const img = sample('chelsea.png'); // [3, 300, 451]

  it('compressSpectrum(chelsea, { keep }) — PSNR increases monotonically with keep, ratio ≈ keep', () => {
    let last = 0;
    for (const keep of [0.002, 0.01, 0.03, 0.08, 0.2, 0.5]) {
      const r = compressSpectrum(img, { keep });
      expect(r.psnr).toBeGreaterThan(last);
      expect(Math.abs(r.ratio - keep)).toBeLessThan(0.001 + 0.01 * keep);
      expect(r.psnr).toBeCloseTo(psnr(img, r.image), 12);
      expect(r.ssim).toBeGreaterThan(0);
      expect(r.ssim).toBeLessThan(1);
      expect(r.bitsPerPixel).toBeNull();
      last = r.psnr;
    }
    expect(last).toBeGreaterThan(35);
  });

  it('compressSpectrum(chelsea, { keep: 1 }) reconstructs the image (PSNR > 100 dB)', () => {
    const r = compressSpectrum(img, { keep: 1 });
    expect(r.ratio).toBe(1);
    expect(r.psnr).toBeGreaterThan(100);
    expect(r.ssim).toBeCloseTo(1, 9);
    expect(r.image.dtype).toBe('float32');
    expect(r.image.shape).toEqual([3, 300, 451]);
  });

  it('compressSpectrum(chelsea, { radius }) keeps the disc: ratio ≈ π r², PSNR grows with r', () => {
    const small = compressSpectrum(img, { radius: 0.05 });
    const large = compressSpectrum(img, { radius: 0.2 });
    expect(small.ratio).toBeCloseTo(Math.PI * 0.05 ** 2, 3);
    expect(large.ratio).toBeCloseTo(Math.PI * 0.2 ** 2, 2);
    expect(large.psnr).toBeGreaterThan(small.psnr);
    expect(compressSpectrum(img, { radius: Math.SQRT1_2 }).ratio).toBe(1);
  });

  it('compressSpectrum rejects keep 0, keep 2, a negative radius and both at once, naming the argument', () => {
    expect(() => compressSpectrum(img, { keep: 0 })).toThrow(/keep: expected a fraction in \(0, 1\], got 0/);
    expect(() => compressSpectrum(img, { keep: 2 })).toThrow(/keep: expected a fraction in \(0, 1\], got 2/);
    expect(() => compressSpectrum(img, { radius: -1 })).toThrow(/radius: expected cycles\/pixel in \(0, 0.7071\], got -1/);
    expect(() => compressSpectrum(img, { keep: 0.1, radius: 0.1 })).toThrow(/keep: give exactly one of keep or radius/);
  });
});
