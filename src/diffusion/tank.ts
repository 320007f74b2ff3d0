/**
 * The salt-water tank: a square of size×size compartments (pixels) of salt water. Initially
 * blocks×blocks rectangular regions each hold one random concentration on 0..255 (`blocks` =
 * size gives every pixel its own); or start from an image's luminance. Remove the walls and
 * diffuse(): concentration evens out fastest where neighbours differ most.
 */
import { ArgumentError, ShapeError } from '../core/errors.js';
import { NDArray } from '../core/ndarray.js';
import { Rng } from '../core/rng.js';

export interface TankOptions {
  /** Side in compartments (default 256). */
  size?: number;
  /** Regions per side of uniform concentration (default 8, at most size). */
  blocks?: number;
  seed?: number;
}

/** Random initial concentrations, `[size, size]` float64 on 0..255, reproducible from `seed`. */
export function tank(opts: TankOptions = {}): NDArray<'float64'> {
  const size = opts.size ?? 256;
  const blocks = opts.blocks ?? 8;
  if (!Number.isSafeInteger(size) || size < 1 || size > 16384)
    throw new ArgumentError(`size: expected an integer 1..16384, got ${size}`, 'size');
  if (!Number.isSafeInteger(blocks) || blocks < 1 || blocks > size) {
    throw new ArgumentError(`blocks: expected an integer 1..size (${size}), got ${blocks}`, 'blocks');
  }
  const rng = new Rng(opts.seed ?? 0);
  const level = Float64Array.from({ length: blocks * blocks }, () => Math.round(rng.uniform(0, 255)));
  const out = new NDArray('float64', [size, size]);
  for (let y = 0; y < size; y++) {
    const by = Math.floor((y * blocks) / size);
    for (let x = 0; x < size; x++) out.data[y * size + x] = level[by * blocks + Math.floor((x * blocks) / size)];
  }
  return out;
}

/** An image `[C, H, W]` (or `[H, W]`) as concentrations `[H, W]` float64: Rec. 601 luma for RGB(A), the mean otherwise. */
export function tankFromImage(image: NDArray): NDArray<'float64'> {
  if (image.ndim === 2) return new NDArray('float64', image.shape, Float64Array.from(image.data as ArrayLike<number>));
  if (image.ndim !== 3) throw new ShapeError(`image: expected [C, H, W] or [H, W], got shape [${image.shape.join(', ')}]`, 'image');
  const [C, H, W] = image.shape;
  const n = H * W;
  const out = new NDArray('float64', [H, W]);
  const d = image.data;
  const luma = [0.299, 0.587, 0.114];
  for (let i = 0; i < n; i++) {
    let v = 0;
    if (C >= 3) for (let c = 0; c < 3; c++) v += luma[c] * d[c * n + i];
    else v = d[i]; // gray or gray+alpha: the gray plane
    out.data[i] = v;
  }
  return out;
}
