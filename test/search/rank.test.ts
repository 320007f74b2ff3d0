import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { averagePrecision, RankScratch, rankDescending, topK } from '../../src/search/rank.js';

describe('rank', () => {
  it('topK(scores, 3, idx, val) returns the three highest, ties to the lower index', () => {
    const s = Float32Array.from([0.5, 0.9, 0.1, 0.9, 0.7]);
    const idx = new Int32Array(3);
    const val = new Float32Array(3);
    expect(topK(s, 3, idx, val)).toBe(3);
    expect([...idx]).toEqual([1, 3, 4]);
    expect([...val]).toEqual([s[1], s[3], s[4]]);
    topK(s, 2, idx, val, true);
    expect([...idx.subarray(0, 2)]).toEqual([2, 0]);
    expect(topK(s, 9, new Int32Array(9), new Float32Array(9))).toBe(5);
  });

  it('rankDescending(scores, scratch) equals a stable sort by descending score (negatives, zeros, ties)', () => {
    const rng = new Rng(4);
    for (const n of [1, 2, 17, 3001]) {
      const s = Float32Array.from({ length: n }, () => Math.round(rng.normal() * 50) / 10);
      const want = [...s.keys()].sort((a, b) => s[b] - s[a] || a - b);
      expect([...rankDescending(s, new RankScratch())]).toEqual(want);
    }
  });

  it('averagePrecision(order, relevant, total) is the mean precision at each relevant rank', () => {
    // relevant at ranks 1, 3, 4 of 5; total 4 (one never retrieved) -> (1 + 2/3 + 3/4) / 4
    const rel = new Set([10, 12, 13, 99]);
    expect(averagePrecision([10, 11, 12, 13, 14], (j) => rel.has(j), 4)).toBeCloseTo((1 + 2 / 3 + 3 / 4) / 4, 12);
    expect(averagePrecision([1, 2], () => false, 0)).toBe(0);
  });
});
