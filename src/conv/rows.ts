/**
 * A 2-D input extended by a boundary rule, read a few rows at a time: the row source that a
 * strip-based `valid` kernel (src/wasm/conv2d.ts `correlate2dValidRows`) consumes, so `same`
 * and `full` with any boundary run on it without a padded copy of the whole input:
 *
 *   correlate(x, k, { mode, boundary }) == correlate2dValidRows(paddedRows(x, k.shape, …), k, …)
 *   convolve(x, k, …)                   == the same with flip(k)
 */
import type { NDArray } from '../core/ndarray.js';
import { type Boundary, type ConvMode, padWidths, sourceIndex } from '../ref/convBoundary.js';

export interface PaddedRows {
  /** Rows of the padded input: H + pad before + pad after. */
  readonly height: number;
  /** Columns of the padded input. */
  readonly width: number;
  /** Write padded rows [row, row + rows) into dst ([rows, width], C order). */
  fill(dst: Float32Array | Float64Array, row: number, rows: number): void;
}

/** The padded view of a real 2-D x for a kernel of shape kShape in `mode` (pad widths per DESIGN.md). */
export function paddedRows(x: NDArray, kShape: readonly number[], mode: ConvMode, boundary: Boundary, cval: number): PaddedRows {
  const [h, w] = x.shape;
  const [[top, bottom], [left, right]] = padWidths(kShape, mode);
  const width = w + left + right;
  const rowMap = Int32Array.from({ length: h + top + bottom }, (_, i) => sourceIndex(i - top, h, boundary));
  const colMap = Int32Array.from({ length: width }, (_, j) => sourceIndex(j - left, w, boundary));
  const xd = x.data;
  return {
    height: rowMap.length,
    width,
    fill(dst, row, rows) {
      for (let r = 0; r < rows; r++) {
        const src = rowMap[row + r];
        const o = r * width;
        if (src < 0) {
          dst.fill(cval, o, o + width);
          continue;
        }
        const base = src * w;
        for (let j = 0; j < left; j++) dst[o + j] = colMap[j] < 0 ? cval : xd[base + colMap[j]];
        dst.set(xd.subarray(base, base + w), o + left); // the interior is a straight copy
        for (let j = left + w; j < width; j++) dst[o + j] = colMap[j] < 0 ? cval : xd[base + colMap[j]];
      }
    },
  };
}
