import { describe, expect, it } from 'vitest';
import { referenceFlopsPerImage, w8 } from '../../src/bench/workloads/w8-cnn.js';

describe('W8 workload', () => {
  it('referenceFlopsPerImage() makes one Fashion-MNIST epoch 1.34 TFLOP', () => {
    expect((referenceFlopsPerImage() * 60000) / 1e12).toBeCloseTo(1.338, 3);
  });

  it('w8.setup / run trains `batches` batches and returns a finite loss', async () => {
    const state = await w8.setup({ batches: 2, batch: 64 }, { seed: 1, threads: 1 });
    expect(state.data.count).toBe(128);
    const loss = (await w8.run(state)) as number;
    expect(Number.isFinite(loss)).toBe(true);
    expect(loss).toBeGreaterThan(1); // random labels: about ln 10
    expect(w8.work({ batches: 2 })).toEqual({ amount: 128 * referenceFlopsPerImage(), unit: 'FLOP' });
  });

  it('w8.anchors are PyTorch (python) and TensorFlow.js CPU and WASM (js, extrapolated)', () => {
    expect(w8.anchors.map((a) => `${a.kind}:${a.name}`)).toEqual(['python:torch', 'js:tfjs-cpu', 'js:tfjs-wasm']);
  });
});
