/** Every layer type, and building one from its JSON description. */
import { ArgumentError, ConvolabError } from '../../core/errors.js';
import type { Layer, LayerSpec } from '../layer.js';
import { Flatten, LeakyReLU, ReLU, Sigmoid, Tanh } from './activations.js';
import { BatchNorm1D, BatchNorm2D } from './batchnorm.js';
import { ConvTranspose2D, type ConvTranspose2DOptions } from './conv-transpose2d.js';
import { Conv2D, type Conv2DOptions } from './conv2d.js';
import { Dense, type DenseOptions } from './dense.js';
import { Dropout } from './dropout.js';
import { AvgPool2D, GlobalAvgPool, MaxPool2D, type Pool2DOptions } from './pool.js';
import { Upsample2D } from './upsample.js';

export { Flatten, LeakyReLU, ReLU, Sigmoid, Tanh } from './activations.js';
export { BatchNorm1D, BatchNorm2D, type BatchNormOptions } from './batchnorm.js';
export { ConvTranspose2D, type ConvTranspose2DOptions } from './conv-transpose2d.js';
export { Conv2D, type Conv2DOptions, convAxis, type Padding } from './conv2d.js';
export { Dense, type DenseOptions } from './dense.js';
export { Dropout } from './dropout.js';
export { AvgPool2D, GlobalAvgPool, MaxPool2D, type Pool2DOptions } from './pool.js';
export { Upsample2D } from './upsample.js';

// biome-ignore lint/suspicious/noExplicitAny: each constructor checks its own options.
const FACTORIES: Record<string, (o: any) => Layer> = {
  conv2d: (o: Conv2DOptions) => new Conv2D(o),
  conv_transpose2d: (o: ConvTranspose2DOptions) => new ConvTranspose2D(o),
  dense: (o: DenseOptions) => new Dense(o),
  maxpool2d: (o: Pool2DOptions) => new MaxPool2D(o),
  avgpool2d: (o: Pool2DOptions) => new AvgPool2D(o),
  global_avg_pool: () => new GlobalAvgPool(),
  flatten: () => new Flatten(),
  relu: () => new ReLU(),
  leaky_relu: (o) => new LeakyReLU(o),
  sigmoid: () => new Sigmoid(),
  tanh: () => new Tanh(),
  dropout: (o) => new Dropout(o),
  batchnorm2d: (o) => new BatchNorm2D(o),
  batchnorm1d: (o) => new BatchNorm1D(o),
  upsample2d: (o) => new Upsample2D(o),
};

export const LAYER_TYPES: readonly string[] = Object.keys(FACTORIES);

/** A layer from its description; errors name the path (e.g. `layers[2].filters`). */
export function layerFromSpec(spec: unknown, path = 'layer'): Layer {
  if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) {
    throw new ArgumentError(`${path}: expected an object { type, ... }, got ${JSON.stringify(spec)}`, path);
  }
  const type = (spec as LayerSpec).type;
  if (typeof type !== 'string' || !Object.hasOwn(FACTORIES, type)) {
    throw new ArgumentError(`${path}.type: expected one of ${LAYER_TYPES.join(', ')}, got ${JSON.stringify(type)}`, `${path}.type`);
  }
  try {
    return FACTORIES[type](spec);
  } catch (err) {
    if (err instanceof ConvolabError && err.arg !== undefined && !err.arg.startsWith(path)) {
      const arg = `${path}.${err.arg}`;
      throw new ArgumentError(`${arg}${err.message.slice(err.message.indexOf(':'))}`, arg, { cause: err });
    }
    throw err;
  }
}
