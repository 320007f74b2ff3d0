import { describe, expect, it } from 'vitest';
import type { Item } from '../../../src/batch/step.js';
import { compress } from '../../../src/batch/steps/compress.js';
import { tinyImage } from '../helpers.js';

const item = (): Item => ({ image: tinyImage(5, 3, 16, 16), format: 'png', bitDepth: 8 });

describe('compress step', () => {
  it('compress.apply(item, {keep: 1}) reconstructs the image and reports ratio 1 and a huge PSNR', () => {
    const src = item();
    const out = compress.apply(src, compress.parse({ keep: 1 }, 'p'), 'x');
    expect(out.image.shape).toEqual([3, 16, 16]);
    for (let i = 0; i < src.image.data.length; i++) expect(out.image.data[i]).toBeCloseTo(src.image.data[i], 2);
    expect(out.info).toMatchObject({ ratio: 1, bits_per_pixel: null });
    expect(out.info?.psnr as number).toBeGreaterThan(80);
  });

  it('compress.apply(item, {jpegQuality: 10}) loses detail: PSNR below 40 dB, bits_per_pixel reported', () => {
    const out = compress.apply(item(), compress.parse({ jpegQuality: 10, subsampling: '4:2:0' }, 'p'), 'x');
    expect(out.info?.psnr as number).toBeLessThan(40);
    expect(out.info?.bits_per_pixel as number).toBeGreaterThan(0);
    expect(out.info?.ssim as number).toBeLessThan(1);
  });

  it('compress.parse(bad) names the option path', () => {
    expect(() => compress.parse({}, 's')).toThrow('s: give exactly one of keep, radius, jpegQuality');
    expect(() => compress.parse({ keep: 0.5, radius: 0.1 }, 's')).toThrow('s.radius: give exactly one of');
    expect(() => compress.parse({ keep: 0 }, 's')).toThrow(/^s\.keep: expected a number in/);
    expect(() => compress.parse({ jpegQuality: 101 }, 's')).toThrow('s.jpegQuality: expected an integer in 1..100, got 101');
    expect(() => compress.parse({ keep: 0.5, subsampling: '4:2:0' }, 's')).toThrow('s.subsampling: applies only with jpegQuality');
  });
});
