/**
 * W8 — training the reference CNN of DESIGN.md (conv5x5 32 ReLU, maxpool 2, conv5x5 64 ReLU,
 * maxpool 2, dense 128 ReLU, dense 10; softmax cross-entropy, Adam 1e-3, batch 64) on
 * `batches` batches of seeded random 28 x 28 images in [0, 1] with random labels (the time of
 * a step does not depend on the pixels; the full Fashion-MNIST epoch is 938 batches, and its
 * accuracy is measured by `convolab train`). Split over the worker pool, data parallel.
 * Anchors: PyTorch on the CPU, same network, optimiser, batch and threads (bench/anchors/nn_w8.py);
 * TensorFlow.js's CPU and WASM backends (src/bench/anchors/tfjs-w8.ts; a few small steps,
 * extrapolated to the case and reported as such).
 */
import { Rng } from '../../core/rng.js';
import type { Dataset } from '../../nn/data.js';
import { modelFromSpec, type Sequential } from '../../nn/model.js';
import { Adam } from '../../nn/optim.js';
import { presetSpec } from '../../nn/presets.js';
import { fit } from '../../nn/train.js';
import { prepareTfjsW8 } from '../anchors/tfjs-w8.js';
import type { CaseParams, SetupOptions, Workload } from '../workload.js';

interface State {
  model: Sequential;
  optimizer: Adam;
  data: Dataset; // [batches * 64, 1, 28, 28] uint8
  threads: number;
}

const BATCH = 64;

/**
 * FLOPs of one training image of the reference net (multiply + add = 2): the forward pass,
 * the filter gradients, and the input gradients of every layer but the first.
 */
export function referenceFlopsPerImage(): number {
  const conv1 = 2 * 24 * 24 * 32 * 25; // [32, 24, 24], K = 1 * 5 * 5
  const conv2 = 2 * 8 * 8 * 64 * 800; // [64, 8, 8], K = 32 * 5 * 5
  const fc1 = 2 * 1024 * 128;
  const fc2 = 2 * 128 * 10;
  return 3 * (conv1 + conv2 + fc1 + fc2) - conv1;
}

export const w8: Workload<State> = {
  id: 'W8',
  description: 'training steps of the reference CNN (batch 64, Adam), images/s and GFLOP/s; 938 batches = one Fashion-MNIST epoch',
  params: ['batches'],
  cases: [{ batches: 100, batch: BATCH }],
  repeats: 3,
  parallel: true,
  setup(params: CaseParams, { seed, threads }: SetupOptions): State {
    const count = Number(params.batches) * BATCH;
    const rng = new Rng(seed);
    const images = new Uint8Array(count * 784);
    for (let i = 0; i < images.length; i++) images[i] = rng.int(256);
    const labels = new Uint8Array(count);
    for (let i = 0; i < count; i++) labels[i] = rng.int(10);
    const model = modelFromSpec(presetSpec('reference'), { seed });
    const data: Dataset = { count, sampleShape: [1, 28, 28], images, labels, classes: Array.from({ length: 10 }, (_, i) => String(i)) };
    return { model, optimizer: new Adam(model, { lr: 1e-3 }), data, threads };
  },
  async run({ model, optimizer, data, threads }) {
    // biome-ignore lint/suspicious/noFocusedTests: fit() is the training call, not a focused test
    const h = await fit(model, data, { epochs: 1, batchSize: BATCH, threads, optimizer, seed: 0 });
    return h.epochs[0]?.loss;
  },
  work: (params) => ({ amount: Number(params.batches) * BATCH * referenceFlopsPerImage(), unit: 'FLOP' }),
  anchors: [
    { kind: 'python', name: 'torch', script: 'nn_w8.py', module: 'torch' },
    { kind: 'js', name: 'tfjs-cpu', prepare: (params, { seed }) => prepareTfjsW8('cpu', Number(params.batches), seed) },
    { kind: 'js', name: 'tfjs-wasm', prepare: (params, { seed }) => prepareTfjsW8('wasm', Number(params.batches), seed) },
  ],
};
