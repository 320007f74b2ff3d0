/**
 * Training curves as a picture: two panels side by side, loss (left) and accuracy (right) per
 * epoch, train in blue and test in orange, as an RGB image [3, H, W] on 0..255 (for
 * encodePng). Each panel has a title, 3–5 round y-axis tick labels (accuracy in %), epoch
 * numbers (1-based; every k-th when they would crowd) and a legend, in the 5×7 bitmap font.
 */
import { drawText, textHeight, textWidth } from '../core/bitmap-font.js';
import { NDArray } from '../core/ndarray.js';
import type { EpochInfo } from './train.js';

type RGB = readonly [number, number, number];
const TRAIN: RGB = [31, 119, 180];
const TEST: RGB = [255, 127, 14];
const AXIS: RGB = [90, 90, 90];
const GRID: RGB = [232, 232, 232];
const INK: RGB = [40, 40, 40];

class Canvas {
  readonly img: NDArray<'float32'>; // [3, H, W]
  readonly data: Float32Array;
  constructor(
    readonly w: number,
    readonly h: number,
  ) {
    this.data = new Float32Array(3 * w * h).fill(255);
    this.img = new NDArray('float32', [3, h, w], this.data);
  }
  set(x: number, y: number, c: RGB): void {
    const xi = Math.round(x);
    const yi = Math.round(y);
    if (xi < 0 || yi < 0 || xi >= this.w || yi >= this.h) return;
    for (let k = 0; k < 3; k++) this.data[k * this.w * this.h + yi * this.w + xi] = c[k];
  }
  line(x0: number, y0: number, x1: number, y1: number, c: RGB, thick = 2): void {
    const n = Math.max(1, Math.ceil(Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0))));
    for (let i = 0; i <= n; i++) {
      const x = x0 + ((x1 - x0) * i) / n;
      const y = y0 + ((y1 - y0) * i) / n;
      this.set(x, y, c);
      if (thick > 1) this.set(x, y + 1, c);
    }
  }
  dot(x: number, y: number, c: RGB): void {
    for (let dy = -2; dy <= 2; dy++) for (let dx = -2; dx <= 2; dx++) this.set(x + dx, y + dy, c);
  }
  text(s: string, x: number, y: number, c: RGB, scale = 1): void {
    drawText(this.img, s, x, y, c, scale);
  }
}

/** Round tick values covering [lo, hi]: the smallest 1/2/2.5/5×10^k step giving at most 5 ticks; ends rounded outward. */
export function niceTicks(lo: number, hi: number): { lo: number; hi: number; step: number; ticks: number[] } {
  const range = hi - lo > 0 ? hi - lo : 1;
  const base = 10 ** Math.floor(Math.log10(range / 5));
  for (const m of [1, 2, 2.5, 5, 10, 20, 25, 50, 100]) {
    const step = m * base;
    const a = Math.floor(lo / step + 1e-9) * step;
    const b = Math.ceil(hi / step - 1e-9) * step;
    const n = Math.round((b - a) / step);
    if (n <= 4) {
      const ticks = Array.from({ length: n + 1 }, (_, i) => a + i * step);
      return { lo: a, hi: b > a ? b : a + step, step, ticks };
    }
  }
  return { lo, hi, step: range, ticks: [lo, hi] };
}

/** Digits after the point needed to write multiples of `step` exactly. */
function decimals(step: number): number {
  let d = 0;
  while (d < 12 && Math.abs(Math.round(step * 10 ** d) - step * 10 ** d) > 1e-6) d++;
  return d;
}

interface Panel {
  title: string;
  series: Array<[number[], RGB]>;
  lo: number;
  hi: number;
  percent: boolean;
}

