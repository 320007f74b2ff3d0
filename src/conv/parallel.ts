/**
 * convolveAsync / correlateAsync: the same results as convolve / correlate, with 2-D real
 * planes (a [H, W] array, or each channel of a [C, H, W] image) split by output rows over
 * the worker pool. The input and output are shared with the workers through
 * SharedArrayBuffers: pass arrays made with `zeros(shape, dtype, true)` to avoid copies (an
 * input on an ordinary buffer is copied once into shared memory; a new output is allocated
 * shared; an `out` on an ordinary buffer is filled from a shared one at the end).
 *
 * A long 1-D real signal under `oa` splits its overlap-save blocks over the pool (oa.ts); a
 * 2-D real plane under a tiled `fft` splits its tiles (tiles.ts).
 *
 * Deterministic: each output row (block) is computed by the same kernel in the same order
 * whatever the split, so 1 and N threads give identical bits. Other cases (N-D, complex,
 * `fft`, kernel banks) run on the calling thread, as `convolve` does.
 */
import type { NDArray } from '../core/ndarray.js';
import { getPool } from '../parallel/get-pool.js';
import { splitRange } from '../parallel/split.js';
import { resolveThreads } from '../parallel/threads.js';
import { convolve, correlate, type PlanePlan, planPlane, prepareCall, runPlan } from './convolve.js';
import type { DirectParams } from './direct.js';
import { fast2dEligible } from './fast2d.js';
import { fftTiles, oaInput } from './fft.js';
import { osBlocks } from './oa.js';
import type { ConvOptions } from './options.js';
import type { Os1dArgs } from './task1d.js';
import { chargeGc, type Rows2dArgs, type Tiles2dArgs } from './task2d.js';
import { tileKernelSpectrum } from './tiles.js';

export interface AsyncConvOptions extends ConvOptions {
  /** Cancels the queued and running row tasks (the promise rejects with an AbortError). */
  signal?: AbortSignal;
}

/** convolve(x, k, opts) with 2-D planes split by rows over `opts.threads` workers (default: cores). */
export function convolveAsync(x: NDArray, k: NDArray, opts: AsyncConvOptions = {}): Promise<NDArray> {
  return runAsync(x, k, opts, false);
}

/** correlate(x, k, opts) with 2-D planes split by rows over `opts.threads` workers (default: cores). */
export function correlateAsync(x: NDArray, k: NDArray, opts: AsyncConvOptions = {}): Promise<NDArray> {
  return runAsync(x, k, opts, true);
}

const isShared = (a: ArrayBufferView): boolean => typeof SharedArrayBuffer !== 'undefined' && a.buffer instanceof SharedArrayBuffer;

/** `a`'s data on a SharedArrayBuffer (itself when it already is; a new one is charged to the GC). */
function sharedCopy<T extends Float32Array | Float64Array>(a: T): T {
  if (isShared(a)) return a;
  const Ctor = a.constructor as { new (b: SharedArrayBuffer): T };
  chargeGc(a.byteLength);
  const s = new Ctor(new SharedArrayBuffer(a.byteLength));
  s.set(a);
  return s;
}

type RowsPlan = Rows2dArgs['plan'];

/** The worker form of a plane's plan, when it is a 2-D real direct or separable one. */
function rowsPlan(plan: PlanePlan, out: NDArray): RowsPlan | undefined {
  if (plan.method === 'direct' && fast2dEligible(plan.x, plan.k.dtype, out) && plan.k.ndim === 2) {
    return { method: 'direct', k: Float64Array.from(plan.k.data), kShape: [plan.k.shape[0], plan.k.shape[1]] };
  }
  if (plan.method === 'separable' && fast2dEligible(plan.x, 'float64', out)) {
    return { method: 'separable', col: plan.factors[0], row: plan.factors[1] };
  }
  return undefined;
}

/**
 * Row chunks per plane: up to 4 per thread, so a worker slowed by other load on the machine
 * leaves its share to the others; at least 64 rows (and 8 kernel heights for the separable
 * ring, which re-filters kh - 1 rows at each chunk start) per chunk.
 */
function chunksOf(rows: number, threads: number, kh: number): number {
  return Math.max(1, Math.min(4 * threads, Math.floor(rows / Math.max(64, 8 * kh))));
}

const isRealFloat = (a: NDArray): boolean => a.dtype === 'float32' || a.dtype === 'float64';

/** 1-D overlap-save with its blocks split over the pool (the block grid is fixed: same bits as 1 thread). */
async function overlapSaveParallel(
  x: NDArray,
  k: NDArray,
  out: NDArray,
  p: DirectParams,
  threads: number,
  signal?: AbortSignal,
): Promise<void> {
  const { xp, start } = oaInput(x, k, p);
  const kd = Float64Array.from(k.data);
  const xs = sharedCopy(xp);
  const os = isShared(out.data) ? (out.data as Float32Array | Float64Array) : sharedCopy(out.data as Float32Array | Float64Array);
  const blocks = osBlocks(kd.length, out.size);
  const pool = getPool({ threads });
  await Promise.all(
    splitRange(blocks, 4 * threads).map(([b0, b1]) => {
      const args: Os1dArgs = { xp: xs, k: kd, start, out: os, b0, b1 };
      return pool.run('conv.os1d', args, { signal });
    }),
  );
  if (os !== out.data) (out.data as Float32Array | Float64Array).set(os);
}

