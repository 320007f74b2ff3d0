/**
 * Training and evaluation. `fit` splits every batch across the worker pool (data parallel:
 * each thread runs a contiguous chunk of the batch through a replica sharing the parameters,
 * writes its gradient into its own shared slot; the slots are summed in thread order and the
 * optimiser steps on the calling thread). Every random choice (order, dropout, augmentation)
 * derives from (seed, epoch, batch, chunk), so a run is deterministic for a seed and thread
 * count, and a run resumed at an epoch boundary repeats the uninterrupted one exactly.
 */
import { AbortError, ArgumentError } from '../core/errors.js';
import { Rng } from '../core/rng.js';
import { getPool } from '../parallel/get-pool.js';
import { splitRange } from '../parallel/split.js';
import { type Augment, checkDataset, type Dataset, permutation, shareDataset } from './data.js';
import type { Sequential } from './model.js';
import { Adam, type Optimizer } from './optim.js';
import type { Schedule } from './schedule.js';
import type { EvalArgs, EvalResult, GradArgs, GradResult } from './tasks.js';

export interface BatchInfo {
  epoch: number;
  batch: number;
  batches: number;
  /** Mean loss of this batch. */
  loss: number;
  /** Running accuracy over the epoch so far (0..1). */
  accuracy: number;
  /** Images seen this epoch. */
  images: number;
  /** Seconds since the epoch began. */
  seconds: number;
}

export interface EpochInfo {
  /** 0-based epoch index. */
  epoch: number;
  loss: number;
  accuracy: number;
  valLoss?: number;
  valAccuracy?: number;
  seconds: number;
  lr: number;
}

export interface FitOptions {
  epochs: number;
  batchSize?: number;
  shuffle?: boolean;
  seed?: number;
  /** Worker threads (default: CONVOLAB_THREADS or the core count). */
  threads?: number;
  /** Default Adam(lr 1e-3). */
  optimizer?: Optimizer;
  /** Learning rate per epoch (sets optimizer.lr before each epoch). */
  schedule?: Schedule;
  /** 'epoch' (default): schedule(epoch) before each epoch; 'batch': schedule(epoch + b / batches) before batch b (a smooth anneal). */
  scheduleBy?: 'epoch' | 'batch';
  validation?: Dataset;
  augment?: Augment;
  /** Label smoothing of the training loss, in [0, 1) (PyTorch's label_smoothing); default 0. The reported losses are the training loss. */
  labelSmoothing?: number;
  /** Epochs already done (resume from a checkpoint taken after that many epochs). */
  initialEpoch?: number;
  onBatch?: (info: BatchInfo) => void;
  /** Called after each epoch (after validation); awaited (write checkpoints here). */
  onEpoch?: (info: EpochInfo) => void | Promise<void>;
  signal?: AbortSignal;
}

export interface History {
  epochs: EpochInfo[];
  /** Set when training stopped early on a NaN / infinite loss (the model then holds the parameters of the step that produced it). */
  stopped?: { reason: 'non-finite-loss'; epoch: number; batch: number; message: string };
}

let fitCounter = 0;
/** One replica key per model, so fit and evaluate reuse the workers' replicas. */
const keys = new WeakMap<Sequential, string>();

