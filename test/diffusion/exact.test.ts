import { describe, expect, it } from 'vitest';
import { exactPlane, exactPlaneConv, gaussianTaps } from '../../src/diffusion/exact.js';
import { golden, relMaxError } from './golden.js';

describe('exactPlane', () => {
  it('exactPlane(u, σ² = 2Dt) matches scipy.ndimage.gaussian_filter(u, √(2Dt), mode, truncate=8) (reflect, wrap)', () => {
    const u = golden('u');
    const [H, W] = u.shape;
    for (const boundary of ['reflect', 'wrap'] as const) {
      const got = exactPlane(u.data as Float64Array, H, W, 2 * 1.5, boundary);
      expect(relMaxError(got, golden(`exact_${boundary}`).data)).toBeLessThan(1e-13);
    }
  });

  it('gaussianTaps(σ², period) sums to 1 and folds its images onto one period when wider than it', () => {
    const narrow = gaussianTaps(4, 100, 100);
    expect(narrow.radius).toBe(16);
    expect(narrow.taps.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 15);
    const wide = gaussianTaps(400, 10, 10); // σ = 20 on a ring of 10: almost flat
    expect(wide.taps.length).toBe(10);
    for (const t of wide.taps) expect(t).toBeCloseTo(0.1, 12);
    expect(gaussianTaps(0, 5, 5).taps).toEqual(Float64Array.of(1));
  });
});

describe('exactPlaneConv', () => {
  it('exactPlaneConv(u, σ², boundary, direct | fft) — the conv engine — agrees with exactPlane, Gaussians wider than the tank included', () => {
    const u = golden('u');
    const [H, W] = u.shape; // 24 × 37
    for (const boundary of ['reflect', 'wrap', 'constant'] as const) {
      for (const variance of [0.7, 3, 40, 900]) {
        const want = exactPlane(u.data as Float64Array, H, W, variance, boundary);
        for (const method of ['direct', 'fft'] as const) {
          const got = exactPlaneConv(u.data as Float64Array, H, W, variance, boundary, method);
          expect(relMaxError(got, want), `${boundary} σ²=${variance} ${method}`).toBeLessThan(1e-12);
        }
      }
    }
  });
});
