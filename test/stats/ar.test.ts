import { describe, expect, test } from 'vitest';
import { arFromPacf, arOls, burg, yuleWalker } from '../../src/stats/ar.js';
import { expectClose, golden, type Json } from './golden.js';

const g = golden('acf.json');

describe('ar', () => {
  for (const [name, s] of Object.entries<Json>(g.series)) {
    test(`yuleWalker(${name}, p, { method }) matches statsmodels yule_walker within 1e-8`, () => {
      for (const [key, want] of Object.entries<Json>(s.yule_walker)) {
        const [order, method] = key.split('_');
        const r = yuleWalker(s.x, Number(order), { method: method as 'adjusted' | 'mle' });
        expectClose(r.ar, want.ar, { atol: 1e-8, rtol: 1e-8 });
        expectClose([Math.sqrt(r.sigma2)], [want.sigma], { rtol: 1e-8 });
      }
    });

    test(`burg(${name}, p) matches statsmodels burg within 1e-8`, () => {
      for (const [order, want] of Object.entries<Json>(s.burg)) {
        const r = burg(s.x, Number(order));
        expectClose(r.ar, want.ar, { atol: 1e-8, rtol: 1e-8 });
        expectClose([r.sigma2], [want.sigma2], { rtol: 1e-8 });
      }
    });

    test(`arOls(${name}, p) matches statsmodels AutoReg(trend='c')`, () => {
      for (const [order, want] of Object.entries<Json>(s.autoreg)) {
        const r = arOls(s.x, Number(order));
        expectClose([r.const!, ...r.ar], want.params, { atol: 1e-9, rtol: 1e-9 });
        expectClose([r.sigma2], [want.sigma2], { rtol: 1e-9 });
      }
    });
  }

  test('arFromPacf([0.5]) is [0.5]; two lags follow Durbin–Levinson', () => {
    expect(Array.from(arFromPacf([0.5]))).toEqual([0.5]);
    expectClose(arFromPacf([0.5, 0.2]), [0.5 - 0.2 * 0.5, 0.2], { atol: 1e-15 });
  });

  test('yuleWalker refuses an order too large for the series and a constant series', () => {
    expect(() => yuleWalker([1, 2, 3], 3)).toThrow(/order: expected an integer in \[1, 2\]/);
    expect(() => burg([4, 4, 4, 4], 1)).toThrow(/x: the series is constant/);
  });
});
