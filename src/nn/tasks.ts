/**
 * The worker side of training (data parallel): each task runs one chunk of a batch through a
 * replica of the model whose parameters are a view of the shared parameter array, and writes
 * the chunk's gradient, scaled by chunk / batch, into its own shared gradient slot; the
 * caller sums the slots in a fixed order (deterministic for a seed and thread count).
 * Listed in src/parallel/tasks.ts as 'nn.grad' and 'nn.eval'.
 */
import { Rng } from '../core/rng.js';
import { type Augment, type Dataset, fillBatch } from './data.js';
import { softmaxCrossEntropy } from './loss.js';
import { type ModelSpec, modelFromSpec, type Sequential } from './model.js';
import { Buffer, tensor } from './tensor.js';

interface Replica {
  model: Sequential;
  input: Buffer;
}

const replicas = new Map<string, Replica>();

/** The model for `key` bound to the shared `params` (built on first use; a few kept). */
function replica(key: string, spec: ModelSpec, params: Float32Array): Replica {
  let r = replicas.get(key);
  if (r === undefined) {
    if (replicas.size >= 4) replicas.delete(replicas.keys().next().value as string);
    const model = modelFromSpec(spec, { params });
    model.fuseActivations(); // BatchNorm + ReLU in one pass
    r = { model, input: new Buffer() };
    replicas.set(key, r);
  } else if (r.model.params !== params) {
    r.model.useParamStorage(params); // a fresh view of the same shared memory (structured clone)
  }
  return r;
}

export interface GradArgs {
  key: string;
  spec: ModelSpec;
  /** Shared parameters, read only here. */
  params: Float32Array;
  /** This chunk's gradient slot (shared), overwritten. */
  grads: Float32Array;
  data: Dataset;
  /** Shared sample order of the epoch; this chunk is order[start, end). */
  order: Int32Array;
  start: number;
  end: number;
  /** Size of the whole batch (the gradient is scaled by (end - start) / batch). */
  batch: number;
  /** Seed of this chunk's dropout and augmentation. */
  seed: number;
  updateStats: boolean;
  augment?: Augment;
  /** Label smoothing of the training loss (softmaxCrossEntropy); default 0. */
  labelSmoothing?: number;
}

export interface GradResult {
  /** Sum of the per-sample losses of the chunk. */
  loss: number;
  correct: number;
  /** Milliseconds the task computed (for profiling the split). */
  ms: number;
}

export function gradTask(a: GradArgs): GradResult {
  const t0 = performance.now();
  const { model, input } = replica(a.key, a.spec, a.params);
  if (model.grads !== a.grads) model.setGradStorage(a.grads);
  model.zeroGrad();
  const n = a.end - a.start;
  const x = input.get('float32', n * a.data.sampleShape.reduce((p, q) => p * q, 1)) as Float32Array;
  const rng = new Rng(a.seed);
  fillBatch(a.data, a.order, a.start, a.end, x, a.augment, rng);
  const logits = model.forward(tensor([n, ...a.data.sampleShape], x), { training: true, rng, updateStats: a.updateStats });
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) y[i] = a.data.labels[a.order[a.start + i]];
  const { loss, grad, correct } = softmaxCrossEntropy(logits, y, a.labelSmoothing ?? 0);
  const s = n / a.batch;
  if (s !== 1) for (let i = 0; i < grad.data.length; i++) grad.data[i] *= s;
  model.backward(grad);
  return { loss: loss * n, correct, ms: performance.now() - t0 };
}

export interface EvalArgs {
  key: string;
  spec: ModelSpec;
  params: Float32Array;
  data: Dataset;
  start: number;
  end: number;
  /** Samples per forward pass. */
  batch: number;
}

export interface EvalResult {
  loss: number;
  /** Predicted class of samples [start, end). */
  preds: Uint8Array;
}

export function evalTask(a: EvalArgs): EvalResult {
  const { model, input } = replica(a.key, a.spec, a.params);
  const per = a.data.sampleShape.reduce((p, q) => p * q, 1);
  const preds = new Uint8Array(a.end - a.start);
  const rng = new Rng(0);
  let loss = 0;
  const idx = new Int32Array(a.batch);
  for (let s = a.start; s < a.end; s += a.batch) {
    const n = Math.min(a.batch, a.end - s);
    for (let i = 0; i < n; i++) idx[i] = s + i;
    const x = input.get('float32', n * per) as Float32Array;
    fillBatch(a.data, idx, 0, n, x);
    const logits = model.forward(tensor([n, ...a.data.sampleShape], x), { training: false, rng });
    const r = softmaxCrossEntropy(logits, a.data.labels.subarray(s, s + n));
    loss += r.loss * n;
    const k = logits.shape[1];
    for (let i = 0; i < n; i++) {
      let best = 0;
      for (let j = 1; j < k; j++) if (logits.data[i * k + j] > logits.data[i * k + best]) best = j;
      preds[s - a.start + i] = best;
    }
  }
  return { loss, preds };
}
