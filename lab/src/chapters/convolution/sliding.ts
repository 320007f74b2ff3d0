/**
 * The sliding window, one output pixel at a time (pure, no DOM): which input pixels the kernel
 * covers at an output position, under each mode and boundary, and the multiply-and-sum there.
 * It is the explicit form of the library's `correlate(x, k, { mode, boundary, cval })`
 * (src/conv), which test/lab/convolution.test.ts checks position by position.
 *
 * Geometry (DESIGN.md): the window for output (oy, ox) starts at input row oy − before_y and
 * column ox − before_x, where before = k − 1 (full), ⌊k/2⌋ (same) or 0 (valid). So the output
 * pixel sits under tap ⌊k/2⌋ of the kernel in `same` mode — the middle tap of an odd kernel, the
 * lower-right of the four central taps of an even one.
 */
import { type Boundary, type ConvMode, padWidths, sourceIndex } from '../../../../src/ref/convBoundary.js';

/** A 2-D kernel in correlation orientation, row-major: data[i * cols + j] is row i, column j. */
export interface Kernel {
  rows: number;
  cols: number;
  data: number[];
}

/** One channel of the input, row-major `[h, w]`. */
export interface Plane {
  h: number;
  w: number;
  data: ArrayLike<number>;
}

export interface Geometry {
  /** Pixels of extension before / after the image, per axis: [[top, bottom], [left, right]]. */
  pad: [[number, number], [number, number]];
  /** Output size [rows, cols]; 0 when `valid` and the kernel does not fit. */
  out: [number, number];
  /** The kernel tap the output pixel sits under in `same` mode: [row, col] = [⌊kh/2⌋, ⌊kw/2⌋]. */
  anchor: [number, number];
}

export function geometry(plane: { h: number; w: number }, k: { rows: number; cols: number }, mode: ConvMode): Geometry {
  const [[t, b], [l, r]] = padWidths([k.rows, k.cols], mode) as [[number, number], [number, number]];
  const out: [number, number] = [plane.h + t + b - k.rows + 1, plane.w + l + r - k.cols + 1];
  return {
    pad: [
      [t, b],
      [l, r],
    ],
    out: out[0] > 0 && out[1] > 0 ? out : [0, 0],
    anchor: [Math.floor(k.rows / 2), Math.floor(k.cols / 2)],
  };
}

/** The input value at (y, x), which may lie outside the image: extended by `boundary` (cval outside for constant). */
export function extended(plane: Plane, y: number, x: number, boundary: Boundary, cval: number): number {
  const sy = sourceIndex(y, plane.h, boundary);
  const sx = sourceIndex(x, plane.w, boundary);
  return sy < 0 || sx < 0 ? cval : plane.data[sy * plane.w + sx];
}

export interface Window {
  /** Top-left input coordinate of the window (may be negative: outside the image). */
  y0: number;
  x0: number;
  /** The covered input values, row-major like the kernel. */
  values: number[];
  /** values[i] · k[i]. */
  products: number[];
  /** Σ products: the output value. */
  sum: number;
}

/** The window under output (oy, ox) and its multiply-and-sum. */
export function windowAt(plane: Plane, k: Kernel, mode: ConvMode, boundary: Boundary, cval: number, oy: number, ox: number): Window {
  const g = geometry(plane, k, mode);
  const y0 = oy - g.pad[0][0];
  const x0 = ox - g.pad[1][0];
  const values: number[] = [];
  const products: number[] = [];
  let sum = 0;
  for (let i = 0; i < k.rows; i++) {
    for (let j = 0; j < k.cols; j++) {
      const v = extended(plane, y0 + i, x0 + j, boundary, cval);
      const p = v * k.data[i * k.cols + j];
      values.push(v);
      products.push(p);
      sum += p;
    }
  }
  return { y0, x0, values, products, sum };
}

/** m = Σ weights: dividing by it keeps a flat region's brightness (the seed's normalisation factor). */
export function weightSum(k: Kernel): number {
  return k.data.reduce((a, b) => a + b, 0);
}

/** The kernel actually slid: divided by m when asked (and m ≠ 0), flipped on both axes for a true convolution. */
export function effectiveKernel(k: Kernel, opts: { normalize: boolean; flip: boolean }): Kernel {
  const m = weightSum(k);
  const scale = opts.normalize && Math.abs(m) > 1e-12 ? 1 / m : 1;
  const data = k.data.map((v) => v * scale);
  return { rows: k.rows, cols: k.cols, data: opts.flip ? data.reverse() : data };
}

/** Resize to rows × cols keeping the anchor tap ⌊k/2⌋ in place (crop or zero-pad around it). */
export function resizeKernel(k: Kernel, rows: number, cols: number): Kernel {
  const dy = Math.floor(rows / 2) - Math.floor(k.rows / 2);
  const dx = Math.floor(cols / 2) - Math.floor(k.cols / 2);
  const data: number[] = [];
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const si = i - dy;
      const sj = j - dx;
      data.push(si >= 0 && si < k.rows && sj >= 0 && sj < k.cols ? k.data[si * k.cols + sj] : 0);
    }
  }
  return { rows, cols, data };
}
