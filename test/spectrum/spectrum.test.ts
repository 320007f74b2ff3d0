import { describe, expect, it } from 'vitest';
import { NDArray } from '../../src/core/ndarray.js';
import { spectrum } from '../../src/spectrum/spectrum.js';
import { golden, goldenArray } from './golden.js';
import { grating, relError } from './helpers.js';

describe('spectrum(image, opts)', () => {
  const x = goldenArray(golden.spectrum.x); // [16, 21] float64

  it('spectrum(x, { window: "none" }) is numpy log1p|fftshift(fft2(x))| and angle(...)', () => {
    const s = spectrum(x, { window: 'none' });
    expect(s.magnitude.shape).toEqual([16, 21]);
    expect(relError(s.magnitude.data, goldenArray(golden.spectrum.logmag_none).data)).toBeLessThan(1e-12);
    const phase = goldenArray(golden.spectrum.phase_none).data;
    // compare phases where the magnitude is not tiny, modulo 2π
    let worst = 0;
    for (let i = 0; i < phase.length; i++) {
      const d = Math.abs(s.phase.data[i] - phase[i]);
      worst = Math.max(worst, Math.min(d, 2 * Math.PI - d));
    }
    expect(worst).toBeLessThan(1e-9);
  });

  it('spectrum(x) applies numpy.hanning(H) ⊗ numpy.hanning(W) by default', () => {
    expect(relError(spectrum(x).magnitude.data, goldenArray(golden.spectrum.logmag_hann).data)).toBeLessThan(1e-12);
  });

  it('spectrum(grating) puts the peak at ±f from the centre (⌊H/2⌋, ⌊W/2⌋) on the stripes’ normal', () => {
    // 0.125 cycles/pixel along +x on a 64 × 64 image → bins (32, 32 ± 8)
    const s = spectrum(grating(64, 64, 0, 0.125), { window: 'none' });
    const m = s.magnitude.data;
    let best = 0;
    for (let i = 0; i < m.length; i++) if (i !== 32 * 64 + 32 && m[i] > m[best]) best = i;
    expect([Math.floor(best / 64), best % 64 === 24 || best % 64 === 40]).toEqual([32, true]);
  });

  it('spectrum(rgb, { channel: 1 }) analyses that channel; magnitudeImage spans 0..255', () => {
    const rgb = new NDArray('float32', [3, 8, 8]);
    for (let i = 0; i < 64; i++) rgb.data[64 + i] = (i * 37) % 11;
    const s = spectrum(rgb, { channel: 1, window: 'none' });
    expect(s.magnitude.data[4 * 8 + 4]).toBeCloseTo(Math.log1p(rgb.data.slice(64, 128).reduce((a, b) => a + b)), 6);
    expect(s.magnitudeImage.shape).toEqual([1, 8, 8]);
    expect([s.magnitude.dtype, s.phase.dtype]).toEqual(['float32', 'float32']); // float32 in → float32 out
    expect(Math.min(...s.magnitudeImage.data)).toBe(0);
    expect(Math.max(...s.magnitudeImage.data)).toBe(255);
  });

  it('spectrum(x, { window: "kaiser" }) throws naming window; channel out of range names channel', () => {
    expect(() => spectrum(x, { window: 'kaiser' as 'hann' })).toThrow(/window: expected "hann" or "none"/);
    expect(() => spectrum(x, { channel: 1 })).toThrow(/channel: expected an integer 0..0, got 1/);
  });
});
