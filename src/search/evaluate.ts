/**
 * Retrieval evaluation: every query against the whole gallery, relevance = same class label.
 * Per query: precision@k (share of the k best that are relevant), average precision over the
 * full ranking (mAP = its mean), and the top-N indices (for overlap checks). Summaries overall
 * and per query class.
 */
import { ArgumentError } from '../core/errors.js';
import { getPool } from '../parallel/get-pool.js';
import { splitRange } from '../parallel/split.js';
import { type DotsOptions, dots } from './dots.js';
import { finishScores, type GalleryData, prepareQueries } from './knn.js';
import { averagePrecision, RankScratch, rankDescending, topK } from './rank.js';

export interface EvalRangeArgs {
  gallery: GalleryData;
  /** [count] class of each gallery item. */
  labels: Uint8Array;
  /** Prepared queries [nq, dim]. */
  queries: Float32Array;
  queryLabels: Uint8Array;
  i0: number;
  i1: number;
  ks: number[];
  /** How many best indices to return per query. */
  top: number;
  /** Compute average precision (a full ranking per query); default true. */
  ap?: boolean;
}

export interface EvalRangeResult {
  /** [n, ks.length] precision@k per query. */
  precision: Float32Array;
  /** [n] average precision (NaN when not computed). */
  ap: Float32Array;
  /** [n, top] best gallery indices. */
  top: Int32Array;
}

/** Evaluates queries [i0, i1) (the body of the worker task 'search.eval'). */
export function evaluateRange(a: EvalRangeArgs, opts: DotsOptions = {}): EvalRangeResult {
  const g = a.gallery;
  const n = a.i1 - a.i0;
  const kmax = Math.max(a.top, ...a.ks);
  const precision = new Float32Array(n * a.ks.length);
  const apOut = new Float32Array(n).fill(Number.NaN);
  const topOut = new Int32Array(n * a.top);
  const block = Math.max(1, Math.min(n, Math.floor((1 << 21) / g.count)));
  const s = new Float32Array(block * g.count);
  const row = new Float32Array(g.count);
  const idx = new Int32Array(kmax);
  const val = new Float32Array(kmax);
  const scratch = new RankScratch();
  const perClass = new Map<number, number>();
  for (let j = 0; j < g.count; j++) perClass.set(a.labels[j], (perClass.get(a.labels[j]) ?? 0) + 1);
  const lower = g.metric === 'l2';
  for (let b0 = a.i0; b0 < a.i1; b0 += block) {
    const m = Math.min(block, a.i1 - b0);
    dots(a.queries.subarray(b0 * g.dim, (b0 + m) * g.dim), m, g.vectors, g.count, g.dim, s, { galleryStatic: true, ...opts });
    for (let r = 0; r < m; r++) {
      const qi = b0 + r;
      const o = qi - a.i0;
      const label = a.queryLabels[qi];
      row.set(s.subarray(r * g.count, (r + 1) * g.count));
      finishScores(g, a.queries, qi, row);
      if (lower) for (let j = 0; j < g.count; j++) row[j] = -row[j];
      const found = topK(row, kmax, idx, val);
      a.ks.forEach((k, c) => {
        let hits = 0;
        for (let t = 0; t < Math.min(k, found); t++) if (a.labels[idx[t]] === label) hits++;
        precision[o * a.ks.length + c] = hits / k;
      });
      topOut.set(idx.subarray(0, Math.min(a.top, found)), o * a.top);
      if (a.ap ?? true) {
        const order = rankDescending(row, scratch);
        apOut[o] = averagePrecision(order, (j) => a.labels[j] === label, perClass.get(label) ?? 0);
      }
    }
  }
  return { precision, ap: apOut, top: topOut };
}

export interface RetrievalMetrics {
  queries: number;
  /** Mean precision@k, keyed by k. */
  precisionAtK: Record<string, number>;
  /** Mean average precision (NaN when not computed). */
  map: number;
}

export interface RetrievalReport extends RetrievalMetrics {
  /** Per query class (index = label; classes with no query have queries = 0). */
  perClass: RetrievalMetrics[];
  /** [nq, top] best gallery indices per query. */
  top: Int32Array;
  topN: number;
}

