/**
 * Batch normalisation (Ioffe & Szegedy 2015, https://arxiv.org/abs/1502.03167), PyTorch's
 * conventions: per channel (BatchNorm2D, input [N, C, H, W]) or per feature (BatchNorm1D,
 * input [N, F]); training normalises with the batch's biased variance and updates the running
 * statistics with momentum 0.1 and the unbiased variance; inference uses the running ones.
 *   y = gamma * (x - mean) / sqrt(var + eps) + beta
 *   dx = gamma / sqrt(var + eps) / M * (M dy - sum dy - xhat sum(dy xhat))   (training)
 * Float32 runs the SIMD kernels of assembly/gemm.ts (wasm-ops.ts: batchNormForwardF32 /
 * batchNormGradF32, keeping x and the mean and recomputing xhat in the backward); float64 runs
 * the loops below, their reference.
 */
import { type ForwardContext, Layer, type LayerSpec, type Param, param } from '../layer.js';
import { Buffer, type Tensor, tensor } from '../tensor.js';
import { batchNormForwardF32, batchNormGradF32 } from '../wasm-ops.js';
import { expectRank, finiteIn } from './options.js';

export interface BatchNormOptions {
  momentum?: number;
  eps?: number;
}

abstract class BatchNorm extends Layer {
  readonly momentum: number;
  readonly eps: number;
  private gamma!: Param;
  private beta!: Param;
  private runMean!: Param;
  private runVar!: Param;
  private xhat = new Buffer();
  private readonly out = new Buffer();
  private readonly dx = new Buffer();
  private invStd = new Float64Array(0);
  private trainedStep = false;
  /** The float32 fast path keeps the input and the mean instead of xhat (batchNormGradF32). */
  private x: Tensor | undefined;
  private mean = new Float64Array(0);
  private stats = new Float64Array(0);
  /** Set by Sequential.fuseActivations (float32) when a ReLU follows: the fast path applies it too (ReLU.fused). */
  fuseRelu = false;
  private y: Float32Array | undefined;

  constructor(opts: BatchNormOptions = {}) {
    super();
    this.momentum = finiteIn(opts.momentum ?? 0.1, 'momentum', 0, 1);
    this.eps = finiteIn(opts.eps ?? 1e-5, 'eps', 0, 1);
  }

  protected declare(c: number): void {
    this.gamma = param('gamma', [c], 'ones');
    this.beta = param('beta', [c], 'zeros');
    this.runMean = param('running_mean', [c], 'zeros', 1, 1, false);
    this.runVar = param('running_var', [c], 'ones', 1, 1, false);
    this.params.push(this.gamma, this.beta, this.runMean, this.runVar);
    this.invStd = new Float64Array(c);
    this.mean = new Float64Array(c);
    this.stats = new Float64Array(2 * c);
  }

  /** forward on the SIMD kernels (float32): the same statistics and values as the loops below. */
  private forwardF32(x: Tensor, ctx: ForwardContext): Tensor {
    const n = x.shape[0];
    const c = x.shape[1];
    const p = x.size / (n * c);
    const m = n * p;
    const y = this.out.get('float32', x.size) as Float32Array;
    const training = ctx.training;
    const update = training && ctx.updateStats !== false;
    const { mean, invStd, stats, momentum: mo, eps } = this;
    const rm = this.runMean.value;
    const rv = this.runVar.value;
    const g = this.gamma.value;
    const b = this.beta.value;
    this.trainedStep = training;
    this.x = x;
    batchNormForwardF32(
      x.data as Float32Array,
      y,
      n,
      c,
      p,
      training ? stats : null,
      (scale, shift) => {
        for (let ch = 0; ch < c; ch++) {
          let v: number;
          if (training) {
            mean[ch] = stats[ch];
            const ss = stats[c + ch];
            v = ss / m;
            if (update) {
              rm[ch] = (1 - mo) * rm[ch] + mo * mean[ch];
              rv[ch] = (1 - mo) * rv[ch] + mo * (m > 1 ? ss / (m - 1) : v);
            }
          } else {
            mean[ch] = rm[ch];
            v = rv[ch];
          }
          invStd[ch] = 1 / Math.sqrt(v + eps);
          scale[ch] = g[ch] * invStd[ch];
          shift[ch] = b[ch] - mean[ch] * g[ch] * invStd[ch];
        }
      },
      this.fuseRelu,
    );
    this.y = y;
    return tensor(x.shape, y);
  }

