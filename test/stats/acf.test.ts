import { describe, expect, test } from 'vitest';
import { acf, acovf, defaultAcfLags } from '../../src/stats/acf.js';
import { expectClose, golden, type Json } from './golden.js';

const g = golden('acf.json');
const tol = { atol: 1e-10, rtol: 1e-10 };

describe('acf', () => {
  for (const [name, s] of Object.entries<Json>(g.series)) {
    test(`acovf(${name}, { adjusted }) matches statsmodels acovf, direct and FFT`, () => {
      expectClose(acovf(s.x, { nlags: 29, method: 'direct' }), s.acovf, tol);
      expectClose(acovf(s.x, { nlags: 29, method: 'fft' }), s.acovf, tol);
      expectClose(acovf(s.x, { nlags: 29, adjusted: true, method: 'fft' }), s.acovf_adjusted, tol);
    });

    test(`acf(${name}, { nlags: 25, alpha: 0.05 }) matches statsmodels acf with Bartlett bands`, () => {
      const r = acf(s.x, { nlags: 25, alpha: 0.05 });
      expectClose(r.acf, s.acf, tol);
      const ci = Array.from(r.lower!, (lo, k) => [lo, r.upper![k]]).flat();
      expectClose(ci, s.acf_ci, tol);
      expectClose(acf(s.x, { nlags: 25, adjusted: true }).acf, s.acf_adjusted, tol);
      expectClose(acf(s.x).acf, s.acf_default, tol);
    });
  }

  test('defaultAcfLags(n) is min(floor(10 log10 n), n − 1)', () => {
    expect(defaultAcfLags(400)).toBe(26);
    expect(defaultAcfLags(5)).toBe(4);
  });

  test('acf refuses a constant series and NaN gaps, naming x', () => {
    expect(() => acf([2, 2, 2, 2])).toThrow(/x: the series is constant/);
    expect(() => acf([1, Number.NaN, 3])).toThrow(/x: value NaN at index 1/);
    expect(() => acf([1, 2, 3], { nlags: 5 })).toThrow(/nlags: expected an integer in \[0, 2\]/);
  });

  test('acovf with method fft agrees with direct on a long series', () => {
    const x = Array.from({ length: 5000 }, (_, i) => Math.sin(i * 0.37) + Math.cos(i * 0.011) * ((i * 7919) % 13));
    expectClose(acovf(x, { nlags: 200, method: 'fft' }), acovf(x, { nlags: 200, method: 'direct' }), { atol: 1e-10, rtol: 1e-10 });
  });
});
