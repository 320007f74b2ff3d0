import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { subsetPerClass } from '../../src/io/fashion-mnist.js';
import { loadFashionMnist } from '../../src/io/node-fashion-mnist.js';
import { type Dataset, fromImageDataset } from '../../src/nn/data.js';
import { modelFromSpec } from '../../src/nn/model.js';
import { Adam } from '../../src/nn/optim.js';
import { presetSpec } from '../../src/nn/presets.js';
import { decodeCheckpoint, encodeCheckpoint } from '../../src/nn/serialize.js';
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

  it('fit(…, { signal }) aborted rejects with an AbortError', async () => {
    const c = new AbortController();
    c.abort();
    const m = modelFromSpec(small, { seed: 0 });
    await expect(fitModel(m, train, { epochs: 1, threads: 1, signal: c.signal })).rejects.toThrow(/abort/i);
  });
});