  forward(x: Tensor, ctx: ForwardContext): Tensor {
    if (x.dtype === 'float32') return this.forwardF32(x, ctx);
    this.x = undefined;
    const n = x.shape[0];
    const c = x.shape[1];
    const p = x.size / (n * c); // spatial size (1 for 1-D)
    const m = n * p;
    const xd = x.data;
    const y = this.out.get(x.dtype, x.size);
    const xh = this.xhat.get(x.dtype, x.size);
    const g = this.gamma.value;
    const b = this.beta.value;
    this.trainedStep = ctx.training;
    // Hot loops over one contiguous plane [p] at a time, with every property hoisted.
    const training = ctx.training;
    const update = training && ctx.updateStats !== false;
    const mo = this.momentum;
    const rm = this.runMean.value;
    const rv = this.runVar.value;
    const eps = this.eps;
    const invStd = this.invStd;
    for (let ch = 0; ch < c; ch++) {
      let mean: number;
      let v: number;
      if (training) {
        let s = 0;
        for (let i = 0; i < n; i++) {
          const o = (i * c + ch) * p;
          for (let q = o; q < o + p; q++) s += xd[q];
        }
        mean = s / m;
        let ss = 0;
        for (let i = 0; i < n; i++) {
          const o = (i * c + ch) * p;
          for (let q = o; q < o + p; q++) {
            const d = xd[q] - mean;
            ss += d * d;
          }
        }
        v = ss / m;
        if (update) {
          rm[ch] = (1 - mo) * rm[ch] + mo * mean;
          rv[ch] = (1 - mo) * rv[ch] + mo * (m > 1 ? ss / (m - 1) : v);
        }
      } else {
        mean = rm[ch];
        v = rv[ch];
      }
      const inv = 1 / Math.sqrt(v + eps);
      invStd[ch] = inv;
      const gc = g[ch];
      const bc = b[ch];
      for (let i = 0; i < n; i++) {
        const o = (i * c + ch) * p;
        for (let q = o; q < o + p; q++) {
          const h = (xd[q] - mean) * inv;
          xh[q] = h;
          y[q] = gc * h + bc;
        }
      }
    }
    return tensor(x.shape, y);
  }

  backward(dy: Tensor, needDx: boolean): Tensor | null {
    const n = dy.shape[0];
    const c = dy.shape[1];
    const p = dy.size / (n * c);
    const m = n * p;
    const d = dy.data;
    const dx = needDx ? this.dx.get(dy.dtype, dy.size) : null;
    if (this.x !== undefined && d instanceof Float32Array) {
      const x = this.x.data as Float32Array;
      const gv = this.gamma.value as Float32Array;
      const gg = this.gamma.grad as Float32Array;
      const bg = this.beta.grad as Float32Array;
      const y = this.fuseRelu ? this.y : undefined;
      batchNormGradF32(d, x, n, c, p, this.mean, this.invStd, gv, gg, bg, dx as Float32Array | null, this.trainedStep, y);
      return dx === null ? null : tensor(dy.shape, dx);
    }
    const xh = this.xhat.get(dy.dtype, dy.size);
    const gg = this.gamma.grad;
    const bg = this.beta.grad;
    const gv = this.gamma.value;
    const invStd = this.invStd;
    const trained = this.trainedStep;
    for (let ch = 0; ch < c; ch++) {
      let sdy = 0;
      let sdyx = 0;
      for (let i = 0; i < n; i++) {
        const o = (i * c + ch) * p;
        for (let q = o; q < o + p; q++) {
          sdy += d[q];
          sdyx += d[q] * xh[q];
        }
      }
      gg[ch] += sdyx;
      bg[ch] += sdy;
      if (dx === null) continue;
      const k = gv[ch] * invStd[ch];
      const km = k / m;
      for (let i = 0; i < n; i++) {
        const o = (i * c + ch) * p;
        if (trained) for (let q = o; q < o + p; q++) dx[q] = km * (m * d[q] - sdy - xh[q] * sdyx);
        else for (let q = o; q < o + p; q++) dx[q] = k * d[q];
      }
    }
    return dx === null ? null : tensor(dy.shape, dx);
  }

  spec(): LayerSpec {
    return { type: this.type, momentum: this.momentum, eps: this.eps };
  }
}

export class BatchNorm2D extends BatchNorm {
  readonly type = 'batchnorm2d';
  protected setup(inShape: number[]): number[] {
    expectRank(this.type, inShape, 3, '[C, H, W]');
    this.declare(inShape[0]);
    return [...inShape];
  }
}

export class BatchNorm1D extends BatchNorm {
  readonly type = 'batchnorm1d';
  protected setup(inShape: number[]): number[] {
    expectRank(this.type, inShape, 1, '[features]');
    this.declare(inShape[0]);
    return [...inShape];
  }
}
