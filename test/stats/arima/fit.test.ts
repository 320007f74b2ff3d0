import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { arima } from '../../../src/stats/arima/fit.js';
import { simulateArima } from '../../../src/stats/arima/process.js';
import { whiteNoise } from '../../../src/stats/whitenoise.js';
import { expectClose, golden, type Json } from '../golden.js';

const g = golden('arima.json');

describe('arima', () => {
  const seasonalOf = (c: Json) => (c.seasonal[3] ? c.seasonal : undefined);
  // With d > 0 statsmodels starts the level states from an approximate diffuse prior
  // (variance 1e6, first d observations burnt); `diffuse: 'approximate'` reproduces it (D = 0 only).
  for (const c of g.cases.filter((c: Json) => c.seasonal[1] === 0)) {
    const diffuse = c.order[1] > 0 ? 'approximate' : 'exact';
    test(`arima(${c.label}, [${c.order}], { seasonal: [${c.seasonal}], trend: '${c.trend}', diffuse: '${diffuse}' }) matches statsmodels ARIMA.fit()`, () => {
      const r = arima(c.y, c.order, { trend: c.trend, diffuse, seasonal: seasonalOf(c) });
      const k = c.params.length;
      // loglik within 1e-6 relative (acceptance: 1e-4); our optimum at least as high as
      // statsmodels' (its L-BFGS sometimes stops early: sim_ar2_ct)
      expectClose([r.loglik], [c.llf], { rtol: 1e-6 });
      expect(r.loglik).toBeGreaterThanOrEqual(c.llf - 1e-7 * Math.abs(c.llf));
      // coefficients within 1e-3 absolute, or 5% of a standard error where the likelihood is flat
      for (let i = 0; i < k - 1; i++)
        expect(Math.abs(r.params[i] - c.params[i]), c.param_names[i]).toBeLessThanOrEqual(Math.max(1e-3, 5e-2 * c.bse[i]));
      expectClose([r.sigma2], [c.params[k - 1]], { rtol: 2e-3 });
      for (const ic of ['aic', 'aicc', 'bic', 'hqic'] as const) expectClose([r[ic]], [c[ic]], { rtol: 1e-4 });
      expectClose([r.aic - r.bic], [c.aic - c.bic], { rtol: 1e-12 });
      expect(r.nobsEffective).toBe(c.nobs_effective);
      // OPG standard errors (statsmodels' default) within 2%, Hessian ones likewise
      expectClose(r.bse, c.bse, { rtol: 2e-2 });
      const fc = r.forecast(12);
      expectClose(fc.mean, c.forecast, { rtol: 1e-3, atol: 1e-3 * Math.abs(c.forecast[0]) });
      expectClose(fc.se, c.forecast_se, { rtol: 1e-3 });
      const ci = Array.from(fc.lower, (lo, i) => [lo, fc.upper[i]]).flat();
      expectClose(ci, c.conf_int, { rtol: 1e-3, atol: 1e-3 * Math.abs(c.forecast[0]) });
      const fc80 = r.forecast(12, { alpha: 0.2 });
      expectClose(Array.from(fc80.lower, (lo, i) => [lo, fc80.upper[i]]).flat(), c.conf_int_80, {
        rtol: 1e-3,
        atol: 1e-3 * Math.abs(c.forecast[0]),
      });
      expectClose(r.residuals, c.resid, { atol: 2e-3 * Math.sqrt(c.params[k - 1]) });
    });
  }

  for (const c of g.cases.filter((c: Json) => c.order[1] > 0 || c.seasonal[1] > 0)) {
    test(`arima(${c.label}, [${c.order}], { seasonal: [${c.seasonal}] }) with the exact diffuse likelihood (default) is within the acceptance bounds of statsmodels`, () => {
      const r = arima(c.y, c.order, { trend: c.trend, seasonal: seasonalOf(c) });
      expectClose([r.loglik], [c.llf], { rtol: 1e-4 });
      for (let i = 0; i < c.params.length - 1; i++) expect(Math.abs(r.params[i] - c.params[i]), c.param_names[i]).toBeLessThanOrEqual(1e-3);
      const fc = r.forecast(12);
      expectClose(fc.mean, c.forecast, { rtol: 1e-3 });
      // the exact and the approximate diffuse starts differ by O(y_0² / 1e6): 1.2e-3 on the Nile's 12-step band
      expectClose(Array.from(fc.lower, (lo, i) => [lo, fc.upper[i]]).flat(), c.conf_int, { rtol: 2e-3 });
      // the exact likelihood is that of the differenced series: the same residuals once the start is forgotten
      expectClose(r.residuals.slice(30), c.resid.slice(30), { atol: 1e-2 * Math.sqrt(r.sigma2) });
    });
  }

  test("arima(x, order, { covType: 'approx' }) gives Hessian standard errors like statsmodels cov_type='approx'", () => {
    for (const c of g.cases.slice(0, 5)) {
      const r = arima(c.y, c.order, { trend: c.trend, covType: 'approx', diffuse: 'approximate', seasonal: seasonalOf(c) });
      expectClose(r.bse, c.bse_approx, { rtol: 2e-2 });
    }
  });

  test('arima refuses NaN gaps, a too-short series, a constant series and a trend differencing removes', () => {
    const y = Array.from({ length: 50 }, (_, i) => Math.sin(i) + i * 0.1);
    expect(() => arima([...y.slice(0, 10), Number.NaN, ...y.slice(10)], [1, 0, 0])).toThrow(/x: value NaN at index 10/);
    expect(() => arima(y.slice(0, 5), [2, 1, 2])).toThrow(/x: a series of length 5 is too short for ARIMA\(2,1,2\)/);
    expect(() => arima(new Array(40).fill(3), [1, 0, 0])).toThrow(/x: the series is constant/);
    expect(() =>
      arima(
        Array.from({ length: 40 }, (_, i) => 2 * i + 1),
        [1, 1, 0],
      ),
    ).toThrow(/x: the series after differencing is constant/);
    expect(() => arima(y, [1, 1, 0], { trend: 'c' })).toThrow(/trend: 'c' has terms of lower order than the differencing \(d \+ D = 1\)/);
    expect(() => arima(y, [1, 0, 0], { startParams: { ar: [1.2], trend: [0] } })).toThrow(/startParams.ar: \[1.2\] is not stationary/);
    expect(() => arima(y, [1, 0, 1] as unknown as [number, number, number], { trend: 'x' as 'c' })).toThrow(
      /trend: expected n, c, t or ct/,
    );
  });

  test('arima warns when the MA root reaches the unit circle (an over-differenced series)', () => {
    const r = arima(whiteNoise(300, { seed: 4 }), [0, 1, 1]); // differencing white noise: θ → −1
    expect(r.ma[0]).toBeLessThan(-0.99);
    expect(r.warnings.join(' ')).toMatch(/MA polynomial has a root at or near the unit circle: the series may be over-differenced/);
  });

  test('arima(x, order, { maxIter: 1 }) reports non-convergence as a LimitError unless allowed', () => {
    const c = g.cases[0];
    expect(() => arima(c.y, c.order, { maxIter: 1 })).toThrow(/maxIter: the likelihood optimisation did not converge/);
    const r = arima(c.y, c.order, { maxIter: 1, allowNonConvergence: true });
    expect(r.converged).toBe(false);
  });
});

