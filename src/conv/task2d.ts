/**
 * The worker side of the threaded 2-D paths (parallel.ts), reading the input and writing the
 * output through SharedArrayBuffer views: 'conv.rows2d' computes output rows [r0, r1) of one
 * plane with the WebAssembly kernels of fast2d.ts; 'conv.tiles2d' computes a range of tiles
 * of a tiled FFT convolution (tiles.ts). Listed in src/parallel/tasks.ts. A leaf module: it
 * must not import the pool.
 */
import { WorkerError } from '../core/errors.js';
import { NDArray } from '../core/ndarray.js';
import { direct2dRows, type Geometry2d, separable2dRows } from './fast2d.js';
import { convolveTiles, type TilePlan, tileKernelSpectrum } from './tiles.js';

export interface Rows2dArgs {
  /** Input plane [H, W] (a view of shared memory). */
  x: Float32Array | Float64Array;
  xShape: [number, number];
  /** Output plane [oh, ow] (a view of shared memory); rows [r0, r1) are written. */
  out: Float32Array | Float64Array;
  oShape: [number, number];
  g: Geometry2d;
  /** `direct`: k [kh, kw]; `separable`: col [kh], row [kw]; both in convolution orientation. */
  plan: { method: 'direct'; k: Float64Array; kShape: [number, number] } | { method: 'separable'; col: Float64Array; row: Float64Array };
  r0: number;
  r1: number;
}

export function rows2dTask(a: Rows2dArgs): number {
  const x = new NDArray(a.x instanceof Float32Array ? 'float32' : 'float64', a.xShape, a.x);
  const out = new NDArray(a.out instanceof Float32Array ? 'float32' : 'float64', a.oShape, a.out);
  const ok =
    a.plan.method === 'direct'
      ? direct2dRows(x, new NDArray('float64', a.plan.kShape, a.plan.k), out, a.g, a.r0, a.r1)
      : separable2dRows(x, a.plan.col, a.plan.row, out, a.g, a.r0, a.r1);
  if (!ok) throw new WorkerError('conv.rows2d: WebAssembly kernels are not available in this worker');
  return a.r1 - a.r0;
}

export interface Tiles2dArgs {
  /** The input plane (x, or x padded by the boundary rule) [H, W], a view of shared memory. */
  xp: Float32Array | Float64Array;
  xShape: [number, number];
  /** Kernel [K0, K1], convolution orientation. */
  k: Float64Array;
  kShape: [number, number];
  plan: TilePlan;
  /** Index of out[0, 0] in the linear convolution xp ⊛ k. */
  start: [number, number];
  /** Output plane (a view of shared memory); the tiles' entries are written. */
  out: Float32Array | Float64Array;
  oShape: [number, number];
  /** Flat tile range [t0, t1) (row-major over plan.tiles). */
  t0: number;
  t1: number;
}

/** Tiles [t0, t1) of a tiled FFT convolution (tiles.ts), in the output's precision. */
export function tiles2dTask(a: Tiles2dArgs): number {
  const work = a.out instanceof Float32Array ? 'float32' : 'float64';
  const xp = new NDArray(a.xp instanceof Float32Array ? 'float32' : 'float64', a.xShape, a.xp);
  const out = new NDArray(work, a.oShape, a.out);
  const spec = tileKernelSpectrum(new NDArray('float64', a.kShape, a.k), a.plan.B, work);
  convolveTiles(xp, a.kShape, spec, a.plan, a.start, out, a.t0, a.t1);
  return a.t1 - a.t0;
}
