import { describe, expect, test } from 'vitest';
import { acovf } from '../../src/stats/acf.js';
import { levinsonDurbin, type PacfMethod, pacf, pacfBurg } from '../../src/stats/pacf.js';
import { expectClose, golden, type Json } from './golden.js';

const g = golden('acf.json');
const tol = { atol: 1e-10, rtol: 1e-10 };

describe('pacf', () => {
  for (const [name, s] of Object.entries<Json>(g.series)) {
    test(`pacf(${name}, { method, alpha }) matches statsmodels for every method`, () => {
      for (const method of ['ywadjusted', 'ywm', 'ld', 'ldb', 'ols', 'ols-adjusted'] as PacfMethod[]) {
        const r = pacf(s.x, { nlags: 20, method, alpha: 0.05 });
        expectClose(r.pacf, s.pacf[method].pacf, tol);
        expectClose(Array.from(r.lower!, (lo, k) => [lo, r.upper![k]]).flat(), s.pacf[method].ci, tol);
      }
    });

    test(`pacfBurg(${name}, 20) matches statsmodels pacf_burg`, () => {
      const r = pacfBurg(s.x, 20);
      expectClose(r.pacf, s.pacf.burg.pacf, tol);
      expectClose(r.sigma2, s.pacf.burg.sigma2, tol);
      expectClose(pacf(s.x, { nlags: 20, method: 'burg' }).pacf, s.pacf.burg.pacf, tol);
    });

    test(`levinsonDurbin(acovf(${name}), 10) matches statsmodels levinson_durbin`, () => {
      const r = levinsonDurbin(acovf(s.x, { nlags: 10 }), 10);
      expectClose(r.ar, s.levinson.ar, tol);
      expectClose(r.pacf, s.levinson.pacf, tol);
      expect(r.sigma2).toBeCloseTo(s.levinson.sigma2, 8);
    });
  }

  test('pacf refuses nlags of half the series or more, and unknown methods', () => {
    expect(() => pacf([1, 3, 2, 5, 4, 6, 5, 8], { nlags: 4 })).toThrow(/nlags: expected an integer in \[1, 3\]/);
    expect(() => pacf([1, 3, 2, 5, 4, 6, 5, 8], { method: 'xx' as PacfMethod })).toThrow(/method: expected one of/);
  });
});
