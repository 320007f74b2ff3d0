/**
 * Pictures of a network: tiles of 2-D maps (first-layer filters, feature maps) laid out in a
 * grid as one gray image [1, H, W] on the 0..255 scale (for encodePng). Each tile is
 * normalised on its own (min -> 0, max -> 255; a constant tile is mid-gray) and enlarged by
 * nearest-neighbour `scale`; tiles are separated by `gap` pixels of `background`.
 */
import { NDArray } from '../core/ndarray.js';
import type { Floats } from './tensor.js';

export interface GridOptions {
  /** Tiles per row (default: ceil(sqrt(count))). */
  cols?: number;
  /** Integer enlargement (default 1). */
  scale?: number;
  /** Pixels between tiles (default 1). */
  gap?: number;
  /** Gap colour 0..255 (default 255). */
  background?: number;
}

/** `tiles` maps of [h, w] each (views into any array). */
export function tileGrid(tiles: Floats[], h: number, w: number, opts: GridOptions = {}): NDArray<'float32'> {
  const n = tiles.length;
  const cols = Math.max(1, Math.min(n, opts.cols ?? Math.ceil(Math.sqrt(n))));
  const rows = Math.max(1, Math.ceil(n / cols));
  const s = opts.scale ?? 1;
  const gap = opts.gap ?? 1;
  const th = h * s;
  const tw = w * s;
  const H = rows * th + (rows - 1) * gap;
  const W = cols * tw + (cols - 1) * gap;
  const out = new Float32Array(H * W).fill(opts.background ?? 255);
  tiles.forEach((t, i) => {
    let lo = Infinity;
    let hi = -Infinity;
    for (let q = 0; q < h * w; q++) {
      lo = Math.min(lo, t[q]);
      hi = Math.max(hi, t[q]);
    }
    const k = hi > lo ? 255 / (hi - lo) : 0;
    const y0 = Math.floor(i / cols) * (th + gap);
    const x0 = (i % cols) * (tw + gap);
    for (let y = 0; y < th; y++) {
      for (let x = 0; x < tw; x++) {
        const v = t[Math.floor(y / s) * w + Math.floor(x / s)];
        out[(y0 + y) * W + x0 + x] = k === 0 ? 128 : Math.round((v - lo) * k);
      }
    }
  });
  return new NDArray('float32', [1, H, W], out);
}

/** Stack gray images [1, h_i, w_i] vertically (left-aligned, `gap` rows between, background fill). */
export function stackRows(images: NDArray<'float32'>[], gap = 4, background = 255): NDArray<'float32'> {
  const W = Math.max(...images.map((im) => im.shape[2]));
  const H = images.reduce((a, im) => a + im.shape[1], 0) + gap * (images.length - 1);
  const out = new Float32Array(H * W).fill(background);
  let y0 = 0;
  for (const im of images) {
    const [, h, w] = im.shape;
    for (let y = 0; y < h; y++) out.set(im.data.subarray(y * w, (y + 1) * w), (y0 + y) * W);
    y0 += h + gap;
  }
  return new NDArray('float32', [1, H, W], out);
}
