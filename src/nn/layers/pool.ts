/**
 * Pooling over [N, C, H, W]: MaxPool2D (keeps the arg-max of each window for its backward;
 * the first maximum wins, as in PyTorch), AvgPool2D (zero padding counted in the divisor,
 * PyTorch's default count_include_pad), GlobalAvgPool ([N, C, H, W] -> [N, C]).
 */
import { ShapeError } from '../../core/errors.js';
import { formatShape } from '../../core/shape.js';
import { type ForwardContext, Layer, type LayerSpec } from '../layer.js';
import { Buffer, type Floats, type Tensor, tensor } from '../tensor.js';
import { maxPool2x2F32, maxPoolGradF32 } from '../wasm-ops.js';
import { expectRank, nonNegInt, pair } from './options.js';

export interface Pool2DOptions {
  poolSize: number | [number, number];
  /** Default: poolSize. */
  stride?: number | [number, number];
  /** Padding on both sides; default 0. */
  padding?: number | [number, number];
}

abstract class Pool2D extends Layer {
  readonly pool: [number, number];
  readonly stride: [number, number];
  readonly padding: [number, number];
  protected x: Tensor | undefined;
  protected readonly out = new Buffer();
  protected readonly dx = new Buffer();

  constructor(opts: Pool2DOptions) {
    super();
    this.pool = pair(opts.poolSize, 'poolSize');
    this.stride = pair(opts.stride ?? this.pool, 'stride');
    this.padding = pair(opts.padding ?? 0, 'padding', nonNegInt);
  }

  protected setup(inShape: number[]): number[] {
    expectRank(this.type, inShape, 3, '[C, H, W]');
    const [c, h, w] = inShape;
    const oh = Math.floor((h + 2 * this.padding[0] - this.pool[0]) / this.stride[0]) + 1;
    const ow = Math.floor((w + 2 * this.padding[1] - this.pool[1]) / this.stride[1]) + 1;
    if (oh < 1 || ow < 1)
      throw new ShapeError(`${this.type}: pool ${formatShape(this.pool)} does not fit the input ${formatShape(inShape)}`, 'input');
    return [c, oh, ow];
  }

  spec(): LayerSpec {
    return { type: this.type, poolSize: this.pool, stride: this.stride, padding: this.padding };
  }
}

export class MaxPool2D extends Pool2D {
  readonly type = 'maxpool2d';
  private argmax = new Int32Array(0);

  forward(x: Tensor, _ctx: ForwardContext): Tensor {
    const [n, c, h, w] = x.shape;
    const [, oh, ow] = this.outShape;
    const [ph, pw] = this.pool;
    const [sh, sw] = this.stride;
    const [pt, pl] = this.padding;
    const y = this.out.get(x.dtype, n * c * oh * ow);
    if (this.argmax.length !== y.length) this.argmax = new Int32Array(y.length);
    const am = this.argmax;
    const xd = x.data;
    this.x = x;
    if (ph === 2 && pw === 2 && sh === 2 && sw === 2 && pt === 0 && pl === 0) {
      if (xd instanceof Float32Array) maxPool2x2F32(xd, n * c, h, w, oh, ow, y as Float32Array, am);
      else pool2x2(xd, n * c, h, w, oh, ow, y, am);
      return tensor([n, c, oh, ow], y);
    }
    let o = 0;
    for (let plane = 0; plane < n * c; plane++) {
      const base = plane * h * w;
      for (let oy = 0; oy < oh; oy++) {
        const y0 = Math.max(0, oy * sh - pt);
        const y1 = Math.min(h, oy * sh - pt + ph);
        for (let ox = 0; ox < ow; ox++, o++) {
          const x0 = Math.max(0, ox * sw - pl);
          const x1 = Math.min(w, ox * sw - pl + pw);
          let best = -Infinity;
          let at = base + y0 * w + x0;
          for (let iy = y0; iy < y1; iy++) {
            for (let ix = x0; ix < x1; ix++) {
              const v = xd[base + iy * w + ix];
              if (v > best) {
                best = v;
                at = base + iy * w + ix;
              }
            }
          }
          y[o] = best;
          am[o] = at;
        }
      }
    }
    this.x = x;
    return tensor([n, c, oh, ow], y);
  }

  backward(dy: Tensor, needDx: boolean): Tensor | null {
    if (!needDx) return null;
    const x = this.x as Tensor;
    const am = this.argmax;
    const d = dy.data;
    if (d instanceof Float32Array) {
      const dx = this.dx.get(x.dtype, x.size);
      maxPoolGradF32(d, am, dx as Float32Array);
      return tensor(x.shape, dx);
    }
    const dx = this.dx.zeros(x.dtype, x.size);
    for (let i = 0; i < d.length; i++) dx[am[i]] += d[i];
    return tensor(x.shape, dx);
  }
}

