import { describe, expect, test } from 'vitest';
import { ljungBox, whiteNoise } from '../../src/stats/whitenoise.js';
import { expectClose, golden, type Json } from './golden.js';

const g = golden('acf.json');

describe('whitenoise', () => {
  for (const [name, s] of Object.entries<Json>(g.series)) {
    test(`ljungBox(${name}, { lags: 12, modelDf: 2 }) matches statsmodels acorr_ljungbox`, () => {
      const rows = ljungBox(s.x, { lags: 12, modelDf: 2 });
      expectClose(
        rows.map((r) => r.lbStat),
        s.ljungbox.lb_stat,
        { rtol: 1e-10 },
      );
      expectClose(
        rows.map((r) => r.bpStat),
        s.ljungbox.bp_stat,
        { rtol: 1e-10 },
      );
      expectClose(
        rows.map((r) => r.lbPvalue),
        s.ljungbox.lb_pvalue,
        { atol: 1e-300, rtol: 1e-8 },
      );
      expectClose(
        rows.map((r) => r.bpPvalue),
        s.ljungbox.bp_pvalue,
        { atol: 1e-300, rtol: 1e-8 },
      );
    });
  }

  test('whiteNoise(n, { seed }) is reproducible, mean ≈ 0, variance ≈ 1, and passes Ljung–Box', () => {
    const a = whiteNoise(20000, { seed: 3 });
    expect(Array.from(whiteNoise(5, { seed: 3 }))).toEqual(Array.from(a.slice(0, 5)));
    const m = a.reduce((s, v) => s + v, 0) / a.length;
    const v = a.reduce((s, x) => s + (x - m) ** 2, 0) / a.length;
    expect(Math.abs(m)).toBeLessThan(0.03);
    expect(Math.abs(v - 1)).toBeLessThan(0.03);
    expect(ljungBox(a, { lags: 10 })[9].lbPvalue).toBeGreaterThan(0.01);
    expect(whiteNoise(3, { seed: 1, std: 0 }).every((x) => x === 0)).toBe(true);
  });
});
