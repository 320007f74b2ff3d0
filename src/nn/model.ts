/**
 * A sequential network: layers applied in order to a batch. All parameters live in one flat
 * array (and their gradients in another), each layer's `Param.value` / `grad` a view into
 * it, so optimisers, saving and the cross-worker gradient sum work on one array each.
 */
import { ArgumentError, ShapeError } from '../core/errors.js';
import { Rng } from '../core/rng.js';
import { formatShape, sameShape } from '../core/shape.js';
import { initParam } from './init.js';
import type { ForwardContext, Layer, LayerSpec, Param } from './layer.js';
import { ReLU } from './layers/activations.js';
import { BatchNorm1D, BatchNorm2D } from './layers/batchnorm.js';
import { layerFromSpec } from './layers/index.js';
import { type Floats, floatsLike, type NNDType, type Tensor } from './tensor.js';

/** The JSON description of a model (saved as model.json). */
export interface ModelSpec {
  format: 'convolab-model';
  version: 1;
  /** Per-sample input shape, e.g. [1, 28, 28]. */
  inputShape: number[];
  layers: LayerSpec[];
  /** Class names, index = label (optional). */
  classes?: string[];
}

export interface ModelOptions {
  /** Per-sample input shape, e.g. [1, 28, 28]. */
  inputShape: number[];
  /** 'float32' (default) or 'float64' (gradient checks). */
  dtype?: NNDType;
  /** Seed of the initialisers; default 0. */
  seed?: number;
  /** Class names. */
  classes?: string[];
  /** Use this storage for the parameters (e.g. a SharedArrayBuffer view) instead of initialising new. */
  params?: Floats;
}

export interface ParamEntry {
  layer: number;
  param: Param;
  offset: number;
  size: number;
}

export class Sequential {
  readonly layers: Layer[];
  readonly inputShape: number[];
  readonly outputShape: number[];
  readonly dtype: NNDType;
  readonly classes: string[] | undefined;
  /** Every parameter, flat, in layer order. */
  params: Floats;
  /** Their gradients, the same layout. */
  grads: Floats;
  readonly entries: ParamEntry[];

  constructor(layers: Layer[], opts: ModelOptions) {
    if (!Array.isArray(layers) || layers.length === 0) throw new ArgumentError('layers: expected a non-empty array of layers', 'layers');
    if (!Array.isArray(opts.inputShape) || opts.inputShape.some((d) => !Number.isInteger(d) || d < 1)) {
      throw new ArgumentError(`inputShape: expected positive integers, got ${JSON.stringify(opts.inputShape)}`, 'inputShape');
    }
    this.layers = layers;
    this.inputShape = [...opts.inputShape];
    this.dtype = opts.dtype ?? 'float32';
    this.classes = opts.classes;
    let shape = this.inputShape;
    const entries: ParamEntry[] = [];
    let total = 0;
    layers.forEach((layer, i) => {
      try {
        shape = layer.build(shape);
      } catch (err) {
        if (err instanceof ShapeError) throw new ShapeError(`layers[${i}] (${layer.type}): ${err.message}`, `layers[${i}]`, { cause: err });
        throw err;
      }
      for (const p of layer.params) {
        const size = p.shape.reduce((a, b) => a * b, 1);
        entries.push({ layer: i, param: p, offset: total, size });
        total += size;
      }
    });
    this.outputShape = shape;
    this.entries = entries;
    if (opts.params !== undefined && opts.params.length !== total) {
      throw new ShapeError(`params: expected ${total} values for this model, got ${opts.params.length}`, 'params');
    }
    this.params = opts.params ?? floatsLike(this.dtype, total);
    this.grads = floatsLike(this.dtype, total);
    this.bind();
    if (opts.params === undefined) {
      const rng = new Rng(opts.seed ?? 0);
      for (const e of entries) initParam(e.param, rng);
    }
  }

  /** Point every Param at its slice of `params` / `grads`. */
  private bind(): void {
    for (const e of this.entries) {
      e.param.value = this.params.subarray(e.offset, e.offset + e.size);
      e.param.grad = this.grads.subarray(e.offset, e.offset + e.size);
    }
  }

  /** Move the parameters into `storage` (same length, e.g. a SharedArrayBuffer view), keeping their values. */
  setParamStorage(storage: Floats): void {
    if (storage.length !== this.params.length)
      throw new ShapeError(`storage: expected ${this.params.length} values, got ${storage.length}`, 'storage');
    storage.set(this.params);
    this.params = storage;
    this.bind();
  }

  /** Use `storage` (same length) as the parameters as they are, without copying (e.g. another view of shared memory). */
  useParamStorage(storage: Floats): void {
    if (storage.length !== this.params.length)
      throw new ShapeError(`storage: expected ${this.params.length} values, got ${storage.length}`, 'storage');
    this.params = storage;
    this.bind();
  }

  /** Use `grads` (same length) as the gradient storage, e.g. a worker's shared slot. */
  setGradStorage(grads: Floats): void {
    if (grads.length !== this.grads.length)
      throw new ShapeError(`grads: expected ${this.grads.length} values, got ${grads.length}`, 'grads');
    this.grads = grads;
    this.bind();
  }

  /** [start, end) ranges of `params` that optimisers update (not running statistics). */
  trainableRanges(): Array<[number, number]> {
    return this.entries.filter((e) => e.param.trainable).map((e) => [e.offset, e.offset + e.size]);
  }