/** The common 2 x 2, stride 2 case of MaxPool2D.forward (same values and arg-max rule). */
function pool2x2(xd: Floats, planes: number, h: number, w: number, oh: number, ow: number, y: Floats, am: Int32Array): void {
  let o = 0;
  for (let plane = 0; plane < planes; plane++) {
    const base = plane * h * w;
    for (let oy = 0; oy < oh; oy++) {
      const r0 = base + 2 * oy * w;
      for (let ox = 0; ox < ow; ox++, o++) {
        let at = r0 + 2 * ox;
        let best = xd[at];
        if (xd[at + 1] > best) best = xd[(at = r0 + 2 * ox + 1)];
        if (xd[r0 + w + 2 * ox] > best) best = xd[(at = r0 + w + 2 * ox)];
        if (xd[r0 + w + 2 * ox + 1] > best) best = xd[(at = r0 + w + 2 * ox + 1)];
        y[o] = best;
        am[o] = at;
      }
    }
  }
}

export class AvgPool2D extends Pool2D {
  readonly type = 'avgpool2d';

  forward(x: Tensor, _ctx: ForwardContext): Tensor {
    const [n, c, h, w] = x.shape;
    const [, oh, ow] = this.outShape;
    const [ph, pw] = this.pool;
    const [sh, sw] = this.stride;
    const [pt, pl] = this.padding;
    const inv = 1 / (ph * pw);
    const y = this.out.get(x.dtype, n * c * oh * ow);
    const xd = x.data;
    let o = 0;
    for (let plane = 0; plane < n * c; plane++) {
      const base = plane * h * w;
      for (let oy = 0; oy < oh; oy++) {
        const y0 = Math.max(0, oy * sh - pt);
        const y1 = Math.min(h, oy * sh - pt + ph);
        for (let ox = 0; ox < ow; ox++, o++) {
          const x0 = Math.max(0, ox * sw - pl);
          const x1 = Math.min(w, ox * sw - pl + pw);
          let s = 0;
          for (let iy = y0; iy < y1; iy++) for (let ix = x0; ix < x1; ix++) s += xd[base + iy * w + ix];
          y[o] = s * inv;
        }
      }
    }
    this.x = x;
    return tensor([n, c, oh, ow], y);
  }

  backward(dy: Tensor, needDx: boolean): Tensor | null {
    if (!needDx) return null;
    const x = this.x as Tensor;
    const [n, c, h, w] = x.shape;
    const [, oh, ow] = this.outShape;
    const [ph, pw] = this.pool;
    const [sh, sw] = this.stride;
    const [pt, pl] = this.padding;
    const inv = 1 / (ph * pw);
    const dx = this.dx.zeros(x.dtype, x.size);
    const d = dy.data;
    let o = 0;
    for (let plane = 0; plane < n * c; plane++) {
      const base = plane * h * w;
      for (let oy = 0; oy < oh; oy++) {
        const y0 = Math.max(0, oy * sh - pt);
        const y1 = Math.min(h, oy * sh - pt + ph);
        for (let ox = 0; ox < ow; ox++, o++) {
          const x0 = Math.max(0, ox * sw - pl);
          const x1 = Math.min(w, ox * sw - pl + pw);
          const g = d[o] * inv;
          for (let iy = y0; iy < y1; iy++) for (let ix = x0; ix < x1; ix++) dx[base + iy * w + ix] += g;
        }
      }
    }
    return tensor(x.shape, dx);
  }
}

export class GlobalAvgPool extends Layer {
  readonly type = 'global_avg_pool';
  private x: Tensor | undefined;
  private readonly out = new Buffer();
  private readonly dx = new Buffer();

  protected setup(inShape: number[]): number[] {
    expectRank(this.type, inShape, 3, '[C, H, W]');
    return [inShape[0]];
  }

  forward(x: Tensor, _ctx: ForwardContext): Tensor {
    const [n, c, h, w] = x.shape;
    const p = h * w;
    const y = this.out.get(x.dtype, n * c);
    for (let i = 0; i < n * c; i++) {
      let s = 0;
      for (let q = 0; q < p; q++) s += x.data[i * p + q];
      y[i] = s / p;
    }
    this.x = x;
    return tensor([n, c], y);
  }

  backward(dy: Tensor, needDx: boolean): Tensor | null {
    if (!needDx) return null;
    const x = this.x as Tensor;
    const p = x.shape[2] * x.shape[3];
    const dx = this.dx.get(x.dtype, x.size);
    for (let i = 0; i < dy.size; i++) {
      const g = dy.data[i] / p;
      for (let q = 0; q < p; q++) dx[i * p + q] = g;
    }
    return tensor(x.shape, dx);
  }

  spec(): LayerSpec {
    return { type: this.type };
  }
}