async function runAsync(x: NDArray, k: NDArray, opts: AsyncConvOptions, corr: boolean): Promise<NDArray> {
  const threads = resolveThreads(opts.threads);
  if (threads === 1) return corr ? correlate(x, k, opts) : convolve(x, k, opts);
  const call = prepareCall(x, k, opts, true);
  const { o, p, out } = call;
  // a new shared output, or a shared copy of an ordinary `out`: allocated for this call
  const freshOut = opts.out === undefined || !isShared(opts.out.data);
  if (call.bank) return corr ? correlate(x, k, opts) : convolve(x, k, opts);
  const plans = call.planes.map((pl) => planPlane(pl.x, k, pl.out, p, o.method, corr));
  const pool = getPool({ threads });
  const plan0 = plans[0];
  if (plans.length === 1 && plan0.method === 'oa' && plan0.x.ndim === 1 && isRealFloat(plan0.x) && isRealFloat(out)) {
    await overlapSaveParallel(plan0.x, plan0.k, out, p, threads, opts.signal);
    return out;
  }
  // valid's operand swap (plan.x is then the kernel) stays on this thread
  const rows = plans.map((plan, i) => (plan.x === call.planes[i].x ? rowsPlan(plan, call.planes[i].out) : undefined));
  // the input and output as seen by the workers
  const xShared = rows.some((r) => r !== undefined) ? sharedCopy(x.data as Float32Array | Float64Array) : undefined;
  let outSharedCache: Float32Array | Float64Array | undefined;
  const sharedOut = (): Float32Array | Float64Array => {
    outSharedCache ??= isShared(out.data) ? (out.data as Float32Array | Float64Array) : sharedCopy(out.data as Float32Array | Float64Array);
    return outSharedCache;
  };
  const jobs: Promise<unknown>[] = [];
  const pooled = plans.map(() => false); // planes the workers write (into the shared output)
  let xAt = 0;
  let outAt = 0;
  for (let i = 0; i < plans.length; i++) {
    const plan = plans[i];
    const plane = call.planes[i];
    const r = rows[i];
    const tiles = r === undefined && plan.method === 'fft' && plan.x === plane.x ? fftTiles(plan.x, plan.k, plane.out, p) : undefined;
    const k2 = plan.method === 'separable' ? undefined : plan.k;
    if (tiles !== undefined && k2 !== undefined) {
      // tiled FFT: tiles split over the pool; the (maybe padded) input is shared once
      const xs = sharedCopy(tiles.xp.data as Float32Array | Float64Array);
      const ov = sharedOut().subarray(outAt, outAt + plane.out.size);
      const count = tiles.plan.tiles[0] * tiles.plan.tiles[1];
      const spec = sharedCopy(tileKernelSpectrum(k2, tiles.plan.B, tiles.work).data as Float32Array | Float64Array);
      for (const [t0, t1] of splitRange(count, 4 * threads)) {
        const args: Tiles2dArgs = {
          xp: xs,
          xShape: [tiles.xp.shape[0], tiles.xp.shape[1]],
          k: Float64Array.from(k2.data),
          kShape: [k2.shape[0], k2.shape[1]],
          plan: tiles.plan,
          start: [tiles.start[0], tiles.start[1]],
          out: ov,
          oShape: [plane.out.shape[0], plane.out.shape[1]],
          t0,
          t1,
          spec,
        };
        jobs.push(pool.run('conv.tiles2d', args, { signal: opts.signal }));
      }
      pooled[i] = true;
    } else if (r === undefined || xShared === undefined) runPlan(plan, plane.out, p);
    else {
      pooled[i] = true;
      const [h, w] = plan.x.shape;
      const [oh, ow] = plane.out.shape;
      const xv = xShared.subarray(xAt, xAt + h * w);
      const ov = sharedOut().subarray(outAt, outAt + oh * ow);
      for (const [r0, r1] of splitRange(oh, chunksOf(oh, threads, r.method === 'separable' ? r.col.length : 1))) {
        const args: Rows2dArgs = { x: xv, xShape: [h, w], out: ov, oShape: [oh, ow], g: p, plan: r, r0, r1, fresh: freshOut };
        jobs.push(pool.run('conv.rows2d', args, { signal: opts.signal }));
      }
    }
    xAt += plane.x.size;
    outAt += plane.out.size;
  }
  // a new shared output: charged once the workers run, so the collection it may bring on overlaps them
  if (opts.out === undefined && isShared(out.data)) chargeGc(out.data.byteLength);
  await Promise.all(jobs);
  const outShared = outSharedCache;
  if (outShared !== undefined && outShared !== out.data) {
    // the workers wrote the shared copy; planes computed here wrote `out` itself
    let at = 0;
    for (let i = 0; i < plans.length; i++) {
      const n = call.planes[i].out.size;
      if (pooled[i]) (out.data as Float32Array | Float64Array).set(outShared.subarray(at, at + n), at);
      at += n;
    }
  }
  return out;
}
