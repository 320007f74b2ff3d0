/**
 * W10 — fashion search latency: one query against a gallery of n embeddings (default 60,000,
 * Fashion-MNIST's training split) of `size` dimensions (64 = the autoencoder embedding, 784 =
 * raw pixels), cosine, top 10; exact brute force (src/search/knn.ts, wasm SIMD dots). The
 * acceptance target is under 50 ms per query at n = 60,000. No anchor.
 */
import { Rng } from '../../core/rng.js';
import { ExactIndex } from '../../search/knn.js';
import type { CaseParams, SetupOptions, Workload } from '../workload.js';

interface State {
  index: ExactIndex;
  query: Float32Array; // [size]
}

export const wSearch: Workload<State> = {
  id: 'W10',
  description: 'kNN search latency: 1 query vs n gallery embeddings of `size` dims (cosine, top 10)',
  params: ['n', 'size'],
  cases: [
    { n: 60_000, size: 64 },
    { n: 60_000, size: 784 },
  ],
  parallel: false,
  setup(params: CaseParams, { seed }: SetupOptions): State {
    const n = Number(params.n);
    const d = Number(params.size);
    const rng = new Rng(seed);
    const index = new ExactIndex(rng.fillUniform(new Float32Array(n * d), -1, 1) as Float32Array, d, 'cosine');
    const query = rng.fillUniform(new Float32Array(d), -1, 1) as Float32Array;
    index.search(query, 10); // the first call copies the gallery into wasm memory; later calls reuse it
    return { index, query };
  },
  run: ({ index, query }) => index.search(query, 10).indices[0],
  work: (params) => ({ amount: 2 * Number(params.n) * Number(params.size), unit: 'FLOP' }),
  anchors: [],
};
