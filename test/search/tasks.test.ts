import { describe, expect, it } from 'vitest';
import { ExactIndex, prepareQueries } from '../../src/search/knn.js';
import { evalTask, knnTask } from '../../src/search/tasks.js';

describe('search tasks', () => {
  it('knnTask({ gallery, queries, i0, i1, k }) returns rows i0..i1 of index.search', () => {
    const d = 5;
    const index = new ExactIndex(
      Float32Array.from({ length: 40 * d }, (_, i) => Math.sin(i * 1.7)),
      d,
      'l2',
    );
    const q = Float32Array.from({ length: 6 * d }, (_, i) => Math.cos(i));
    const want = index.search(q, 3);
    const got = knnTask({ gallery: index.gallery, queries: prepareQueries(index.gallery, q), i0: 2, i1: 5, k: 3 });
    expect(got.indices).toEqual(want.indices.subarray(6, 15));
    expect(got.scores).toEqual(want.scores.subarray(6, 15));
  });

  it('evalTask(args) twice with copies of the same gallery (as a worker receives them) gives the same result', () => {
    const index = new ExactIndex(
      Float32Array.from({ length: 30 }, (_, i) => (i * 7) % 5),
      3,
    );
    const labels = Uint8Array.from({ length: 10 }, (_, i) => i % 2);
    const args = {
      gallery: index.gallery,
      labels,
      queries: prepareQueries(index.gallery, Float32Array.of(1, 2, 3, 4, 0, 1)),
      queryLabels: Uint8Array.of(0, 1),
      i0: 0,
      i1: 2,
      ks: [1, 5],
      top: 3,
    };
    const a = evalTask(args);
    const b = evalTask({ ...args, gallery: { ...index.gallery, vectors: index.gallery.vectors.slice() } });
    expect(b).toEqual(a);
    expect(a.top.length).toBe(6);
  });
});
