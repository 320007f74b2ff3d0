/**
 * Query preprocessing: a photo of a garment (any size, colour, light or dark background) made
 * to look like a Fashion-MNIST image: 28 x 28 grey, garment light on black, cropped to the
 * object and centred, brightest pixel 255.
 *
 *   1. grey: BT.601 luma (toGray); transparent pixels (alpha) are composited on white;
 *   2. invert when the background is light: the median of the border pixels > 127 ('auto');
 *   3. subtract the background level (the border median after inversion), clamp at 0;
 *   4. crop to the bounding box of the object: pixels above the noise floor (3 x the median
 *      absolute deviation of the border, at least 1 grey level), or above `threshold` x max when
 *      given (a floor relative to the maximum moves with any contrast change, the noise one does not);
 *   5. pad to a square (black), the object centred;
 *   6. resize to 28 x 28 by area averaging (anti-aliased: each output pixel is the mean of
 *      the input area it covers, as OpenCV's INTER_AREA);
 *   7. normalizeContrast.
 * Each step's image is returned for display (the lab shows them).
 */
import { ArgumentError, ShapeError } from '../core/errors.js';
import type { NDArray } from '../core/ndarray.js';
import { formatShape } from '../core/shape.js';
import { normalizeContrast, SIDE } from './features.js';

export interface PreprocessOptions {
  /** Invert grey values: 'auto' (light background → invert), or always / never. Default 'auto'. */
  invert?: 'auto' | boolean;
  /** Crop to the object. Default true. */
  crop?: boolean;
  /** Share of the maximum above which a pixel belongs to the object (crop). Default: the noise floor (see step 4). */
  threshold?: number;
  /** Output side. Default 28. */
  size?: number;
}

/** A grey image, row-major. */
export interface GrayImage {
  width: number;
  height: number;
  data: Float32Array;
}

export interface Preprocessed {
  /** [size * size], 0..255, garment light on black. */
  image: Float32Array;
  inverted: boolean;
  /** The crop box in the grey image: x, y (column, row of the top-left), width, height. */
  box: { x: number; y: number; width: number; height: number };
  steps: { gray: GrayImage; foreground: GrayImage; cropped: GrayImage; square: GrayImage; resized: GrayImage };
}

/** Luma of an image [C, H, W] (C = 1..4, 0..255); alpha composited over white. */
export function grayOf(image: NDArray): GrayImage {
  if (image.ndim !== 3 || image.shape[0] < 1 || image.shape[0] > 4) {
    throw new ShapeError(`image: expected [C, H, W] with 1 to 4 channels, got ${formatShape(image.shape)}`, 'image');
  }
  const [c, h, w] = image.shape;
  const n = h * w;
  const src = image.data as ArrayLike<number>;
  const data = new Float32Array(n);
  const hasAlpha = c === 2 || c === 4;
  for (let i = 0; i < n; i++) {
    const g = c >= 3 ? 0.299 * src[i] + 0.587 * src[n + i] + 0.114 * src[2 * n + i] : src[i];
    if (hasAlpha) {
      const a = Math.min(1, Math.max(0, src[(c - 1) * n + i] / 255));
      data[i] = g * a + 255 * (1 - a);
    } else data[i] = g;
  }
  return { width: w, height: h, data };
}

function borderMedian(g: GrayImage): number {
  const { width: w, height: h, data } = g;
  const v: number[] = [];
  for (let x = 0; x < w; x++) v.push(data[x], data[(h - 1) * w + x]);
  for (let y = 1; y < h - 1; y++) v.push(data[y * w], data[y * w + w - 1]);
  v.sort((a, b) => a - b);
  return v[v.length >> 1];
}

/** Median absolute deviation of the border pixels from their median. */
function borderMad(g: GrayImage): number {
  const m = borderMedian(g);
  return borderMedian({ ...g, data: g.data.map((v) => Math.abs(v - m)) });
}

