/**
 * The sliding-window animation: the input patch (the "RAM", extended past its edge by the
 * boundary rule, the window drawn on it) and the feature map being written pixel by pixel (the
 * "Buffer"), with the multiply-and-sum of the current position spelled out. Play / pause / step /
 * reset; click a Buffer cell to jump there. `element.dataset.step` counts the pixels written.
 */
import type { Boundary, ConvMode } from '../../../../src/ref/convBoundary.js';
import { colormapLUT } from '../../components/colormap.js';
import { extended, type Geometry, geometry, type Kernel, type Plane, windowAt } from './sliding.js';

export interface SlideParams {
  /** The kernel slid (flipped already for a true convolution), before dividing by m. */
  kernel: Kernel;
  /** Divide each sum by this (1 when not normalising). */
  m: number;
  mode: ConvMode;
  boundary: Boundary;
  cval: number;
}

const MAX_CANVAS = 340;

function fmt(v: number): string {
  if (Number.isInteger(v)) return String(v);
  const a = Math.abs(v);
  return a >= 100 ? v.toFixed(0) : a >= 10 ? v.toFixed(1) : a >= 0.01 || a === 0 ? v.toFixed(2) : v.toExponential(1);
}

export class SlidingView {
  readonly element: HTMLElement;
  readonly ram: HTMLCanvasElement;
  readonly buffer: HTMLCanvasElement;
  readonly sum: HTMLElement;
  private readonly caption: HTMLElement;
  private plane: Plane = { h: 1, w: 1, data: [0] };
  private p: SlideParams = { kernel: { rows: 1, cols: 1, data: [1] }, m: 1, mode: 'same', boundary: 'constant', cval: 0 };
  private g: Geometry = geometry({ h: 1, w: 1 }, { rows: 1, cols: 1 }, 'same');
  /** Every output value, row-major (the Buffer shows the first pos + 1; the colour scale uses them all, so it holds still). */
  private values: number[] = [];
  /** Index of the current output position (the last one written). */
  private pos = -1;
  private timer: ReturnType<typeof setInterval> | undefined;
  private stepsPerSecond = 8;
  private readonly onState: () => void;

  constructor(onState: () => void = () => {}) {
    this.onState = onState;
    this.element = document.createElement('div');
    this.element.className = 'cv-anim';
    this.element.id = 'cv-anim';
    this.ram = document.createElement('canvas');
    this.ram.id = 'cv-ram';
    this.buffer = document.createElement('canvas');
    this.buffer.id = 'cv-buffer';
    this.buffer.title = 'Click a pixel to move the window there';
    this.buffer.addEventListener('click', (e) => this.jump(e));
    const fig = (canvas: HTMLCanvasElement, title: string, sub: string) => {
      const f = document.createElement('figure');
      f.className = 'cv-anim__fig';
      const c = document.createElement('figcaption');
      c.innerHTML = `<strong>${title}</strong> <span>${sub}</span>`;
      f.append(canvas, c);
      return f;
    };
    const pair = document.createElement('div');
    pair.className = 'cv-anim__pair';
    pair.append(
      fig(this.ram, 'RAM', 'the input; pale cells lie past the edge and come from the boundary rule'),
      fig(this.buffer, 'Buffer', 'the feature map, written one pixel per step'),
    );
    this.caption = document.createElement('p');
    this.caption.className = 'cv-anim__caption';
    this.caption.id = 'cv-position';
    this.sum = document.createElement('div');
    this.sum.className = 'cv-sum';
    this.sum.id = 'cv-sum';
    this.element.append(pair, this.caption, this.sum);
  }

  get playing(): boolean {
    return this.timer !== undefined;
  }

  /** Output size [rows, cols] under the current parameters. */
  get outputShape(): [number, number] {
    return this.g.out;
  }

  setInput(plane: Plane): void {
    this.plane = plane;
    this.refresh();
  }

  setParams(p: SlideParams): void {
    this.p = p;
    this.refresh();
  }

  setSpeed(stepsPerSecond: number): void {
    this.stepsPerSecond = stepsPerSecond;
    if (this.playing) {
      this.pause();
      this.play();
    }
  }

  /** Geometry or values changed: recompute the output, keep the position. */
  private refresh(): void {
    this.g = geometry(this.plane, this.p.kernel, this.p.mode);
    const total = this.g.out[0] * this.g.out[1];
    this.pos = Math.min(this.pos, total - 1);
    this.values = Array.from({ length: total }, (_, i) => this.valueAt(i));
    this.draw();
  }

