import { describe, expect, test } from 'vitest';
import { minimizeBfgs, numericGradient } from '../../../src/stats/arima/optimize.js';

describe('optimize', () => {
  test('minimizeBfgs finds the minimum of the Rosenbrock function', () => {
    const f = (x: Float64Array) => 100 * (x[1] - x[0] ** 2) ** 2 + (1 - x[0]) ** 2;
    const r = minimizeBfgs(f, [-1.2, 1], { gtol: 1e-8, maxIter: 500 });
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(1, 5);
    expect(r.x[1]).toBeCloseTo(1, 5);
  });

  test('minimizeBfgs reports non-convergence when maxIter is too small', () => {
    const f = (x: Float64Array) => 100 * (x[1] - x[0] ** 2) ** 2 + (1 - x[0]) ** 2;
    const r = minimizeBfgs(f, [-1.2, 1], { maxIter: 2 });
    expect(r.converged).toBe(false);
    expect(r.message).toMatch(/maxIter = 2/);
  });

  test('numericGradient of a quadratic is exact to rounding', () => {
    const g = numericGradient((x) => 3 * x[0] ** 2 + x[0] * x[1] - 2 * x[1], Float64Array.of(1, 2));
    expect(g[0]).toBeCloseTo(8, 8);
    expect(g[1]).toBeCloseTo(-1, 8);
  });
});
