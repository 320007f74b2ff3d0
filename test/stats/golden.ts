/** Shared helpers for the statistics tests: load a golden JSON and compare arrays. */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';

// biome-ignore lint/suspicious/noExplicitAny: golden files are untyped JSON written by scripts/golden/stats.py
export type Json = any;

export function golden<T = Json>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../golden/stats/${name}`, import.meta.url), 'utf8')) as T;
}

/** max |a − b| / (atol + rtol |b|) ≤ 1, element by element; null (NaN in the golden) must be NaN. */
export function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number | null>, opts: { atol?: number; rtol?: number } = {}) {
  const atol = opts.atol ?? 0;
  const rtol = opts.rtol ?? 0;
  expect(actual.length).toBe(expected.length);
  let worst = 0;
  let at = -1;
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i];
    const a = actual[i];
    if (e === null || Number.isNaN(e)) {
      expect(Number.isNaN(a), `index ${i}: expected NaN, got ${a}`).toBe(true);
      continue;
    }
    const err = Math.abs(a - e) / (atol + rtol * Math.abs(e));
    if (!(err <= worst)) {
      worst = err;
      at = i;
    }
  }
  expect(worst, `worst at index ${at}: ${actual[at]} vs ${expected[at]}`).toBeLessThanOrEqual(1);
}
