/**
 * Batch normalisation (Ioffe & Szegedy 2015, https://arxiv.org/abs/1502.03167), PyTorch's
 * conventions: per channel (BatchNorm2D, input [N, C, H, W]) or per feature (BatchNorm1D,
 * input [N, F]); training normalises with the batch's biased variance and updates the running
 * statistics with momentum 0.1 and the unbiased variance; inference uses the running ones.
 *   y = gamma * (x - mean) / sqrt(var + eps) + beta
 *   dx = gamma / sqrt(var + eps) / M * (M dy - sum dy - xhat sum(dy xhat))   (training)
 */
import { type ForwardContext, Layer, type LayerSpec, type Param, param } from '../layer.js';
import { Buffer, type Tensor, tensor } from '../tensor.js';
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
  }

  forward(x: Tensor, ctx: ForwardContext): Tensor {
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
    for (let ch = 0; ch < c; ch++) {
      let mean: number;
      let v: number;
      if (ctx.training) {
        let s = 0;
        for (let i = 0; i < n; i++) for (let q = 0; q < p; q++) s += xd[(i * c + ch) * p + q];
        mean = s / m;
        let ss = 0;
        for (let i = 0; i < n; i++) {
          for (let q = 0; q < p; q++) {
            const d = xd[(i * c + ch) * p + q] - mean;
            ss += d * d;
          }
        }
        v = ss / m;
        if (ctx.updateStats !== false) {
          const mo = this.momentum;
          this.runMean.value[ch] = (1 - mo) * this.runMean.value[ch] + mo * mean;
          this.runVar.value[ch] = (1 - mo) * this.runVar.value[ch] + mo * (m > 1 ? ss / (m - 1) : v);
        }
      } else {
        mean = this.runMean.value[ch];
        v = this.runVar.value[ch];
      }
      const inv = 1 / Math.sqrt(v + this.eps);
      this.invStd[ch] = inv;
      for (let i = 0; i < n; i++) {
        for (let q = 0; q < p; q++) {
          const at = (i * c + ch) * p + q;
          const h = (xd[at] - mean) * inv;
          xh[at] = h;
          y[at] = g[ch] * h + b[ch];
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
    const xh = this.xhat.get(dy.dtype, dy.size);
    const dx = needDx ? this.dx.get(dy.dtype, dy.size) : null;
    for (let ch = 0; ch < c; ch++) {
      let sdy = 0;
      let sdyx = 0;
      for (let i = 0; i < n; i++) {
        for (let q = 0; q < p; q++) {
          const at = (i * c + ch) * p + q;
          sdy += d[at];
          sdyx += d[at] * xh[at];
        }
      }
      this.gamma.grad[ch] += sdyx;
      this.beta.grad[ch] += sdy;
      if (dx === null) continue;
      const k = this.gamma.value[ch] * this.invStd[ch];
      for (let i = 0; i < n; i++) {
        for (let q = 0; q < p; q++) {
          const at = (i * c + ch) * p + q;
          dx[at] = this.trainedStep ? (k / m) * (m * d[at] - sdy - xh[at] * sdyx) : k * d[at];
        }
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
