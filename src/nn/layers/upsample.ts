/** Upsample2D, nearest neighbour by integer factors: [N, C, H, W] -> [N, C, H*fh, W*fw]; backward sums each block. */
import { type ForwardContext, Layer, type LayerSpec } from '../layer.js';
import { Buffer, type Tensor, tensor } from '../tensor.js';
import { expectRank, pair } from './options.js';

export class Upsample2D extends Layer {
  readonly type = 'upsample2d';
  readonly scale: [number, number];
  private readonly out = new Buffer();
  private readonly dx = new Buffer();

  constructor(opts: { scale: number | [number, number] }) {
    super();
    this.scale = pair(opts.scale, 'scale');
  }

  protected setup(inShape: number[]): number[] {
    expectRank(this.type, inShape, 3, '[C, H, W]');
    return [inShape[0], inShape[1] * this.scale[0], inShape[2] * this.scale[1]];
  }

  forward(x: Tensor, _ctx: ForwardContext): Tensor {
    const [n, c, h, w] = x.shape;
    const [fh, fw] = this.scale;
    const W = w * fw;
    const y = this.out.get(x.dtype, x.size * fh * fw);
    for (let plane = 0; plane < n * c; plane++) {
      for (let iy = 0; iy < h * fh; iy++) {
        const src = plane * h * w + Math.floor(iy / fh) * w;
        const dst = (plane * h * fh + iy) * W;
        for (let ix = 0; ix < W; ix++) y[dst + ix] = x.data[src + Math.floor(ix / fw)];
      }
    }
    return tensor([n, c, h * fh, W], y);
  }

  backward(dy: Tensor, needDx: boolean): Tensor | null {
    if (!needDx) return null;
    const [n, c, H, W] = dy.shape;
    const [fh, fw] = this.scale;
    const h = H / fh;
    const w = W / fw;
    const dx = this.dx.zeros(dy.dtype, n * c * h * w);
    for (let plane = 0; plane < n * c; plane++) {
      for (let iy = 0; iy < H; iy++) {
        const dst = plane * h * w + Math.floor(iy / fh) * w;
        const src = (plane * H + iy) * W;
        for (let ix = 0; ix < W; ix++) dx[dst + Math.floor(ix / fw)] += dy.data[src + ix];
      }
    }
    return tensor([n, c, h, w], dx);
  }

  spec(): LayerSpec {
    return { type: this.type, scale: this.scale };
  }
}
