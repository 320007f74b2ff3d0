/**
 * Exact k-nearest-neighbour search over a gallery of embeddings (brute force: at 60,000 x 64
 * one query is ~4 M multiply-adds, about a millisecond). `VectorIndex` is the interface a
 * later approximate index (IVF, HNSW) would implement too.
 *
 * Metrics: 'cosine' stores unit rows and scores = cosine similarity (higher first);
 * 'l2' scores = Euclidean distance (lower first), computed as sqrt(|q|^2 + |g|^2 - 2 q.g).
 * Many queries split across the worker pool by query range (`searchAsync`).
 */
import { ArgumentError, ShapeError } from '../core/errors.js';
import { getPool } from '../parallel/get-pool.js';
import { splitRange } from '../parallel/split.js';
import { type DotsOptions, dots } from './dots.js';
import { topK } from './rank.js';

export type Metric = 'cosine' | 'l2';
export const METRICS: readonly Metric[] = ['cosine', 'l2'];

/** k neighbours per query, best first: indices and scores [nq, k] (row i = query i). */
export interface SearchResult {
  readonly k: number;
  readonly indices: Int32Array;
  readonly scores: Float32Array;
}

export interface VectorIndex {
  readonly metric: Metric;
  readonly dim: number;
  readonly count: number;
  /** Queries [nq, dim] (flat) → the k best gallery items of each, on the calling thread. */
  search(queries: Float32Array, k: number): SearchResult;
  /** The same over the worker pool (split by query). */
  searchAsync(queries: Float32Array, k: number, opts?: { threads?: number; signal?: AbortSignal }): Promise<SearchResult>;
}

/** The gallery as the kernels see it (shareable with workers). */
export interface GalleryData {
  /** A key unique to this gallery (workers keep its copy in wasm memory under it). */
  key: string;
  metric: Metric;
  dim: number;
  count: number;
  /** [count, dim]; unit rows for 'cosine'. */
  vectors: Float32Array;
  /** [count] squared norms (used by 'l2'). */
  norms: Float32Array;
}

function floats(n: number): Float32Array {
  return typeof SharedArrayBuffer === 'function' ? new Float32Array(new SharedArrayBuffer(4 * n)) : new Float32Array(n);
}

/** Scales each row of x [n, d] to unit length in place (zero rows stay zero). */
export function normalizeRows(x: Float32Array, n: number, d: number): Float32Array {
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let p = 0; p < d; p++) s += x[i * d + p] * x[i * d + p];
    if (s > 0) {
      const inv = 1 / Math.sqrt(s);
      for (let p = 0; p < d; p++) x[i * d + p] *= inv;
    }
  }
  return x;
}

function squaredNorms(x: Float32Array, n: number, d: number): Float32Array {
  const out = floats(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let p = 0; p < d; p++) s += x[i * d + p] * x[i * d + p];
    out[i] = s;
  }
  return out;
}

let galleries = 0;

/** The gallery data of `vectors` [count, dim] (copied into shareable memory; cosine rows normalised). */
export function makeGallery(vectors: Float32Array, dim: number, metric: Metric): GalleryData {
  if (!(METRICS as readonly string[]).includes(metric))
    throw new ArgumentError(`metric: expected 'cosine' or 'l2', got ${JSON.stringify(metric)}`, 'metric');
  if (!Number.isInteger(dim) || dim < 1) throw new ArgumentError(`dim: expected a positive integer, got ${dim}`, 'dim');
  if (!(vectors instanceof Float32Array)) throw new ArgumentError('vectors: expected a Float32Array [count, dim]', 'vectors');
  if (vectors.length % dim !== 0)
    throw new ShapeError(`vectors: length ${vectors.length} is not a multiple of dim ${dim} ([count, dim] expected)`, 'vectors');
  for (let i = 0; i < vectors.length; i++) {
    if (!Number.isFinite(vectors[i])) throw new ArgumentError(`vectors[${i}]: expected a finite number, got ${vectors[i]}`, 'vectors');
  }
  const count = vectors.length / dim;
  const v = floats(vectors.length);
  v.set(vectors);
  if (metric === 'cosine') normalizeRows(v, count, dim);
  const key = `gallery-${++galleries}-${Math.random().toString(36).slice(2)}`;
  return { key, metric, dim, count, vectors: v, norms: squaredNorms(v, count, dim) };
}