  private valueAt(index: number): number {
    const ow = this.g.out[1];
    return (
      windowAt(this.plane, this.p.kernel, this.p.mode, this.p.boundary, this.p.cval, Math.floor(index / ow), index % ow).sum / this.p.m
    );
  }

  step(): boolean {
    const total = this.g.out[0] * this.g.out[1];
    if (this.pos + 1 >= total) {
      this.pause();
      return false;
    }
    this.pos++;
    this.draw();
    return true;
  }

  play(): void {
    if (this.playing) return;
    if (this.pos + 1 >= this.g.out[0] * this.g.out[1]) this.reset();
    this.timer = setInterval(() => this.step(), 1000 / this.stepsPerSecond);
    this.onState();
  }

  pause(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    this.onState();
  }

  reset(): void {
    this.pos = -1;
    this.draw();
  }

  /** Write every remaining pixel at once. */
  finish(): void {
    this.pause();
    while (this.step()) {}
  }

  private jump(e: MouseEvent): void {
    const rect = this.buffer.getBoundingClientRect();
    const [oh, ow] = this.g.out;
    const x = Math.floor(((e.clientX - rect.left) / rect.width) * ow);
    const y = Math.floor(((e.clientY - rect.top) / rect.height) * oh);
    if (x < 0 || y < 0 || x >= ow || y >= oh) return;
    const target = y * ow + x;
    if (target < this.pos) this.reset();
    while (this.pos < target && this.step()) {}
  }

  private cellSize(): number {
    const cols = this.plane.w + this.g.pad[1][0] + this.g.pad[1][1];
    const rows = this.plane.h + this.g.pad[0][0] + this.g.pad[0][1];
    return Math.max(6, Math.min(30, Math.floor(MAX_CANVAS / Math.max(cols, rows))));
  }

  private draw(): void {
    const cell = this.cellSize();
    this.drawRam(cell);
    this.drawBuffer(cell);
    this.drawSum();
    this.element.dataset.step = String(this.pos + 1);
    this.element.dataset.total = String(this.g.out[0] * this.g.out[1]);
  }

