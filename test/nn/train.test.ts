import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { subsetPerClass } from '../../src/io/fashion-mnist.js';
import { loadFashionMnist } from '../../src/io/node-fashion-mnist.js';
import { type Dataset, fillBatch, fromImageDataset } from '../../src/nn/data.js';
import { softmaxCrossEntropy } from '../../src/nn/loss.js';
import { modelFromSpec } from '../../src/nn/model.js';
import { Adam } from '../../src/nn/optim.js';
import { presetSpec } from '../../src/nn/presets.js';
import { decodeCheckpoint, encodeCheckpoint } from '../../src/nn/serialize.js';
import { tensor } from '../../src/nn/tensor.js';
import { evaluate, fit as fitModel } from '../../src/nn/train.js';
import { destroyPools } from '../../src/parallel/get-pool.js';

let train: Dataset;
let test: Dataset;

beforeAll(() => {
  const fm = loadFashionMnist();
  train = fromImageDataset(subsetPerClass(fm.train, 200)); // 2,000 images
  test = fromImageDataset(subsetPerClass(fm.test, 100)); // 1,000 images
  // Worker threads load the built dist/ (src/parallel/tasks.ts lists nn.grad / nn.eval).
  try {
    execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: join(import.meta.dirname, '../..'), stdio: 'ignore' });
  } catch {
    // tsc still emits when another file has type errors.
  }
}, 120_000);

const small = {
  format: 'convolab-model' as const,
  version: 1 as const,
  inputShape: [1, 28, 28],
  layers: [
    { type: 'conv2d', filters: 4, kernelSize: 5, stride: 2 },
    { type: 'relu' },
    { type: 'maxpool2d', poolSize: 2 },
    { type: 'flatten' },
    { type: 'dropout', rate: 0.2 },
    { type: 'dense', units: 10 },
  ],
};

