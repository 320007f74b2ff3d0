import { describe, expect, it } from 'vitest';
import { clearPlanCache, complexPlan, LruCache, realPlan } from '../../src/fft/cache.js';

describe('cache', () => {
  it('complexPlan(n) returns the cached plan and realPlan shares its inner plan', () => {
    clearPlanCache();
    const a = complexPlan(360);
    expect(complexPlan(360)).toBe(a);
    expect(realPlan(720).inner).toBe(a);
    expect(realPlan(9).inner).toBe(complexPlan(9));
  });
  it('new LruCache(2) evicts the least recently used key', () => {
    const made: number[] = [];
    const c = new LruCache<number, number>(2);
    const get = (k: number): number =>
      c.get(k, (x) => {
        made.push(x);
        return x * 10;
      });
    get(1);
    get(2);
    get(1); // refresh 1
    get(3); // evicts 2
    get(1);
    get(2); // rebuilt
    expect(made).toEqual([1, 2, 3, 2]);
    expect(c.size).toBe(2);
  });
  it('complexPlan(0) throws naming n', () => {
    expect(() => complexPlan(0)).toThrow(/^n: invalid number of FFT data points 0/);
    expect(() => realPlan(1.5)).toThrow(/^n: /);
  });
});
