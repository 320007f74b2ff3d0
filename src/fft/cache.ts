/**
 * LRU caches of plans by length. Building a plan (factorising, twiddles, a Bluestein kernel)
 * costs about one transform; the caches make repeated transforms of a length free of it.
 */
import { ArgumentError } from '../core/errors.js';
import { ComplexPlan } from './plan.js';
import { RealPlan } from './real.js';

export class LruCache<K, V> {
  private readonly map = new Map<K, V>();
  constructor(readonly capacity: number) {}

  get(key: K, make: (key: K) => V): V {
    const hit = this.map.get(key);
    if (hit !== undefined) {
      // refresh: move to the most recent end
      this.map.delete(key);
      this.map.set(key, hit);
      return hit;
    }
    const value = make(key);
    this.map.set(key, value);
    if (this.map.size > this.capacity) this.map.delete(this.map.keys().next().value as K);
    return value;
  }

  get size(): number {
    return this.map.size;
  }

  clear(): void {
    this.map.clear();
  }
}

const complexPlans = new LruCache<number, ComplexPlan>(32);
const realPlans = new LruCache<number, RealPlan>(32);

function checkLength(n: number, arg: string): void {
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new ArgumentError(`${arg}: invalid number of FFT data points ${n}; expected a positive integer`, arg);
  }
}

/** The cached complex plan of length n. */
export function complexPlan(n: number, arg = 'n'): ComplexPlan {
  checkLength(n, arg);
  return complexPlans.get(n, (m) => new ComplexPlan(m));
}

/** The cached real plan of length n (its inner complex plan is shared with complexPlan). */
export function realPlan(n: number, arg = 'n'): RealPlan {
  checkLength(n, arg);
  return realPlans.get(n, (m) => new RealPlan(m, complexPlan(m % 2 === 0 ? m / 2 : m)));
}

/** Drop every cached plan (tests, memory pressure). */
export function clearPlanCache(): void {
  complexPlans.clear();
  realPlans.clear();
}
