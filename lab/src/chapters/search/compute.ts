/**
 * The search chapter's pure compute (no DOM, runs in Node tests too): the subset, the three
 * embeddings' index, and a 2-D PCA of an embedding for the map.
 */
import { decodeFashionMnistCache, type FashionMnist } from '../../../../src/io/fashion-mnist.js';
import { type Embedder, ExactIndex } from '../../../../src/search/index.js';

export const SUBSET_URL = '/samples/fashion-mnist-subset.bin';
export const TOP_K = 10;

export function decodeSubset(bytes: Uint8Array): FashionMnist {
  return decodeFashionMnistCache(bytes, 'fashion-mnist-subset.bin');
}

/** The gallery of `images` [n, 784] under `embedder`: its vectors and a cosine index. */
export function buildIndex(embedder: Embedder, images: ArrayLike<number>, n: number): { vectors: Float32Array; index: ExactIndex } {
  const vectors = embedder.embed(images, n);
  return { vectors, index: new ExactIndex(vectors, embedder.dim, 'cosine') };
}

/** The top k of one query vector: gallery indices and cosine scores, best first (plain TS dot products). */
export function topMatches(index: ExactIndex, query: Float32Array, k = TOP_K): { indices: Int32Array; scores: Float32Array } {
  const r = index.search(query, k, { variant: 'ref' });
  return { indices: r.indices, scores: r.scores };
}

/**
 * The first two principal components of rows x [n, d]: coordinates [n, 2] (power iteration on the
 * centred data, the second component deflated against the first; deterministic start).
 */
export function pca2(x: Float32Array, n: number, d: number, iterations = 40): Float32Array {
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let p = 0; p < d; p++) mean[p] += x[i * d + p];
  for (let p = 0; p < d; p++) mean[p] /= n;
  const c = new Float64Array(n * d);
  for (let i = 0; i < n; i++) for (let p = 0; p < d; p++) c[i * d + p] = x[i * d + p] - mean[p];
  const comps: Float64Array[] = [];
  const t = new Float64Array(n);
  for (let k = 0; k < 2; k++) {
    let v = new Float64Array(d);
    for (let p = 0; p < d; p++) v[p] = Math.sin(p * 12.9898 + k * 78.233) + 0.5;
    for (let it = 0; it < iterations; it++) {
      for (const u of comps) orthogonalize(v, u);
      normalize(v);
      for (let i = 0; i < n; i++) {
        let s = 0;
        for (let p = 0; p < d; p++) s += c[i * d + p] * v[p];
        t[i] = s;
      }
      const w = new Float64Array(d);
      for (let i = 0; i < n; i++) {
        const ti = t[i];
        if (ti !== 0) for (let p = 0; p < d; p++) w[p] += ti * c[i * d + p];
      }
      v = w;
    }
    for (const u of comps) orthogonalize(v, u);
    normalize(v);
    comps.push(v);
  }
  const out = new Float32Array(n * 2);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < 2; k++) {
      let s = 0;
      for (let p = 0; p < d; p++) s += c[i * d + p] * comps[k][p];
      out[i * 2 + k] = s;
    }
  }
  return out;
}

function normalize(v: Float64Array): void {
  let s = 0;
  for (let p = 0; p < v.length; p++) s += v[p] * v[p];
  const inv = s > 0 ? 1 / Math.sqrt(s) : 0;
  for (let p = 0; p < v.length; p++) v[p] *= inv;
}

function orthogonalize(v: Float64Array, u: Float64Array): void {
  let s = 0;
  for (let p = 0; p < v.length; p++) s += v[p] * u[p];
  for (let p = 0; p < v.length; p++) v[p] -= s * u[p];
}
