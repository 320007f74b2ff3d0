/**
 * A kernel read as a propagator: a non-negative kernel summing to 1, p(d) = the probability that
 * a particle moves by displacement d in one step. Convolving a field with p moves its mass.
 *
 * Displacements: entry (i, j) of a kh×kw kernel moves by y = i − ⌊(kh−1)/2⌋ rows (down) and
 * x = j − ⌊(kw−1)/2⌋ columns (right) — the centre convolve(mode 'same') uses (DESIGN.md).
 *
 * The seed's worked example: softmax of the edge kernel [[-1,-1,-1],[-1,8,-1],[-1,-1,-1]] at
 * T = 1 is e⁸/(e⁸ + 8e⁻¹) = 1/(1 + 8e⁻⁹) ≈ 0.9990137 at the centre and e⁻⁹/(1 + 8e⁻⁹) ≈ 1.2329e-4
 * at each neighbour: the particle almost never moves. Raising T spreads it; T → ∞ gives the box.
 */
import { ArgumentError, ShapeError } from '../core/errors.js';
import { NDArray } from '../core/ndarray.js';

export type PropagatorMethod = 'softmax' | 'l1' | 'shift';

export interface PropagatorOptions {
  /** `softmax` (default): exp(k/T)/Σ; `l1`: |k|/Σ|k|; `shift`: (k − min k)/Σ. */
  method?: PropagatorMethod;
  /** Softmax temperature T > 0 (default 1). */
  temperature?: number;
}

export interface Propagator {
  /** The density, `[kh, kw]` float64, non-negative, summing to 1. */
  kernel: NDArray<'float64'>;
  /** Kernel index of zero displacement: [row, column]. */
  center: [number, number];
  /** Mean displacement in pixels (x = right, y = down). */
  mean: { x: number; y: number };
  /** Covariance of the displacement, pixels². */
  covariance: { xx: number; xy: number; yy: number };
  /** Shannon entropy −Σ p ln p, in nats. */
  entropy: number;
}

function asKernel2d(kernel: NDArray | number[][], arg: string): NDArray<'float64'> {
  if (Array.isArray(kernel)) {
    const h = kernel.length;
    const w = h > 0 && Array.isArray(kernel[0]) ? kernel[0].length : 0;
    if (h === 0 || w === 0 || kernel.some((r) => !Array.isArray(r) || r.length !== w)) {
      throw new ShapeError(`${arg}: expected a non-empty rectangular number[][]`, arg);
    }
    return new NDArray('float64', [h, w], Float64Array.from(kernel.flat()));
  }
  if (!(kernel instanceof NDArray) || kernel.ndim !== 2 || kernel.size === 0) {
    throw new ShapeError(
      `${arg}: expected a non-empty 2-D kernel, got ${kernel instanceof NDArray ? `shape [${kernel.shape.join(', ')}]` : typeof kernel}`,
      arg,
    );
  }
  if (kernel.dtype === 'complex64' || kernel.dtype === 'complex128')
    throw new ShapeError(`${arg}: expected a real kernel, got ${kernel.dtype}`, arg);
  return new NDArray('float64', kernel.shape, Float64Array.from(kernel.data as ArrayLike<number>));
}

/** Turn any real 2-D kernel into a propagator, with its moments and entropy. */
export function toPropagator(kernel: NDArray | number[][], opts: PropagatorOptions = {}): Propagator {
  const k = asKernel2d(kernel, 'kernel');
  const method = opts.method ?? 'softmax';
  const T = opts.temperature ?? 1;
  if (!(T > 0) || !Number.isFinite(T)) throw new ArgumentError(`temperature: expected a finite number > 0, got ${T}`, 'temperature');
  const v = k.data;
  for (let i = 0; i < v.length; i++) {
    if (!Number.isFinite(v[i])) throw new ArgumentError(`kernel: non-finite value ${v[i]} at flat index ${i}`, 'kernel');
  }
  const p = new Float64Array(v.length);
  if (method === 'softmax') {
    let max = -Infinity;
    for (const x of v) max = Math.max(max, x / T);
    for (let i = 0; i < v.length; i++) p[i] = Math.exp(v[i] / T - max);
  } else if (method === 'l1') {
    for (let i = 0; i < v.length; i++) p[i] = Math.abs(v[i]);
  } else if (method === 'shift') {
    let min = Infinity;
    for (const x of v) min = Math.min(min, x);
    for (let i = 0; i < v.length; i++) p[i] = v[i] - min;
    if (p.every((x) => x === 0)) p.fill(1); // a constant kernel: uniform
  } else {
    throw new ArgumentError(`method: expected softmax, l1 or shift, got ${JSON.stringify(method)}`, 'method');
  }
  let total = 0;
  for (const x of p) total += x;
  if (!(total > 0)) throw new ArgumentError('kernel: all weights are zero; an l1 propagator needs some non-zero weight', 'kernel');
  for (let i = 0; i < p.length; i++) p[i] /= total;
  return describe(new NDArray('float64', k.shape, p));
}

/** Moments and entropy of a density that is already non-negative and sums to 1 (not checked). */
export function describe(density: NDArray<'float64'>): Propagator {
  const [kh, kw] = density.shape;
  const cy = Math.floor((kh - 1) / 2);
  const cx = Math.floor((kw - 1) / 2);
  const p = density.data;
  let mx = 0;
  let my = 0;
  let entropy = 0;
  for (let i = 0; i < kh; i++) {
    for (let j = 0; j < kw; j++) {
      const w = p[i * kw + j];
      mx += w * (j - cx);
      my += w * (i - cy);
      if (w > 0) entropy -= w * Math.log(w);
    }
  }
  let xx = 0;
  let xy = 0;
  let yy = 0;
  for (let i = 0; i < kh; i++) {
    for (let j = 0; j < kw; j++) {
      const w = p[i * kw + j];
      const dx = j - cx - mx;
      const dy = i - cy - my;
      xx += w * dx * dx;
      xy += w * dx * dy;
      yy += w * dy * dy;
    }
  }
  return { kernel: density, center: [cy, cx], mean: { x: mx, y: my }, covariance: { xx, xy, yy }, entropy };
}

/**
 * The explicit heat-equation step as a propagator: the 5-point stencil
 * [[0, r, 0], [r, 1 − 4r, r], [0, r, 0]] with r = D·dt (pixels² per unit time × time).
 * Its covariance is 2r·I = 2D·dt·I, the Gaussian semigroup's per-step variance.
 */
export function heatStencil(r: number): Propagator {
  if (!(r >= 0) || r > 0.25) throw new ArgumentError(`r: expected 0 <= D·dt <= 1/4 for a non-negative stencil, got ${r}`, 'r');
  return describe(new NDArray('float64', [3, 3], Float64Array.from([0, r, 0, r, 1 - 4 * r, r, 0, r, 0])));
}
