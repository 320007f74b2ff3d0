/**
 * diffuse(u, { D, t, method }): the heat / diffusion equation ∂u/∂t = D∇²u on a field `[H, W]`
 * or `[C, H, W]` (pixel spacing 1, D in pixels² per unit time), three ways:
 *   explicit — repeated steps of the 5-point propagator [[0,r,0],[r,1−4r,r],[0,r,0]], r = D·dt;
 *              stable (and non-negative) only for D·dt ≤ 1/4 — a larger `dt` is refused;
 *   exact    — one convolution with the Gaussian of variance 2Dt per axis (exact.ts);
 *   spectral — multiply each mode by exp(−4π²D|f|²t) (spectral.ts).
 * diffusionFrames yields the field at evenly spaced times, for an animation.
 */
import { ArgumentError } from '../core/errors.js';
import type { NDArray } from '../core/ndarray.js';
import { type DiffusionBoundary, parseDiffusionBoundary } from './boundary.js';
import { exactPlane } from './exact.js';
import { compensatedSum, fromPlanes, type Planes, toPlanes } from './field.js';
import { planStep, stepPlane } from './propagate.js';
import { heatStencil } from './propagator.js';
import { spectralPlane } from './spectral.js';

export type DiffusionMethod = 'explicit' | 'exact' | 'spectral';
export const DIFFUSION_METHODS: readonly DiffusionMethod[] = ['explicit', 'exact', 'spectral'];

export interface DiffuseOptions {
  /** Diffusion coefficient, pixels² per unit time (> 0). */
  D: number;
  /** Time to run (>= 0). */
  t: number;
  /** `spectral` (default), `exact` or `explicit`. */
  method?: DiffusionMethod;
  /** `reflect` (default, closed tank), `wrap` (periodic) or `constant` (absorbing; not spectral). */
  boundary?: DiffusionBoundary;
  /**
   * Explicit time step (at most maxStableStep(D) = 1/(4D)). Default: the largest step ≤ 1/(5D)
   * dividing the interval evenly — at exactly 1/(4D) the centre weight is 0 and the checkerboard
   * mode flips sign forever instead of decaying, so the default keeps a margin.
   */
  dt?: number;
}

/** The largest stable explicit step for coefficient D: D·dt ≤ 1/4 (5-point stencil in 2-D). */
export function maxStableStep(D: number): number {
  return 1 / (4 * D);
}

/** The default explicit step bound: D·dt ≤ 1/5 (centre weight 1/5, every mode decays). */
export function defaultStep(D: number): number {
  return 1 / (5 * D);
}

interface Resolved {
  D: number;
  t: number;
  method: DiffusionMethod;
  boundary: DiffusionBoundary;
  dt: number | undefined;
}

function resolve(opts: DiffuseOptions): Resolved {
  const { D, t } = opts;
  if (typeof D !== 'number' || !(D > 0) || !Number.isFinite(D)) throw new ArgumentError(`D: expected a finite number > 0, got ${D}`, 'D');
  if (typeof t !== 'number' || !(t >= 0) || !Number.isFinite(t)) throw new ArgumentError(`t: expected a finite number >= 0, got ${t}`, 't');
  const method = opts.method ?? 'spectral';
  if (!DIFFUSION_METHODS.includes(method)) {
    throw new ArgumentError(`method: expected one of ${DIFFUSION_METHODS.join(', ')}, got ${JSON.stringify(method)}`, 'method');
  }
  const boundary = parseDiffusionBoundary(opts.boundary ?? 'reflect');
  if (method === 'spectral' && boundary === 'constant') {
    throw new ArgumentError(
      'boundary: the spectral method needs reflect (DCT) or wrap (FFT); use method explicit or exact for constant',
      'boundary',
    );
  }
  const dt = opts.dt;
  if (dt !== undefined) {
    if (typeof dt !== 'number' || !(dt > 0) || !Number.isFinite(dt))
      throw new ArgumentError(`dt: expected a finite number > 0, got ${dt}`, 'dt');
    const limit = maxStableStep(D);
    if (dt > limit) {
      throw new ArgumentError(
        `dt: explicit step ${dt} is unstable for D = ${D} (D·dt = ${D * dt} > 1/4); the largest stable step is dt = ${limit}`,
        'dt',
      );
    }
  }
  return { D, t, method, boundary, dt };
}

/** Number of explicit steps covering `interval` with steps no longer than `dt`. */
function stepsFor(interval: number, dt: number): number {
  return Math.max(1, Math.ceil(interval / dt - 1e-9));
}

/** The advance of one plane by `interval` (exact / spectral), from its current state. */
function advance(plane: Float64Array, f: Planes, r: Resolved, interval: number): Float64Array {
  if (interval === 0) return plane.slice();
  if (r.method === 'exact') return exactPlane(plane, f.H, f.W, 2 * r.D * interval, r.boundary);
  return spectralPlane(plane, f.H, f.W, r.D * interval, r.boundary);
}

/** Explicit stepping of one plane: `steps` steps of the 5-point stencil with r = D·h. */
function explicitPlane(plane: Float64Array, f: Planes, r: Resolved, steps: number, h: number): Float64Array {
  const plan = planStep(heatStencil(r.D * h), f.H, f.W, r.boundary);
  let a = plane.slice();
  let b = new Float64Array(a.length);
  for (let s = 0; s < steps; s++) {
    stepPlane(plan, a, b);
    [a, b] = [b, a];
  }
  return a;
}

/** The field after time t. */
export function diffuse(u: NDArray, opts: DiffuseOptions): NDArray {
  const r = resolve(opts);
  const f = toPlanes(u);
  if (r.method !== 'explicit')
    return fromPlanes(
      f.planes.map((p) => advance(p, f, r, r.t)),
      f,
    );
  if (r.t === 0) return fromPlanes(f.planes, f);
  const n = stepsFor(r.t, r.dt ?? defaultStep(r.D));
  return fromPlanes(
    f.planes.map((p) => explicitPlane(p, f, r, n, r.t / n)),
    f,
  );
}

export interface DiffusionFrame {
  /** 0-based frame number. */
  index: number;
  /** Time of this frame. */
  t: number;
  /** The field, same shape and dtype as the input. */
  field: NDArray;
  /** Σ field (compensated), for the mass counter. */
  mass: number;
}

/**
 * `frames` snapshots at t·k/(frames−1), k = 0..frames−1 (the first is the input). Explicit runs
 * straight through (the steps divide each frame interval); exact and spectral advance each frame
 * from the previous one by the semigroup property.
 */
export function* diffusionFrames(u: NDArray, opts: DiffuseOptions & { frames: number }): Generator<DiffusionFrame> {
  const r = resolve(opts);
  const frames = opts.frames;
  if (!Number.isSafeInteger(frames) || frames < 2) throw new ArgumentError(`frames: expected an integer >= 2, got ${frames}`, 'frames');
  const f = toPlanes(u);
  const interval = r.t / (frames - 1);
  const sub = r.method === 'explicit' && interval > 0 ? stepsFor(interval, r.dt ?? defaultStep(r.D)) : 0;
  let planes = f.planes;
  for (let k = 0; k < frames; k++) {
    if (k > 0) {
      planes =
        r.method === 'explicit'
          ? planes.map((p) => (sub === 0 ? p.slice() : explicitPlane(p, f, r, sub, interval / sub)))
          : planes.map((p) => advance(p, f, r, interval));
    }
    const field = fromPlanes(planes, f);
    yield { index: k, t: interval * k, field, mass: compensatedSum(field.data) };
  }
}
