import { describe, expect, test } from 'vitest';
import { constrainStationary, isInvertible, isStationary, unconstrainStationary } from '../../../src/stats/arima/transform.js';
import { expectClose } from '../golden.js';

describe('transform', () => {
  test('constrainStationary(u) always gives a stationary AR polynomial', () => {
    for (const u of [[5, -7, 3], [100], [-2, 0.5], [0, 0, 0, 0]]) expect(isStationary(constrainStationary(u))).toBe(true);
  });

  test('unconstrainStationary inverts constrainStationary', () => {
    const phi = [0.5, -0.3, 0.1];
    expectClose(constrainStationary(unconstrainStationary(phi)!), phi, { atol: 1e-14 });
  });

  test('isStationary / isInvertible find roots on or inside the unit circle', () => {
    expect(isStationary([1.2])).toBe(false);
    expect(isStationary([0.5, 0.5])).toBe(false); // root at z = 1
    expect(isStationary([1.5, -0.56])).toBe(true); // roots 1/0.7, 1/0.8
    expect(isInvertible([-1])).toBe(false);
    expect(isInvertible([0.4, 0.2])).toBe(true);
    expect(unconstrainStationary([1.1])).toBeNull();
  });
});
