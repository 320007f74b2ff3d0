/**
 * The search chapter's worker: holds the Fashion-MNIST subset, the indexes of the 2,000 training
 * garments (raw pixels, Sobel edges, and the autoencoder's code once trained), preprocesses
 * photos and answers top-10 queries.
 */
import { NDArray } from '../../../../src/core/ndarray.js';
import type { FashionMnist } from '../../../../src/io/fashion-mnist.js';
import {
  autoencoderEmbedder,
  type Embedder,
  type ExactIndex,
  type FeatureKind,
  PIXELS,
  pixelEmbedder,
  preprocessQuery,
  SearchAutoencoder,
  sobelEmbedder,
} from '../../../../src/search/index.js';
import { initWasm } from '../../../../src/wasm/loader.js';
import { serveWorker, transfer } from '../../worker-rpc.js';
import { buildIndex, decodeSubset, pca2, SUBSET_URL, TOP_K, topMatches } from './compute.js';
import type { Query, SearchReply, SearchRequest, StepImage } from './protocol.js';

let data: FashionMnist | undefined;
let ae: SearchAutoencoder | undefined;
const galleries = new Map<FeatureKind, { embedder: Embedder; vectors: Float32Array; index: ExactIndex; map?: Float32Array }>();

function gallery(kind: FeatureKind) {
  const g = galleries.get(kind);
  if (!g) throw new Error(`feature: '${kind}' is not indexed yet (train the autoencoder first)`);
  return g;
}

function addGallery(embedder: Embedder): void {
  const d = data!;
  galleries.set(embedder.kind, { embedder, ...buildIndex(embedder, d.train.images, d.train.count) });
}

function queryImage(q: Query): { image: Float32Array; steps: StepImage[] } {
  const d = data!;
  if (q.kind === 'test') {
    if (!(Number.isInteger(q.index) && q.index >= 0 && q.index < d.test.count))
      throw new Error(`query.index: expected an integer in 0..${d.test.count - 1}, got ${q.index}`);
    const image = Float32Array.from(d.test.images.subarray(q.index * PIXELS, (q.index + 1) * PIXELS));
    return { image, steps: [{ name: 'test garment (already 28×28)', width: 28, height: 28, data: image }] };
  }
  const { width, height, rgba } = q;
  const n = width * height;
  const planar = new Float32Array(4 * n);
  for (let i = 0; i < n; i++) for (let ch = 0; ch < 4; ch++) planar[ch * n + i] = rgba[i * 4 + ch];
  const p = preprocessQuery(new NDArray('float32', [4, height, width], planar));
  const s = p.steps;
  const step = (name: string, g: { width: number; height: number; data: Float32Array }): StepImage => ({ name, ...g });
  return {
    image: p.image,
    steps: [
      step('grey', s.gray),
      step(p.inverted ? 'inverted, background removed' : 'background removed', s.foreground),
      step('cropped', s.cropped),
      step('padded square', s.square),
      step('resized 28×28', s.resized),
      step('contrast normalised', { width: 28, height: 28, data: p.image }),
    ],
  };
}

async function handle(req: SearchRequest) {
  const t0 = performance.now();
  switch (req.op) {
    case 'init': {
      const [, res] = await Promise.all([initWasm({ families: ['gemm'] }), fetch(SUBSET_URL)]);
      if (!res.ok) throw new Error(`${SUBSET_URL}: HTTP ${res.status}`);
      data = decodeSubset(new Uint8Array(await res.arrayBuffer()));
      addGallery(pixelEmbedder);
      addGallery(sobelEmbedder);
      const t = data.test;
      const reply: SearchReply = {
        op: 'init',
        images: t.images.slice(),
        labels: t.labels.slice(),
        classes: [...t.classes],
        trainCount: data.train.count,
        ms: performance.now() - t0,
      };
      return transfer(reply, [reply.images.buffer]);
    }
    case 'train': {
      const d = data!;
      ae ??= SearchAutoencoder.create({ dim: 32, seed: 1 });
      const history = await ae.train(d.train.images, d.train.labels, d.train.count, { epochs: req.epochs, batchSize: 32, lr: 2e-3 });
      addGallery(autoencoderEmbedder(ae));
      const reply: SearchReply = {
        op: 'train',
        losses: history.map((h) => h.reconstruction),
        seconds: history.map((h) => h.seconds),
        dim: ae.dim,
      };
      return reply;
    }
    case 'search': {
      const d = data!;
      const g = gallery(req.feature);
      const { image, steps } = queryImage(req.query);
      const q = g.embedder.embed(image, 1);
      const { indices, scores } = topMatches(g.index, q, TOP_K);
      const images = new Uint8Array(indices.length * PIXELS);
      const labels = new Uint8Array(indices.length);
      indices.forEach((j, i) => {
        images.set(d.train.images.subarray(j * PIXELS, (j + 1) * PIXELS), i * PIXELS);
        labels[i] = d.train.labels[j];
      });
      const reconstruction = ae && req.feature === 'autoencoder' ? ae.reconstruct(image, 1).subarray(0, PIXELS) : null;
      const reply: SearchReply = {
        op: 'search',
        query: image,
        steps,
        reconstruction,
        indices,
        scores,
        images,
        labels,
        ms: performance.now() - t0,
      };
      return transfer(reply, [images.buffer]);
    }
    case 'map': {
      const d = data!;
      const g = gallery(req.feature);
      g.map ??= pca2(g.vectors, d.train.count, g.embedder.dim);
      const reply: SearchReply = { op: 'map', points: g.map.slice(), labels: d.train.labels.slice(), ms: performance.now() - t0 };
      return reply;
    }
  }
}

serveWorker<SearchRequest, SearchReply>(handle);
