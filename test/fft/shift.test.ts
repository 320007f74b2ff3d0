import { describe, expect, it } from 'vitest';
import { NDArray } from '../../src/core/ndarray.js';
import { fftfreq, fftshift, ifftshift, rfftfreq } from '../../src/fft/shift.js';
import { golden } from './helpers.js';

describe('shift', () => {
  it('fftshift(a) matches numpy on a 5×7 array', () => {
    expect(Array.from(fftshift(golden('fftshift_5x7', 'in')).data)).toEqual(Array.from(golden('fftshift_5x7', 'out').data));
  });
  it('ifftshift(a, 1) matches numpy on axis 1', () => {
    expect(Array.from(ifftshift(golden('ifftshift_5x7_axis1', 'in'), 1).data)).toEqual(
      Array.from(golden('ifftshift_5x7_axis1', 'out').data),
    );
  });
  it('ifftshift(fftshift(a)) returns a for odd lengths, keeping complex pairs together', () => {
    const a = new NDArray(
      'complex128',
      [3, 5],
      Float64Array.from({ length: 30 }, (_, i) => i),
    );
    expect(Array.from(fftshift(a).data.slice(0, 4))).toEqual([26, 27, 28, 29]);
    expect(Array.from(ifftshift(fftshift(a)).data)).toEqual(Array.from(a.data));
  });
  it('fftshift(a, axes) with an axis out of range throws naming axes', () => {
    expect(() => fftshift(new NDArray('float64', [4]), 1)).toThrow(/^axes: /);
  });
  it('fftfreq(n, d) matches numpy', () => {
    expect(Array.from(fftfreq(8, 0.5).data)).toEqual([0, 0.25, 0.5, 0.75, -1, -0.75, -0.5, -0.25]);
    expect(Array.from(fftfreq(5).data)).toEqual([0, 0.2, 0.4, -0.4, -0.2]);
    expect(Array.from(fftfreq(1).data)).toEqual([0]);
  });
  it('rfftfreq(n, d) matches numpy', () => {
    expect(Array.from(rfftfreq(8).data)).toEqual([0, 0.125, 0.25, 0.375, 0.5]);
    expect(Array.from(rfftfreq(5, 2).data)).toEqual([0, 0.1, 0.2]);
  });
  it('fftfreq(0) and fftfreq(n, 0) throw naming the argument', () => {
    expect(() => fftfreq(0)).toThrow(/^n: /);
    expect(() => rfftfreq(4, 0)).toThrow(/^d: /);
  });
});