/** Area-averaging resize of a grey image to out x out (see the file comment, step 6). */
export function resizeArea(g: GrayImage, outW: number, outH: number): GrayImage {
  const weights = (n: number, m: number): Array<Array<[number, number]>> => {
    // For each output index, the input indices it covers and the overlap length (in input pixels).
    const s = n / m;
    return Array.from({ length: m }, (_, o) => {
      const a = o * s;
      const b = (o + 1) * s;
      const list: Array<[number, number]> = [];
      for (let i = Math.floor(a); i < Math.min(n, Math.ceil(b)); i++) {
        const wgt = Math.min(b, i + 1) - Math.max(a, i);
        if (wgt > 1e-12) list.push([i, wgt / s]);
      }
      return list;
    });
  };
  const wx = weights(g.width, outW);
  const wy = weights(g.height, outH);
  const tmp = new Float32Array(g.height * outW); // [H, outW]
  for (let y = 0; y < g.height; y++)
    for (let x = 0; x < outW; x++) {
      let s = 0;
      for (const [i, wt] of wx[x]) s += wt * g.data[y * g.width + i];
      tmp[y * outW + x] = s;
    }
  const data = new Float32Array(outW * outH);
  for (let y = 0; y < outH; y++)
    for (let x = 0; x < outW; x++) {
      let s = 0;
      for (const [i, wt] of wy[y]) s += wt * tmp[i * outW + x];
      data[y * outW + x] = s;
    }
  return { width: outW, height: outH, data };
}

/** Runs steps 1–7 on an image [C, H, W] (0..255). */
export function preprocessQuery(image: NDArray, opts: PreprocessOptions = {}): Preprocessed {
  const size = opts.size ?? SIDE;
  const threshold = opts.threshold ?? 0;
  if (!Number.isInteger(size) || size < 1) throw new ArgumentError(`size: expected a positive integer, got ${size}`, 'size');
  if (!(threshold >= 0 && threshold < 1)) throw new ArgumentError(`threshold: expected a number in [0, 1), got ${threshold}`, 'threshold');
  const invertOpt = opts.invert ?? 'auto';
  if (invertOpt !== 'auto' && typeof invertOpt !== 'boolean')
    throw new ArgumentError(`invert: expected 'auto', true or false, got ${JSON.stringify(invertOpt)}`, 'invert');
  const gray = grayOf(image);
  const { width: w, height: h } = gray;
  const inverted = invertOpt === 'auto' ? borderMedian(gray) > 127 : invertOpt;
  const fg = new Float32Array(w * h);
  for (let i = 0; i < fg.length; i++) fg[i] = inverted ? 255 - gray.data[i] : gray.data[i];
  const bg = borderMedian({ width: w, height: h, data: fg });
  let max = 0;
  for (let i = 0; i < fg.length; i++) {
    fg[i] = Math.max(0, fg[i] - bg);
    if (fg[i] > max) max = fg[i];
  }
  const foreground = { width: w, height: h, data: fg };
  const floor = opts.threshold === undefined ? Math.max(1, 3 * borderMad(foreground)) : threshold * max;
  let box = { x: 0, y: 0, width: w, height: h };
  if ((opts.crop ?? true) && max > 0) {
    let [x0, y0, x1, y1] = [w, h, -1, -1];
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++)
        if (fg[y * w + x] > floor) {
          if (x < x0) x0 = x;
          if (x > x1) x1 = x;
          if (y < y0) y0 = y;
          if (y > y1) y1 = y;
        }
    if (x1 >= 0) box = { x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 }; // else nothing stands out: keep all
  }
  const cropped = new Float32Array(box.width * box.height);
  for (let y = 0; y < box.height; y++)
    cropped.set(fg.subarray((box.y + y) * w + box.x, (box.y + y) * w + box.x + box.width), y * box.width);
  const side = Math.max(box.width, box.height);
  const square = new Float32Array(side * side);
  const ox = (side - box.width) >> 1;
  const oy = (side - box.height) >> 1;
  for (let y = 0; y < box.height; y++) square.set(cropped.subarray(y * box.width, (y + 1) * box.width), (oy + y) * side + ox);
  const sq = { width: side, height: side, data: square };
  const resized = resizeArea(sq, size, size);
  return {
    image: normalizeContrast(resized.data),
    inverted,
    box,
    steps: { gray, foreground, cropped: { width: box.width, height: box.height, data: cropped }, square: sq, resized },
  };
}
