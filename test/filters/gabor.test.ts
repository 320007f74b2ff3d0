import { describe, expect, it } from 'vitest';
import { gabor } from '../../src/filters/index.js';
import { loadGolden, relErr } from '../conv/golden.js';

describe('gabor', () => {
  it('gabor(sigma, theta, lambda, gamma, psi, { ksize }) equals cv2.getGaborKernel with theta → −theta·π/180', () => {
    const g = loadGolden('cv2');
    const cases = g.kernels.filter((k) => k.kind === 'gabor');
    expect(cases.length).toBe(3);
    for (const c of cases) {
      const want = g.array(c.file as string);
      const [w, h] = c.ksize as number[];
      const got = gabor(c.sigma as number, c.theta as number, c.lambd as number, c.gamma as number, c.psi as number, { ksize: [h, w] });
      expect(got.shape).toEqual(want.shape);
      expect(relErr(got, want), JSON.stringify(c)).toBeLessThan(1e-14);
    }
  });
  it('gabor(2, 90, 6) has stripes across the vertical: constant along rows, varying down columns', () => {
    const k = gabor(2, 90, 6, 1, 0, { ksize: [9, 9] });
    // theta = 90°: the cosine varies along y, so the centre row is the Gaussian envelope times cos(0) = positive
    const row = k.data.subarray(4 * 9, 5 * 9);
    expect([...row].every((v) => v > 0)).toBe(true);
    expect(k.data[4 * 9 + 4]).toBeCloseTo(1, 15);
    expect(k.data[1 * 9 + 4]).toBeLessThan(0); // 3 px = half a wavelength above the centre
  });
  it('gabor(3, 45, 8, 1) varies along the up-right diagonal on screen and is constant along down-right', () => {
    const k = gabor(3, 45, 8, 1, 0, { ksize: [9, 9] });
    const at = (r: number, c: number) => k.data[r * 9 + c];
    const env = (d2: number) => Math.exp(-d2 / (2 * 9));
    // down-right (row +2, col +2) runs along a stripe: envelope times cos(0)
    expect(at(6, 6)).toBeCloseTo(env(8), 14);
    // up-right (row −2, col +2) crosses stripes: the cosine has advanced by 2π·√8 / 8
    expect(at(2, 6)).toBeCloseTo(env(8) * Math.cos((2 * Math.PI * Math.sqrt(8)) / 8), 14);
  });
  it('gabor rejects a non-positive sigma or lambda', () => {
    expect(() => gabor(0, 0, 5)).toThrow(/sigma/);
    expect(() => gabor(2, 0, -5)).toThrow(/lambda/);
  });
});
