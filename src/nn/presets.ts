/**
 * Ready-made networks for 28 x 28 single-channel images with 10 classes (Fashion-MNIST).
 *   reference  DESIGN.md's W8 net: conv5x5 32 ReLU, maxpool 2, conv5x5 64 ReLU, maxpool 2,
 *              dense 128 ReLU, dense 10 (valid padding; 184,586 parameters)
 *   strong     same-padded 3x3 convs 32, 32 (28 x 28), 64 (14 x 14), each with batch norm, two
 *              max pools, dense 128, dropout 0.1 before each dense layer (431,018 trainable
 *              parameters). Its recipe (scripts/train-strong.mjs, `convolab train --model strong`):
 *              Adam lr 2e-3, batch 64, a cosine to 0 over the epochs, no augmentation; the
 *              dropout is light because a 20-minute budget (10-11 epochs) underfits rather than
 *              overfits: at 0.3 with lr 1e-3 it reached 92.94% after 10 epochs, and shifts or flips
 *              lowered that (docs/benchmarks.md). Raise it (model.json) for long runs with augmentation.
 */
import type { LayerSpec } from './layer.js';
import type { ModelSpec } from './model.js';

export const PRESETS = ['reference', 'strong'] as const;
export type PresetName = (typeof PRESETS)[number];

export function presetSpec(name: PresetName, inputShape: number[] = [1, 28, 28], classes = 10): ModelSpec {
  const layers: LayerSpec[] =
    name === 'reference'
      ? [
          { type: 'conv2d', filters: 32, kernelSize: 5 },
          { type: 'relu' },
          { type: 'maxpool2d', poolSize: 2 },
          { type: 'conv2d', filters: 64, kernelSize: 5 },
          { type: 'relu' },
          { type: 'maxpool2d', poolSize: 2 },
          { type: 'flatten' },
          { type: 'dense', units: 128 },
          { type: 'relu' },
          { type: 'dense', units: classes, init: 'glorot' },
        ]
      : [
          { type: 'conv2d', filters: 32, kernelSize: 3, padding: 'same', bias: false },
          { type: 'batchnorm2d' },
          { type: 'relu' },
          { type: 'conv2d', filters: 32, kernelSize: 3, padding: 'same', bias: false },
          { type: 'batchnorm2d' },
          { type: 'relu' },
          { type: 'maxpool2d', poolSize: 2 },
          { type: 'conv2d', filters: 64, kernelSize: 3, padding: 'same', bias: false },
          { type: 'batchnorm2d' },
          { type: 'relu' },
          { type: 'maxpool2d', poolSize: 2 },
          { type: 'flatten' },
          { type: 'dropout', rate: 0.1 },
          { type: 'dense', units: 128 },
          { type: 'relu' },
          { type: 'dropout', rate: 0.1 },
          { type: 'dense', units: classes, init: 'glorot' },
        ];
  return { format: 'convolab-model', version: 1, inputShape, layers };
}
