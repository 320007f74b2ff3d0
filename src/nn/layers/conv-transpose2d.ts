/**
 * ConvTranspose2D (the adjoint of Conv2D, PyTorch's nn.ConvTranspose2d): x [N, C, H, W] ->
 * y [N, F, OH, OW] with OH = (H - 1) * s - 2 p + d (k - 1) + outputPadding + 1; weight
 * [C, F / groups, kh, kw], bias [F]. Its forward is Conv2D's input gradient and its input
 * gradient is Conv2D's forward, over the geometry of the conv that maps y back to x:
 *   forward  dcol_g [K, N*H*W] = W_g^T x X_g, col2im into y    (K = F/g * kh * kw)
 *   input    dX_g = W_g x im2col(dy)_g
 *   filter   dW_g += X_g x im2col(dy)_g^T
 */
import { ArgumentError, ShapeError } from '../../core/errors.js';
import { formatShape } from '../../core/shape.js';
import { type ConvGeom, col2im, colsToNchw, im2col, nchwToCols } from '../im2col.js';
import { type ForwardContext, Layer, type LayerSpec, type Param, param } from '../layer.js';
import { matmul } from '../matmul.js';
import { Buffer, type Tensor, tensor } from '../tensor.js';
import { expectRank, nonNegInt, pair, posInt } from './options.js';

export interface ConvTranspose2DOptions {
  filters: number;
  kernelSize: number | [number, number];
  stride?: number | [number, number];
  padding?: number | [number, number];
  outputPadding?: number | [number, number];
  dilation?: number | [number, number];
  groups?: number;
  bias?: boolean;
}

export class ConvTranspose2D extends Layer {
  readonly type = 'conv_transpose2d';
  readonly filters: number;
  readonly kernel: [number, number];
  readonly stride: [number, number];
  readonly padding: [number, number];
  readonly outputPadding: [number, number];
  readonly dilation: [number, number];
  readonly groups: number;
  readonly useBias: boolean;
  private weight!: Param;
  private bias: Param | undefined;
  /** The geometry of the conv from y (as its input) to x (as its output). */
  private geom!: ConvGeom;
  private x: Tensor | undefined;
  private readonly out = new Buffer();
  private readonly dx = new Buffer();

  constructor(opts: ConvTranspose2DOptions) {
    super();
    this.filters = posInt(opts.filters, 'filters');
    this.kernel = pair(opts.kernelSize, 'kernelSize');
    this.stride = pair(opts.stride ?? 1, 'stride');
    this.padding = pair(opts.padding ?? 0, 'padding', nonNegInt);
    this.outputPadding = pair(opts.outputPadding ?? 0, 'outputPadding', nonNegInt);
    this.dilation = pair(opts.dilation ?? 1, 'dilation');
    this.groups = posInt(opts.groups ?? 1, 'groups');
    this.useBias = opts.bias ?? true;
    if (this.filters % this.groups !== 0)
      throw new ArgumentError(`groups: ${this.groups} does not divide filters ${this.filters}`, 'groups');
    for (let a = 0; a < 2; a++) {
      if (this.outputPadding[a] >= Math.max(this.stride[a], this.dilation[a])) {
        throw new ArgumentError(`outputPadding: must be smaller than stride or dilation, got ${this.outputPadding}`, 'outputPadding');
      }
    }
  }

  protected setup(inShape: number[]): number[] {
    expectRank(this.type, inShape, 3, '[C, H, W]');
    const [c, h, w] = inShape;
    if (c % this.groups !== 0) throw new ShapeError(`${this.type}: groups ${this.groups} does not divide the ${c} input channels`, 'input');
    const [kh, kw] = this.kernel;
    const oh = (h - 1) * this.stride[0] - 2 * this.padding[0] + this.dilation[0] * (kh - 1) + this.outputPadding[0] + 1;
    const ow = (w - 1) * this.stride[1] - 2 * this.padding[1] + this.dilation[1] * (kw - 1) + this.outputPadding[1] + 1;
    if (oh < 1 || ow < 1)
      throw new ShapeError(
        `${this.type}: padding ${formatShape(this.padding)} leaves no output for the input ${formatShape(inShape)}`,
        'input',
      );
    this.geom = {
      n: 0,
      c: this.filters,
      h: oh,
      w: ow,
      kh,
      kw,
      sh: this.stride[0],
      sw: this.stride[1],
      pt: this.padding[0],
      pl: this.padding[1],
      dh: this.dilation[0],
      dw: this.dilation[1],
      oh: h,
      ow: w,
    };
    const fg = this.filters / this.groups;
    this.weight = param('weight', [c, fg, kh, kw], 'he', (c / this.groups) * kh * kw, fg * kh * kw);
    this.params.push(this.weight);
    if (this.useBias) {
      this.bias = param('bias', [this.filters], 'zeros');
      this.params.push(this.bias);
    }
    return [this.filters, oh, ow];
  }

