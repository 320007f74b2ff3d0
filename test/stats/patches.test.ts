import { describe, expect, test } from 'vitest';
import { randomUniform, zeros } from '../../src/core/index.js';
import { whitenPatches } from '../../src/stats/patches.js';

describe('patches', () => {
  test('whitenPatches(image, 3) returns a same-size float32 image and [C, C, 3, 3] kernels', () => {
    const img = randomUniform([3, 20, 24], { seed: 1, dtype: 'float32', hi: 255 });
    const r = whitenPatches(img, 3);
    expect(r.image.shape).toEqual([3, 20, 24]);
    expect(r.kernels.shape).toEqual([3, 3, 3, 3]);
    expect(r.image.dtype).toBe('float32');
  });

  test('whitenPatches flattens a smooth ramp and keeps a step edge', () => {
    const H = 24;
    const W = 24;
    const img = zeros([1, H, W], 'float32');
    for (let y = 0; y < H; y++)
      for (let x = 0; x < W; x++) img.data[y * W + x] = 3 * x + 2 * y + (x >= 12 ? 80 : 0) + ((x * 7 + y * 13) % 5);
    const r = whitenPatches(img, 5, { epsilon: 1e-3 });
    const at = (y: number, x: number) => Math.abs(r.image.data[y * W + x]);
    const edge = (at(10, 11) + at(10, 12)) / 2;
    const flat = (at(10, 5) + at(10, 18)) / 2;
    expect(edge).toBeGreaterThan(3 * flat);
  });

  test('whitenPatches refuses a 2-D array and a patch larger than the image', () => {
    expect(() => whitenPatches(zeros([4, 4], 'float32'), 3)).toThrow(/image: expected \[C, H, W\]/);
    expect(() => whitenPatches(zeros([1, 4, 4], 'float32'), 5)).toThrow(/size: expected an integer in \[1, 4\]/);
    expect(() => whitenPatches(zeros([1, 8, 8], 'float32'), 3)).toThrow(/image: the image is constant/);
  });
});
