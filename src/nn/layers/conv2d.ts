/**
 * Conv2D: x [N, C, H, W] -> y [N, F, OH, OW], weight [F, C / groups, kh, kw] (PyTorch's
 * layout), bias [F]. Correlation, as in PyTorch / TensorFlow. Forward, input gradient and
 * filter gradient are each one GEMM per group and chunk of images (imagesPerGemm; im2col.ts),
 * written below for the whole batch N:
 *   forward   Y_g [F/g, N*OH*OW]  = W_g [F/g, K] x col_g [K, N*OH*OW]     (K = C/g * kh * kw)
 *   filter    dW_g [F/g, K]      += dY_g x col_g^T
 *   input     dcol_g [K, N*OH*OW] = W_g^T x dY_g, then col2im
 */
import { ArgumentError, ShapeError } from '../../core/errors.js';
import { formatShape } from '../../core/shape.js';
import type { ConvGeom } from '../im2col.js';
import { type ForwardContext, Layer, type LayerSpec, type Param, param } from '../layer.js';
import { matmul } from '../matmul.js';
import { Buffer, type Tensor, tensor } from '../tensor.js';
import { expectRank, nonNegInt, pair, posInt } from './options.js';

export type Padding = 'valid' | 'same' | number | [number, number];

export interface Conv2DOptions {
  filters: number;
  kernelSize: number | [number, number];
  stride?: number | [number, number];
  /** 'valid' (none), 'same' (output = ceil(input / stride); extra padding after), or explicit [ph, pw] on both sides. */
  padding?: Padding;
  dilation?: number | [number, number];
  groups?: number;
  bias?: boolean;
}

/** Padding before (top/left) and output size on one axis. */
export function convAxis(size: number, k: number, s: number, d: number, padding: 'valid' | 'same' | number): [pad: number, out: number] {
  const span = d * (k - 1) + 1;
  if (padding === 'valid') return [0, Math.floor((size - span) / s) + 1];
  if (padding === 'same') {
    const out = Math.ceil(size / s);
    const total = Math.max(0, (out - 1) * s + span - size);
    return [Math.floor(total / 2), out];
  }
  return [padding, Math.floor((size + 2 * padding - span) / s) + 1];
}

export function parsePadding(p: unknown, name = 'padding'): Padding {
  if (p === 'valid' || p === 'same') return p;
  return pair(p, name, nonNegInt);
}

/**
 * Images per GEMM: the batch goes through im2col and the GEMMs a few images at a time, so the
 * columns (K x images*OH*OW floats) stay near 1 MiB, in L2, instead of streaming through memory
 * (the reference net's second conv: 5 images; its first: 18).
 */
export function imagesPerGemm(n: number, k: number, p: number): number {
  return Math.max(1, Math.min(n, Math.floor(COL_BYTES / (4 * k * p))));
}
const COL_BYTES = 1 << 20;

export class Conv2D extends Layer {
  readonly type = 'conv2d';
  readonly filters: number;
  readonly kernel: [number, number];
  readonly stride: [number, number];
  readonly padding: Padding;
  readonly dilation: [number, number];
  readonly groups: number;
  readonly useBias: boolean;
  private weight!: Param;
  private bias: Param | undefined;
  private geom!: ConvGeom;
  private x: Tensor | undefined;
  private readonly out = new Buffer();
  private readonly dx = new Buffer();

  constructor(opts: Conv2DOptions) {
    super();
    this.filters = posInt(opts.filters, 'filters');
    this.kernel = pair(opts.kernelSize, 'kernelSize');
    this.stride = pair(opts.stride ?? 1, 'stride');
    this.padding = parsePadding(opts.padding ?? 'valid');
    this.dilation = pair(opts.dilation ?? 1, 'dilation');
    this.groups = posInt(opts.groups ?? 1, 'groups');
    this.useBias = opts.bias ?? true;
    if (this.filters % this.groups !== 0)
      throw new ArgumentError(`groups: ${this.groups} does not divide filters ${this.filters}`, 'groups');
  }

