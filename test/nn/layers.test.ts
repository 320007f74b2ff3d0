import { describe, expect, it } from 'vitest';
import type { LayerSpec } from '../../src/nn/layer.js';
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
