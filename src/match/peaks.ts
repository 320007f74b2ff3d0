/**
 * findPeaks: the best local extrema of a score map, best first, with greedy non-maximum
 * suppression (a peak suppresses every weaker one closer than `minDistance` on both axes, i.e.
 * in Chebyshev distance), and optional parabolic sub-pixel refinement.
 *
 * Candidates are the local extrema: pixels at least as good as their 8 neighbours (plateaus
 * give one candidate per plateau pixel; suppression keeps the first in row-major order).
 */
import { ArgumentError, ShapeError } from '../core/errors.js';
import type { NDArray } from '../core/ndarray.js';
import { formatShape } from '../core/shape.js';

export interface Peak {
  /** Column (fractional with `subpixel`). */
  x: number;
  /** Row (fractional with `subpixel`). */
  y: number;
  /** The map's value at the peak (the vertex of the fitted parabolas with `subpixel`). */
  score: number;
}

export interface PeakOptions {
  /** How many peaks at most; default 1. */
  top?: number;
  /** Peaks closer than this on both axes are one object; default 1 (no suppression). */
  minDistance?: number;
  /** Keep scores ≥ threshold (mode 'max') or ≤ threshold (mode 'min'). */
  threshold?: number;
  /** 'max' (default; correlation scores) or 'min' (squared differences). */
  mode?: 'max' | 'min';
  /** Refine each peak by a parabola through it and its neighbours, per axis; default false. */
  subpixel?: boolean;
}

export function findPeaks(map: NDArray, opts: PeakOptions = {}): Peak[] {
  const { top, minDistance, threshold, sign, subpixel } = checkPeakOptions(map, opts);
  const [H, W] = map.shape;
  const src = map.data as ArrayLike<number>;
  const v = new Float64Array(H * W); // [H, W], larger is better
  for (let i = 0; i < v.length; i++) v[i] = sign * src[i];
  const heap = new CandidateHeap(v, localMaxima(v, H, W, threshold));
  const kept: number[] = [];
  while (kept.length < top && heap.size > 0) {
    const i = heap.pop();
    const y = Math.floor(i / W);
    const x = i - y * W;
    if (kept.every((k) => Math.abs(Math.floor(k / W) - y) >= minDistance || Math.abs((k % W) - x) >= minDistance)) kept.push(i);
  }
  return kept.map((i) => {
    const y = Math.floor(i / W);
    const x = i - y * W;
    if (!subpixel) return { x, y, score: sign * v[i] };
    const [dx, cx] = parabola(x > 0 ? v[i - 1] : Number.NaN, v[i], x < W - 1 ? v[i + 1] : Number.NaN);
    const [dy, cy] = parabola(y > 0 ? v[i - W] : Number.NaN, v[i], y < H - 1 ? v[i + W] : Number.NaN);
    return { x: x + dx, y: y + dy, score: sign * (v[i] + cx + cy) };
  });
}

/** Indices of the pixels ≥ threshold and ≥ each of their (up to 8) neighbours. */
function localMaxima(v: Float64Array, H: number, W: number, threshold: number): Uint32Array {
  const out: number[] = [];
  for (let y = 0; y < H; y++) {
    const y0 = Math.max(0, y - 1);
    const y1 = Math.min(H - 1, y + 1);
    for (let x = 0; x < W; x++) {
      const i = y * W + x;
      const s = v[i];
      if (!(s >= threshold)) continue;
      // quick reject on the row neighbours before the full 3×3 check
      if ((x > 0 && v[i - 1] > s) || (x < W - 1 && v[i + 1] > s)) continue;
      let peak = true;
      const x0 = Math.max(0, x - 1);
      const x1 = Math.min(W - 1, x + 1);
      for (let yy = y0; yy <= y1 && peak; yy++) {
        if (yy === y) continue;
        for (let xx = x0; xx <= x1; xx++) {
          if (v[yy * W + xx] > s) {
            peak = false;
            break;
          }
        }
      }
      if (peak) out.push(i);
    }
  }
  return Uint32Array.from(out);
}

/** A binary max-heap of pixel indices by score (ties: the smaller index first), built in O(n). */
class CandidateHeap {
  size: number;

  constructor(
    private readonly v: Float64Array,
    private readonly a: Uint32Array,
  ) {
    this.size = a.length;
    for (let i = (this.size >> 1) - 1; i >= 0; i--) this.down(i);
  }

  pop(): number {
    const top = this.a[0];
    this.a[0] = this.a[--this.size];
    this.down(0);
    return top;
  }

  private better(i: number, j: number): boolean {
    const { v, a } = this;
    return v[a[i]] > v[a[j]] || (v[a[i]] === v[a[j]] && a[i] < a[j]);
  }

  private down(i: number): void {
    const a = this.a;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= this.size) return;
      const c = l + 1 < this.size && this.better(l + 1, l) ? l + 1 : l;
      if (!this.better(c, i)) return;
      const t = a[i];
      a[i] = a[c];
      a[c] = t;
      i = c;
    }
  }
}

/**
 * The vertex of the parabola through (−1, a), (0, b), (1, c): offset in [−0.5, 0.5] and the
 * gain over b. No refinement at an edge (a or c NaN) or on a flat / non-peaked triple.
 */
export function parabola(a: number, b: number, c: number): [offset: number, gain: number] {
  const den = a - 2 * b + c;
  if (!(den < 0)) return [0, 0];
  const d = Math.max(-0.5, Math.min(0.5, (0.5 * (a - c)) / den));
  return [d, 0.5 * (c - a) * d + 0.5 * den * d * d];
}

function checkPeakOptions(map: NDArray, opts: PeakOptions) {
  if (map.ndim !== 2 || map.dtype === 'complex64' || map.dtype === 'complex128') {
    throw new ShapeError(`map: expected a real 2-D array [H, W], got ${map.dtype} ${formatShape(map.shape)}`, 'map');
  }
  const top = opts.top ?? 1;
  if (!Number.isInteger(top) || top < 1) throw new ArgumentError(`top: expected a positive integer, got ${top}`, 'top');
  const minDistance = opts.minDistance ?? 1;
  if (!(Number.isFinite(minDistance) && minDistance >= 0)) {
    throw new ArgumentError(`minDistance: expected a non-negative number, got ${minDistance}`, 'minDistance');
  }
  const mode = opts.mode ?? 'max';
  if (mode !== 'max' && mode !== 'min') throw new ArgumentError(`mode: expected 'max' or 'min', got ${JSON.stringify(mode)}`, 'mode');
  const sign = mode === 'max' ? 1 : -1;
  if (opts.threshold !== undefined && !Number.isFinite(opts.threshold)) {
    throw new ArgumentError(`threshold: expected a finite number, got ${opts.threshold}`, 'threshold');
  }
  const threshold = opts.threshold === undefined ? Number.NEGATIVE_INFINITY : sign * opts.threshold;
  return { top, minDistance, threshold, sign, subpixel: opts.subpixel ?? false };
}