  protected setup(inShape: number[]): number[] {
    expectRank('conv2d', inShape, 3, '[C, H, W]');
    const [c, h, w] = inShape;
    if (c % this.groups !== 0) throw new ShapeError(`conv2d: groups ${this.groups} does not divide the ${c} input channels`, 'input');
    const pads = typeof this.padding === 'object' ? this.padding : [this.padding, this.padding];
    const [pt, oh] = convAxis(h, this.kernel[0], this.stride[0], this.dilation[0], pads[0] as 'valid');
    const [pl, ow] = convAxis(w, this.kernel[1], this.stride[1], this.dilation[1], pads[1] as 'valid');
    if (oh < 1 || ow < 1)
      throw new ShapeError(
        `conv2d: kernel ${formatShape(this.kernel)} (dilation ${this.dilation}) does not fit the input ${formatShape(inShape)}`,
        'input',
      );
    const [kh, kw] = this.kernel;
    const k = (c / this.groups) * kh * kw;
    this.geom = {
      n: 0,
      c,
      h,
      w,
      kh,
      kw,
      sh: this.stride[0],
      sw: this.stride[1],
      pt,
      pl,
      dh: this.dilation[0],
      dw: this.dilation[1],
      oh,
      ow,
    };
    this.weight = param('weight', [this.filters, c / this.groups, kh, kw], 'he', k, (this.filters / this.groups) * kh * kw);
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
    const cg = g.c / G;
    const fg = this.filters / G;
    const k = cg * g.kh * g.kw;
    const p = g.oh * g.ow;
    const y = this.out.get(x.dtype, n * this.filters * p); // [N, F, OH, OW]
    const per = g.c * g.h * g.w;
    const outPer = this.filters * p;
    const step = imagesPerGemm(n, k, p);
    for (let b0 = 0; b0 < n; b0 += step) {
      const nb = Math.min(step, n - b0);
      const xs = x.data.subarray(b0 * per, (b0 + nb) * per); // [nb, C, H, W]
      const ys = y.subarray(b0 * outPer, (b0 + nb) * outPer); // [nb, F, OH, OW]
      for (let gi = 0; gi < G; gi++) {
        const mm = matmul(x.dtype, fg, nb * p, k, {}, xs.length, ys.length);
        mm.a.set(this.weight.value.subarray(gi * fg * k, (gi + 1) * fg * k));
        mm.x.set(xs);
        mm.im2col({ ...g, n: nb }, gi * cg, cg); // col [K, nb*OH*OW]
        mm.run();
        mm.colsToNchw(nb, fg, p, gi * fg, this.filters, ys, this.bias?.value);
      }
    }
    return tensor([n, this.filters, g.oh, g.ow], y);
  }

  backward(dy: Tensor, needDx: boolean): Tensor | null {
    const x = this.x as Tensor;
    const g = this.geom;
    const n = g.n;
    const G = this.groups;
    const cg = g.c / G;
    const fg = this.filters / G;
    const k = cg * g.kh * g.kw;
    const p = g.oh * g.ow;
    const gw = this.weight.grad;
    const per = g.c * g.h * g.w;
    const outPer = this.filters * p;
    const step = imagesPerGemm(n, k, p);
    const dx = needDx ? this.dx.get(x.dtype, x.size) : null; // [N, C, H, W]
    for (let b0 = 0; b0 < n; b0 += step) {
      const nb = Math.min(step, n - b0);
      const gc = { ...g, n: nb };
      const xs = x.data.subarray(b0 * per, (b0 + nb) * per); // [nb, C, H, W]
      const dys = dy.data.subarray(b0 * outPer, (b0 + nb) * outPer); // [nb, F, OH, OW]
      for (let gi = 0; gi < G; gi++) {
        const mm = matmul(x.dtype, fg, k, nb * p, { transB: true, accumulate: true }, xs.length, dys.length);
        mm.nchwToCols(dys, nb, fg, p, gi * fg, this.filters, 'a', this.bias?.grad); // dY_g [F/g, nb*OH*OW]; bias gradient
        mm.x.set(xs);
        mm.im2col(gc, gi * cg, cg);
        mm.c.set(gw.subarray(gi * fg * k, (gi + 1) * fg * k));
        mm.run();
        gw.set(mm.c, gi * fg * k);
      }
      if (dx === null) continue;
      const dxs = dx.subarray(b0 * per, (b0 + nb) * per);
      for (let gi = 0; gi < G; gi++) {
        const mm = matmul(x.dtype, k, nb * p, fg, { transA: true }, xs.length, dys.length);
        mm.a.set(this.weight.value.subarray(gi * fg * k, (gi + 1) * fg * k));
        mm.nchwToCols(dys, nb, fg, p, gi * fg, this.filters, 'b');
        mm.run(); // dcol [K, nb*OH*OW]
        if (gi === 0) mm.x.fill(0);
        else mm.x.set(dxs);
        mm.col2im(gc, gi * cg, cg);
        dxs.set(mm.x);
      }
    }
    return dx === null ? null : tensor(x.shape, dx);
  }

  spec(): LayerSpec {
    return {
      type: this.type,
      filters: this.filters,
      kernelSize: this.kernel,
      stride: this.stride,
      padding: this.padding,
      dilation: this.dilation,
      groups: this.groups,
      bias: this.useBias,
    };
  }
}