  forward(x: Tensor, _ctx: ForwardContext): Tensor {
    const n = x.shape[0];
    const g = { ...this.geom, n };
    this.geom = g;
    this.x = x;
    const G = this.groups;
    const cg = x.shape[1] / G;
    const fg = this.filters / G;
    const k = fg * g.kh * g.kw;
    const hw = g.oh * g.ow; // input plane
    const p = g.h * g.w; // output plane
    const y = this.out.zeros(x.dtype, n * this.filters * p);
    for (let gi = 0; gi < G; gi++) {
      const mm = matmul(x.dtype, k, n * hw, cg, { transA: true });
      mm.a.set(this.weight.value.subarray(gi * cg * k, (gi + 1) * cg * k));
      nchwToCols(x.data, n, cg, hw, gi * cg, x.shape[1], mm.b);
      mm.run();
      col2im(mm.c, g, gi * fg, fg, y);
    }
    if (this.bias) {
      for (let i = 0; i < n; i++) {
        for (let f = 0; f < this.filters; f++) {
          const bv = this.bias.value[f];
          const o = (i * this.filters + f) * p;
          for (let q = 0; q < p; q++) y[o + q] += bv;
        }
      }
    }
    return tensor([n, this.filters, g.h, g.w], y);
  }

  backward(dy: Tensor, needDx: boolean): Tensor | null {
    const x = this.x as Tensor;
    const g = this.geom;
    const n = g.n;
    const G = this.groups;
    const c = x.shape[1];
    const cg = c / G;
    const fg = this.filters / G;
    const k = fg * g.kh * g.kw;
    const hw = g.oh * g.ow;
    const p = g.h * g.w;
    if (this.bias) {
      for (let i = 0; i < n; i++) {
        for (let f = 0; f < this.filters; f++) {
          let s = 0;
          const o = (i * this.filters + f) * p;
          for (let q = 0; q < p; q++) s += dy.data[o + q];
          this.bias.grad[f] += s;
        }
      }
    }
    const gw = this.weight.grad;
    for (let gi = 0; gi < G; gi++) {
      const mm = matmul(x.dtype, cg, k, n * hw, { transB: true, accumulate: true });
      nchwToCols(x.data, n, cg, hw, gi * cg, c, mm.a);
      im2col(dy.data, g, gi * fg, fg, mm.b);
      mm.c.set(gw.subarray(gi * cg * k, (gi + 1) * cg * k));
      mm.run();
      gw.set(mm.c, gi * cg * k);
    }
    if (!needDx) return null;
    const dx = this.dx.get(x.dtype, x.size);
    for (let gi = 0; gi < G; gi++) {
      const mm = matmul(x.dtype, cg, n * hw, k);
      mm.a.set(this.weight.value.subarray(gi * cg * k, (gi + 1) * cg * k));
      im2col(dy.data, g, gi * fg, fg, mm.b);
      mm.run();
      colsToNchw(mm.c, n, cg, hw, gi * cg, c, dx);
    }
    return tensor(x.shape, dx);
  }

  spec(): LayerSpec {
    return {
      type: this.type,
      filters: this.filters,
      kernelSize: this.kernel,
      stride: this.stride,
      padding: this.padding,
      outputPadding: this.outputPadding,
      dilation: this.dilation,
      groups: this.groups,
      bias: this.useBias,
    };
  }
}