describe('arima invariances', () => {
  test('arima(c·y + b) gives the same ARMA coefficients, σ²·c², trend scaled, and loglik − n·log|c|', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.double({ min: 1e-3, max: 1e4, noNaN: true }),
        fc.double({ min: -1e3, max: 1e3, noNaN: true }),
        (seed, c, b) => {
          const y = simulateArima({ ar: [0.6], ma: [0.3], sigma2: 1 }, 300, { seed });
          const base = arima(y, [1, 0, 1]);
          const moved = arima(
            y.map((v) => c * v + b),
            [1, 0, 1],
          );
          expect(Math.abs(moved.ar[0] - base.ar[0])).toBeLessThan(1e-4);
          expect(Math.abs(moved.ma[0] - base.ma[0])).toBeLessThan(1e-4);
          expect(moved.sigma2 / (c * c) / base.sigma2).toBeCloseTo(1, 4);
          expect(moved.trendCoefs[0]).toBeCloseTo(c * base.trendCoefs[0] + b, Math.max(0, 3 - Math.log10(c)));
          expect(moved.loglik + 300 * Math.log(c)).toBeCloseTo(base.loglik, 4);
        },
      ),
      { numRuns: 8, seed: 42 },
    );
  });

  test('arima recovers simulated coefficients within four standard errors', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.double({ min: -0.8, max: 0.8, noNaN: true }),
        fc.double({ min: -0.7, max: 0.7, noNaN: true }),
        (seed, phi, theta) => {
          fc.pre(Math.abs(phi + theta) > 0.2); // φ = −θ cancels: the ARMA(1,1) is not identified
          const y = simulateArima({ ar: [phi], ma: [theta], d: 1 }, 1500, { seed });
          const r = arima(y, [1, 1, 1]);
          expect(Math.abs(r.ar[0] - phi)).toBeLessThan(4 * r.bse[0] + 0.02);
          expect(Math.abs(r.ma[0] - theta)).toBeLessThan(4 * r.bse[1] + 0.02);
        },
      ),
      { numRuns: 8, seed: 7 },
    );
  });
});