  get paramCount(): number {
    return this.params.length;
  }

  /** Checks x [N, ...inputShape] and runs every layer. */
  forward(x: Tensor, ctx: ForwardContext): Tensor {
    if (x.ndim !== this.inputShape.length + 1 || !sameShape(x.shape.slice(1), this.inputShape)) {
      throw new ShapeError(`x: expected a batch [N, ${this.inputShape.join(', ')}], got ${formatShape(x.shape)}`, 'x');
    }
    if (x.dtype !== this.dtype) throw new ShapeError(`x: expected ${this.dtype} data for this model, got ${x.dtype}`, 'x');
    let y = x;
    for (const layer of this.layers) y = layer.forward(y, ctx);
    return y;
  }

  /** Back-propagates dL/d(output) through every layer, adding into `grads`; the input gradient is not computed. */
  backward(dy: Tensor): void {
    let d: Tensor | null = dy;
    for (let i = this.layers.length - 1; i >= 0 && d !== null; i--) d = this.layers[i].backward(d, i > 0);
  }

  /** backward, returning dL/dx too (for gradient checks and saliency). */
  backwardInput(dy: Tensor): Tensor {
    let d = dy;
    for (let i = this.layers.length - 1; i >= 0; i--) d = this.layers[i].backward(d, true) as Tensor;
    return d;
  }

  /**
   * Float32 only: every BatchNorm followed by a ReLU then runs both in one pass (the network's
   * output and gradients are the same; the BatchNorm's own output is then after the ReLU, so
   * code that reads single layers' outputs, like feature maps, should not call this). The
   * training and evaluation workers call it on their replicas.
   */
  fuseActivations(): void {
    if (this.dtype !== 'float32') return;
    for (let i = 0; i + 1 < this.layers.length; i++) {
      const [a, b] = [this.layers[i], this.layers[i + 1]];
      if ((a instanceof BatchNorm2D || a instanceof BatchNorm1D) && b instanceof ReLU) {
        a.fuseRelu = true;
        b.fused = true;
      }
    }
  }

  zeroGrad(): void {
    this.grads.fill(0);
  }

  spec(): ModelSpec {
    const s: ModelSpec = {
      format: 'convolab-model',
      version: 1,
      inputShape: [...this.inputShape],
      layers: this.layers.map((l) => l.spec()),
    };
    if (this.classes !== undefined) s.classes = [...this.classes];
    return s;
  }

  /** A Keras-like table: layer, output shape, parameter count. */
  summary(): string {
    const rows: string[][] = [['Layer (type)', 'Output shape', 'Params']];
    this.layers.forEach((l, i) => {
      const n = l.params.filter((p) => p.trainable).reduce((a, p) => a + p.shape.reduce((x, y) => x * y, 1), 0);
      rows.push([`${i}: ${l.type}`, `[N, ${l.outShape.join(', ')}]`, n.toLocaleString('en-US')]);
    });
    const w = [0, 1, 2].map((c) => Math.max(...rows.map((r) => r[c].length)));
    const line = (r: string[]) => `${r[0].padEnd(w[0])}  ${r[1].padEnd(w[1])}  ${r[2].padStart(w[2])}`;
    const rule = '-'.repeat(w[0] + w[1] + w[2] + 4);
    const trainable = this.trainableRanges().reduce((a, [s, e]) => a + e - s, 0);
    return [
      `Input: [N, ${this.inputShape.join(', ')}]`,
      rule,
      line(rows[0]),
      rule,
      ...rows.slice(1).map(line),
      rule,
      `Trainable params: ${trainable.toLocaleString('en-US')}`,
      `Total params: ${this.paramCount.toLocaleString('en-US')}`,
    ].join('\n');
  }
}

/** A model from its description (validated; errors name the failing path). */
export function modelFromSpec(spec: unknown, opts: Omit<ModelOptions, 'inputShape' | 'classes'> = {}): Sequential {
  const s = checkSpec(spec);
  const layers = s.layers.map((l, i) => layerFromSpec(l, `layers[${i}]`));
  return new Sequential(layers, { ...opts, inputShape: s.inputShape, classes: s.classes });
}

/** Validates a parsed model.json against the schema; the error names the failing path. */
export function checkSpec(spec: unknown): ModelSpec {
  const fail = (path: string, want: string, got: unknown): never => {
    throw new ArgumentError(`${path}: expected ${want}, got ${JSON.stringify(got)}`, path);
  };
  if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) fail('model', 'an object', spec);
  const s = spec as Record<string, unknown>;
  if (s.format !== 'convolab-model') fail('format', '"convolab-model"', s.format);
  if (s.version !== 1) fail('version', '1', s.version);
  const shape = s.inputShape;
  if (!Array.isArray(shape) || shape.length === 0) fail('inputShape', 'a non-empty array of positive integers', shape);
  (shape as unknown[]).forEach((d, i) => {
    if (typeof d !== 'number' || !Number.isInteger(d) || d < 1) fail(`inputShape[${i}]`, 'a positive integer', d);
  });
  if (!Array.isArray(s.layers) || s.layers.length === 0) fail('layers', 'a non-empty array', s.layers);
  if (s.classes !== undefined) {
    if (!Array.isArray(s.classes)) fail('classes', 'an array of strings', s.classes);
    (s.classes as unknown[]).forEach((c, i) => {
      if (typeof c !== 'string') fail(`classes[${i}]`, 'a string', c);
    });
  }
  return s as unknown as ModelSpec;
}
