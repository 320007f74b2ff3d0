/**
 * A small SVG line / bar chart for spectra and training curves: axes with "nice" ticks, axis
 * labels, a legend, optional log-scaled y.
 *
 *   const svg = chart({ kind: 'line', series: [{ label: 'loss', y: losses }], xLabel: 'step', yLabel: 'loss' });
 *   parent.append(svg);
 */

export interface Series {
  label: string;
  y: ArrayLike<number>;
  /** x positions; default 0, 1, 2, … */
  x?: ArrayLike<number>;
  color?: string;
}

export interface ChartOptions {
  kind?: 'line' | 'bar';
  series: Series[];
  xLabel?: string;
  yLabel?: string;
  title?: string;
  /** Log-scale the y axis (values <= 0 are dropped). */
  logY?: boolean;
  width?: number;
  height?: number;
  /** Fixed y interval; default from the data (bars always include 0). */
  yDomain?: [number, number];
}

const PALETTE = ['#2f6fdf', '#e4572e', '#17a589', '#8e44ad', '#f39c12', '#34495e'];
const SVG_NS = 'http://www.w3.org/2000/svg';

/** About `count` round tick values covering [lo, hi] (steps of 1, 2 or 5 × 10^k). */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [];
  if (lo === hi) return [lo];
  if (lo > hi) [lo, hi] = [hi, lo];
  const raw = (hi - lo) / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const ticks: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) ticks.push(Number(t.toPrecision(12)));
  return ticks;
}

/** Min and max of finite values over all series. */
export function extent(values: Iterable<ArrayLike<number>>): [number, number] {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const arr of values) {
    for (let i = 0; i < arr.length; i++) {
      const v = arr[i];
      if (Number.isFinite(v)) {
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
    }
  }
  return lo <= hi ? [lo, hi] : [0, 1];
}

/** The smallest gap between distinct x values of any series (1 when there is none). */
export function minSpacing(xs: ArrayLike<number>[]): number {
  let gap = Number.POSITIVE_INFINITY;
  for (const x of xs) {
    const sorted = Array.from(x).sort((a, b) => a - b);
    for (let i = 1; i < sorted.length; i++) if (sorted[i] > sorted[i - 1]) gap = Math.min(gap, sorted[i] - sorted[i - 1]);
  }
  return Number.isFinite(gap) ? gap : 1;
}

export function formatTick(v: number): string {
  const a = Math.abs(v);
  if (a !== 0 && (a >= 1e5 || a < 1e-3)) return v.toExponential(0);
  return String(Number(v.toPrecision(4)));
}

