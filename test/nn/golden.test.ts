import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { mse, softmaxCrossEntropy } from '../../src/nn/loss.js';
import { modelFromSpec } from '../../src/nn/model.js';
import { Adam } from '../../src/nn/optim.js';
import { tensor } from '../../src/nn/tensor.js';

interface Golden {
  layers: Array<{ type: string }>;
  inputShape: number[];
  input: number[];
  target: number[];
  targetShape: number[];
  loss_kind: 'ce' | 'mse';
  params: number[];
  output: number[];
  outputShape: number[];
  loss: number;
  grads: number[];
  adam: { lr: number };
  params_after_adam: number[];
}

function maxRel(got: ArrayLike<number>, want: number[]): number {
  let scale = 0;
  let err = 0;
  for (let i = 0; i < want.length; i++) {
    scale = Math.max(scale, Math.abs(want[i]));
    err = Math.max(err, Math.abs(got[i] - want[i]));
  }
  return err / Math.max(scale, 1e-12);
}

describe('PyTorch golden files (scripts/golden/nn.py)', () => {
  for (const name of ['tiny-cnn', 'tiny-decoder', 'tiny-gap']) {
    const g: Golden = JSON.parse(readFileSync(join(import.meta.dirname, '../golden/nn', `${name}.json`), 'utf8'));
    it(`${name}: forward, loss, gradients and one Adam step match torch`, () => {
      const model = modelFromSpec(
        { format: 'convolab-model', version: 1, inputShape: g.inputShape, layers: g.layers },
        { params: Float32Array.from(g.params) },
      );
      const x = tensor([g.input.length / g.inputShape.reduce((a, b) => a * b, 1), ...g.inputShape], Float32Array.from(g.input));
      const y = model.forward(x, { training: true, rng: new Rng(0) });
      expect(y.shape).toEqual(g.outputShape);
      expect(maxRel(y.data, g.output)).toBeLessThan(1e-5);
      const r = g.loss_kind === 'ce' ? softmaxCrossEntropy(y, g.target) : mse(y, tensor(g.targetShape, Float32Array.from(g.target)));
      expect(r.loss).toBeCloseTo(g.loss, 5);
      model.zeroGrad();
      model.backward(r.grad);
      const trainable: number[] = [];
      for (const [s, e] of model.trainableRanges()) for (let i = s; i < e; i++) trainable.push(model.grads[i]);
      expect(trainable.length).toBe(g.grads.length);
      expect(maxRel(trainable, g.grads)).toBeLessThan(1e-4);
      new Adam(model, { lr: g.adam.lr }).step();
      expect(maxRel(model.params, g.params_after_adam)).toBeLessThan(1e-5);
    });
  }
});
