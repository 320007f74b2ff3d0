/**
 * Optimisers over a model's flat parameter array (PyTorch's update rules, so a step matches
 * torch.optim's). Only the trainable ranges are touched. State (moments, step count) is
 * exported / imported for checkpoints.
 *   SGD:  g += wd p; v = mu v + g; p -= lr (nesterov ? g + mu v : v)      (v = g when mu = 0)
 *   Adam: g += wd p; m = b1 m + (1-b1) g; v = b2 v + (1-b2) g^2;
 *         p -= lr m/(1-b1^t) / (sqrt(v/(1-b2^t)) + eps)
 *   AdamW: as Adam without the wd term in g, after p *= 1 - lr wd (Loshchilov & Hutter 2019)
 */
import { ArgumentError } from '../core/errors.js';
import type { Sequential } from './model.js';
import type { Floats } from './tensor.js';

export interface OptimizerState {
  type: string;
  step: number;
  /** Moment buffers, each the length of the parameters. */
  buffers: Float64Array[];
}

export interface Optimizer {
  /** The learning rate of the next step (set by a schedule). */
  lr: number;
  /** Apply one update from `model.grads`. */
  step(): void;
  state(): OptimizerState;
  load(state: OptimizerState): void;
}

export interface SGDOptions {
  lr: number;
  momentum?: number;
  nesterov?: boolean;
  weightDecay?: number;
}

export interface AdamOptions {
  lr?: number;
  beta1?: number;
  beta2?: number;
  eps?: number;
  weightDecay?: number;
}

function positive(v: number | undefined, name: string, dflt: number, lo = 0, hi = Infinity): number {
  const x = v ?? dflt;
  if (typeof x !== 'number' || !Number.isFinite(x) || x < lo || x > hi)
    throw new ArgumentError(`${name}: expected a number in [${lo}, ${hi}], got ${x}`, name);
  return x;
}

abstract class Base implements Optimizer {
  lr: number;
  protected t = 0;
  protected readonly ranges: Array<[number, number]>;
  protected readonly model: Sequential;

  constructor(model: Sequential, lr: number) {
    this.model = model;
    this.lr = lr;
    this.ranges = model.trainableRanges();
  }

  /** The parameters, read at each step (the model may move them into shared memory). */
  protected get p(): Floats {
    return this.model.params;
  }

  abstract step(): void;
  protected abstract buffers(): Float64Array[];
  abstract readonly type: string;

  state(): OptimizerState {
    return { type: this.type, step: this.t, buffers: this.buffers().map((b) => b.slice()) };
  }

  load(state: OptimizerState): void {
    const mine = this.buffers();
    if (state.type !== this.type || state.buffers.length !== mine.length || state.buffers.some((b, i) => b.length !== mine[i].length)) {
      throw new ArgumentError(`state: an optimizer state of type ${state.type} does not fit this ${this.type} optimizer`, 'state');
    }
    this.t = state.step;
    state.buffers.forEach((b, i) => {
      mine[i].set(b);
    });
  }
}

export class SGD extends Base {
  readonly type = 'sgd';
  readonly momentum: number;
  readonly nesterov: boolean;
  readonly weightDecay: number;
  private readonly v: Float64Array;

  constructor(model: Sequential, opts: SGDOptions) {
    super(model, positive(opts.lr, 'lr', 0.01));
    this.momentum = positive(opts.momentum, 'momentum', 0, 0, 1);
    this.nesterov = opts.nesterov ?? false;
    this.weightDecay = positive(opts.weightDecay, 'weightDecay', 0);
    if (this.nesterov && this.momentum === 0) throw new ArgumentError('nesterov: needs a momentum > 0', 'nesterov');
    this.v = new Float64Array(model.params.length);
  }

  protected buffers(): Float64Array[] {
    return [this.v];
  }

  step(): void {
    const { p, v, momentum: mu, weightDecay: wd, lr } = this;
    const g = this.model.grads;
    const first = this.t === 0;
    for (const [s, e] of this.ranges) {
      for (let i = s; i < e; i++) {
        let gi = g[i] + wd * p[i];
        if (mu !== 0) {
          v[i] = first ? gi : flushTiny(mu * v[i] + gi);
          gi = this.nesterov ? gi + mu * v[i] : v[i];
        }
        p[i] -= lr * gi;
      }
    }
    this.t++;
  }
}

/**
 * x, or 0 when |x| < 1e-300. A moment of a parameter whose gradient stays 0 (a dead unit) decays
 * geometrically into the float64 subnormals and sticks there (0.9 × the smallest subnormal rounds
 * back to it), and arithmetic on subnormals is ~5× slower on x86: after ~6,600 Adam steps the
 * strong preset's serial optimiser step grew by ~20 ms (its epochs by 20%). What is flushed could
 * not move a float32 parameter (the update is < 1e-290).
 */
const flushTiny = (x: number): number => (x > -1e-300 && x < 1e-300 ? 0 : x);

export class Adam extends Base {
  readonly type: string = 'adam';
  readonly beta1: number;
  readonly beta2: number;
  readonly eps: number;
  readonly weightDecay: number;
  protected readonly decoupled: boolean = false;
  private readonly m: Float64Array;
  private readonly v: Float64Array;

  constructor(model: Sequential, opts: AdamOptions = {}) {
    super(model, positive(opts.lr, 'lr', 1e-3));
    this.beta1 = positive(opts.beta1, 'beta1', 0.9, 0, 0.999999);
    this.beta2 = positive(opts.beta2, 'beta2', 0.999, 0, 0.999999);
    this.eps = positive(opts.eps, 'eps', 1e-8);
    this.weightDecay = positive(opts.weightDecay, 'weightDecay', 0);
    this.m = new Float64Array(model.params.length);
    this.v = new Float64Array(model.params.length);
  }

  protected buffers(): Float64Array[] {
    return [this.m, this.v];
  }

  step(): void {
    const { p, m, v, beta1: b1, beta2: b2, eps, weightDecay: wd, lr } = this;
    const g = this.model.grads;
    this.t++;
    const c1 = 1 - b1 ** this.t;
    const c2 = Math.sqrt(1 - b2 ** this.t);
    const decay = this.decoupled ? 1 - lr * wd : 1;
    const l2 = this.decoupled ? 0 : wd;
    // lr m / c1 / (sqrt(v) / c2 + eps) with the constants hoisted (one division per element)
    const a = lr / c1;
    const ic2 = 1 / c2;
    const o1 = 1 - b1;
    const o2 = 1 - b2;
    for (const [s, e] of this.ranges) {
      for (let i = s; i < e; i++) {
        const gi = g[i] + l2 * p[i];
        const mi = flushTiny(b1 * m[i] + o1 * gi);
        const vi = flushTiny(b2 * v[i] + o2 * gi * gi);
        m[i] = mi;
        v[i] = vi;
        p[i] = p[i] * decay - (a * mi) / (Math.sqrt(vi) * ic2 + eps);
      }
    }
  }
}

export class AdamW extends Adam {
  override readonly type: string = 'adamw';
  protected override readonly decoupled: boolean = true;
  constructor(model: Sequential, opts: AdamOptions = {}) {
    super(model, { weightDecay: 0.01, ...opts });
  }
}
