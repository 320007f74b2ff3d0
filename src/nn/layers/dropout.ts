/**
 * Dropout (inverted): in training each element is zeroed with probability `rate` and the
 * survivors scaled by 1 / (1 - rate); at inference it is the identity. The mask comes from
 * the context's seeded Rng, so a run is reproducible.
 */
import { type ForwardContext, Layer, type LayerSpec } from '../layer.js';
import { Buffer, type Tensor, tensor } from '../tensor.js';
import { finiteIn } from './options.js';

export class Dropout extends Layer {
  readonly type = 'dropout';
  readonly rate: number;
  private mask: Tensor | undefined;
  private readonly maskBuf = new Buffer();
  private readonly out = new Buffer();
  private readonly dx = new Buffer();

  constructor(opts: { rate: number }) {
    super();
    this.rate = finiteIn(opts.rate, 'rate', 0, 0.999);
  }

  protected setup(inShape: number[]): number[] {
    return [...inShape];
  }

  forward(x: Tensor, ctx: ForwardContext): Tensor {
    if (!ctx.training || this.rate === 0) {
      this.mask = undefined;
      return x;
    }
    const scale = 1 / (1 - this.rate);
    const m = this.maskBuf.get(x.dtype, x.size);
    const y = this.out.get(x.dtype, x.size);
    // drop when a uniform 32-bit draw u < rate * 2^32 (one draw per element)
    const cut = this.rate * 2 ** 32;
    const rng = ctx.rng;
    const xd = x.data;
    for (let i = 0; i < m.length; i++) {
      const k = rng.nextUint32() < cut ? 0 : scale;
      m[i] = k;
      y[i] = xd[i] * k;
    }
    this.mask = tensor(x.shape, m);
    return tensor(x.shape, y);
  }

  backward(dy: Tensor, needDx: boolean): Tensor | null {
    if (!needDx) return null;
    if (this.mask === undefined) return dy;
    const dx = this.dx.get(dy.dtype, dy.size);
    const m = this.mask.data;
    for (let i = 0; i < dx.length; i++) dx[i] = dy.data[i] * m[i];
    return tensor(dy.shape, dx);
  }

  spec(): LayerSpec {
    return { type: this.type, rate: this.rate };
  }
}