/** A 32-bit mix of integers (for per-chunk seeds). */
function mix(...xs: number[]): number {
  let h = 0x9e3779b9;
  for (const x of xs) {
    h = Math.imul(h ^ (x >>> 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

function shared(n: number): Float32Array {
  return new Float32Array(new SharedArrayBuffer(4 * n));
}

/** Moves the model's parameters into shared memory (once) and returns the shared spec pieces. */
function prepare(model: Sequential): { key: string; spec: ReturnType<Sequential['spec']>; params: Float32Array } {
  if (model.dtype !== 'float32') throw new ArgumentError('model: training runs in float32; build the model with dtype float32', 'model');
  if (!(model.params.buffer instanceof SharedArrayBuffer)) model.setParamStorage(shared(model.params.length));
  let key = keys.get(model);
  if (key === undefined) {
    key = `model-${++fitCounter}-${Math.random().toString(36).slice(2)}`;
    keys.set(model, key);
  }
  return { key, spec: model.spec(), params: model.params as Float32Array };
}

export async function fit(model: Sequential, data: Dataset, opts: FitOptions): Promise<History> {
  checkDataset(data, 'data');
  if (!Number.isInteger(opts.epochs) || opts.epochs < 1)
    throw new ArgumentError(`epochs: expected a positive integer, got ${opts.epochs}`, 'epochs');
  const batchSize = opts.batchSize ?? 64;
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new ArgumentError(`batchSize: expected a positive integer, got ${batchSize}`, 'batchSize');
  if (model.outputShape.length !== 1)
    throw new ArgumentError(`model: expected an output [classes] for classification, got [${model.outputShape}]`, 'model');
  if (data.sampleShape.join() !== model.inputShape.join()) {
    throw new ArgumentError(`data: samples are [${data.sampleShape}], the model expects [${model.inputShape}]`, 'data');
  }
  const ls = opts.labelSmoothing ?? 0;
  if (!(ls >= 0 && ls < 1)) throw new ArgumentError(`labelSmoothing: expected a number in [0, 1), got ${ls}`, 'labelSmoothing');
  const seed = opts.seed ?? 0;
  const pool = getPool({ threads: opts.threads });
  const T = pool.size;
  const optimizer = opts.optimizer ?? new Adam(model, { lr: 1e-3 });
  const { key, spec, params } = prepare(model);
  const ds = shareDataset(data);
  const order = new Int32Array(new SharedArrayBuffer(4 * ds.count));
  const slots = Array.from({ length: T }, () => shared(params.length));
  const history: History = { epochs: [] };
  const batches = Math.ceil(ds.count / batchSize);
  const grads = model.grads;
  for (let epoch = opts.initialEpoch ?? 0; epoch < opts.epochs; epoch++) {
    if (opts.schedule) optimizer.lr = opts.schedule(epoch);
    if (opts.shuffle ?? true) order.set(permutation(ds.count, new Rng(mix(seed, epoch))));
    else for (let i = 0; i < ds.count; i++) order[i] = i;
    const t0 = performance.now();
    let lossSum = 0;
    let correct = 0;
    for (let b = 0; b < batches; b++) {
      if (opts.signal?.aborted) throw new AbortError('fit: aborted');
      if (opts.schedule && opts.scheduleBy === 'batch') optimizer.lr = opts.schedule(epoch + b / batches);
      const b0 = b * batchSize;
      const b1 = Math.min(ds.count, b0 + batchSize);
      const chunks = splitRange(b1 - b0, T);
      const args: GradArgs[] = chunks.map(([s, e], c) => ({
        key,
        spec,
        params,
        grads: slots[c],
        data: ds,
        order,
        start: b0 + s,
        end: b0 + e,
        batch: b1 - b0,
        seed: mix(seed, epoch, b, c),
        updateStats: c === 0,
        augment: opts.augment,
        labelSmoothing: opts.labelSmoothing,
      }));
      const results = await pool.map<GradResult>('nn.grad', args, { signal: opts.signal });
      let bl = 0;
      for (const r of results) {
        bl += r.loss;
        correct += r.correct;
      }
      if (!Number.isFinite(bl)) {
        const message = `fit: the loss became ${bl} at epoch ${epoch + 1}, batch ${b + 1}; training stopped (try a lower learning rate)`;
        history.stopped = { reason: 'non-finite-loss', epoch, batch: b, message };
        return history;
      }
      lossSum += bl;
      // Sum the chunk gradients in a fixed order.
      grads.set(slots[0]);
      for (let c = 1; c < chunks.length; c++) {
        const s = slots[c];
        for (let i = 0; i < grads.length; i++) grads[i] += s[i];
      }
      optimizer.step();
      opts.onBatch?.({
        epoch,
        batch: b,
        batches,
        loss: bl / (b1 - b0),
        accuracy: correct / b1,
        images: b1,
        seconds: (performance.now() - t0) / 1000,
      });
    }
    const info: EpochInfo = {
      epoch,
      loss: lossSum / ds.count,
      accuracy: correct / ds.count,
      seconds: (performance.now() - t0) / 1000,
      lr: optimizer.lr,
    };
    if (opts.validation) {
      const v = await evaluate(model, opts.validation, { threads: T, signal: opts.signal });
      info.valLoss = v.loss;
      info.valAccuracy = v.accuracy;
    }
    history.epochs.push(info);
    await opts.onEpoch?.(info);
  }
  return history;
}

export interface Evaluation {
  loss: number;
  accuracy: number;
  /** Accuracy of each true class. */
  perClass: number[];
  /** confusion[true][predicted] counts. */
  confusion: number[][];
  /** Predicted class of every sample. */
  predictions: Uint8Array;
}

export async function evaluate(
  model: Sequential,
  data: Dataset,
  opts: { threads?: number; batchSize?: number; signal?: AbortSignal } = {},
): Promise<Evaluation> {
  checkDataset(data, 'data');
  if (data.sampleShape.join() !== model.inputShape.join()) {
    throw new ArgumentError(`data: samples are [${data.sampleShape}], the model expects [${model.inputShape}]`, 'data');
  }
  const pool = getPool({ threads: opts.threads });
  const { key, spec, params } = prepare(model);
  const ds = shareDataset(data);
  // 64 per forward pass: as fast per image as larger passes (the convolutions run a few images
  // per GEMM anyway), and it keeps each worker's layer buffers small (peak memory).
  const batch = opts.batchSize ?? 64;
  const parts = splitRange(ds.count, pool.size * 4, batch);
  const args: EvalArgs[] = parts.map(([start, end]) => ({ key, spec, params, data: ds, start, end, batch }));
  const results = await pool.map<EvalResult>('nn.eval', args, { signal: opts.signal });
  const k = model.outputShape[0];
  const confusion = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const predictions = new Uint8Array(ds.count);
  let loss = 0;
  results.forEach((r, i) => {
    loss += r.loss;
    predictions.set(r.preds, parts[i][0]);
  });
  let correct = 0;
  for (let i = 0; i < ds.count; i++) {
    confusion[ds.labels[i]][predictions[i]]++;
    if (ds.labels[i] === predictions[i]) correct++;
  }
  const perClass = confusion.map((row, c) => {
    const n = row.reduce((a, b) => a + b, 0);
    return n === 0 ? Number.NaN : row[c] / n;
  });
  return { loss: loss / ds.count, accuracy: correct / ds.count, perClass, confusion, predictions };
}
