import { describe, expect, test } from 'vitest';
import { inverse, lstsq, solve } from '../../src/stats/linalg.js';
import { expectClose } from './golden.js';

describe('linalg', () => {
  test('solve(A, b) with pivoting solves a system with a zero leading entry', () => {
    expectClose(solve(Float64Array.of(0, 2, 3, 1), Float64Array.of(4, 5), 2), [1, 2], { atol: 1e-15 });
  });

  test('inverse(A) times A is the identity', () => {
    const a = Float64Array.of(4, 1, 2, 1, 3, 0, 2, 0, 5);
    const inv = inverse(a, 3);
    const prod = Array.from({ length: 9 }, (_, k) => {
      const i = Math.floor(k / 3);
      const j = k % 3;
      return a[i * 3] * inv[j] + a[i * 3 + 1] * inv[3 + j] + a[i * 3 + 2] * inv[6 + j];
    });
    expectClose(prod, [1, 0, 0, 0, 1, 0, 0, 0, 1], { atol: 1e-14 });
  });

  test('lstsq(X, y) fits a line exactly and reports the residual sum of squares', () => {
    const X = Float64Array.of(1, 0, 1, 1, 1, 2, 1, 3);
    const r = lstsq(X, Float64Array.of(1, 3, 5, 8), 4, 2);
    expectClose(r.beta, [0.8, 2.3], { atol: 1e-13 }); // numpy.linalg.lstsq
    expect(r.ssr).toBeCloseTo(0.3, 12);
  });

  test('solve and lstsq refuse singular systems', () => {
    expect(() => solve(Float64Array.of(1, 2, 2, 4), Float64Array.of(1, 1), 2, 'R')).toThrow(/R: the linear system is singular/);
    expect(() => lstsq(Float64Array.of(1, 2, 1, 2), Float64Array.of(1, 2), 2, 2)).toThrow(/linearly dependent/);
  });
});
