/**
 * Drawing a network's 2-D maps: `count` tiles of [h, w] (kernels or feature maps) in a grid on
 * one canvas, each tile coloured on its own range (`symmetric` = -m..m, so zero is the
 * colormap's middle — right for kernels and pre-activation maps; `auto` = min..max).
 */
import { type Colormap, colormapLUT } from '../../components/colormap.js';

export interface TileOptions {
  cols?: number;
  /** Canvas pixels per map pixel. */
  scale?: number;
  gap?: number;
  colormap?: Colormap;
  range?: 'symmetric' | 'auto';
}

/** Pixel size of the grid (for layout before drawing). */
export function gridSize(count: number, h: number, w: number, opts: TileOptions = {}): { width: number; height: number; cols: number } {
  const cols = Math.max(1, Math.min(count, opts.cols ?? Math.ceil(Math.sqrt(count))));
  const rows = Math.ceil(count / cols);
  const s = opts.scale ?? 4;
  const gap = opts.gap ?? 2;
  return { width: cols * w * s + (cols - 1) * gap, height: rows * h * s + (rows - 1) * gap, cols };
}

/** RGBA pixels of the grid: tile i is data[i*h*w, (i+1)*h*w); gaps are transparent. */
export function tileRGBA(
  data: ArrayLike<number>,
  count: number,
  h: number,
  w: number,
  opts: TileOptions = {},
): Uint8ClampedArray<ArrayBuffer> {
  const { width, height, cols } = gridSize(count, h, w, opts);
  const s = opts.scale ?? 4;
  const gap = opts.gap ?? 2;
  const lut = colormapLUT(opts.colormap ?? 'coolwarm');
  const symmetric = (opts.range ?? 'symmetric') === 'symmetric';
  const out = new Uint8ClampedArray(width * height * 4);
  for (let t = 0; t < count; t++) {
    const o = t * h * w;
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (let q = 0; q < h * w; q++) {
      lo = Math.min(lo, data[o + q]);
      hi = Math.max(hi, data[o + q]);
    }
    if (symmetric) {
      hi = Math.max(Math.abs(lo), Math.abs(hi));
      lo = -hi;
    }
    // A constant tile: mid colour on a symmetric scale (zero), the bottom colour otherwise (a dead ReLU map is black).
    const flat = symmetric ? 128 : 0;
    const k = hi > lo ? 255 / (hi - lo) : 0;
    const x0 = (t % cols) * (w * s + gap);
    const y0 = Math.floor(t / cols) * (h * s + gap);
    for (let y = 0; y < h * s; y++) {
      for (let x = 0; x < w * s; x++) {
        const v = data[o + Math.floor(y / s) * w + Math.floor(x / s)];
        const c = k === 0 ? flat : Math.max(0, Math.min(255, Math.round((v - lo) * k)));
        const p = ((y0 + y) * width + x0 + x) * 4;
        out[p] = lut[3 * c];
        out[p + 1] = lut[3 * c + 1];
        out[p + 2] = lut[3 * c + 2];
        out[p + 3] = 255;
      }
    }
  }
  return out;
}

/** Draws the grid onto `canvas` (resized to fit). */
export function drawTiles(
  canvas: HTMLCanvasElement,
  data: ArrayLike<number>,
  count: number,
  h: number,
  w: number,
  opts: TileOptions = {},
): void {
  const { width, height } = gridSize(count, h, w, opts);
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  const ctx = canvas.getContext('2d')!;
  ctx.clearRect(0, 0, width, height);
  ctx.putImageData(new ImageData(tileRGBA(data, count, h, w, opts), width, height), 0, 0);
}
