/**
 * Local statistics over every h×w window (the running-sum half of fast normalised
 * cross-correlation, J. P. Lewis, "Fast Normalized Cross-Correlation", Vision Interface 1995).
 * Column sums slide down the rows, then a row sum slides across them, all in float64: for
 * integer-valued pixels (decoded images) every sum is exact, and rounding never accumulates
 * over the whole image the way prefix sums (integral images) do.
 */
import type { Plane } from './planes.js';

/**
 * The window energy row by row: row y holds, for x < W − w + 1, Σ_c Σ_window I_c² minus, when
 * `centred`, Σ_c (Σ_window I_c)² / (h·w) — i.e. the window's Σ (I − mean_c)². Rows come in
 * order from `y0` (a worker starts at its own first row).
 */
export class WindowEnergy {
  private readonly col: Float64Array[]; // [C][W] Σ I over rows y … y + h − 1
  private readonly col2: Float64Array[]; // [C][W] Σ I²
  private readonly leaving: Float64Array; // [W] the row leaving the window, as float64
  private readonly entering: Float64Array; // [W] the row entering it
  private readonly out: Float64Array; // [W − w + 1]
  private y: number;

  constructor(
    private readonly planes: readonly Plane[],
    private readonly h: number,
    private readonly w: number,
    private readonly centred: boolean,
    private readonly y0 = 0,
  ) {
    const W = planes[0].width;
    this.col = planes.map(() => new Float64Array(W));
    this.col2 = planes.map(() => new Float64Array(W));
    this.leaving = new Float64Array(W);
    this.entering = new Float64Array(W);
    this.out = new Float64Array(W - w + 1);
    this.y = y0;
    for (let c = 0; c < planes.length; c++) for (let r = y0; r < y0 + h; r++) this.slide(c, -1, r);
  }

  /** The energies of the next output row (rows come in order y0, y0 + 1, …); the array is reused. */
  next(): Float64Array {
    const { h, w, out } = this;
    if (this.y > this.y0) for (let c = 0; c < this.planes.length; c++) this.slide(c, this.y - 1, this.y + h - 1);
    this.y++;
    const k = this.centred ? 1 / (h * w) : 0;
    const n = out.length;
    for (let c = 0; c < this.planes.length; c++) {
      const col = this.col[c];
      const col2 = this.col2[c];
      let s = 0;
      let s2 = 0;
      for (let j = 0; j < w; j++) {
        s += col[j];
        s2 += col2[j];
      }
      if (c === 0) {
        out[0] = s2 - k * s * s;
        for (let x = 1; x < n; x++) {
          s += col[x + w - 1] - col[x - 1];
          s2 += col2[x + w - 1] - col2[x - 1];
          out[x] = s2 - k * s * s;
        }
      } else {
        out[0] += s2 - k * s * s;
        for (let x = 1; x < n; x++) {
          s += col[x + w - 1] - col[x - 1];
          s2 += col2[x + w - 1] - col2[x - 1];
          out[x] += s2 - k * s * s;
        }
      }
    }
    return out;
  }

  /** Column sums of channel c: row rOut leaves (none if < 0), row rIn enters. */
  private slide(c: number, rOut: number, rIn: number): void {
    const { data, offset, width } = this.planes[c];
    const a = this.leaving;
    const b = this.entering;
    const col = this.col[c];
    const col2 = this.col2[c];
    b.set(data.subarray(offset + rIn * width, offset + (rIn + 1) * width));
    if (rOut < 0) {
      for (let x = 0; x < width; x++) {
        col[x] += b[x];
        col2[x] += b[x] * b[x];
      }
      return;
    }
    a.set(data.subarray(offset + rOut * width, offset + (rOut + 1) * width));
    for (let x = 0; x < width; x++) {
      const u = a[x];
      const v = b[x];
      col[x] += v - u;
      col2[x] += v * v - u * u;
    }
  }
}

/** The largest |value| of a plane (the scale the flat-window tests are relative to). */
export function maxAbs(p: Plane): number {
  const row = new Float64Array(p.width); // one row at a time as float64: a monomorphic loop
  let m = 0;
  for (let r = 0; r < p.height; r++) {
    row.set(p.data.subarray(p.offset + r * p.width, p.offset + (r + 1) * p.width));
    for (let i = 0; i < row.length; i++) {
      const v = Math.abs(row[i]);
      if (v > m) m = v;
    }
  }
  return m;
}