function el<K extends keyof SVGElementTagNameMap>(name: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Build the chart as an `<svg>` element (scales with its container; viewBox = width × height). */
export function chart(options: ChartOptions): SVGSVGElement {
  const { kind = 'line', series, logY = false, width = 480, height = 260 } = options;
  const legendRow = series.length > 1 ? 18 : 0;
  const m = { top: (options.title ? 28 : 14) + legendRow, right: 16, bottom: options.xLabel ? 44 : 28, left: options.yLabel ? 62 : 48 };
  const w = width - m.left - m.right;
  const h = height - m.top - m.bottom;
  const xs = series.map((s) => s.x ?? Array.from({ length: s.y.length }, (_, i) => i));
  const tf = (v: number) => (logY ? (v > 0 ? Math.log10(v) : Number.NaN) : v);
  const ys = series.map((s) => Array.from(s.y, tf));

  let [x0, x1] = extent(xs);
  const barStep = kind === 'bar' ? minSpacing(xs) : 0;
  if (kind === 'bar') [x0, x1] = [x0 - barStep / 2, x1 + barStep / 2];
  if (x0 === x1) [x0, x1] = [x0 - 1, x1 + 1];
  let [y0, y1] = options.yDomain ? [tf(options.yDomain[0]), tf(options.yDomain[1])] : extent(ys);
  if (kind === 'bar' && !logY && !options.yDomain) [y0, y1] = [Math.min(0, y0), Math.max(0, y1)];
  if (y0 === y1) [y0, y1] = [y0 - 1, y1 + 1];
  const sx = (v: number) => m.left + ((v - x0) / (x1 - x0)) * w;
  const sy = (v: number) => m.top + h - ((v - y0) / (y1 - y0)) * h;

  const svg = el('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart', role: 'img' });
  if (options.title) svg.append(el('text', { x: m.left, y: 18, class: 'chart__title' }, options.title));

  const axes = el('g', { class: 'chart__axes' });
  const yTicks = logY
    ? niceTicks(Math.floor(y0), Math.ceil(y1), 5).filter((t) => Number.isInteger(t) && t >= y0 && t <= y1)
    : niceTicks(y0, y1, 5);
  for (const t of yTicks) {
    axes.append(el('line', { x1: m.left, x2: m.left + w, y1: sy(t), y2: sy(t), class: 'chart__grid' }));
    axes.append(el('text', { x: m.left - 6, y: sy(t) + 4, 'text-anchor': 'end' }, logY ? formatTick(10 ** t) : formatTick(t)));
  }
  for (const t of niceTicks(x0, x1, 6)) {
    axes.append(el('line', { x1: sx(t), x2: sx(t), y1: m.top + h, y2: m.top + h + 4, class: 'chart__tick' }));
    axes.append(el('text', { x: sx(t), y: m.top + h + 17, 'text-anchor': 'middle' }, formatTick(t)));
  }
  axes.append(el('line', { x1: m.left, x2: m.left + w, y1: m.top + h, y2: m.top + h, class: 'chart__axis' }));
  axes.append(el('line', { x1: m.left, x2: m.left, y1: m.top, y2: m.top + h, class: 'chart__axis' }));
  if (options.xLabel)
    axes.append(el('text', { x: m.left + w / 2, y: height - 6, 'text-anchor': 'middle', class: 'chart__label' }, options.xLabel));
  if (options.yLabel) {
    const cy = m.top + h / 2;
    axes.append(
      el('text', { x: 14, y: cy, transform: `rotate(-90 14 ${cy})`, 'text-anchor': 'middle', class: 'chart__label' }, options.yLabel),
    );
  }
  svg.append(axes);

  const plot = el('g', { class: 'chart__plot' });
  series.forEach((s, k) => {
    const color = s.color ?? PALETTE[k % PALETTE.length];
    const x = xs[k];
    const y = ys[k];
    if (kind === 'bar') {
      const slot = (barStep / (x1 - x0)) * w * 0.85;
      const bw = Math.max(1, slot / series.length);
      const base = sy(logY ? y0 : Math.max(y0, Math.min(0, y1)));
      for (let i = 0; i < y.length; i++) {
        if (!Number.isFinite(y[i])) continue;
        const left = sx(x[i]) - slot / 2 + k * bw;
        const top = Math.min(base, sy(y[i]));
        plot.append(el('rect', { x: left, y: top, width: bw, height: Math.abs(base - sy(y[i])), fill: color }));
      }
    } else {
      let d = '';
      let pen = false;
      for (let i = 0; i < y.length; i++) {
        if (!Number.isFinite(y[i])) {
          pen = false;
          continue;
        }
        d += `${pen ? 'L' : 'M'}${sx(x[i]).toFixed(1)},${sy(y[i]).toFixed(1)}`;
        pen = true;
      }
      plot.append(el('path', { d, fill: 'none', stroke: color, 'stroke-width': 1.75, 'stroke-linejoin': 'round' }));
    }
  });
  svg.append(plot);

  if (series.length > 1) {
    const legend = el('g', { class: 'chart__legend' });
    // One row above the plot, right-aligned; about 7 px per character.
    let x = m.left + w;
    const y = m.top - legendRow + 2;
    for (let k = series.length - 1; k >= 0; k--) {
      const s = series[k];
      x -= 16 + s.label.length * 7;
      legend.append(el('rect', { x, y: y - 9, width: 10, height: 10, rx: 2, fill: s.color ?? PALETTE[k % PALETTE.length] }));
      legend.append(el('text', { x: x + 14, y }, s.label));
    }
    svg.append(legend);
  }
  return svg;
}
