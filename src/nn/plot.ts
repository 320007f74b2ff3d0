/**
 * Training curves as a picture: two panels side by side, loss (left) and accuracy (right) per
 * epoch, train in blue and test in orange, as an RGB image [3, H, W] on 0..255 (for
 * encodePng). No text: the axes span [0, max loss] and [min accuracy, 1]; tick marks per epoch.
 */
import { NDArray } from '../core/ndarray.js';
import type { EpochInfo } from './train.js';

type RGB = readonly [number, number, number];
const TRAIN: RGB = [31, 119, 180];
const TEST: RGB = [255, 127, 14];
const AXIS: RGB = [90, 90, 90];

class Canvas {
  readonly data: Float32Array;
  constructor(
    readonly w: number,
    readonly h: number,
  ) {
    this.data = new Float32Array(3 * w * h).fill(255);
  }
  set(x: number, y: number, c: RGB): void {
    const xi = Math.round(x);
    const yi = Math.round(y);
    if (xi < 0 || yi < 0 || xi >= this.w || yi >= this.h) return;
    for (let k = 0; k < 3; k++) this.data[k * this.w * this.h + yi * this.w + xi] = c[k];
  }
  line(x0: number, y0: number, x1: number, y1: number, c: RGB): void {
    const n = Math.max(1, Math.ceil(Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0))));
    for (let i = 0; i <= n; i++) {
      const x = x0 + ((x1 - x0) * i) / n;
      const y = y0 + ((y1 - y0) * i) / n;
      this.set(x, y, c);
      this.set(x, y + 1, c); // 2 px thick
    }
  }
  dot(x: number, y: number, c: RGB): void {
    for (let dy = -2; dy <= 2; dy++) for (let dx = -2; dx <= 2; dx++) this.set(x + dx, y + dy, c);
  }
}

function panel(cv: Canvas, x0: number, w: number, h: number, series: Array<[number[], RGB]>, lo: number, hi: number, epochs: number): void {
  const m = 12;
  const px = (e: number) => x0 + m + (epochs <= 1 ? (w - 2 * m) / 2 : ((w - 2 * m) * e) / (epochs - 1));
  const py = (v: number) => h - m - ((h - 2 * m) * (v - lo)) / (hi - lo || 1);
  cv.line(x0 + m, h - m, x0 + w - m, h - m, AXIS);
  cv.line(x0 + m, m, x0 + m, h - m, AXIS);
  for (let e = 0; e < epochs; e++) cv.line(px(e), h - m, px(e), h - m + 4, AXIS);
  for (const [vals, c] of series) {
    vals.forEach((v, e) => {
      if (!Number.isFinite(v)) return;
      if (e > 0 && Number.isFinite(vals[e - 1])) cv.line(px(e - 1), py(vals[e - 1]), px(e), py(v), c);
      cv.dot(px(e), py(v), c);
    });
  }
}

/** Loss and accuracy curves of a history; [3, height, width]. */
export function plotHistory(history: readonly EpochInfo[], width = 640, height = 240): NDArray<'float32'> {
  const cv = new Canvas(width, height);
  const n = history.length;
  const loss = history.map((e) => e.loss);
  const vloss = history.map((e) => e.valLoss ?? Number.NaN);
  const acc = history.map((e) => e.accuracy);
  const vacc = history.map((e) => e.valAccuracy ?? Number.NaN);
  const finite = (xs: number[]) => xs.filter(Number.isFinite);
  const maxLoss = Math.max(1e-9, ...finite([...loss, ...vloss]));
  const minAcc = Math.min(1, ...finite([...acc, ...vacc]));
  const half = Math.floor(width / 2);
  panel(
    cv,
    0,
    half,
    height,
    [
      [loss, TRAIN],
      [vloss, TEST],
    ],
    0,
    maxLoss * 1.05,
    n,
  );
  panel(
    cv,
    half,
    width - half,
    height,
    [
      [acc, TRAIN],
      [vacc, TEST],
    ],
    Math.max(0, minAcc - 0.02),
    1,
    n,
  );
  return new NDArray('float32', [3, height, width], cv.data);
}
