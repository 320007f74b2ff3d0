/**
 * Walker's alias method (Vose's stable construction, "A linear algorithm for generating random
 * numbers with a given distribution", IEEE TSE 17(9), 1991): O(n) setup, then one uniform gives
 * a draw in O(1) — pick a column j uniformly, keep j if the fraction is below prob[j], else alias[j].
 */
import { ArgumentError } from '../core/errors.js';

export interface AliasTable {
  /** Acceptance threshold per column, in [0, 1]. */
  prob: Float64Array;
  /** The other outcome of each column. */
  alias: Int32Array;
}

export function aliasTable(weights: ArrayLike<number>): AliasTable {
  const n = weights.length;
  let total = 0;
  for (let i = 0; i < n; i++) {
    if (!(weights[i] >= 0) || !Number.isFinite(weights[i]))
      throw new ArgumentError(`weights: expected finite values >= 0, got ${weights[i]} at ${i}`, 'weights');
    total += weights[i];
  }
  if (!(total > 0)) throw new ArgumentError('weights: expected a positive total', 'weights');
  const scaled = Float64Array.from({ length: n }, (_, i) => (weights[i] * n) / total);
  const prob = new Float64Array(n);
  const alias = new Int32Array(n);
  const small: number[] = [];
  const large: number[] = [];
  for (let i = 0; i < n; i++) (scaled[i] < 1 ? small : large).push(i);
  while (small.length > 0 && large.length > 0) {
    const s = small.pop()!;
    const l = large.pop()!;
    prob[s] = scaled[s];
    alias[s] = l;
    scaled[l] = scaled[l] + scaled[s] - 1;
    (scaled[l] < 1 ? small : large).push(l);
  }
  for (const i of large) {
    prob[i] = 1;
    alias[i] = i;
  }
  for (const i of small) {
    prob[i] = 1; // only rounding left these: they keep their own column
    alias[i] = i;
  }
  return { prob, alias };
}

/** The probability of each outcome implied by a table (for checking a table against its weights). */
export function aliasProbabilities(t: AliasTable): Float64Array {
  const n = t.prob.length;
  const p = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    p[j] += t.prob[j] / n;
    p[t.alias[j]] += (1 - t.prob[j]) / n;
  }
  return p;
}
