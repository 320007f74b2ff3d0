import { describe, expect, it } from 'vitest';
import { spectralPlane } from '../../src/diffusion/spectral.js';
import { golden, relMaxError } from './golden.js';

describe('spectralPlane', () => {
  it('spectralPlane(u, Dt, wrap | reflect) matches numpy rfft2 / scipy dctn with exp(−4π² Dt |f|²)', () => {
    const u = golden('u');
    const [H, W] = u.shape;
    for (const boundary of ['reflect', 'wrap'] as const) {
      const got = spectralPlane(u.data as Float64Array, H, W, 1.5, boundary);
      expect(relMaxError(got, golden(`spectral_${boundary}`).data)).toBeLessThan(1e-13);
    }
  });

  it("spectralPlane(…, 'constant') is refused, pointing at the other methods", () => {
    expect(() => spectralPlane(new Float64Array(4), 2, 2, 1, 'constant')).toThrow(/explicit or exact/);
  });
});
