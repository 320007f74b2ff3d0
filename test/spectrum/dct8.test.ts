import { describe, expect, it } from 'vitest';
import { NDArray } from '../../src/core/ndarray.js';
import { dct, idct } from '../../src/fft/index.js';
import { dct8x8_f64 } from '../../src/spectrum/dct8.js';
import { noiseImage, relError } from './helpers.js';

describe('dct8x8_f64(data, nb, inverse)', () => {
  const x = noiseImage(1, 1, 7 * 64, 4).data as Float64Array; // 7 blocks

  it('dct8x8_f64(x, 7) equals the reference dct(dct(x, axis 2), axis 1) with norm "ortho" (src/fft)', () => {
    const ref = dct(dct(new NDArray('float64', [7, 8, 8], x.slice()), { type: 2, norm: 'ortho', axis: 2 }), {
      type: 2,
      norm: 'ortho',
      axis: 1,
    });
    const fast = x.slice();
    dct8x8_f64(fast, 7);
    expect(relError(fast, ref.data)).toBeLessThan(1e-13);
  });

  it('dct8x8_f64(y, 7, true) equals the reference idct and undoes the forward transform', () => {
    const y = x.slice();
    dct8x8_f64(y, 7);
    const ref = idct(idct(new NDArray('float64', [7, 8, 8], y.slice()), { type: 2, norm: 'ortho', axis: 1 }), {
      type: 2,
      norm: 'ortho',
      axis: 2,
    });
    dct8x8_f64(y, 7, true);
    expect(relError(y, ref.data)).toBeLessThan(1e-13);
    expect(relError(y, x)).toBeLessThan(1e-13);
  });

  it('dct8x8_f64 of a constant block of 1 puts 8 at DC and 0 elsewhere', () => {
    const b = new Float64Array(64).fill(1);
    dct8x8_f64(b, 1);
    expect(b[0]).toBeCloseTo(8, 12);
    expect(Math.max(...b.slice(1).map(Math.abs))).toBeLessThan(1e-12);
  });
});