/** Queries [nq, dim] checked and prepared for `g` (a normalised copy for cosine). */
export function prepareQueries(g: GalleryData, queries: Float32Array): Float32Array {
  if (!(queries instanceof Float32Array)) throw new ArgumentError('queries: expected a Float32Array [nq, dim]', 'queries');
  if (queries.length % g.dim !== 0)
    throw new ShapeError(`queries: length ${queries.length} is not a multiple of the index dimension ${g.dim}`, 'queries');
  for (let i = 0; i < queries.length; i++) {
    if (!Number.isFinite(queries[i])) throw new ArgumentError(`queries[${i}]: expected a finite number, got ${queries[i]}`, 'queries');
  }
  return g.metric === 'cosine' ? normalizeRows(queries.slice(), queries.length / g.dim, g.dim) : queries;
}

/** Turns raw dot products of query i (row `s`, in place) into the metric's scores. */
export function finishScores(g: GalleryData, q: Float32Array, i: number, s: Float32Array): void {
  if (g.metric === 'cosine') return;
  let qq = 0;
  for (let p = 0; p < g.dim; p++) qq += q[i * g.dim + p] * q[i * g.dim + p];
  for (let j = 0; j < g.count; j++) s[j] = Math.sqrt(Math.max(0, qq + g.norms[j] - 2 * s[j]));
}

/** Search queries [i0, i1) of prepared `q`; writes rows i0.. of indices / scores [nq, k]. */
export function searchRange(
  g: GalleryData,
  q: Float32Array,
  i0: number,
  i1: number,
  k: number,
  indices: Int32Array,
  scores: Float32Array,
  opts: DotsOptions = {},
): void {
  const block = Math.max(1, Math.min(i1 - i0, Math.floor((1 << 21) / Math.max(1, g.count))));
  const s = new Float32Array(block * g.count);
  const row = new Float32Array(g.count);
  const idx = new Int32Array(k);
  const val = new Float32Array(k);
  for (let b0 = i0; b0 < i1; b0 += block) {
    const n = Math.min(block, i1 - b0);
    dots(q.subarray(b0 * g.dim, (b0 + n) * g.dim), n, g.vectors, g.count, g.dim, s, { galleryStatic: true, ...opts });
    for (let r = 0; r < n; r++) {
      row.set(s.subarray(r * g.count, (r + 1) * g.count));
      finishScores(g, q, b0 + r, row);
      const m = topK(row, k, idx, val, g.metric === 'l2');
      indices.set(idx.subarray(0, m), (b0 + r) * k);
      scores.set(val.subarray(0, m), (b0 + r) * k);
    }
  }
}

function checkK(k: number, count: number): number {
  if (!Number.isInteger(k) || k < 1) throw new ArgumentError(`k: expected a positive integer, got ${k}`, 'k');
  return Math.min(k, count);
}

/** Brute-force exact search (see the file comment). */
export class ExactIndex implements VectorIndex {
  readonly gallery: GalleryData;

  /** `vectors` [count, dim] are copied (normalised for cosine). */
  constructor(vectors: Float32Array, dim: number, metric: Metric = 'cosine') {
    this.gallery = makeGallery(vectors, dim, metric);
  }

  get metric(): Metric {
    return this.gallery.metric;
  }
  get dim(): number {
    return this.gallery.dim;
  }
  get count(): number {
    return this.gallery.count;
  }

  search(queries: Float32Array, k: number, opts: DotsOptions = {}): SearchResult {
    const kk = checkK(k, this.count);
    const q = prepareQueries(this.gallery, queries);
    const nq = q.length / this.dim;
    const indices = new Int32Array(nq * kk);
    const scores = new Float32Array(nq * kk);
    searchRange(this.gallery, q, 0, nq, kk, indices, scores, opts);
    return { k: kk, indices, scores };
  }

  async searchAsync(queries: Float32Array, k: number, opts: { threads?: number; signal?: AbortSignal } = {}): Promise<SearchResult> {
    const kk = checkK(k, this.count);
    const pool = getPool({ threads: opts.threads });
    if (pool.inline) return this.search(queries, kk);
    const q = prepareQueries(this.gallery, queries);
    const nq = q.length / this.dim;
    const parts = splitRange(nq, pool.size);
    const shared = floats(q.length);
    shared.set(q);
    const results = await pool.map<{ indices: Int32Array; scores: Float32Array }>(
      'search.knn',
      parts.map(([i0, i1]) => ({ gallery: this.gallery, queries: shared, i0, i1, k: kk })),
      { signal: opts.signal },
    );
    const indices = new Int32Array(nq * kk);
    const scores = new Float32Array(nq * kk);
    results.forEach((r, c) => {
      indices.set(r.indices, parts[c][0] * kk);
      scores.set(r.scores, parts[c][0] * kk);
    });
    return { k: kk, indices, scores };
  }
}
