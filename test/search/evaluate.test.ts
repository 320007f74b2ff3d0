import { afterAll, describe, expect, it } from 'vitest';
import { destroyPools } from '../../src/parallel/index.js';
import { evaluateRange, evaluateRetrieval, topOverlap } from '../../src/search/evaluate.js';
import { makeGallery, prepareQueries } from '../../src/search/knn.js';

afterAll(() => destroyPools());

// Gallery on a line: items at x = 0..5 (2-D points (x, 1)), labels 0 0 0 1 1 1; L2 metric.
const gv = Float32Array.from([0, 1, 2, 3, 4, 5].flatMap((x) => [x, 1]));
const labels = Uint8Array.of(0, 0, 0, 1, 1, 1);

describe('evaluate', () => {
  it('evaluateRetrieval(gallery, labels, queries, queryLabels, { ks: [1, 3] }) gives hand-computed precision and mAP', async () => {
    const g = makeGallery(gv, 2, 'l2');
    // query at x = 2.4 (class 0): order 2, 3, 1, 4, 0, 5 -> relevant at ranks 1, 3, 5 -> AP = (1 + 2/3 + 3/5) / 3
    // query at x = 2.6 (class 1): order 3, 2, 4, 1, 5, 0 -> relevant at ranks 1, 3, 5 -> same AP
    const q = Float32Array.of(2.4, 1, 2.6, 1);
    const r = await evaluateRetrieval(g, labels, q, Uint8Array.of(0, 1), { ks: [1, 3], top: 2, threads: 1 });
    const ap = (1 + 2 / 3 + 3 / 5) / 3;
    expect(r.queries).toBe(2);
    expect(r.precisionAtK['1']).toBe(1);
    expect(r.precisionAtK['3']).toBeCloseTo(2 / 3, 6);
    expect(r.map).toBeCloseTo(ap, 6);
    expect([...r.top]).toEqual([2, 3, 3, 2]);
    expect(r.perClass[0].queries).toBe(1);
    expect(r.perClass[1].map).toBeCloseTo(ap, 6);
  });

  it('evaluateRetrieval(..., { threads: 2 }) equals the single-thread result', async () => {
    const g = makeGallery(gv, 2, 'cosine');
    const q = Float32Array.from({ length: 40 }, (_, i) => ((i * 37) % 11) / 3 + 0.1);
    const ql = Uint8Array.from({ length: 20 }, (_, i) => i % 2);
    const a = await evaluateRetrieval(g, labels, q, ql, { threads: 1 });
    const b = await evaluateRetrieval(g, labels, q, ql, { threads: 2 });
    expect(b.precisionAtK).toEqual(a.precisionAtK);
    expect(b.map).toBeCloseTo(a.map, 12);
    expect(b.top).toEqual(a.top);
  });

  it('evaluateRange(args) with ap: false leaves average precision NaN', () => {
    const g = makeGallery(gv, 2, 'l2');
    const q = prepareQueries(g, Float32Array.of(0, 1));
    const r = evaluateRange({ gallery: g, labels, queries: q, queryLabels: Uint8Array.of(0), i0: 0, i1: 1, ks: [2], top: 1, ap: false });
    expect(r.precision[0]).toBe(1);
    expect(Number.isNaN(r.ap[0])).toBe(true);
    expect(r.top[0]).toBe(0);
  });

  it('topOverlap(a, b, n) is the mean share of common items', () => {
    expect(topOverlap(Int32Array.of(1, 2, 3, 4), Int32Array.of(2, 1, 5, 6), 2)).toBe(0.5);
    expect(() => topOverlap(Int32Array.of(1, 2), Int32Array.of(1), 2)).toThrow(/b: expected the same/);
  });

  it('evaluateRetrieval(gallery, wrong labels) throws naming labels', async () => {
    const g = makeGallery(gv, 2, 'l2');
    await expect(evaluateRetrieval(g, Uint8Array.of(0), gv, labels)).rejects.toThrow(/labels: expected 6 labels/);
  });
});
