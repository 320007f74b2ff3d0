/**
 * Colormaps and the array → RGBA conversion behind ImageCanvas. Pure functions (no DOM), so
 * they run in workers and in Node tests.
 */
import type { NDArray } from '../../../src/index.js';

export type Colormap = 'gray' | 'viridis' | 'magma' | 'coolwarm';
/** `auto` = min..max, `symmetric` = -m..m with m = max |v|, or fixed [lo, hi]. */
export type Range = 'auto' | 'symmetric' | readonly [number, number];

/** Anchor colours, evenly spaced on 0..1 (matplotlib's maps, sampled). */
const ANCHORS: Record<Colormap, string[]> = {
  gray: ['#000000', '#ffffff'],
  viridis: ['#440154', '#482878', '#3e4989', '#31688e', '#26828e', '#1f9e89', '#35b779', '#6ece58', '#b5de2b', '#fde725'],
  magma: ['#000004', '#180f3d', '#440f76', '#721f81', '#9e2f7f', '#cd4071', '#f1605d', '#fd9668', '#feca8d', '#fcfdbf'],
  coolwarm: ['#3b4cc0', '#6f92f3', '#aac7fd', '#dddddd', '#f7b89c', '#e7745b', '#b40426'],
};

const luts = new Map<Colormap, Uint8Array>();

/** A 256 × RGB lookup table for `name`, built once. */
export function colormapLUT(name: Colormap): Uint8Array {
  let lut = luts.get(name);
  if (lut) return lut;
  const anchors = ANCHORS[name];
  if (!anchors) throw new RangeError(`colormap: expected one of ${Object.keys(ANCHORS).join(', ')}, got ${JSON.stringify(name)}`);
  const rgb = anchors.map((hex) => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)));
  lut = new Uint8Array(256 * 3);
  for (let i = 0; i < 256; i++) {
    const t = (i / 255) * (rgb.length - 1);
    const j = Math.min(Math.floor(t), rgb.length - 2);
    const f = t - j;
    for (let c = 0; c < 3; c++) lut[i * 3 + c] = Math.round(rgb[j][c] * (1 - f) + rgb[j + 1][c] * f);
  }
  luts.set(name, lut);
  return lut;
}

/** An image as planes: `channels` planes of `height × width` values, row-major. */
export interface Planes {
  width: number;
  height: number;
  channels: number;
  data: ArrayLike<number>;
}

/** Accept a `[H, W]` or `[C, H, W]` NDArray (real dtypes) or a 2-D `number[][]`. */
export function toPlanes(src: NDArray | readonly (readonly number[])[]): Planes {
  if (Array.isArray(src)) {
    const rows = src as readonly (readonly number[])[];
    const height = rows.length;
    const width = height ? rows[0].length : 0;
    const data = new Float64Array(width * height);
    rows.forEach((row, y) => {
      if (row.length !== width) throw new RangeError(`image: row ${y} has ${row.length} values, expected ${width}`);
      data.set(row, y * width);
    });
    return { width, height, channels: 1, data };
  }
  const array = src as NDArray;
  if (array.dtype === 'complex64' || array.dtype === 'complex128') {
    throw new RangeError(`image: expected a real array, got ${array.dtype} (take abs() first)`);
  }
  const shape = array.shape;
  if (shape.length === 2) return { width: shape[1], height: shape[0], channels: 1, data: array.data };
  if (shape.length === 3 && shape[0] >= 1 && shape[0] <= 4)
    return { width: shape[2], height: shape[1], channels: shape[0], data: array.data };
  throw new RangeError(`image: expected shape [H, W] or [C, H, W] with C in 1..4, got [${shape.join(', ')}]`);
}

/** The lo..hi interval that `range` denotes over `data`. */
export function resolveRange(data: ArrayLike<number>, range: Range): [number, number] {
  if (Array.isArray(range)) return [range[0], range[1]];
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!Number.isFinite(lo)) return [0, 1];
  if (range === 'symmetric') {
    const m = Math.max(Math.abs(lo), Math.abs(hi)) || 1;
    return [-m, m];
  }
  return lo === hi ? [lo - 0.5, hi + 0.5] : [lo, hi];
}

/**
 * Map planes to RGBA pixels. One channel goes through `colormap`; 3 or 4 channels are RGB(A),
 * each scaled by the same range (default [0, 255], the scale of decoded images).
 */
export function toRGBA(planes: Planes, colormap: Colormap = 'gray', range?: Range): { rgba: Uint8ClampedArray; lo: number; hi: number } {
  const { width, height, channels, data } = planes;
  const n = width * height;
  const [lo, hi] = resolveRange(data, range ?? (channels >= 3 ? [0, 255] : 'auto'));
  const scale = hi > lo ? 255 / (hi - lo) : 0;
  const rgba = new Uint8ClampedArray(n * 4);
  if (channels >= 3) {
    for (let i = 0; i < n; i++) {
      rgba[i * 4] = (data[i] - lo) * scale;
      rgba[i * 4 + 1] = (data[n + i] - lo) * scale;
      rgba[i * 4 + 2] = (data[2 * n + i] - lo) * scale;
      rgba[i * 4 + 3] = channels === 4 ? (data[3 * n + i] - lo) * scale : 255;
    }
    return { rgba, lo, hi };
  }
  const lut = colormapLUT(colormap);
  for (let i = 0; i < n; i++) {
    const v = (data[i] - lo) * scale;
    const k = v > 255 ? 255 : v > 0 ? Math.round(v) : 0; // NaN → 0
    rgba[i * 4] = lut[k * 3];
    rgba[i * 4 + 1] = lut[k * 3 + 1];
    rgba[i * 4 + 2] = lut[k * 3 + 2];
    rgba[i * 4 + 3] = 255;
  }
  return { rgba, lo, hi };
}
