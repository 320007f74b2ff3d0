/**
 * A layered SVG plot for the statistics chapter, drawn in the style of components/chart.ts (same
 * CSS classes, same tick rules) but with what that chart lacks: filled bands (forecast and
 * confidence intervals), bars and lines on one axis, scatter points, vertical markers, and an
 * inset strip of bars with its own y scale (the smoothing kernel under the series).
 *
 *   svg = plot({ layers: [{ kind: 'band', x, lo, hi }, { kind: 'line', x, y }], xLabel: 'year' });
 */
import { extent, formatTick, niceTicks } from '../../components/chart.js';

const SVG_NS = 'http://www.w3.org/2000/svg';

export type Layer =
  | { kind: 'line'; x: ArrayLike<number>; y: ArrayLike<number>; color: string; width?: number; label?: string; id?: string; dash?: string }
  | { kind: 'bars'; x: ArrayLike<number>; y: ArrayLike<number>; color: string; label?: string; id?: string; barWidth?: number }
  | { kind: 'band'; x: ArrayLike<number>; lo: ArrayLike<number>; hi: ArrayLike<number>; color: string; label?: string; id?: string }
  | { kind: 'points'; x: ArrayLike<number>; y: ArrayLike<number>; color: string; radius?: number; label?: string; id?: string }
  | { kind: 'vline'; x: number; color: string; label?: string; id?: string }
  | { kind: 'hline'; y: number; color: string; label?: string; id?: string; dash?: string };

export interface PlotOptions {
  layers: Layer[];
  /** Bars drawn in a strip along the bottom of the plot, with their own y scale (0 at the strip's foot). */
  inset?: { x: ArrayLike<number>; y: ArrayLike<number>; color: string; id?: string; window?: [number, number] };
  xLabel?: string;
  yLabel?: string;
  title?: string;
  width?: number;
  height?: number;
  xDomain?: [number, number];
  yDomain?: [number, number];
  /** Same units per pixel on both axes (scatter plots). */
  equal?: boolean;
}