  private drawRam(cell: number): void {
    const { plane, g, p } = this;
    const [[t, b], [l, r]] = g.pad;
    const rows = plane.h + t + b;
    const cols = plane.w + l + r;
    this.ram.width = cols * cell;
    this.ram.height = rows * cell;
    const ctx = this.ram.getContext('2d');
    if (!ctx) return;
    ctx.font = `${Math.max(8, Math.floor(cell * 0.36))}px ui-monospace, monospace`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        const y = i - t;
        const x = j - l;
        const inside = y >= 0 && y < plane.h && x >= 0 && x < plane.w;
        const v = extended(plane, y, x, p.boundary, p.cval);
        const gray = Math.max(0, Math.min(255, Math.round(v)));
        ctx.fillStyle = `rgb(${gray},${gray},${gray})`;
        ctx.fillRect(j * cell, i * cell, cell, cell);
        if (!inside) {
          ctx.fillStyle = 'rgba(251, 250, 247, 0.6)';
          ctx.fillRect(j * cell, i * cell, cell, cell);
        }
        if (cell >= 20) {
          ctx.fillStyle = !inside ? '#566074' : gray > 140 ? '#1d2230' : '#ffffff';
          ctx.fillText(fmt(v), j * cell + cell / 2, i * cell + cell / 2 + 0.5);
        }
      }
    }
    ctx.strokeStyle = '#1d2230';
    ctx.lineWidth = 2;
    ctx.strokeRect(l * cell + 1, t * cell + 1, plane.w * cell - 2, plane.h * cell - 2); // the image edge
    if (this.pos >= 0) {
      const ow = g.out[1];
      const oy = Math.floor(this.pos / ow);
      const ox = this.pos % ow;
      const wx = ox * cell; // window top-left in padded coordinates = output index
      const wy = oy * cell;
      ctx.strokeStyle = '#d9480f';
      ctx.lineWidth = 3;
      ctx.strokeRect(wx + 1.5, wy + 1.5, p.kernel.cols * cell - 3, p.kernel.rows * cell - 3);
      if (p.mode === 'same') {
        const [ay, ax] = g.anchor; // the tap over the output pixel's own position
        ctx.strokeStyle = '#d9480f';
        ctx.lineWidth = 1.5;
        ctx.setLineDash([3, 2]);
        ctx.strokeRect(wx + ax * cell + 4, wy + ay * cell + 4, cell - 8, cell - 8);
        ctx.setLineDash([]);
      }
    }
  }

  private drawBuffer(cell: number): void {
    const [oh, ow] = this.g.out;
    this.buffer.width = Math.max(1, ow * cell);
    this.buffer.height = Math.max(1, oh * cell);
    const ctx = this.buffer.getContext('2d');
    if (!ctx) return;
    ctx.fillStyle = '#f1eee8';
    ctx.fillRect(0, 0, this.buffer.width, this.buffer.height);
    const values = this.values.slice(0, this.pos + 1);
    let lo = 0;
    let hi = 255;
    for (const v of this.values) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    const signed = lo < 0;
    const m = Math.max(Math.abs(lo), Math.abs(hi));
    const lut = colormapLUT(signed ? 'coolwarm' : 'gray');
    ctx.font = `${Math.max(8, Math.floor(cell * 0.36))}px ui-monospace, monospace`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    values.forEach((v, i) => {
      const y = Math.floor(i / ow);
      const x = i % ow;
      const t = signed ? (v + m) / (2 * m) : v / hi;
      const k = Math.max(0, Math.min(255, Math.round(t * 255))) * 3;
      ctx.fillStyle = `rgb(${lut[k]},${lut[k + 1]},${lut[k + 2]})`;
      ctx.fillRect(x * cell, y * cell, cell, cell);
      if (cell >= 20) {
        ctx.fillStyle = lut[k] * 0.3 + lut[k + 1] * 0.59 + lut[k + 2] * 0.11 > 140 ? '#1d2230' : '#ffffff';
        ctx.fillText(fmt(Math.round(v * 10) / 10), x * cell + cell / 2, y * cell + cell / 2 + 0.5);
      }
    });
    if (this.pos >= 0) {
      ctx.strokeStyle = '#d9480f';
      ctx.lineWidth = 3;
      ctx.strokeRect((this.pos % ow) * cell + 1.5, Math.floor(this.pos / ow) * cell + 1.5, cell - 3, cell - 3);
    }
  }

  private drawSum(): void {
    const [oh, ow] = this.g.out;
    if (oh === 0) {
      this.caption.textContent = `mode valid: the ${this.p.kernel.rows}×${this.p.kernel.cols} kernel does not fit inside the ${this.plane.h}×${this.plane.w} input, so there is no output.`;
      this.sum.replaceChildren();
      return;
    }
    if (this.pos < 0) {
      this.caption.textContent = `Output ${oh}×${ow} (mode ${this.p.mode}). Press step or play to slide the window.`;
      this.sum.replaceChildren();
      return;
    }
    const oy = Math.floor(this.pos / ow);
    const ox = this.pos % ow;
    const { kernel, m } = this.p;
    const w = windowAt(this.plane, kernel, this.p.mode, this.p.boundary, this.p.cval, oy, ox);
    this.caption.textContent = `Step ${this.pos + 1} of ${oh * ow}: output row ${oy}, column ${ox}; the window covers input rows ${w.y0}..${w.y0 + kernel.rows - 1}, columns ${w.x0}..${w.x0 + kernel.cols - 1}.`;
    const table = document.createElement('table');
    table.className = `cv-sum__table${kernel.cols > 5 ? ' cv-sum__table--small' : ''}`;
    for (let i = 0; i < kernel.rows; i++) {
      const tr = document.createElement('tr');
      for (let j = 0; j < kernel.cols; j++) {
        const n = i * kernel.cols + j;
        const td = document.createElement('td');
        td.textContent = kernel.cols > 5 ? fmt(w.products[n]) : `${fmt(w.values[n])}×${fmt(kernel.data[n])}`;
        td.title = `${w.values[n]} × ${kernel.data[n]} = ${w.products[n]}`;
        tr.append(td);
      }
      table.append(tr);
    }
    const formula = document.createElement('p');
    formula.className = 'cv-sum__formula';
    formula.id = 'cv-formula';
    const result = w.sum / m;
    formula.textContent =
      m === 1
        ? `Σ value × weight = ${fmt(w.sum)} → Buffer[${oy}, ${ox}] = ${fmt(result)}`
        : `Σ value × weight = ${fmt(w.sum)}, ÷ m = ${fmt(m)} → Buffer[${oy}, ${ox}] = ${fmt(result)}`;
    this.sum.replaceChildren(table, formula);
  }
}
