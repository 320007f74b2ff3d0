/**
 * ZCA whitening of image patches, read as a convolution. Collect size × size × C patches,
 * whiten them (whiten.ts), and keep the row of the ZCA matrix that produces each patch's
 * centre pixel: that row is a kernel, and convolving the image with it (after removing the
 * patch mean) whitens every pixel. The kernels look like centre-surround filters, so the
 * whitened image keeps edges and flattens smooth regions.
 */
import { ArgumentError, fromArray, type NDArray, Rng, ShapeError, zeros } from '../core/index.js';
import { checkInt } from './series.js';
import { zcaWhiten } from './whiten.js';

export interface WhitenedPatches {
  /** [C, H, W] whitened image (float32), same size as the input (reflect padding). */
  image: NDArray<'float32'>;
  /** [C, C, size, size] the per-output-channel kernels (applied as correlation). */
  kernels: NDArray<'float64'>;
  /** [C · size²] patch mean. */
  mean: Float64Array;
}

export function whitenPatches(
  image: NDArray,
  size: number,
  /** epsilon: added to the eigenvalues, as a fraction of the mean patch variance (default 0.01). */
  opts: { epsilon?: number; maxPatches?: number; seed?: number } = {},
): WhitenedPatches {
  if (image.ndim !== 3) throw new ShapeError(`image: expected [C, H, W], got shape [${image.shape.join(', ')}]`, 'image');
  if (image.dtype !== 'float32' && image.dtype !== 'float64' && image.dtype !== 'uint8')
    throw new ShapeError(`image: unsupported dtype ${image.dtype}`, 'image');
  const [C, H, W] = image.shape;
  checkInt(size, 'size', 1, Math.min(H, W));
  const relEps = opts.epsilon ?? 1e-2;
  if (!(relEps >= 0)) throw new ArgumentError(`epsilon: expected a non-negative number, got ${relEps}`, 'epsilon');
  const maxPatches = checkInt(opts.maxPatches ?? 20000, 'maxPatches', 2);
  const D = C * size * size;
  const positions = (H - size + 1) * (W - size + 1);
  const count = Math.min(positions, maxPatches);
  if (count < 2) throw new ArgumentError(`size: ${size} leaves fewer than 2 patches in a ${H}×${W} image`, 'size');
  const rng = new Rng(opts.seed ?? 0);
  const src = image.data as ArrayLike<number>;
  const patches = new Float64Array(count * D); // [count, C·size·size]
  for (let p = 0; p < count; p++) {
    const pos = count === positions ? p : rng.int(positions);
    const y0 = Math.floor(pos / (W - size + 1));
    const x0 = pos % (W - size + 1);
    let k = 0;
    for (let c = 0; c < C; c++)
      for (let dy = 0; dy < size; dy++) for (let dx = 0; dx < size; dx++) patches[p * D + k++] = src[(c * H + y0 + dy) * W + x0 + dx];
  }
  let meanVar = 0;
  for (let i = 0; i < D; i++) {
    let m = 0;
    let m2 = 0;
    for (let p = 0; p < count; p++) {
      const v = patches[p * D + i];
      m += v;
      m2 += v * v;
    }
    m /= count;
    meanVar += (m2 / count - m * m) / D;
  }
  if (!(meanVar > 0)) throw new ArgumentError('image: the image is constant; there is nothing to whiten', 'image');
  const zca = zcaWhiten(fromArray(patches, 'float64', [count, D]), { epsilon: relEps * meanVar });
  const h = Math.floor(size / 2);
  const kernels = zeros([C, C, size, size], 'float64');
  for (let co = 0; co < C; co++) {
    const centre = (co * size + h) * size + h;
    for (let i = 0; i < D; i++) kernels.data[co * D + i] = zca.transform[i * D + centre];
  }
  const out = zeros([C, H, W], 'float32');
  const reflect = (i: number, n: number) => {
    if (n === 1) return 0;
    const period = 2 * n;
    const m = ((i % period) + period) % period;
    return m < n ? m : period - 1 - m;
  };
  let bias = 0;
  for (let co = 0; co < C; co++) {
    bias = 0;
    for (let i = 0; i < D; i++) bias += kernels.data[co * D + i] * zca.mean[i];
    for (let y = 0; y < H; y++) {
      for (let x = 0; x < W; x++) {
        let s = -bias;
        let i = 0;
        for (let c = 0; c < C; c++) {
          for (let dy = 0; dy < size; dy++) {
            const yy = reflect(y + dy - h, H);
            for (let dx = 0; dx < size; dx++) s += kernels.data[co * D + i++] * src[(c * H + yy) * W + reflect(x + dx - h, W)];
          }
        }
        out.data[(co * H + y) * W + x] = s;
      }
    }
  }
  return { image: out, kernels, mean: zca.mean };
}
