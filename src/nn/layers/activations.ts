/**
 * Element-wise activations and Flatten. Each keeps what its backward needs (the output for
 * ReLU / Sigmoid / Tanh, the input for LeakyReLU) and writes into a reused buffer.
 */
import { type ForwardContext, Layer, type LayerSpec } from '../layer.js';
import { Buffer, type Tensor, tensor } from '../tensor.js';
import { reluF32, reluGradF32 } from '../wasm-ops.js';
import { finiteIn } from './options.js';

abstract class Elementwise extends Layer {
  protected y: Tensor | undefined;
  protected x: Tensor | undefined;
  private readonly out = new Buffer();
  private readonly dx = new Buffer();

  protected setup(inShape: number[]): number[] {
    return [...inShape];
  }

  /** y[i] = f(x[i]) */
  protected abstract f(x: number): number;
  /** dL/dx[i] from dy, x, y */
  protected abstract df(dy: number, x: number, y: number): number;

  forward(x: Tensor, _ctx: ForwardContext): Tensor {
    const y = this.out.get(x.dtype, x.size);
    const xd = x.data;
    for (let i = 0; i < y.length; i++) y[i] = this.f(xd[i]);
    this.x = x;
    this.y = tensor(x.shape, y);
    return this.y;
  }

  backward(dy: Tensor, needDx: boolean): Tensor | null {
    if (!needDx) return null;
    const x = (this.x as Tensor).data;
    const y = (this.y as Tensor).data;
    const dx = this.dx.get(dy.dtype, dy.size);
    const d = dy.data;
    for (let i = 0; i < dx.length; i++) dx[i] = this.df(d[i], x[i], y[i]);
    return tensor(dy.shape, dx);
  }

  spec(): LayerSpec {
    return { type: this.type };
  }
}

export class ReLU extends Elementwise {
  readonly type = 'relu';
  protected f(x: number): number {
    return Math.max(x, 0);
  }
  protected df(dy: number, x: number): number {
    return x > 0 ? dy : 0;
  }
  /**
   * Set by Sequential.fuseActivations (float32) when the layer before is a BatchNorm that applies this
   * ReLU itself (BatchNorm.fuseRelu): forward and backward then pass their input through.
   */
  fused = false;
  // The hot activation of the reference net: SIMD in float32 (wasm-ops.ts), else monomorphic
  // loops; the same values as f / df.
  override forward(x: Tensor, _ctx: ForwardContext): Tensor {
    if (this.fused) return x;
    const y = this.reluOut.get(x.dtype, x.size);
    const xd = x.data;
    if (xd instanceof Float32Array) reluF32(xd, y as Float32Array);
    else {
      // Branch-free (random signs defeat the branch predictor: 6x faster): (v + |v|) / 2 is exact.
      for (let i = 0; i < y.length; i++) {
        const v = xd[i];
        y[i] = 0.5 * (v + Math.abs(v));
      }
    }
    this.x = x;
    this.y = tensor(x.shape, y);
    return this.y;
  }
  override backward(dy: Tensor, needDx: boolean): Tensor | null {
    if (!needDx) return null;
    if (this.fused) return dy;
    const x = (this.x as Tensor).data;
    const dx = this.reluDx.get(dy.dtype, dy.size);
    const d = dy.data;
    if (d instanceof Float32Array && x instanceof Float32Array) reluGradF32(d, x, dx as Float32Array);
    else for (let i = 0; i < dx.length; i++) dx[i] = d[i] * +(x[i] > 0); // branch-free
    return tensor(dy.shape, dx);
  }
  private readonly reluOut = new Buffer();
  private readonly reluDx = new Buffer();
}

export class LeakyReLU extends Elementwise {
  readonly type = 'leaky_relu';
  readonly alpha: number;
  constructor(opts: { alpha?: number } = {}) {
    super();
    this.alpha = finiteIn(opts.alpha ?? 0.01, 'alpha', 0, 1);
  }
  protected f(x: number): number {
    return x > 0 ? x : this.alpha * x;
  }
  protected df(dy: number, x: number): number {
    return x > 0 ? dy : this.alpha * dy;
  }
  override spec(): LayerSpec {
    return { type: this.type, alpha: this.alpha };
  }
}

export class Sigmoid extends Elementwise {
  readonly type = 'sigmoid';
  protected f(x: number): number {
    return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
  }
  protected df(dy: number, _x: number, y: number): number {
    return dy * y * (1 - y);
  }
}

export class Tanh extends Elementwise {
  readonly type = 'tanh';
  protected f(x: number): number {
    return Math.tanh(x);
  }
  protected df(dy: number, _x: number, y: number): number {
    return dy * (1 - y * y);
  }
}

/** [N, ...] -> [N, prod(...)]: a view, no copy. */
export class Flatten extends Layer {
  readonly type = 'flatten';
  protected setup(inShape: number[]): number[] {
    return [inShape.reduce((a, b) => a * b, 1)];
  }
  forward(x: Tensor, _ctx: ForwardContext): Tensor {
    return tensor([x.shape[0], this.outShape[0]], x.data);
  }
  backward(dy: Tensor, needDx: boolean): Tensor | null {
    return needDx ? tensor([dy.shape[0], ...this.inShape], dy.data) : null;
  }
  spec(): LayerSpec {
    return { type: this.type };
  }
}