export interface EvaluateOptions {
  ks?: number[];
  top?: number;
  ap?: boolean;
  threads?: number;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

function shareCopy<T extends Float32Array | Uint8Array>(a: T): T {
  if (typeof SharedArrayBuffer !== 'function' || a.buffer instanceof SharedArrayBuffer) return a;
  const out = new (a.constructor as { new (b: SharedArrayBuffer): T })(new SharedArrayBuffer(a.byteLength));
  out.set(a as never);
  return out;
}

/** Queries [nq, dim] with labels against the gallery with labels: precision@k, mAP, per class. */
export async function evaluateRetrieval(
  gallery: GalleryData,
  labels: Uint8Array,
  queries: Float32Array,
  queryLabels: Uint8Array,
  opts: EvaluateOptions = {},
): Promise<RetrievalReport> {
  const ks = opts.ks ?? [1, 10];
  const top = opts.top ?? 10;
  if (labels.length !== gallery.count)
    throw new ArgumentError(`labels: expected ${gallery.count} labels (one per gallery item), got ${labels.length}`, 'labels');
  for (const k of ks) if (!Number.isInteger(k) || k < 1) throw new ArgumentError(`ks: expected positive integers, got ${k}`, 'ks');
  const q = shareCopy(prepareQueries(gallery, queries));
  const nq = q.length / gallery.dim;
  if (queryLabels.length !== nq) throw new ArgumentError(`queryLabels: expected ${nq} labels, got ${queryLabels.length}`, 'queryLabels');
  const pool = getPool({ threads: opts.threads });
  const parts = splitRange(nq, Math.max(1, Math.min(nq, pool.size * 8)));
  const base = { gallery, labels: shareCopy(labels), queries: q, queryLabels: shareCopy(queryLabels), ks, top, ap: opts.ap ?? true };
  let done = 0;
  const results = await Promise.all(
    parts.map(async ([i0, i1]) => {
      const r = await pool.run<EvalRangeResult>('search.eval', { ...base, i0, i1 }, { signal: opts.signal });
      done += i1 - i0;
      opts.onProgress?.(done, nq);
      return r;
    }),
  );
  const precision = new Float32Array(nq * ks.length);
  const ap = new Float32Array(nq);
  const topAll = new Int32Array(nq * top);
  results.forEach((r, c) => {
    const i0 = parts[c][0];
    precision.set(r.precision, i0 * ks.length);
    ap.set(r.ap, i0);
    topAll.set(r.top, i0 * top);
  });
  const summarize = (pick: (i: number) => boolean): RetrievalMetrics => {
    const sums = new Array<number>(ks.length).fill(0);
    let apSum = 0;
    let count = 0;
    for (let i = 0; i < nq; i++) {
      if (!pick(i)) continue;
      count++;
      for (let c = 0; c < ks.length; c++) sums[c] += precision[i * ks.length + c];
      apSum += ap[i];
    }
    const precisionAtK: Record<string, number> = {};
    ks.forEach((k, c) => {
      precisionAtK[String(k)] = count ? sums[c] / count : Number.NaN;
    });
    return { queries: count, precisionAtK, map: count ? apSum / count : Number.NaN };
  };
  const classes = Math.max(...queryLabels, ...labels) + 1;
  return {
    ...summarize(() => true),
    perClass: Array.from({ length: classes }, (_, c) => summarize((i) => queryLabels[i] === c)),
    top: topAll,
    topN: top,
  };
}

/** Mean share of common items between two top-N lists per query ([nq, n] each). */
export function topOverlap(a: Int32Array, b: Int32Array, n: number): number {
  if (a.length !== b.length || a.length % n !== 0)
    throw new ArgumentError(`b: expected the same [nq, ${n}] shape as a (${a.length} values), got ${b.length}`, 'b');
  const nq = a.length / n;
  let sum = 0;
  for (let i = 0; i < nq; i++) {
    const set = new Set(a.subarray(i * n, (i + 1) * n));
    let common = 0;
    for (let t = 0; t < n; t++) if (set.has(b[i * n + t])) common++;
    sum += common / n;
  }
  return nq ? sum / nq : Number.NaN;
}