describe('fit / evaluate', () => {
  it('fit(reference, 2,000 images, 2 epochs) reaches well above chance on 1,000 test images', async () => {
    const model = modelFromSpec(presetSpec('reference'), { seed: 0 });
    const epochs: number[] = [];
    const h = await fitModel(model, train, { epochs: 2, threads: 1, seed: 0, onEpoch: (e) => void epochs.push(e.epoch) });
    expect(epochs).toEqual([0, 1]);
    expect(h.epochs[1].loss).toBeLessThan(h.epochs[0].loss);
    const ev = await evaluate(model, test, { threads: 1 });
    expect(ev.accuracy).toBeGreaterThan(0.65); // chance is 0.10
    expect(ev.confusion.flat().reduce((a, b) => a + b, 0)).toBe(1000);
    expect(ev.perClass).toHaveLength(10);
    expect(ev.perClass[1]).toBeGreaterThan(0.8); // trousers are easy
  }, 120_000);

  it('fit(…, { seed }) is deterministic for a seed and thread count (1 and 2 threads)', async () => {
    for (const threads of [1, 2]) {
      const run = async () => {
        const m = modelFromSpec(small, { seed: 3 });
        await fitModel(m, train, { epochs: 1, threads, seed: 5, augment: { shift: 2, flip: true } });
        return Float32Array.from(m.params);
      };
      const a = await run();
      const b = await run();
      expect(Buffer.from(a.buffer).equals(Buffer.from(b.buffer))).toBe(true);
    }
    await destroyPools();
  }, 120_000);

  it('fit with 2 threads matches 1 thread up to float32 summation order', async () => {
    const params = [];
    for (const threads of [1, 2]) {
      const m = modelFromSpec({ ...small, layers: small.layers.filter((l) => l.type !== 'dropout') }, { seed: 3 });
      await fitModel(m, train, { epochs: 1, threads, seed: 5, batchSize: 50 });
      params.push(Float32Array.from(m.params));
    }
    let worst = 0;
    for (let i = 0; i < params[0].length; i++) worst = Math.max(worst, Math.abs(params[0][i] - params[1][i]));
    expect(worst).toBeLessThan(5e-3);
    await destroyPools();
  }, 120_000);

  it('fit resumed from a checkpoint after epoch 1 ends with the same weights as 2 uninterrupted epochs', async () => {
    const full = modelFromSpec(small, { seed: 1 });
    await fitModel(full, train, { epochs: 2, threads: 1, seed: 2 });

    const first = modelFromSpec(small, { seed: 1 });
    const opt1 = new Adam(first);
    let bytes: Uint8Array = new Uint8Array(0);
    await fitModel(first, train, {
      epochs: 1,
      threads: 1,
      seed: 2,
      optimizer: opt1,
      onEpoch: (e) => void (bytes = encodeCheckpoint(first, opt1, { epoch: e.epoch + 1, meta: {} })),
    });
    const ck = decodeCheckpoint(bytes);
    const resumed = modelFromSpec(ck.spec, { params: ck.params });
    const opt2 = new Adam(resumed, { lr: ck.optimizer.lr });
    opt2.load(ck.optimizer);
    await fitModel(resumed, train, { epochs: 2, threads: 1, seed: 2, optimizer: opt2, initialEpoch: ck.epoch });
    expect(Buffer.from(Float32Array.from(resumed.params).buffer).equals(Buffer.from(Float32Array.from(full.params).buffer))).toBe(true);
  }, 120_000);

  it('fit stops on a non-finite loss and reports where', async () => {
    const images = new Float32Array(20 * 784).fill(0.5);
    images[3 * 784 + 5] = Number.POSITIVE_INFINITY;
    const bad: Dataset = { count: 20, sampleShape: [1, 28, 28], images, labels: new Uint8Array(20), classes: train.classes };
    const m = modelFromSpec(small, { seed: 0 });
    const h = await fitModel(m, bad, { epochs: 1, threads: 1, batchSize: 10, shuffle: false });
    expect(h.stopped?.reason).toBe('non-finite-loss');
    expect(h.stopped?.batch).toBe(0);
    expect(h.stopped?.message).toMatch(/loss became NaN|loss became Infinity/);
    expect(h.epochs).toHaveLength(0);
  });

  it('fit rejects data whose samples do not fit the model, naming data', async () => {
    const m = modelFromSpec({ ...small, inputShape: [1, 32, 32] }, { seed: 0 });
    await expect(fitModel(m, train, { epochs: 1, threads: 1 })).rejects.toThrow(
      /data: samples are \[1,28,28\], the model expects \[1,32,32\]/,
    );
  });

  it("fit(…, { schedule, scheduleBy: 'batch' }) sets the rate before every batch from the fractional epoch", async () => {
    const m = modelFromSpec(small, { seed: 0 });
    const opt = new Adam(m);
    const seen: number[] = [];
    const schedule = (e: number) => 1e-3 * (1 + e);
    const sub = fromImageDataset(subsetPerClass(loadFashionMnist().train, 10)); // 100 images, 4 batches of 25
    await fitModel(m, sub, {
      epochs: 2,
      threads: 1,
      batchSize: 25,
      optimizer: opt,
      schedule,
      scheduleBy: 'batch',
      onBatch: () => void seen.push(opt.lr),
    });
    expect(seen).toHaveLength(8);
    for (const [i, lr] of seen.entries()) expect(lr).toBeCloseTo(1e-3 * (1 + i / 4), 12);
  });

  it('fit(…, { labelSmoothing: 0.2 }) reports the smoothed loss of its first batch, and rejects 1', async () => {
    const sub = fromImageDataset(subsetPerClass(loadFashionMnist().train, 10));
    const spec = { ...small, layers: small.layers.filter((l) => l.type !== 'dropout') };
    const before = modelFromSpec(spec, { seed: 0 });
    const xs = new Float32Array(25 * 784);
    fillBatch(
      sub,
      Int32Array.from({ length: 25 }, (_, i) => i),
      0,
      25,
      xs,
    );
    const x = tensor([25, 1, 28, 28], xs);
    const logits = before.forward(x, { training: true, rng: new Rng(0) });
    const want = softmaxCrossEntropy(logits, sub.labels.subarray(0, 25), 0.2).loss;
    const m = modelFromSpec(spec, { seed: 0 });
    const first: number[] = [];
    await fitModel(m, sub, {
      epochs: 1,
      threads: 1,
      batchSize: 25,
      shuffle: false,
      labelSmoothing: 0.2,
      onBatch: (b) => void first.push(b.loss),
    });
    expect(first[0]).toBeCloseTo(want, 5);
    expect(first[0]).not.toBeCloseTo(softmaxCrossEntropy(logits, sub.labels.subarray(0, 25)).loss, 3);
    await expect(fitModel(m, sub, { epochs: 1, threads: 1, labelSmoothing: 1 })).rejects.toThrow(/labelSmoothing/);
  });

  it('fit(…, { signal }) aborted rejects with an AbortError', async () => {
    const c = new AbortController();
    c.abort();
    const m = modelFromSpec(small, { seed: 0 });
    await expect(fitModel(m, train, { epochs: 1, threads: 1, signal: c.signal })).rejects.toThrow(/abort/i);
  });
});
