import { describe, expect, it } from 'vitest';
import { NDArray } from '../../src/core/ndarray.js';
import { jpegCompress } from '../../src/spectrum/jpeg.js';
import { golden } from './golden.js';
import { sample } from './helpers.js';

interface Row {
  image: string;
  quality: number;
  sampling: string;
  bits_per_pixel: number;
  psnr: number;
  ssim: number;
}

describe('jpegCompress(image, { quality })', () => {
  for (const row of golden.cjpeg.rows as Row[]) {
    const subsampling = row.sampling === '4:2:0' ? '4:2:0' : '4:4:4';
    it(`jpegCompress(${row.image}, { quality: ${row.quality}, subsampling: ${subsampling} }) is within 0.5 dB PSNR and 15% bits/pixel of cjpeg -optimize (${row.sampling})`, () => {
      const r = jpegCompress(sample(row.image), { quality: row.quality, subsampling });
      expect(r.subsampling).toBe(row.sampling === 'gray' ? null : subsampling);
      expect(Math.abs(r.psnr - row.psnr)).toBeLessThan(0.5);
      expect(Math.abs(r.ssim - row.ssim)).toBeLessThan(0.01);
      expect(Math.abs(r.bitsPerPixel - row.bits_per_pixel) / row.bits_per_pixel).toBeLessThan(0.15);
      expect(r.ratio).toBeGreaterThan(0);
      expect(r.ratio).toBeLessThan(0.5);
    });
  }

  it('jpegCompress(chelsea) — PSNR and bits/pixel grow with quality', () => {
    const img = sample('chelsea.png');
    const results = [10, 30, 50, 75, 95].map((quality) => jpegCompress(img, { quality }));
    for (let i = 1; i < results.length; i++) {
      expect(results[i].psnr).toBeGreaterThan(results[i - 1].psnr);
      expect(results[i].bitsPerPixel).toBeGreaterThan(results[i - 1].bitsPerPixel);
    }
  });

  it('jpegCompress(flat gray 13 × 21) reconstructs exactly at quality 100 with 8-bit output', () => {
    const img = new NDArray('float64', [1, 13, 21]);
    img.data.fill(77);
    const r = jpegCompress(img, { quality: 100 });
    expect(Array.from(new Set(r.image.data))).toEqual([77]);
    expect(r.psnr).toBe(Number.POSITIVE_INFINITY);
  });

  it('jpegCompress(img, { quality: 0 }) throws naming quality; an unknown subsampling names subsampling', () => {
    expect(() => jpegCompress(new NDArray('float64', [1, 8, 8]), { quality: 0 })).toThrow(/quality: expected an integer 1..100/);
    expect(() => jpegCompress(new NDArray('float64', [3, 8, 8]), { subsampling: '4:2:2' as '4:2:0' })).toThrow(
      /subsampling: expected "4:4:4" or "4:2:0"/,
    );
  });
});
