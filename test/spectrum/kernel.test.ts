import { describe, expect, it } from 'vitest';
import { frequencyFilter } from '../../src/spectrum/filter.js';
import { maskKernel } from '../../src/spectrum/kernel.js';
import { frequencyMask } from '../../src/spectrum/mask.js';
import { noiseImage, relError } from './helpers.js';

/** Circular convolution of an [H, W] image with an [H, W] kernel centred at (⌊H/2⌋, ⌊W/2⌋). */
function circularConvolve(x: ArrayLike<number>, k: ArrayLike<number>, H: number, W: number): Float64Array {
  const out = new Float64Array(H * W);
  const cy = H >> 1;
  const cx = W >> 1;
  for (let y = 0; y < H; y++)
    for (let x0 = 0; x0 < W; x0++) {
      let s = 0;
      for (let m = 0; m < H; m++)
        for (let n = 0; n < W; n++) {
          s += k[m * W + n] * x[((((y - (m - cy)) % H) + H) % H) * W + ((((x0 - (n - cx)) % W) + W) % W)];
        }
      out[y * W + x0] = s;
    }
  return out;
}

describe('maskKernel(mask)', () => {
  for (const [H, W] of [
    [24, 30],
    [17, 23],
  ]) {
    for (const shape of ['ideal', 'gaussian', 'butterworth'] as const) {
      it(`maskKernel(${shape} ${H}×${W}) convolved circularly with the image equals the frequency-domain filter within 1e-5`, () => {
        const opts = { kind: 'lowpass', cutoff: 0.18, shape } as const;
        const x = noiseImage(1, H, W, 11);
        const k = maskKernel(frequencyMask([H, W], opts));
        const viaKernel = circularConvolve(x.data, k.data, H, W);
        const viaFft = frequencyFilter(x, { ...opts, padding: 'wrap' });
        expect(relError(viaKernel, viaFft.data)).toBeLessThan(1e-5);
      });
    }
  }

  it('maskKernel(ideal circle) rings: a positive centre, negative side lobes, sum = mask at DC', () => {
    const k = maskKernel(frequencyMask([64, 64], { kind: 'lowpass', cutoff: 0.1 }));
    const row = Array.from(k.data.slice(32 * 64, 33 * 64));
    expect(row[32]).toBe(Math.max(...k.data));
    expect(Math.min(...row)).toBeLessThan(-0.05 * row[32]);
    expect(k.data.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('maskKernel(mask, { size: 9 }) is the central 9 × 9; an even size throws naming size', () => {
    const mask = frequencyMask([32, 32], { kind: 'lowpass', cutoff: 0.2, shape: 'gaussian' });
    const full = maskKernel(mask);
    const crop = maskKernel(mask, { size: 9 });
    expect(crop.shape).toEqual([9, 9]);
    expect(crop.data[4 * 9 + 4]).toBe(full.data[16 * 32 + 16]);
    expect(crop.data[0]).toBe(full.data[12 * 32 + 12]);
    expect(() => maskKernel(mask, { size: 8 })).toThrow(/size: expected an odd integer/);
  });
});
