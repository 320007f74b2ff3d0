import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import type { LayerSpec } from '../../src/nn/layer.js';
import { imagesPerGemm } from '../../src/nn/layers/conv2d.js';
import { modelFromSpec } from '../../src/nn/model.js';
import { tensor } from '../../src/nn/tensor.js';
import { gradCheck } from './gradcheck.js';

const CASES: Array<[string, LayerSpec[], number[], { training?: boolean }?]> = [
  ['conv2d 3x3 valid', [{ type: 'conv2d', filters: 3, kernelSize: 3 }], [2, 6, 7]],
  ['conv2d 5x5 same', [{ type: 'conv2d', filters: 2, kernelSize: 5, padding: 'same' }], [1, 7, 6]],
  [
    'conv2d stride 2, padding 1, dilation 2',
    [{ type: 'conv2d', filters: 3, kernelSize: [3, 2], stride: 2, padding: 1, dilation: 2 }],
    [2, 9, 8],
  ],
  ['conv2d groups 2, no bias', [{ type: 'conv2d', filters: 4, kernelSize: 3, groups: 2, bias: false, padding: [1, 0] }], [4, 5, 6]],
  ['conv2d same, stride 2', [{ type: 'conv2d', filters: 2, kernelSize: 4, stride: 2, padding: 'same' }], [1, 7, 8]],
  ['dense', [{ type: 'dense', units: 5 }], [7]],
  ['dense glorot, no bias', [{ type: 'dense', units: 3, init: 'glorot', bias: false }], [4]],
  ['flatten + dense', [{ type: 'flatten' }, { type: 'dense', units: 3 }], [2, 3, 3]],
  ['relu', [{ type: 'relu' }], [3, 4, 4]],
  ['leaky_relu', [{ type: 'leaky_relu', alpha: 0.1 }], [3, 4, 4]],
  ['sigmoid', [{ type: 'sigmoid' }], [10]],
  ['tanh', [{ type: 'tanh' }], [10]],
  ['maxpool2d 2', [{ type: 'maxpool2d', poolSize: 2 }], [2, 6, 7]],
  ['maxpool2d 3 stride 2 padding 1', [{ type: 'maxpool2d', poolSize: 3, stride: 2, padding: 1 }], [2, 7, 7]],
  ['avgpool2d 2', [{ type: 'avgpool2d', poolSize: 2 }], [2, 6, 6]],
  ['avgpool2d 3 stride 2 padding 1', [{ type: 'avgpool2d', poolSize: 3, stride: 2, padding: 1 }], [2, 7, 6]],
  ['global_avg_pool', [{ type: 'global_avg_pool' }], [3, 4, 5]],
  ['dropout (training)', [{ type: 'dropout', rate: 0.3 }], [20]],
  ['batchnorm2d (training)', [{ type: 'batchnorm2d' }], [3, 4, 4]],
  ['batchnorm2d (inference)', [{ type: 'batchnorm2d' }], [3, 4, 4], { training: false }],
  ['batchnorm1d (training)', [{ type: 'batchnorm1d' }], [6]],
  [
    'conv_transpose2d stride 2',
    [{ type: 'conv_transpose2d', filters: 3, kernelSize: 3, stride: 2, padding: 1, outputPadding: 1 }],
    [2, 4, 5],
  ],
  ['conv_transpose2d groups 2 dilation 2', [{ type: 'conv_transpose2d', filters: 4, kernelSize: 2, groups: 2, dilation: 2 }], [2, 3, 3]],
  ['upsample2d [2, 3]', [{ type: 'upsample2d', scale: [2, 3] }], [2, 3, 2]],
  [
    'small CNN',
    [
      { type: 'conv2d', filters: 4, kernelSize: 3 },
      { type: 'relu' },
      { type: 'maxpool2d', poolSize: 2 },
      { type: 'flatten' },
      { type: 'dense', units: 3 },
    ],
    [1, 8, 8],
  ],
];

