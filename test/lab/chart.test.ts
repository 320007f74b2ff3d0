import { describe, expect, it } from 'vitest';
import { extent, formatTick, minSpacing, niceTicks } from '../../lab/src/components/chart.js';

describe('niceTicks(lo, hi, count)', () => {
  it('niceTicks(0, 1, 5) steps by 0.2', () => {
    expect(niceTicks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });

  it('niceTicks(-3.7, 12.2, 5) steps by 5 within the interval', () => {
    expect(niceTicks(-3.7, 12.2, 5)).toEqual([0, 5, 10]);
  });

  it('niceTicks(0, 451, 6) steps by 100', () => {
    expect(niceTicks(0, 451, 6)).toEqual([0, 100, 200, 300, 400]);
  });

  it('niceTicks of a swapped interval sorts it; equal ends give one tick; non-finite gives none', () => {
    expect(niceTicks(10, 0, 2)).toEqual([0, 5, 10]);
    expect(niceTicks(3, 3)).toEqual([3]);
    expect(niceTicks(0, Number.NaN)).toEqual([]);
  });
});

describe('extent(values), minSpacing(xs), formatTick(v)', () => {
  it('extent skips non-finite values across series; no finite values gives [0, 1]', () => {
    expect(extent([[3, Number.NaN, -1], [7]])).toEqual([-1, 7]);
    expect(extent([[Number.NaN]])).toEqual([0, 1]);
  });

  it('minSpacing([[4, 12, 20]]) is 8; a single point gives 1', () => {
    expect(minSpacing([[20, 4, 12]])).toBe(8);
    expect(minSpacing([[5]])).toBe(1);
  });

  it('formatTick(0.30000000000000004) is "0.3"; 1e6 and 1e-4 use exponents', () => {
    expect(formatTick(0.30000000000000004)).toBe('0.3');
    expect(formatTick(1e6)).toBe('1e+6');
    expect(formatTick(1e-4)).toBe('1e-4');
    expect(formatTick(0)).toBe('0');
  });
});
