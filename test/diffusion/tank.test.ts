import { describe, expect, it } from 'vitest';
import { NDArray } from '../../src/core/ndarray.js';
import { tank, tankFromImage } from '../../src/diffusion/tank.js';

describe('tank', () => {
  it('tank({ size, blocks, seed }) is blocks×blocks compartments of one concentration each, on 0..255', () => {
    const u = tank({ size: 12, blocks: 3, seed: 4 });
    expect(u.shape).toEqual([12, 12]);
    const levels = new Set(u.data);
    expect(levels.size).toBeGreaterThan(1);
    expect(levels.size).toBeLessThanOrEqual(9);
    for (let y = 0; y < 12; y++)
      for (let x = 0; x < 12; x++) expect(u.data[y * 12 + x]).toBe(u.data[Math.floor(y / 4) * 4 * 12 + Math.floor(x / 4) * 4]);
    for (const v of u.data) expect(v >= 0 && v <= 255).toBe(true);
    expect([...tank({ size: 12, blocks: 3, seed: 4 }).data]).toEqual([...u.data]);
    expect([...tank({ size: 12, blocks: 3, seed: 5 }).data]).not.toEqual([...u.data]);
  });

  it('tank refuses bad sizes', () => {
    expect(() => tank({ size: 0 })).toThrow(/size/);
    expect(() => tank({ size: 4, blocks: 5 })).toThrow(/blocks/);
  });

  it('tankFromImage([3, H, W]) is the Rec. 601 luma', () => {
    const img = new NDArray('float32', [3, 1, 2], Float32Array.from([255, 0, 0, 255, 0, 0]));
    expect([...tankFromImage(img).data].map((v) => +v.toFixed(6))).toEqual([255 * 0.299, 255 * 0.587].map((v) => +v.toFixed(6)));
    expect(tankFromImage(new NDArray('float32', [1, 1, 2], Float32Array.from([4, 5]))).shape).toEqual([1, 2]);
  });
});
