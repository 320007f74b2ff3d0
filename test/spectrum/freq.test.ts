import { describe, expect, it } from 'vitest';
import { fftfreq } from '../../src/fft/index.js';
import { binFrequency, powerSpectrum, wrap180 } from '../../src/spectrum/freq.js';

describe('binFrequency(i, n) / powerSpectrum / wrap180', () => {
  it('binFrequency(i, n) equals numpy.fft.fftfreq(n)[i] for n = 1, 6, 7', () => {
    for (const n of [1, 6, 7]) expect(Array.from({ length: n }, (_, i) => binFrequency(i, n))).toEqual(Array.from(fftfreq(n).data));
  });

  it('powerSpectrum(constant 2 × 3 plane of 1) has all energy 36 at DC', () => {
    const P = powerSpectrum({ data: new Float64Array(6).fill(1), height: 2, width: 3 });
    expect(P[0]).toBeCloseTo(36, 12);
    expect(Math.max(...P.slice(1))).toBeLessThan(1e-20);
  });

  it('wrap180(a) maps −10 → 170, 180 → 0, 365 → 5', () => {
    expect([wrap180(-10), wrap180(180), wrap180(365)]).toEqual([170, 0, 5]);
  });
});
