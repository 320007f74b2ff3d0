import { describe, expect, it } from 'vitest';
import { ArgumentError, fromArray, Rng, ShapeError } from '../../src/core/index.js';
import { findSnippet } from '../../src/match/index.js';

/** Pearson correlation of s with x[p .. p + m), by definition. */
function pearson(x: Float64Array, s: Float64Array, p: number): number {
  const m = s.length;
  let mx = 0;
  let ms = 0;
  for (let i = 0; i < m; i++) {
    mx += x[p + i] / m;
    ms += s[i] / m;
  }
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < m; i++) {
    sxy += (x[p + i] - mx) * (s[i] - ms);
    sxx += (x[p + i] - mx) ** 2;
    syy += (s[i] - ms) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

function noise(n: number, seed: number, std = 1): Float64Array {
  const rng = new Rng(seed);
  return Float64Array.from({ length: n }, () => rng.normal(0, std));
}

describe('findSnippet', () => {
  it('findSnippet(signal, snippet, { top, minDistance, blockSize }) equals brute-force Pearson peaks for any block size', () => {
    const x = noise(3001, 1);
    const s = x.slice(1234, 1234 + 57);
    const scores = Array.from({ length: x.length - 56 }, (_, p) => pearson(x, s, p));
    for (const blockSize of [57, 64, 200, 1000, 4096]) {
      const got = findSnippet(x, s, { top: 4, minDistance: 100, blockSize });
      expect(got[0].offset).toBe(1234);
      expect(got[0].score).toBeCloseTo(1, 12);
      for (const g of got) expect(g.score).toBeCloseTo(scores[g.offset], 10);
      // the runners-up are the best positions that beat every score within ±99 (earliest on ties)
      const peaks = scores
        .map((v, p) => ({ offset: p, score: v }))
        .filter(({ offset: p, score: v }) => scores.every((u, q) => Math.abs(q - p) > 99 || (q < p ? u < v : u <= v)))
        .sort((a, b) => b.score - a.score)
        .slice(0, 4);
      expect(got.map((g) => g.offset)).toEqual(peaks.map((q) => q.offset));
    }
  });

  it('findSnippet(long noisy signal, clip, { sampleRate }) finds the clip at its offset ± 1 sample', () => {
    const rate = 8000;
    const x = noise(rate * 60, 2, 0.3); // one minute
    const offset = 234_567;
    const clip = noise(rate * 2, 3); // a two-second "sound"
    for (let i = 0; i < clip.length; i++) x[offset + i] += clip[i];
    const query = clip.map((v, i) => v + noise(1, 100 + i, 0.5)[0]); // recorded again, with noise
    const [best] = findSnippet(Float32Array.from(x), Float32Array.from(query), { sampleRate: rate });
    expect(Math.abs(best.offset - offset)).toBeLessThanOrEqual(1);
    expect(best.seconds).toBeCloseTo(offset / rate, 3);
    expect(best.score).toBeGreaterThan(0.8);
  });

  it('findSnippet finds each of several copies, best first, and a flat snippet finds nothing', () => {
    const x = noise(20000, 4, 0.5);
    const s = noise(300, 5);
    const at = [1000, 7000, 15000];
    at.forEach((o, k) => {
      for (let i = 0; i < 300; i++) x[o + i] += s[i] * (1 - 0.2 * k);
    });
    const got = findSnippet(fromArray(x, 'float64'), s, { top: 3, threshold: 0.5 });
    expect(got.map((g) => g.offset)).toEqual(at);
    expect(findSnippet(x, new Float64Array(10).fill(2))).toEqual([]);
  });

  it('findSnippet rejects a snippet longer than the signal, empty input and bad options', () => {
    expect(() => findSnippet(new Float32Array(5), new Float32Array(6))).toThrow(ShapeError);
    expect(() => findSnippet(new Float32Array(0), new Float32Array(0))).toThrow(/signal: expected at least one sample/);
    expect(() => findSnippet(new Float32Array(9), new Float32Array(3), { top: 0 })).toThrow(ArgumentError);
    expect(() => findSnippet(new Float32Array(9), new Float32Array(3), { blockSize: 2 })).toThrow(/blockSize/);
    expect(() => findSnippet(new Float32Array(9), new Float32Array(3), { sampleRate: -1 })).toThrow(/sampleRate/);
  });
});
