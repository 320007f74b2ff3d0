/**
 * Tiny isomorphic plots for the statistics commands: lines, bands and bars drawn into a float32
 * RGB raster [3, H, W] on the 0..255 scale (the image layout everything else uses, ready for
 * `encodePng`). No text: the CLI prints the numbers; the plot shows the shape.
 */
import { type NDArray, zeros } from '../core/index.js';

export type Rgb = readonly [number, number, number];

export const COLORS = {
  series: [40, 40, 40] as Rgb,
  fit: [31, 119, 180] as Rgb,
  forecast: [214, 39, 40] as Rgb,
  band: [250, 200, 200] as Rgb,
  bars: [31, 119, 180] as Rgb,
  ciBand: [205, 225, 245] as Rgb,
  axis: [150, 150, 150] as Rgb,
};

export interface Line {
  /** x positions (default 0, 1, 2, …); y values (NaN breaks the line). */
  x?: ArrayLike<number>;
  y: ArrayLike<number>;
  color: Rgb;
}

export interface Band {
  x?: ArrayLike<number>;
  lower: ArrayLike<number>;
  upper: ArrayLike<number>;
  color: Rgb;
}

export interface PlotSpec {
  width?: number;
  height?: number;
  lines?: Line[];
  bands?: Band[];
  /** Vertical bars (stems) from 0, e.g. autocorrelations by lag. */
  bars?: { x?: ArrayLike<number>; y: ArrayLike<number>; color: Rgb };
  /** Draw the horizontal line y = 0 when it is in range. */
  zeroLine?: boolean;
}

class Raster {
  readonly img: NDArray<'float32'>;
  constructor(
    readonly w: number,
    readonly h: number,
  ) {
    this.img = zeros([3, h, w], 'float32');
    this.img.data.fill(255);
  }

  set(x: number, y: number, c: Rgb, alpha = 1): void {
    const xi = Math.round(x);
    const yi = Math.round(y);
    if (xi < 0 || yi < 0 || xi >= this.w || yi >= this.h) return;
    for (let k = 0; k < 3; k++) {
      const i = (k * this.h + yi) * this.w + xi;
      this.img.data[i] = this.img.data[i] * (1 - alpha) + c[k] * alpha;
    }
  }

  /** A 2-pixel-wide segment by sampling along its length. */
  line(x0: number, y0: number, x1: number, y1: number, c: Rgb): void {
    const steps = Math.max(1, Math.ceil(Math.hypot(x1 - x0, y1 - y0) * 2));
    for (let s = 0; s <= steps; s++) {
      const x = x0 + ((x1 - x0) * s) / steps;
      const y = y0 + ((y1 - y0) * s) / steps;
      this.set(x, y, c);
      this.set(x, y + 0.5, c);
    }
  }

  vspan(x: number, ya: number, yb: number, c: Rgb): void {
    const lo = Math.round(Math.min(ya, yb));
    const hi = Math.round(Math.max(ya, yb));
    for (let y = lo; y <= hi; y++) this.set(x, y, c);
  }
}

function range(values: Iterable<number>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  if (!Number.isFinite(lo)) return [0, 1];
  if (lo === hi) return [lo - 1, hi + 1];
  const pad = (hi - lo) * 0.05;
  return [lo - pad, hi + pad];
}

const xsOf = (x: ArrayLike<number> | undefined, n: number): ArrayLike<number> => x ?? Float64Array.from({ length: n }, (_, i) => i);

/** Render a plot to a float32 RGB image [3, H, W] (values 0..255). */
export function plot(spec: PlotSpec): NDArray<'float32'> {
  const W = spec.width ?? 800;
  const H = spec.height ?? 400;
  const r = new Raster(W, H);
  const lines = spec.lines ?? [];
  const bands = spec.bands ?? [];
  const allX: number[] = [];
  const allY: number[] = [];
  for (const l of lines) {
    allX.push(...Array.from(xsOf(l.x, l.y.length)));
    allY.push(...Array.from(l.y));
  }
  for (const b of bands) {
    allX.push(...Array.from(xsOf(b.x, b.lower.length)));
    allY.push(...Array.from(b.lower), ...Array.from(b.upper));
  }
  if (spec.bars) {
    allX.push(...Array.from(xsOf(spec.bars.x, spec.bars.y.length)));
    allY.push(...Array.from(spec.bars.y), 0);
  }
  const [x0, x1] = spec.bars ? [Math.min(...allX) - 0.5, Math.max(...allX) + 0.5] : range(allX);
  const [y0, y1] = range(allY);
  const m = { l: 30, r: 10, t: 10, b: 20 };
  const px = (x: number) => m.l + ((x - x0) / (x1 - x0)) * (W - m.l - m.r);
  const py = (y: number) => H - m.b - ((y - y0) / (y1 - y0)) * (H - m.t - m.b);
  for (const b of bands) {
    const xs = xsOf(b.x, b.lower.length);
    for (let i = 0; i + 1 < xs.length; i++) {
      const a = px(xs[i]);
      const c = px(xs[i + 1]);
      for (let X = Math.round(a); X <= Math.round(c); X++) {
        const t = c === a ? 0 : (X - a) / (c - a);
        r.vspan(X, py(b.lower[i] + t * (b.lower[i + 1] - b.lower[i])), py(b.upper[i] + t * (b.upper[i + 1] - b.upper[i])), b.color);
      }
    }
    if (xs.length === 1) r.vspan(px(xs[0]), py(b.lower[0]), py(b.upper[0]), b.color);
  }
  // frame and zero line
  r.line(m.l, m.t, m.l, H - m.b, COLORS.axis);
  r.line(m.l, H - m.b, W - m.r, H - m.b, COLORS.axis);
  if (spec.zeroLine && y0 < 0 && y1 > 0) r.line(m.l, py(0), W - m.r, py(0), COLORS.axis);
  if (spec.bars) {
    const xs = xsOf(spec.bars.x, spec.bars.y.length);
    const half = Math.max(1, Math.floor(((W - m.l - m.r) / (x1 - x0)) * 0.15));
    for (let i = 0; i < xs.length; i++) {
      for (let d = -half; d <= half; d++) r.vspan(px(xs[i]) + d, py(0), py(spec.bars.y[i]), spec.bars.color);
    }
  }
  for (const l of lines) {
    const xs = xsOf(l.x, l.y.length);
    for (let i = 0; i + 1 < xs.length; i++) {
      if (!Number.isFinite(l.y[i]) || !Number.isFinite(l.y[i + 1])) continue;
      r.line(px(xs[i]), py(l.y[i]), px(xs[i + 1]), py(l.y[i + 1]), l.color);
    }
  }
  return r.img;
}
