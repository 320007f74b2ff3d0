import { describe, expect, test } from 'vitest';
import { arima } from '../../../src/stats/arima/fit.js';
import { simulateArima } from '../../../src/stats/arima/process.js';
import { expectClose } from '../golden.js';

const x = simulateArima({ ar: [0.5], ma: [0.3], d: 1, sigma2: 1 }, 400, { seed: 2 });
const r = arima(x, [1, 1, 1]);

describe('result', () => {
  test('ArimaResult.forecast(h, { alpha }) widens with h and is symmetric around the mean', () => {
    const f = r.forecast(10, { alpha: 0.1 });
    for (let i = 1; i < 10; i++) expect(f.se[i]).toBeGreaterThan(f.se[i - 1]);
    expectClose(
      f.upper.map((u, i) => u - f.mean[i]),
      f.mean.map((m, i) => m - f.lower[i]),
      { atol: 1e-9 },
    );
    expect(f.se[0]).toBeCloseTo(Math.sqrt(r.sigma2), 6);
    expect(() => r.forecast(0)).toThrow(/h: expected an integer in \[1, 100000\]/);
  });

  test('ArimaResult fitted + residuals reproduce the series from index d', () => {
    for (let t = 1; t < x.length; t++) expect(r.fitted[t] + r.residuals[t - 1]).toBeCloseTo(x[t], 10);
    expect(Number.isNaN(r.fitted[0])).toBe(true);
  });

  test('ArimaResult.impulseResponse(n) starts 1, 1 + φ + θ for ARIMA(1,1,1)', () => {
    const psi = r.impulseResponse(3);
    expect(psi[0]).toBe(1);
    expect(psi[1]).toBeCloseTo(1 + r.ar[0] + r.ma[0], 12);
  });

  test('ArimaResult.toJSON() uses snake_case names and statsmodels’ parameter order', () => {
    const j = r.toJSON() as { params: Record<string, number>; nobs_effective: number; loglik: number };
    expect(Object.keys(j.params)).toEqual(['ar.L1', 'ma.L1', 'sigma2']);
    expect(j.nobs_effective).toBe(399);
    expect(j.loglik).toBe(r.loglik);
    expect(r.simulate(50, { seed: 1 })).toHaveLength(50);
  });
});
