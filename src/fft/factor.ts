/**
 * Factorisation of transform lengths into radix passes, the cost guess that chooses between
 * mixed-radix passes and Bluestein, and scipy's `next_fast_len`.
 * After pocketfft (M. Reinecke, https://gitlab.mpcdf.mpg.de/mtr/pocketfft).
 */
import { ArgumentError } from '../core/errors.js';

/** Radix passes for n: 4s first, then a 2, then odd primes ascending (product = n). */
export function factorize(n: number): number[] {
  const factors: number[] = [];
  let m = n;
  while (m % 4 === 0) {
    factors.push(4);
    m /= 4;
  }
  if (m % 2 === 0) {
    factors.push(2);
    m /= 2;
  }
  for (let p = 3; p * p <= m; p += 2) {
    while (m % p === 0) {
      factors.push(p);
      m /= p;
    }
  }
  if (m > 1) factors.push(m);
  return factors;
}

export function largestPrimeFactor(n: number): number {
  const f = factorize(n);
  return f.length === 0 ? 1 : Math.max(...f.map((p) => (p === 4 ? 2 : p)));
}

/** Relative cost of a mixed-radix transform of length n (pocketfft's `cost_guess`). */
export function costGuess(n: number): number {
  const largePenalty = 1.1; // generic odd passes are slower than the hard-coded ones
  let m = n;
  let cost = 0;
  while (m % 2 === 0) {
    cost += 2;
    m /= 2;
  }
  for (let p = 3; p * p <= m; p += 2) {
    while (m % p === 0) {
      cost += p <= 5 ? p : largePenalty * p;
      m /= p;
    }
  }
  if (m > 1) cost += m <= 5 ? m : largePenalty * m;
  return cost * n;
}

/** True when a length is better done by Bluestein's algorithm than by its own factors. */
export function useBluestein(n: number): boolean {
  if (n < 50) return false;
  const p = largestPrimeFactor(n);
  if (p * p <= n) return false;
  const direct = costGuess(n);
  const viaBluestein = 2 * costGuess(smoothAtLeast(2 * n - 1, [2, 3, 5])) * 1.5;
  return viaBluestein < direct;
}

/** The smallest number >= target whose prime factors all lie in `primes` (ascending). */
function smoothAtLeast(target: number, primes: readonly number[]): number {
  if (target <= 1) return 1;
  let best = Number.POSITIVE_INFINITY;
  const search = (value: number, index: number): void => {
    if (value >= target) {
      if (value < best) best = value;
      return;
    }
    if (index === primes.length) return;
    // multiply by primes[index]^e for e >= 0, then move on to the next prime
    for (let v = value; ; v *= primes[index]) {
      search(v, index + 1);
      if (v >= target) break;
    }
  };
  search(1, 0);
  return best;
}

/**
 * scipy.fft.next_fast_len: the smallest length >= target that pocketfft transforms fastest —
 * 11-smooth (factors 2, 3, 5, 7, 11) for complex transforms, 5-smooth for real ones.
 */
export function nextFastLen(target: number, real = false): number {
  if (!Number.isSafeInteger(target) || target < 0) {
    throw new ArgumentError(`target: expected a non-negative integer, got ${target}`, 'target');
  }
  if (target <= 6) return target;
  return smoothAtLeast(target, real ? [2, 3, 5] : [2, 3, 5, 7, 11]);
}

/**
 * Relative time per point of one pass of each radix in the wasm kernels (measured: radix 4 is
 * the cheapest per pass; generic odd radices cost about 0.3·p).
 */
function passCost(p: number): number {
  return p === 4 ? 1 : p === 2 ? 0.7 : p === 3 ? 1.1 : p === 5 ? 1.4 : 0.3 * p;
}

/**
 * The Bluestein convolution length used for n: the 7-smooth length >= 2n − 1, up to the next
 * power of two, with the least estimated time (m · Σ pass costs).
 */
export function bluesteinLength(n: number): number {
  const target = 2 * n - 1;
  let pow2 = 1;
  while (pow2 < target) pow2 *= 2;
  let best = pow2;
  let bestCost = Number.POSITIVE_INFINITY;
  const consider = (m: number): void => {
    const cost = m * factorize(m).reduce((s, p) => s + passCost(p), 0);
    if (cost < bestCost) {
      bestCost = cost;
      best = m;
    }
  };
  const primes = [2, 3, 5, 7];
  const walk = (value: number, index: number): void => {
    if (value > pow2) return;
    if (value >= target) {
      consider(value);
      return;
    }
    if (index === primes.length) return;
    for (let v = value; v <= pow2; v *= primes[index]) {
      walk(v, index + 1);
      if (v >= target) break;
    }
  };
  walk(1, 0);
  return best;
}
