/**
 * One step of a propagator, written as particles moving (scatter): the mass at (y, x) is split
 * into p(d) parts, each landing at (y, x) + d after the walls act. Every part lands somewhere
 * under `reflect` and `wrap`, so Σu is conserved for any propagator, symmetric or not (a gather
 * with a reflected border is conservative only for symmetric kernels). For `wrap` this is exactly
 * convolve(u, p, { mode: 'same', boundary: 'wrap' }).
 */
import { ArgumentError } from '../core/errors.js';
import type { NDArray } from '../core/ndarray.js';
import { type DiffusionBoundary, landingMap, parseDiffusionBoundary } from './boundary.js';
import { fromPlanes, toPlanes } from './field.js';
import type { Propagator } from './propagator.js';

/** A step plan: the non-zero taps with their row / column landing maps, built once per shape. */
export interface StepPlan {
  H: number;
  W: number;
  taps: { w: number; rows: Int32Array; cols: Int32Array }[];
}

export function planStep(p: Propagator, H: number, W: number, boundary: DiffusionBoundary): StepPlan {
  const [kh, kw] = p.kernel.shape;
  const [cy, cx] = p.center;
  const rowMaps = new Map<number, Int32Array>();
  const colMaps = new Map<number, Int32Array>();
  const taps: StepPlan['taps'] = [];
  for (let i = 0; i < kh; i++) {
    for (let j = 0; j < kw; j++) {
      const w = p.kernel.data[i * kw + j];
      if (w === 0) continue;
      const dy = i - cy;
      const dx = j - cx;
      if (!rowMaps.has(dy)) rowMaps.set(dy, landingMap(H, dy, boundary));
      if (!colMaps.has(dx)) colMaps.set(dx, landingMap(W, dx, boundary));
      taps.push({ w, rows: rowMaps.get(dy)!, cols: colMaps.get(dx)! });
    }
  }
  return { H, W, taps };
}

/** dst ← one step of `src` (both H×W; dst is overwritten). */
export function stepPlane(plan: StepPlan, src: Float64Array, dst: Float64Array): void {
  const { H, W } = plan;
  dst.fill(0);
  for (const { w, rows, cols } of plan.taps) {
    for (let y = 0; y < H; y++) {
      const ty = rows[y];
      if (ty < 0) continue;
      const s = y * W;
      const t = ty * W;
      for (let x = 0; x < W; x++) {
        const tx = cols[x];
        if (tx >= 0) dst[t + tx] += w * src[s + x];
      }
    }
  }
}

export interface PropagateOptions {
  /** Number of steps (default 1). */
  steps?: number;
  /** `reflect` (default), `wrap` or `constant` (absorbing). */
  boundary?: DiffusionBoundary;
}

/** `steps` applications of propagator `p` to a field `[H, W]` or `[C, H, W]`. */
export function propagate(u: NDArray, p: Propagator, opts: PropagateOptions = {}): NDArray {
  const steps = opts.steps ?? 1;
  if (!Number.isSafeInteger(steps) || steps < 0) throw new ArgumentError(`steps: expected an integer >= 0, got ${steps}`, 'steps');
  const boundary = parseDiffusionBoundary(opts.boundary ?? 'reflect');
  const f = toPlanes(u);
  const plan = planStep(p, f.H, f.W, boundary);
  const out = f.planes.map((plane) => {
    let a: Float64Array = plane;
    let b: Float64Array = new Float64Array(a.length);
    for (let s = 0; s < steps; s++) {
      stepPlane(plan, a, b);
      [a, b] = [b, a];
    }
    return a;
  });
  return fromPlanes(out, f);
}
