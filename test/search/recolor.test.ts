import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { randomRecolour, recolour, recolourPairs } from '../../src/search/recolor.js';

describe('recolor', () => {
  it('recolour(img, h, w, { tint, gamma }) = 255 * tint_c * (p / 255)^gamma per channel', () => {
    const out = recolour([0, 255, 51], 1, 3, { tint: [1, 0.5, 0.25], gamma: 2 });
    expect(out.shape).toEqual([3, 1, 3]);
    expect([...out.data.subarray(0, 3)].map((v) => Math.round(v * 100) / 100)).toEqual([0, 255, 10.2]);
    expect(out.data[4]).toBeCloseTo(127.5, 4);
    expect(out.data[7]).toBeCloseTo(63.75, 4);
  });

  it('randomRecolour(rng) draws tints in [0.3, 1] and gamma in [0.6, 1.6], seeded', () => {
    const a = randomRecolour(new Rng(1));
    expect(randomRecolour(new Rng(1))).toEqual(a);
    for (let i = 0; i < 50; i++) {
      const r = randomRecolour(new Rng(i));
      for (const t of r.tint) expect(t >= 0.3 && t <= 1).toBe(true);
      expect(r.gamma >= 0.6 && r.gamma <= 1.6).toBe(true);
    }
  });

  it('recolourPairs(images, n, seed) gives pipeline images of the garment and of its recoloured copy', () => {
    const img = new Uint8Array(2 * 784);
    for (let y = 6; y < 22; y++) for (let x = 9; x < 19; x++) img[y * 28 + x] = 120 + x; // a block garment
    const { original, recoloured } = recolourPairs(img, 1, 0);
    expect(original.length).toBe(784);
    expect(Math.max(...original)).toBeCloseTo(255, 3);
    expect(Math.max(...recoloured)).toBeCloseTo(255, 3);
    // both are cropped to the block and stretched over the full height
    expect(original[0 * 28 + 14]).toBeGreaterThan(100);
    expect(recoloured[27 * 28 + 14]).toBeGreaterThan(100);
  });
});
