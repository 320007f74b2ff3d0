import { describe, expect, test } from 'vitest';
import { savgolCoeffs, savgolFilter } from '../../src/stats/savgol.js';
import { expectClose, golden } from './golden.js';

const g = golden('smooth.json');

describe('savgol', () => {
  test('savgolCoeffs(window, polyorder, { deriv }) matches scipy.signal.savgol_coeffs (odd and even windows)', () => {
    for (const c of g.savgol_coeffs)
      expectClose(savgolCoeffs(c.window, c.polyorder, { deriv: c.deriv }), c.coeffs, { atol: 1e-11, rtol: 1e-10 });
  });

  test('savgolFilter(x, window, polyorder, { mode }) matches scipy.signal.savgol_filter for every mode', () => {
    for (const c of g.savgol_filter) {
      const y = savgolFilter(g.x, c.window, c.polyorder, { mode: c.mode, deriv: c.deriv, delta: c.delta });
      expectClose(y, c.y, { atol: 1e-10, rtol: 1e-10 });
    }
  });

  test('savgolFilter refuses a window longer than the series in interp mode', () => {
    expect(() => savgolFilter([1, 2, 3], 5, 2)).toThrow(/window: 5 exceeds the series length 3/);
    expect(() => savgolCoeffs(5, 5)).toThrow(/polyorder/);
  });
});