function drawPanel(cv: Canvas, x0: number, w: number, h: number, p: Panel, epochs: number, legend: boolean): void {
  const ts = h >= 160 ? 2 : 1; // title scale
  const t = niceTicks(p.lo, p.hi);
  const d = p.percent ? decimals(t.step * 100) : decimals(t.step);
  const label = (v: number) => (p.percent ? `${(v * 100).toFixed(d)}%` : v.toFixed(d));
  const labels = t.ticks.map(label);
  const ml = 6 + Math.max(...labels.map((s) => textWidth(s))) + 4; // left margin: tick labels
  const mt = 6 + textHeight(ts) + 6; // top margin: title
  const mb = 6 + textHeight() + 4 + textHeight() + 4; // bottom margin: epoch numbers + "epoch"
  const mr = 12;
  const left = x0 + ml;
  const right = x0 + w - mr;
  const bottom = h - mb;
  const top = mt;
  const px = (e: number) => left + (epochs <= 1 ? (right - left) / 2 : ((right - left) * e) / (epochs - 1));
  const py = (v: number) => bottom - ((bottom - top) * (v - t.lo)) / (t.hi - t.lo);

  // y ticks: grid line, tick mark, label right-aligned to the axis
  t.ticks.forEach((v, i) => {
    const y = Math.round(py(v));
    if (i > 0) cv.line(left + 1, y, right, y, GRID, 1);
    cv.line(left - 3, y, left, y, AXIS, 1);
    cv.text(labels[i], left - 5 - textWidth(labels[i]), y - 3, INK);
  });
  cv.line(left, bottom, right, bottom, AXIS);
  cv.line(left, top, left, bottom, AXIS);

  // x ticks: every k-th epoch so that the numbers do not touch
  const slot = epochs <= 1 ? Number.POSITIVE_INFINITY : (right - left) / (epochs - 1);
  const need = textWidth(String(epochs)) + 6;
  const k = [1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000].find((s) => s * slot >= need) ?? Math.ceil(need / slot);
  for (let e = 0; e < epochs; e++) {
    cv.line(px(e), bottom, px(e), bottom + 4, AXIS);
    if ((e + 1) % k !== 0 && !(e === 0 && (k - 1) * slot >= need)) continue;
    const s = String(e + 1);
    cv.text(s, Math.round(px(e) - textWidth(s) / 2), bottom + 6, INK);
  }
  const xl = 'epoch';
  cv.text(xl, Math.round((left + right - textWidth(xl)) / 2), bottom + 6 + textHeight() + 4, INK);
  cv.text(p.title, left, 6, INK, ts);

  if (legend) {
    let lx = right - textWidth('train') - textWidth('test') - 2 * 14 - 10;
    const ly = 6 + Math.floor((textHeight(ts) - textHeight()) / 2);
    for (const [name, c] of [
      ['train', TRAIN],
      ['test', TEST],
    ] as const) {
      for (let dy = 1; dy < 6; dy++) cv.line(lx, ly + dy, lx + 9, ly + dy, c, 1);
      cv.text(name, lx + 12, ly, INK);
      lx += 14 + textWidth(name) + 10;
    }
  }

  for (const [vals, c] of p.series) {
    vals.forEach((v, e) => {
      if (!Number.isFinite(v)) return;
      if (e > 0 && Number.isFinite(vals[e - 1])) cv.line(px(e - 1), py(vals[e - 1]), px(e), py(v), c);
      cv.dot(px(e), py(v), c);
    });
  }
}

/** Loss and accuracy curves of a history; [3, height, width]. */
export function plotHistory(history: readonly EpochInfo[], width = 720, height = 280): NDArray<'float32'> {
  const cv = new Canvas(width, height);
  const n = history.length;
  const loss = history.map((e) => e.loss);
  const vloss = history.map((e) => e.valLoss ?? Number.NaN);
  const acc = history.map((e) => e.accuracy);
  const vacc = history.map((e) => e.valAccuracy ?? Number.NaN);
  const finite = (xs: number[]) => xs.filter(Number.isFinite);
  const losses = finite([...loss, ...vloss]);
  const maxLoss = losses.length && Math.max(...losses) > 0 ? Math.max(...losses) * 1.05 : 1;
  const minAcc = Math.min(1, ...finite([...acc, ...vacc]));
  const half = Math.floor(width / 2);
  const lossPanel: Panel = {
    title: 'loss',
    series: [
      [loss, TRAIN],
      [vloss, TEST],
    ],
    lo: 0,
    hi: maxLoss,
    percent: false,
  };
  const accPanel: Panel = {
    title: 'accuracy',
    series: [
      [acc, TRAIN],
      [vacc, TEST],
    ],
    lo: Math.max(0, minAcc - 0.02),
    hi: 1,
    percent: true,
  };
  drawPanel(cv, 0, half, height, lossPanel, n, true);
  drawPanel(cv, half, width - half, height, accPanel, n, false);
  return cv.img;
}
