/**
 * Ready-made networks for 28 x 28 single-channel images with 10 classes (Fashion-MNIST).
 *   reference  DESIGN.md's W8 net: conv5x5 32 ReLU, maxpool 2, conv5x5 64 ReLU, maxpool 2,
 *              dense 128 ReLU, dense 10 (valid padding; 184,586 parameters)
 *   strong     batch norm and dropout, same-padded 3x3 convs (train with augmentation)
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
          { type: 'dropout', rate: 0.3 },
          { type: 'dense', units: 128 },
          { type: 'relu' },
          { type: 'dropout', rate: 0.3 },
          { type: 'dense', units: classes, init: 'glorot' },
        ];
  return { format: 'convolab-model', version: 1, inputShape, layers };
}
