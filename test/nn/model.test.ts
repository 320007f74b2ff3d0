import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { checkSpec, modelFromSpec } from '../../src/nn/model.js';
import { presetSpec } from '../../src/nn/presets.js';
import { tensor } from '../../src/nn/tensor.js';

describe('Sequential', () => {
  it('modelFromSpec(reference).summary() lists shapes and the 184,586 parameters', () => {
    const m = modelFromSpec(presetSpec('reference'));
    const s = m.summary();
    expect(s).toContain('0: conv2d     [N, 32, 24, 24]      832');
    expect(s).toContain('3: conv2d     [N, 64, 8, 8]     51,264');
    expect(s).toContain('7: dense      [N, 128]         131,200');
    expect(s).toContain('Total params: 184,586');
    expect(m.outputShape).toEqual([10]);
  });

  it('modelFromSpec(…, { seed }) initialises reproducibly, He-scaled', () => {
    const a = modelFromSpec(presetSpec('reference'), { seed: 9 });
    const b = modelFromSpec(presetSpec('reference'), { seed: 9 });
    expect([...a.params]).toEqual([...b.params]);
    const w = a.entries[0].param.value; // conv1 weight, fan-in 25: std sqrt(2/25) = 0.283
    const std = Math.sqrt(Array.from(w).reduce((s, v) => s + v * v, 0) / w.length);
    expect(std).toBeGreaterThan(0.22);
    expect(std).toBeLessThan(0.34);
    expect([...a.entries[1].param.value].every((v) => v === 0)).toBe(true); // bias
  });

  it('forward refuses a batch of the wrong shape, naming x', () => {
    const m = modelFromSpec(presetSpec('reference'));
    expect(() => m.forward(tensor([2, 1, 27, 28], new Float32Array(2 * 27 * 28)), { training: false, rng: new Rng(0) })).toThrow(
      /x: expected a batch \[N, 1, 28, 28\], got \[2, 1, 27, 28\]/,
    );
  });

  it('checkSpec names the failing path', () => {
    expect(() => checkSpec({ format: 'convolab-model', version: 2 })).toThrow(/version: expected 1/);
    expect(() => checkSpec({ format: 'x' })).toThrow(/format: expected "convolab-model"/);
    expect(() => checkSpec({ format: 'convolab-model', version: 1, inputShape: [1], layers: [] })).toThrow(
      /layers: expected a non-empty array/,
    );
    expect(() => checkSpec({ format: 'convolab-model', version: 1, inputShape: [1], layers: [{}], classes: [1] })).toThrow(
      /classes\[0\]: expected a string/,
    );
  });

  it('a layer that does not fit the input names the layer', () => {
    expect(() =>
      modelFromSpec({
        format: 'convolab-model',
        version: 1,
        inputShape: [1, 4, 4],
        layers: [{ type: 'conv2d', filters: 2, kernelSize: 5 }],
      }),
    ).toThrow(/layers\[0\] \(conv2d\): conv2d: kernel \[5, 5\]/);
    expect(() =>
      modelFromSpec({ format: 'convolab-model', version: 1, inputShape: [1, 4, 4], layers: [{ type: 'dense', units: 2 }] }),
    ).toThrow(/add a flatten layer/);
  });
});
