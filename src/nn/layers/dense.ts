/**
 * Dense (fully connected): x [N, I] -> y [N, O] = x W^T + b, weight [O, I] (PyTorch's
 * layout), bias [O].
 *   forward  y = x W^T           (one GEMM, B transposed)
 *   filter   dW [O, I] += dy^T x  (A transposed)
 *   input    dx [N, I] = dy W
 */
import { type ForwardContext, Layer, type LayerSpec, type Param, param } from '../layer.js';
import { matmul } from '../matmul.js';
import { Buffer, type Tensor, tensor } from '../tensor.js';
import { expectRank, posInt } from './options.js';

export interface DenseOptions {
  units: number;
  bias?: boolean;
  /** Initialiser of the weight: 'he' (default, for ReLU nets) or 'glorot'. */
  init?: 'he' | 'glorot';
}

export class Dense extends Layer {
  readonly type = 'dense';
  readonly units: number;
  readonly useBias: boolean;
  readonly init: 'he' | 'glorot';
  private weight!: Param;
  private bias: Param | undefined;
  private x: Tensor | undefined;
  private readonly out = new Buffer();
  private readonly dx = new Buffer();

  constructor(opts: DenseOptions) {
    super();
    this.units = posInt(opts.units, 'units');
    this.useBias = opts.bias ?? true;
    this.init = opts.init ?? 'he';
  }

  protected setup(inShape: number[]): number[] {
    expectRank('dense', inShape, 1, '[features] (add a flatten layer before it)');
    this.weight = param('weight', [this.units, inShape[0]], this.init, inShape[0], this.units);
    this.params.push(this.weight);
    if (this.useBias) {
      this.bias = param('bias', [this.units], 'zeros');
      this.params.push(this.bias);
    }
    return [this.units];
  }

  forward(x: Tensor, _ctx: ForwardContext): Tensor {
    const [n, i] = x.shape;
    const o = this.units;
    this.x = x;
    const mm = matmul(x.dtype, n, o, i, { transB: true });
    mm.a.set(x.data);
    mm.b.set(this.weight.value);
    mm.run();
    const y = this.out.get(x.dtype, n * o); // [N, O]
    y.set(mm.c);
    if (this.bias) {
      const b = this.bias.value;
      for (let r = 0; r < n; r++) for (let j = 0; j < o; j++) y[r * o + j] += b[j];
    }
    return tensor([n, o], y);
  }

  backward(dy: Tensor, needDx: boolean): Tensor | null {
    const x = this.x as Tensor;
    const [n, i] = x.shape;
    const o = this.units;
    if (this.bias) {
      const gb = this.bias.grad;
      for (let r = 0; r < n; r++) for (let j = 0; j < o; j++) gb[j] += dy.data[r * o + j];
    }
    const mw = matmul(x.dtype, o, i, n, { transA: true, accumulate: true });
    mw.a.set(dy.data);
    mw.b.set(x.data);
    mw.c.set(this.weight.grad);
    mw.run();
    this.weight.grad.set(mw.c);
    if (!needDx) return null;
    const mx = matmul(x.dtype, n, i, o);
    mx.a.set(dy.data);
    mx.b.set(this.weight.value);
    mx.run();
    const dx = this.dx.get(x.dtype, n * i);
    dx.set(mx.c);
    return tensor(x.shape, dx);
  }

  spec(): LayerSpec {
    return { type: this.type, units: this.units, bias: this.useBias, init: this.init };
  }
}