describe('backward (gradient checks against float64 finite differences)', () => {
  for (const [name, layers, shape, opts] of CASES) {
    it(`${name}: backward matches finite differences within 1e-3`, () => {
      const batch = name.startsWith('batchnorm1d') ? 5 : 2;
      const r = gradCheck(layers, shape, batch, opts);
      expect(r.params).toBeLessThan(1e-3);
      expect(r.input).toBeLessThan(1e-3);
    });
  }
});

describe('Conv2D over a batch in float32 (wasm GEMM, a few images per GEMM) matches float64 one image at a time', () => {
  it('imagesPerGemm(n, k, p) keeps the columns near 1 MiB: 5 images for the reference conv2, 18 for conv1, at least 1', () => {
    expect(imagesPerGemm(64, 800, 64)).toBe(5);
    expect(imagesPerGemm(64, 25, 576)).toBe(18);
    expect(imagesPerGemm(3, 25, 576)).toBe(3);
    expect(imagesPerGemm(64, 4096, 4096)).toBe(1);
  });

  // [name, layer, input shape, batch]: batches that split into chunks of imagesPerGemm images.
  const PARITY: Array<[string, LayerSpec, number[], number]> = [
    ["the reference net's second conv (chunks 5 + 2)", { type: 'conv2d', filters: 64, kernelSize: 5 }, [32, 12, 12], 7],
    [
      '3x3 same, no bias (one image per GEMM)',
      { type: 'conv2d', filters: 32, kernelSize: 3, padding: 'same', bias: false },
      [32, 28, 28],
      3,
    ],
    ['groups 2, padding 1 (chunks 5 + 1)', { type: 'conv2d', filters: 6, kernelSize: 3, groups: 2, padding: 1 }, [8, 40, 40], 6],
  ];
  for (const [name, spec, shape, batch] of PARITY) {
    it(`${name}: forward, input and parameter gradients agree within float32 rounding`, () => {
      const make = (dtype: 'float32' | 'float64') =>
        modelFromSpec({ format: 'convolab-model', version: 1, inputShape: shape, layers: [spec] }, { dtype, seed: 5 });
      const per = shape.reduce((a, b) => a * b, 1);
      const rng = new Rng(batch);
      const x64 = new Float64Array(batch * per).map(() => rng.random() * 2 - 1);
      const ctx = { training: true, rng: new Rng(0) };
      // float32, the whole batch
      const m32 = make('float32');
      const y32 = m32.forward(tensor([batch, ...shape], Float32Array.from(x64)), ctx);
      const outPer = y32.size / batch;
      const dy = new Float64Array(y32.size).map((_, i) => Math.sin(i));
      m32.zeroGrad();
      const dx32 = m32.backwardInput(tensor(y32.shape, Float32Array.from(dy)));
      // float64, one image at a time (no chunking), gradients summed
      const m64 = make('float64');
      m64.zeroGrad();
      let worstY = 0;
      let worstDx = 0;
      for (let b = 0; b < batch; b++) {
        const y = m64.forward(tensor([1, ...shape], x64.slice(b * per, (b + 1) * per)), ctx);
        for (let i = 0; i < outPer; i++) worstY = Math.max(worstY, Math.abs(y.data[i] - y32.data[b * outPer + i]));
        const dx = m64.backwardInput(tensor(y.shape, dy.slice(b * outPer, (b + 1) * outPer)));
        for (let i = 0; i < per; i++) worstDx = Math.max(worstDx, Math.abs(dx.data[i] - dx32.data[b * per + i]));
      }
      let worstG = 0;
      for (let i = 0; i < m64.grads.length; i++) worstG = Math.max(worstG, Math.abs(m64.grads[i] - m32.grads[i]));
      expect(worstY).toBeLessThan(1e-4);
      expect(worstDx).toBeLessThan(1e-4);
      expect(worstG).toBeLessThan(1e-5 * batch * shape[1] * shape[2]);
    });
  }
});