function el<K extends keyof SVGElementTagNameMap>(name: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

function minGap(x: ArrayLike<number>): number {
  let gap = Number.POSITIVE_INFINITY;
  for (let i = 1; i < x.length; i++) {
    const d = Math.abs(x[i] - x[i - 1]);
    if (d > 0) gap = Math.min(gap, d);
  }
  return Number.isFinite(gap) ? gap : 1;
}

export function plot(options: PlotOptions): SVGSVGElement {
  const { layers, width = 560, height = 260 } = options;
  const labelled = layers.filter((l) => l.label);
  const legendRow = labelled.length > 0 ? 18 : 0;
  const m = { top: (options.title ? 28 : 12) + legendRow, right: 14, bottom: options.xLabel ? 42 : 26, left: options.yLabel ? 60 : 46 };
  let w = width - m.left - m.right;
  let h = height - m.top - m.bottom;

  const xs: ArrayLike<number>[] = [];
  const ys: ArrayLike<number>[] = [];
  let barPad = 0;
  for (const l of layers) {
    if (l.kind === 'vline') xs.push([l.x]);
    else if (l.kind === 'hline') ys.push([l.y]);
    else {
      xs.push(l.x);
      if (l.kind === 'band') ys.push(l.lo, l.hi);
      else ys.push(l.y);
      if (l.kind === 'bars') {
        barPad = Math.max(barPad, (l.barWidth ?? minGap(l.x)) / 2);
        ys.push([0]);
      }
    }
  }
  let [x0, x1] = options.xDomain ?? extent(xs);
  if (!options.xDomain) [x0, x1] = [x0 - barPad, x1 + barPad];
  let [y0, y1] = options.yDomain ?? extent(ys);
  if (x0 === x1) [x0, x1] = [x0 - 1, x1 + 1];
  if (y0 === y1) [y0, y1] = [y0 - 1, y1 + 1];
  if (!options.yDomain && !options.equal) {
    const pad = (y1 - y0) * 0.04;
    [y0, y1] = [y0 - pad, y1 + pad];
  }
  if (options.equal) {
    // shrink one axis of the drawing area so a unit is the same length on both
    const ux = w / (x1 - x0);
    const uy = h / (y1 - y0);
    if (ux > uy) {
      const nw = (x1 - x0) * uy;
      m.left += (w - nw) / 2;
      w = nw;
    } else {
      const nh = (y1 - y0) * ux;
      m.top += (h - nh) / 2;
      h = nh;
    }
  }
  const sx = (v: number) => m.left + ((v - x0) / (x1 - x0)) * w;
  const sy = (v: number) => m.top + h - ((v - y0) / (y1 - y0)) * h;
  const f = (v: number) => v.toFixed(1);

  const svg = el('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart', role: 'img' });
  if (options.title) svg.append(el('text', { x: m.left, y: 18, class: 'chart__title' }, options.title));
  const axes = el('g', { class: 'chart__axes' });
  for (const t of niceTicks(y0, y1, 5)) {
    axes.append(el('line', { x1: m.left, x2: m.left + w, y1: f(sy(t)), y2: f(sy(t)), class: 'chart__grid' }));
    axes.append(el('text', { x: m.left - 6, y: f(sy(t) + 4), 'text-anchor': 'end' }, formatTick(t)));
  }
  for (const t of niceTicks(x0, x1, 6)) {
    axes.append(el('line', { x1: f(sx(t)), x2: f(sx(t)), y1: m.top + h, y2: m.top + h + 4, class: 'chart__tick' }));
    axes.append(el('text', { x: f(sx(t)), y: f(m.top + h + 17), 'text-anchor': 'middle' }, formatTick(t)));
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

  const clipId = `clip${Math.random().toString(36).slice(2, 9)}`;
  const clip = el('clipPath', { id: clipId });
  clip.append(el('rect', { x: m.left, y: m.top - 2, width: w, height: h + 4 }));
  svg.append(clip);
  const g = el('g', { class: 'chart__plot', 'clip-path': `url(#${clipId})` });
  const tag = (node: SVGElement, id?: string) => {
    if (id) node.setAttribute('data-layer', id);
    return node;
  };

  if (options.inset) {
    const { x, y, color, id, window } = options.inset;
    const top = m.top + h * 0.68;
    const base = m.top + h;
    let hi = 0;
    let lo = 0;
    for (let i = 0; i < y.length; i++) {
      hi = Math.max(hi, y[i]);
      lo = Math.min(lo, y[i]);
    }
    const zero = lo < 0 ? top + ((base - top) * hi) / (hi - lo) : base;
    const scale = (base - top) / Math.max(hi - lo, 1e-300);
    const inset = el('g', {});
    if (window) {
      inset.append(
        el('rect', { x: f(sx(window[0])), y: m.top, width: f(sx(window[1]) - sx(window[0])), height: h, fill: color, opacity: 0.08 }),
      );
    }
    const bw = Math.max(1, Math.abs(sx(minGap(x)) - sx(0)) * 0.8);
    for (let i = 0; i < x.length; i++) {
      const v = y[i] * scale;
      inset.append(
        el('rect', {
          x: f(sx(x[i]) - bw / 2),
          y: f(v >= 0 ? zero - v : zero),
          width: f(bw),
          height: f(Math.abs(v)),
          fill: color,
          opacity: 0.75,
        }),
      );
    }
    g.append(tag(inset, id));
  }

  for (const l of layers) {
    if (l.kind === 'band') {
      let top = '';
      let bottom = '';
      for (let i = 0; i < l.x.length; i++) {
        if (!Number.isFinite(l.lo[i]) || !Number.isFinite(l.hi[i])) continue;
        top += `${top ? 'L' : 'M'}${f(sx(l.x[i]))},${f(sy(l.hi[i]))}`;
      }
      for (let i = l.x.length - 1; i >= 0; i--) {
        if (!Number.isFinite(l.lo[i]) || !Number.isFinite(l.hi[i])) continue;
        bottom += `L${f(sx(l.x[i]))},${f(sy(l.lo[i]))}`;
      }
      g.append(tag(el('path', { d: `${top}${bottom}Z`, fill: l.color, opacity: 0.22, stroke: 'none' }), l.id));
    } else if (l.kind === 'line') {
      let d = '';
      let pen = false;
      for (let i = 0; i < l.x.length; i++) {
        if (!Number.isFinite(l.y[i])) {
          pen = false;
          continue;
        }
        d += `${pen ? 'L' : 'M'}${f(sx(l.x[i]))},${f(sy(l.y[i]))}`;
        pen = true;
      }
      const attrs: Record<string, string | number> = {
        d,
        fill: 'none',
        stroke: l.color,
        'stroke-width': l.width ?? 1.6,
        'stroke-linejoin': 'round',
      };
      if (l.dash) attrs['stroke-dasharray'] = l.dash;
      g.append(tag(el('path', attrs), l.id));
    } else if (l.kind === 'bars') {
      const group = el('g', { fill: l.color });
      const bw = Math.max(1, Math.abs(sx(l.barWidth ?? minGap(l.x)) - sx(0)) * 0.7);
      for (let i = 0; i < l.x.length; i++) {
        if (!Number.isFinite(l.y[i])) continue;
        const a = sy(0);
        const b = sy(l.y[i]);
        group.append(el('rect', { x: f(sx(l.x[i]) - bw / 2), y: f(Math.min(a, b)), width: f(bw), height: f(Math.abs(a - b)) }));
      }
      g.append(tag(group, l.id));
    } else if (l.kind === 'points') {
      const group = el('g', { fill: l.color, opacity: 0.7 });
      for (let i = 0; i < l.x.length; i++) group.append(el('circle', { cx: f(sx(l.x[i])), cy: f(sy(l.y[i])), r: l.radius ?? 1.8 }));
      g.append(tag(group, l.id));
    } else if (l.kind === 'vline') {
      g.append(
        tag(el('line', { x1: f(sx(l.x)), x2: f(sx(l.x)), y1: m.top, y2: m.top + h, stroke: l.color, 'stroke-dasharray': '4 3' }), l.id),
      );
    } else {
      const attrs: Record<string, string | number> = { x1: m.left, x2: m.left + w, y1: f(sy(l.y)), y2: f(sy(l.y)), stroke: l.color };
      if (l.dash) attrs['stroke-dasharray'] = l.dash;
      g.append(tag(el('line', attrs), l.id));
    }
  }
  svg.append(g);

  if (labelled.length > 0) {
    const legend = el('g', { class: 'chart__legend' });
    let x = m.left + w;
    const y = m.top - legendRow + 2;
    for (let k = labelled.length - 1; k >= 0; k--) {
      const l = labelled[k];
      x -= 24 + (l.label?.length ?? 0) * 6.6;
      legend.append(el('rect', { x: f(x), y: y - 9, width: 10, height: 10, rx: 2, fill: l.color, opacity: l.kind === 'band' ? 0.35 : 1 }));
      legend.append(el('text', { x: f(x + 14), y }, l.label ?? ''));
    }
    svg.append(legend);
  }
  return svg;
}
