/**
 * JPEG's quantisation tables and zig-zag order (ITU-T T.81 Annex K, tables K.1 and K.2; figure A.6),
 * scaled by quality 1..100 exactly as the IJG library does (jcparam.c, jpeg_quality_scaling):
 * scale = 5000 / q below 50, else 200 − 2q; entry = ⌊(base · scale + 50) / 100⌋ clamped to 1..32767,
 * or to 1..255 with `baseline` (cjpeg -baseline; cjpeg's default keeps the 16-bit entries).
 */
import { ArgumentError } from '../core/errors.js';

/** Table K.1, luminance, natural (row-major) order. */
export const LUMINANCE_TABLE: readonly number[] = [
  16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62, 18, 22,
  37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92, 49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
];

/** Table K.2, chrominance, natural order. */
export const CHROMINANCE_TABLE: readonly number[] = [
  17,
  18,
  24,
  47,
  99,
  99,
  99,
  99,
  18,
  21,
  26,
  66,
  99,
  99,
  99,
  99,
  24,
  26,
  56,
  99,
  99,
  99,
  99,
  99,
  47,
  66,
  99,
  99,
  99,
  99,
  99,
  99,
  ...new Array(32).fill(99),
];

/** ZIGZAG[k] = the natural index (row · 8 + column) of the k-th coefficient in zig-zag order. */
export const ZIGZAG: readonly number[] = (() => {
  const order: number[] = [];
  for (let s = 0; s < 15; s++) {
    const cells: number[] = [];
    for (let r = Math.max(0, s - 7); r <= Math.min(7, s); r++) cells.push(r * 8 + (s - r));
    // even diagonals run up-right (row decreasing), odd ones down-left
    order.push(...(s % 2 === 0 ? cells.reverse() : cells));
  }
  return order;
})();

export function checkQuality(quality: unknown): number {
  if (typeof quality !== 'number' || !Number.isInteger(quality) || quality < 1 || quality > 100) {
    throw new ArgumentError(`quality: expected an integer 1..100, got ${String(quality)}`, 'quality');
  }
  return quality;
}

/** The table for `quality` (1..100), natural order, as libjpeg's jpeg_set_quality builds it. */
export function quantTable(quality: number, which: 'luminance' | 'chrominance' = 'luminance', baseline = false): Int32Array {
  const q = checkQuality(quality);
  const scale = q < 50 ? Math.floor(5000 / q) : 200 - 2 * q;
  const base = which === 'luminance' ? LUMINANCE_TABLE : CHROMINANCE_TABLE;
  return Int32Array.from(base, (b) => Math.min(baseline ? 255 : 32767, Math.max(1, Math.floor((b * scale + 50) / 100))));
}
