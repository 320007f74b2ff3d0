import { describe, expect, it } from 'vitest';
import { NDArray } from '../../src/core/ndarray.js';
import { fft2 } from '../../src/fft/index.js';
import { frequencyFilter, highpass, lowpass } from '../../src/spectrum/filter.js';
import { binFrequency } from '../../src/spectrum/freq.js';
import { gaussianCutoff } from '../../src/spectrum/mask.js';
import { golden, goldenArray } from './golden.js';
import { noiseImage, relError } from './helpers.js';

describe('frequencyFilter(image, opts)', () => {
  it('lowpass(x, r, { padding: "wrap" }) leaves no energy outside radius r in the spectrum', () => {
    const x = noiseImage(1, 40, 48, 3);
    const y = lowpass(x, 0.2, { padding: 'wrap' });
    const F = fft2(y.reshape([40, 48])).data;
    let outside = 0;
    let inside = 0;
    for (let r = 0; r < 40; r++)
      for (let c = 0; c < 48; c++) {
        const e = F[2 * (r * 48 + c)] ** 2 + F[2 * (r * 48 + c) + 1] ** 2;
        if (Math.hypot(binFrequency(r, 40), binFrequency(c, 48)) > 0.2) outside += e;
        else inside += e;
      }
    expect(outside / inside).toBeLessThan(1e-24);
  });

  for (const c of golden.fourier_gaussian as { sigma: number; x: string; out: string }[]) {
    it(`frequencyFilter(${c.x}, gaussian lowpass 1/(2π·${c.sigma}), wrap) equals scipy.ndimage.fourier_gaussian`, () => {
      const x = goldenArray(c.x);
      const y = frequencyFilter(x, { kind: 'lowpass', shape: 'gaussian', cutoff: gaussianCutoff(c.sigma), padding: 'wrap' });
      expect(y.shape).toEqual(x.shape);
      expect(relError(y.data, goldenArray(c.out).data)).toBeLessThan(1e-12);
    });
  }

  it('lowpass(constant) with reflect padding (default) stays constant — no wrap-around at the edges', () => {
    const x = new NDArray('float32', [3, 20, 30]);
    x.data.fill(100);
    for (const shape of ['ideal', 'gaussian', 'butterworth'] as const) {
      const y = lowpass(x, 0.05, { shape });
      expect(y.dtype).toBe('float32');
      for (const v of y.data) expect(v).toBeCloseTo(100, 3);
    }
  });

  it('lowpass(ramp) with reflect padding keeps the left edge dark, wrap padding mixes in the right edge', () => {
    const x = new NDArray('float64', [1, 16, 64]);
    for (let y = 0; y < 16; y++) for (let c = 0; c < 64; c++) x.data[y * 64 + c] = 4 * c;
    const reflect = lowpass(x, 0.1, { shape: 'gaussian' });
    const wrap = lowpass(x, 0.1, { shape: 'gaussian', padding: 'wrap' });
    expect(Math.abs(reflect.data[8 * 64] - 0)).toBeLessThan(10);
    expect(wrap.data[8 * 64]).toBeGreaterThan(40);
  });

  it('lowpass(x, c) + highpass(x, c) = x for each shape and padding', () => {
    const x = noiseImage(2, 17, 23, 5);
    for (const shape of ['ideal', 'gaussian', 'butterworth'] as const) {
      for (const padding of ['reflect', 'zero', 'wrap'] as const) {
        const lo = lowpass(x, 0.15, { shape, padding });
        const hi = highpass(x, 0.15, { shape, padding });
        expect(
          relError(
            lo.data.map((v, i) => v + hi.data[i]),
            x.data,
          ),
        ).toBeLessThan(1e-12);
      }
    }
  });

  it('frequencyFilter(x, bandpass) + frequencyFilter(x, bandstop) = x; padding "none" throws naming padding', () => {
    const x = noiseImage(1, 24, 24, 9);
    const bp = frequencyFilter(x, { kind: 'bandpass', cutoff: [0.1, 0.3], shape: 'butterworth', order: 3 });
    const bs = frequencyFilter(x, { kind: 'bandstop', cutoff: [0.1, 0.3], shape: 'butterworth', order: 3 });
    expect(
      relError(
        bp.data.map((v, i) => v + bs.data[i]),
        x.data,
      ),
    ).toBeLessThan(1e-12);
    expect(() => frequencyFilter(x, { kind: 'lowpass', cutoff: 0.1, padding: 'none' as 'wrap' })).toThrow(
      /padding: expected "reflect", "zero" or "wrap"/,
    );
  });
});
