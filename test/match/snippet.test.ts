import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ArgumentError, fromArray, Rng, ShapeError } from '../../src/core/index.js';
import { findSnippet, SnippetSearch } from '../../src/match/index.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

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

  it('SnippetSearch.push(chunks of any size).finish() equals findSnippet on the whole signal', () => {
    const x = noise(50_000, 6, 0.5);
    const s = x.slice(31_000, 31_700).map((v, i) => v + 0.3 * Math.sin(i));
    const want = findSnippet(x, s, { top: 5, minDistance: 300, blockSize: 2048, sampleRate: 1000 });
    expect(want[0].offset).toBe(31_000);
    for (const size of [1, 7, 700, 2048, 4999, 50_000]) {
      const search = new SnippetSearch(s, { top: 5, minDistance: 300, blockSize: 2048, sampleRate: 1000 });
      for (let at = 0; at < x.length; at += size) search.push(x.subarray(at, at + size));
      expect(search.finish(), `chunks of ${size}`).toEqual(want);
    }
    const chunks = [x.subarray(0, 12_345), x.subarray(12_345)];
    expect(findSnippet(chunks, s, { top: 5, minDistance: 300, blockSize: 2048, sampleRate: 1000 })).toEqual(want);
    expect(() => new SnippetSearch(s).push(x.subarray(0, 10)).finish()).toThrow(
      /snippet: 700 samples is longer than the signal \(10 samples\)/,
    );
    expect(() => new SnippetSearch(s).finish()).toThrow(/signal: expected at least one sample/);
  });

  it('SnippetSearch over a 10-minute 44.1 kHz stream stays under 150 MB peak RSS (child process, built dist/)', () => {
    const lib = join(ROOT, 'dist/match/snippet.js');
    if (!existsSync(lib)) throw new Error(`${lib} is missing: build first (npx tsc -p tsconfig.build.json)`);
    const dir = mkdtempSync(join(tmpdir(), 'convolab-snippet-rss-'));
    try {
      // the signal is made chunk by chunk from a hash of the sample index, so the child never holds it whole
      const script = `
        import { SnippetSearch } from ${JSON.stringify(pathToFileURL(lib).href)};
        import { peakRss } from ${JSON.stringify(pathToFileURL(join(ROOT, 'scripts/peak-rss.mjs')).href)};
        const RATE = 44100, n = 600 * RATE, m = 5 * RATE, at = 8_820_123;
        const value = (i) => {
          let h = Math.imul(i ^ (i >>> 16), 0x45d9f3b);
          h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
          return ((h ^ (h >>> 16)) >>> 0) / 4294967296 - 0.5;
        };
        const clip = new Float32Array(m);
        for (let j = 0; j < m; j++) clip[j] = value(at + j) + 0.5 * value(n + j);
        const search = new SnippetSearch(clip, { sampleRate: RATE });
        const chunk = new Float32Array(65536);
        for (let b = 0; b < n; b += chunk.length) {
          const len = Math.min(chunk.length, n - b);
          for (let i = 0; i < len; i++) chunk[i] = value(b + i);
          search.push(chunk.subarray(0, len));
        }
        const [best] = search.finish();
        console.log(JSON.stringify({ ...best, maxRssKb: peakRss() / 1024 }));`;
      writeFileSync(join(dir, 'child.mjs'), script);
      const r = spawnSync(process.execPath, [join(dir, 'child.mjs')], { encoding: 'utf8', timeout: 120_000 });
      if (r.status !== 0) throw new Error(`child exited with ${r.status}: ${r.stderr}`);
      const got = JSON.parse(r.stdout);
      expect(got.offset).toBe(8_820_123);
      expect(got.score).toBeGreaterThan(0.8);
      expect(got.maxRssKb / 1024).toBeLessThan(150);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
