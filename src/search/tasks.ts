/**
 * Worker tasks of the search engine ('search.knn', 'search.eval' in src/parallel/tasks.ts).
 * A gallery arrives as views of SharedArrayBuffers; the first view seen per gallery key is
 * kept, so the kernel recognises it and keeps its wasm copy between tasks.
 */
import { type EvalRangeArgs, type EvalRangeResult, evaluateRange } from './evaluate.js';
import { type GalleryData, searchRange } from './knn.js';

const seen = new Map<string, GalleryData>();

function resident(g: GalleryData): GalleryData {
  const had = seen.get(g.key);
  if (had !== undefined) return had;
  seen.clear(); // one gallery at a time per worker
  seen.set(g.key, g);
  return g;
}

export interface KnnTaskArgs {
  gallery: GalleryData;
  queries: Float32Array;
  i0: number;
  i1: number;
  k: number;
}

export function knnTask(a: KnnTaskArgs): { indices: Int32Array; scores: Float32Array } {
  const g = resident(a.gallery);
  const n = a.i1 - a.i0;
  const indices = new Int32Array(n * a.k);
  const scores = new Float32Array(n * a.k);
  const all = { indices: new Int32Array(a.i1 * a.k), scores: new Float32Array(a.i1 * a.k) };
  searchRange(g, a.queries, a.i0, a.i1, a.k, all.indices, all.scores);
  indices.set(all.indices.subarray(a.i0 * a.k));
  scores.set(all.scores.subarray(a.i0 * a.k));
  return { indices, scores };
}

export function evalTask(a: EvalRangeArgs): EvalRangeResult {
  return evaluateRange({ ...a, gallery: resident(a.gallery) });
}
