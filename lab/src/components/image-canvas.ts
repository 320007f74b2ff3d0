/**
 * ImageCanvas — draws a `[C, H, W]` / `[H, W]` NDArray (or a 2-D number[][]) to a canvas, with
 * a colormap for single-channel data, zoom (pixelated), and a readout of the value under the
 * pointer.
 *
 *   const view = new ImageCanvas({ label: 'Sobel magnitude', colormap: 'magma', zoom: 'fit' });
 *   parent.append(view.element);
 *   view.draw(edges);                       // NDArray [H, W]
 */
import type { NDArray } from '../../../src/index.js';
import { type Colormap, type Planes, type Range, toPlanes, toRGBA } from './colormap.js';

export type { Colormap, Range } from './colormap.js';

export interface ImageCanvasOptions {
  label?: string;
  colormap?: Colormap;
  range?: Range;
  /** `fit` = as wide as the container; a number = CSS pixels per image pixel. Default `fit`. */
  zoom?: 'fit' | number;
  /** Show zoom buttons. Default true. */
  zoomControls?: boolean;
  /** Show the value under the pointer. Default true. */
  inspect?: boolean;
}

const ZOOMS = [0.25, 0.5, 1, 2, 4, 8, 16];

function formatValue(v: number): string {
  if (Number.isInteger(v)) return String(v);
  const a = Math.abs(v);
  return a !== 0 && (a >= 1e5 || a < 1e-3) ? v.toExponential(2) : v.toFixed(a >= 100 ? 1 : 3);
}

export class ImageCanvas {
  readonly element: HTMLElement;
  readonly canvas: HTMLCanvasElement;
  private readonly readout: HTMLElement;
  private readonly frame: HTMLElement;
  private planes: Planes | undefined;
  private options: Required<Omit<ImageCanvasOptions, 'label' | 'range'>> & { range?: Range };

  constructor(options: ImageCanvasOptions = {}) {
    this.options = {
      colormap: options.colormap ?? 'gray',
      range: options.range,
      zoom: options.zoom ?? 'fit',
      zoomControls: options.zoomControls ?? true,
      inspect: options.inspect ?? true,
    };
    this.element = document.createElement('figure');
    this.element.className = 'image-canvas';
    this.frame = document.createElement('div');
    this.frame.className = 'image-canvas__frame';
    this.canvas = document.createElement('canvas');
    this.canvas.width = 0;
    this.canvas.height = 0;
    this.frame.append(this.canvas);
    this.element.append(this.frame);

    const caption = document.createElement('figcaption');
    const label = document.createElement('span');
    label.className = 'image-canvas__label';
    label.textContent = options.label ?? '';
    this.readout = document.createElement('span');
    this.readout.className = 'image-canvas__readout';
    caption.append(label, this.readout);
    if (this.options.zoomControls) caption.append(this.zoomButtons());
    this.element.append(caption);

    if (this.options.inspect) {
      this.canvas.addEventListener('pointermove', (e) => this.inspect(e));
      this.canvas.addEventListener('pointerleave', () => this.showRange());
    }
    this.applyZoom();
  }

  /** Draw `src`; `options` override the colormap / range for this and later draws. */
  draw(src: NDArray | readonly (readonly number[])[], options: { colormap?: Colormap; range?: Range } = {}): void {
    if (options.colormap) this.options.colormap = options.colormap;
    if (options.range) this.options.range = options.range;
    const planes = toPlanes(src);
    const { rgba, lo, hi } = toRGBA(planes, this.options.colormap, this.options.range);
    this.planes = planes;
    this.canvas.width = planes.width;
    this.canvas.height = planes.height;
    this.canvas.dataset.lo = String(lo);
    this.canvas.dataset.hi = String(hi);
    const ctx = this.canvas.getContext('2d');
    if (ctx && planes.width > 0 && planes.height > 0) {
      ctx.putImageData(new ImageData(rgba as Uint8ClampedArray<ArrayBuffer>, planes.width, planes.height), 0, 0);
    }
    this.applyZoom();
    this.showRange();
  }

  /** The channel values at column x, row y, or undefined outside the image. */
  valueAt(x: number, y: number): number[] | undefined {
    const p = this.planes;
    if (!p || x < 0 || y < 0 || x >= p.width || y >= p.height) return undefined;
    const n = p.width * p.height;
    return Array.from({ length: p.channels }, (_, c) => p.data[c * n + y * p.width + x]);
  }

  setZoom(zoom: 'fit' | number): void {
    this.options.zoom = zoom;
    this.applyZoom();
  }

  private applyZoom(): void {
    const { zoom } = this.options;
    this.element.classList.toggle('image-canvas--fit', zoom === 'fit');
    if (zoom === 'fit') {
      this.canvas.style.width = '100%';
      this.canvas.style.height = 'auto';
    } else {
      this.canvas.style.width = `${this.canvas.width * zoom}px`;
      this.canvas.style.height = `${this.canvas.height * zoom}px`;
    }
  }

  private zoomButtons(): HTMLElement {
    const group = document.createElement('span');
    group.className = 'image-canvas__zoom';
    const step = (dir: number) => {
      const rect = this.canvas.getBoundingClientRect();
      const current = this.options.zoom === 'fit' ? rect.width / Math.max(1, this.canvas.width) : this.options.zoom;
      const next = dir > 0 ? ZOOMS.find((z) => z > current * 1.01) : [...ZOOMS].reverse().find((z) => z < current * 0.99);
      this.setZoom(next ?? (dir > 0 ? ZOOMS[ZOOMS.length - 1] : ZOOMS[0]));
    };
    for (const [text, title, action] of [
      ['−', 'Zoom out', () => step(-1)],
      ['+', 'Zoom in', () => step(1)],
      ['fit', 'Fit to width', () => this.setZoom('fit')],
    ] as const) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = text;
      button.title = title;
      button.addEventListener('click', action);
      group.append(button);
    }
    return group;
  }

  private inspect(e: PointerEvent): void {
    const rect = this.canvas.getBoundingClientRect();
    const x = Math.floor(((e.clientX - rect.left) / rect.width) * this.canvas.width);
    const y = Math.floor(((e.clientY - rect.top) / rect.height) * this.canvas.height);
    const values = this.valueAt(x, y);
    if (!values) {
      this.showRange();
      return;
    }
    this.readout.textContent = `x ${x}  y ${y}  ·  ${values.map(formatValue).join(', ')}`;
  }

  private showRange(): void {
    const p = this.planes;
    if (!p) {
      this.readout.textContent = '';
      return;
    }
    this.readout.textContent = `${p.width}×${p.height}${p.channels > 1 ? `×${p.channels}` : ''}`;
  }
}
