import { afterAll, describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { destroyPools } from '../../src/parallel/index.js';
import { ExactIndex, makeGallery, normalizeRows } from '../../src/search/knn.js';

afterAll(() => destroyPools());

function rand(n: number, seed: number): Float32Array {
  const rng = new Rng(seed);
  return Float32Array.from({ length: n }, () => rng.normal());
}

/** Brute force in float64 with sort: the answer the index must give. */
function naive(g: Float32Array, q: Float32Array, d: number, k: number, metric: 'cosine' | 'l2'): number[][] {
  const ng = g.length / d;
  const nq = q.length / d;
  const out: number[][] = [];
  for (let i = 0; i < nq; i++) {
    const s: Array<[number, number]> = [];
    for (let j = 0; j < ng; j++) {
      let dot = 0;
      let qq = 0;
      let gg = 0;
      let l2 = 0;
      for (let p = 0; p < d; p++) {
        const a = q[i * d + p];
        const b = g[j * d + p];
        dot += a * b;
        qq += a * a;
        gg += b * b;
        l2 += (a - b) ** 2;
      }
      s.push([j, metric === 'cosine' ? -dot / Math.sqrt(qq * gg) : Math.sqrt(l2)]);
    }
    s.sort((a, b) => a[1] - b[1] || a[0] - b[0]);
    out.push(s.slice(0, k).map((x) => x[0]));
  }
  return out;
}

describe('ExactIndex', () => {
  for (const metric of ['cosine', 'l2'] as const) {
    it(`new ExactIndex(vectors, 13, '${metric}').search(queries, 5) equals a float64 brute force`, () => {
      const d = 13;
      const g = rand(301 * d, 1);
      const q = rand(9 * d, 2);
      const index = new ExactIndex(g, d, metric);
      const r = index.search(q, 5);
      expect(r.k).toBe(5);
      const want = naive(g, q, d, 5, metric);
      for (let i = 0; i < 9; i++) expect([...r.indices.subarray(i * 5, i * 5 + 5)]).toEqual(want[i]);
      // scores: cosine similarity (descending) or distance (ascending)
      const s = [...r.scores.subarray(0, 5)];
      expect(s).toEqual([...s].sort((a, b) => (metric === 'cosine' ? b - a : a - b)));
      if (metric === 'l2') {
        const j = r.indices[0];
        let l2 = 0;
        for (let p = 0; p < d; p++) l2 += (q[p] - g[j * d + p]) ** 2;
        expect(r.scores[0]).toBeCloseTo(Math.sqrt(l2), 4);
      }
    });
  }

  it('index.search(itemOfGallery, 1) finds the item itself with cosine 1', () => {
    const d = 8;
    const g = rand(50 * d, 3);
    const index = new ExactIndex(g, d);
    const r = index.search(g.slice(17 * d, 18 * d), 1);
    expect(r.indices[0]).toBe(17);
    expect(r.scores[0]).toBeCloseTo(1, 5);
  });

  it('index.search(queries, k > count) returns count neighbours', () => {
    const index = new ExactIndex(rand(12, 4), 4);
    expect(index.search(rand(4, 5), 10).k).toBe(3);
  });

  for (const threads of [1, 2]) {
    it(`index.searchAsync(queries, 7, { threads: ${threads} }) equals index.search`, async () => {
      const d = 33;
      const index = new ExactIndex(rand(500 * d, 6), d, 'l2');
      const q = rand(23 * d, 7);
      const want = index.search(q, 7);
      const got = await index.searchAsync(q, 7, { threads });
      expect(got.indices).toEqual(want.indices);
      expect(got.scores).toEqual(want.scores);
    });
  }

  it('new ExactIndex(bad) and index.search(bad) throw errors that name the argument', () => {
    expect(() => new ExactIndex(new Float32Array(10), 3)).toThrow(/vectors: length 10 is not a multiple of dim 3/);
    expect(() => new ExactIndex(Float32Array.of(1, Number.NaN), 2)).toThrow(/vectors\[1\]: expected a finite number/);
    expect(() => new ExactIndex(new Float32Array(4), 2, 'dot' as never)).toThrow(/metric: expected 'cosine' or 'l2'/);
    const index = new ExactIndex(new Float32Array(8), 2);
    expect(() => index.search(new Float32Array(3), 1)).toThrow(/queries: length 3 is not a multiple of the index dimension 2/);
    expect(() => index.search(new Float32Array(2), 0)).toThrow(/k: expected a positive integer/);
  });

  it('makeGallery(vectors, d, "cosine") stores unit rows; normalizeRows leaves zero rows at zero', () => {
    const g = makeGallery(Float32Array.of(3, 4, 0, 0), 2, 'cosine');
    expect([...g.vectors]).toEqual([0.6, 0.8, 0, 0].map((v) => Math.fround(v)));
    expect([...normalizeRows(Float32Array.of(0, 0), 1, 2)]).toEqual([0, 0]);
  });
});
