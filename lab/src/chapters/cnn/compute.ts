/**
 * The chapter's compute, shared by its worker and its Node test: the small network it trains,
 * the subset it trains on, and what it shows of a model — the first layer's kernels, every
 * layer's feature maps for one garment and the predicted probabilities.
 */
import { ShapeError } from '../../../../src/core/errors.js';
import { Rng } from '../../../../src/core/rng.js';
import { decodeFashionMnistCache, FASHION_MNIST_CLASSES, type ImageDataset } from '../../../../src/io/fashion-mnist.js';
import { type Dataset, fromImageDataset } from '../../../../src/nn/data.js';
import { softmax } from '../../../../src/nn/loss.js';
import { type ModelSpec, modelFromSpec, type Sequential } from '../../../../src/nn/model.js';
import { tensor } from '../../../../src/nn/tensor.js';

/** Served by the lab at /samples/ (written by scripts/make-lab-data.mjs: 200 train + 50 test per class). */
export const SUBSET_URL = '/samples/fashion-mnist-subset.bin';

/**
 * The network trained in the page: small enough to learn visibly within seconds on one thread.
 * conv 5x5 x8 ReLU → maxpool 2 → conv 3x3 x16 ReLU → maxpool 2 → dense 10 (5,258 parameters).
 * 5x5 first-layer kernels are large enough to read as pictures beside chapter 1's Sobel kernels.
 */
export function labSpec(classes: readonly string[] = FASHION_MNIST_CLASSES): ModelSpec {
  return {
    format: 'convolab-model',
    version: 1,
    inputShape: [1, 28, 28],
    classes: [...classes],
    layers: [
      { type: 'conv2d', filters: 8, kernelSize: 5 },
      { type: 'relu' },
      { type: 'maxpool2d', poolSize: 2 },
      { type: 'conv2d', filters: 16, kernelSize: 3 },
      { type: 'relu' },
      { type: 'maxpool2d', poolSize: 2 },
      { type: 'flatten' },
      { type: 'dense', units: 10, init: 'glorot' },
    ],
  };
}

export interface Subset {
  train: Dataset;
  test: Dataset;
  /** The test split as uint8 images, for the garment picker. */
  testImages: ImageDataset;
}

/** The subset file's bytes as training and test datasets. */
export function decodeSubset(bytes: Uint8Array): Subset {
  const fm = decodeFashionMnistCache(bytes, SUBSET_URL);
  return { train: fromImageDataset(fm.train), test: fromImageDataset(fm.test), testImages: fm.test };
}

/** Throws when `model` cannot classify `data`'s images (another input shape or class count), naming `name`. */
export function checkFits(model: Sequential, data: Dataset, name = 'model.json'): void {
  if (model.inputShape.join() !== data.sampleShape.join())
    throw new ShapeError(`${name}: inputShape is [${model.inputShape}], but these images are [${data.sampleShape}]`, 'model');
  if (model.outputShape.join() !== String(data.classes.length))
    throw new ShapeError(`${name}: the model outputs [${model.outputShape}], expected [${data.classes.length}] class scores`, 'model');
}

/** Image `i` of a uint8 dataset scaled to [0, 1] (as training sees it) — [784]. */
export function sampleOf(ds: ImageDataset, i: number): Float32Array {
  const px = ds.height * ds.width;
  if (!Number.isInteger(i) || i < 0 || i >= ds.count) throw new RangeError(`index: expected an integer in 0..${ds.count - 1}, got ${i}`);
  return Float32Array.from(ds.images.subarray(i * px, (i + 1) * px), (v) => v / 255);
}

/** A few test indices per class (the first `perClass` of each), for the picker. */
export function pickerIndices(ds: ImageDataset, perClass: number): number[] {
  const taken = new Array(ds.classes.length).fill(0);
  const out: number[] = [];
  for (let i = 0; i < ds.count; i++) {
    const k = ds.labels[i];
    if (taken[k] < perClass) {
      taken[k]++;
      out.push(i);
    }
  }
  return out.sort((a, b) => ds.labels[a] - ds.labels[b] || a - b);
}

/** The first conv layer's kernels: [filters, inChannels, kh, kw] flattened, or undefined when the model has none. */
export interface Filters {
  shape: [number, number, number, number];
  data: Float32Array;
}

export function firstFilters(model: Sequential): Filters | undefined {
  const e = model.entries.find((x) => model.layers[x.layer].type === 'conv2d' && x.param.shape.length === 4);
  if (e === undefined) return undefined;
  const [f, c, kh, kw] = e.param.shape;
  return { shape: [f, c, kh, kw], data: Float32Array.from(model.params.subarray(e.offset, e.offset + e.size)) };
}

/** One layer's output for a single image: [C, H, W] maps or a [units] vector. */
export interface LayerOutput {
  index: number;
  type: string;
  shape: number[];
  data: Float32Array;
}

export interface Inspection {
  layers: LayerOutput[];
  /** Softmax of the last layer's output. */
  probs: Float32Array;
}

/** Runs `x` [C*H*W] through every layer (inference mode), keeping a copy of each output. */
export function inspect(model: Sequential, x: Float32Array): Inspection {
  const ctx = { training: false, rng: new Rng(0) };
  let y = tensor([1, ...model.inputShape], x);
  const layers: LayerOutput[] = [];
  model.layers.forEach((layer, index) => {
    y = layer.forward(y, ctx);
    layers.push({ index, type: layer.type, shape: y.shape.slice(1), data: Float32Array.from(y.data) });
  });
  const last = layers[layers.length - 1];
  const probs = softmax(tensor([1, last.data.length], last.data)).data as Float32Array;
  return { layers, probs };
}

/** The layers worth drawing as feature maps: those with [C, H, W] outputs. */
export function mapLayers(ins: Inspection): LayerOutput[] {
  return ins.layers.filter((l) => l.shape.length === 3);
}

/** Index of the largest value (the predicted class of a probability vector). */
export function argmax(v: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < v.length; i++) if (v[i] > v[best]) best = i;
  return best;
}

/** Sobel x / y, the hand-made kernels of chapter 1, for the comparison beside the learned ones. */
export const SOBEL: readonly { name: string; kernel: number[][] }[] = [
  {
    name: 'Sobel x',
    kernel: [
      [-1, 0, 1],
      [-2, 0, 2],
      [-1, 0, 1],
    ],
  },
  {
    name: 'Sobel y',
    kernel: [
      [-1, -2, -1],
      [0, 0, 0],
      [1, 2, 1],
    ],
  },
];

/**
 * The hand-made kernels as a network layer: one conv2d (3×3, same padding, no bias) whose two
 * kernels are set to Sobel x and y instead of learned — the same engine, the weights chosen by hand.
 */
export function sobelNet(): Sequential {
  const spec: ModelSpec = {
    format: 'convolab-model',
    version: 1,
    inputShape: [1, 28, 28],
    layers: [{ type: 'conv2d', filters: SOBEL.length, kernelSize: 3, padding: 'same', bias: false }],
  };
  const net = modelFromSpec(spec);
  net.params.set(SOBEL.flatMap((s) => s.kernel.flat())); // [2, 1, 3, 3]
  return net;
}
