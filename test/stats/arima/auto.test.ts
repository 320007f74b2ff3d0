import { describe, expect, test } from 'vitest';
import { autoArima } from '../../../src/stats/arima/auto.js';
import { simulateArima } from '../../../src/stats/arima/process.js';

describe('auto', () => {
  test('autoArima(x, { maxP: 2, maxQ: 2, ic: bic }) picks AR(2) for a simulated AR(2)', () => {
    const x = simulateArima({ ar: [0.6, -0.3] }, 800, { seed: 11 });
    const r = autoArima(x, { maxP: 2, maxQ: 2, ic: 'bic' });
    expect(r.best.order).toEqual([2, 0, 0]);
    expect(r.table).toHaveLength(9);
    const bics = r.table.map((row) => row.bic ?? Number.POSITIVE_INFINITY);
    expect(Math.min(...bics)).toBe(r.best.bic);
  });

  test('autoArima refuses an unknown criterion', () => {
    expect(() => autoArima([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], { ic: 'xic' as 'aic' })).toThrow(/ic: expected aic, aicc, bic or hqic/);
  });
});
