/**
 * convolveAsync / correlateAsync: the same results as convolve / correlate, with 2-D real
 * planes (a [H, W] array, or each channel of a [C, H, W] image) split by output rows over
 * the worker pool. The input and output are shared with the workers through
 * SharedArrayBuffers: pass arrays made with `zeros(shape, dtype, true)` to avoid copies (an
 * input on an ordinary buffer is copied into pooled shared memory; an `out` on an ordinary
 * buffer is filled from pooled shared memory as tasks finish). A new output is shared where the
 * workers write it in place — the direct / separable row paths, and outputs of 64 MiB or more —
 * and ordinary elsewhere, filled from a pooled shared buffer (sharedLikely, Lease: memory stays
 * flat over many calls).
 *
 * A long 1-D real signal under `oa` splits its overlap-save blocks over the pool (oa.ts); a
 * 2-D real plane under a tiled `fft` splits its tiles (tiles.ts).
 *
 * Deterministic: each output row (block) is computed by the same kernel in the same order
 * whatever the split, so 1 and N threads give identical bits. Other cases (N-D, complex,
 * untiled `fft`, kernel banks) run on the calling thread, as `convolve` does.
 */
import { itemSize } from '../core/dtype.js';
import { WorkerError } from '../core/errors.js';
import { chargeGc, inPlaceMemory } from '../core/kernel-memory.js';
import type { NDArray } from '../core/ndarray.js';
import { sizeOf } from '../core/shape.js';
import { getPool } from '../parallel/get-pool.js';
import { splitRange } from '../parallel/split.js';
import { resolveThreads } from '../parallel/threads.js';
import { validSwapNeeded } from '../ref/convBoundary.js';
import { chooseMethod } from './choose.js';
import { convolve, correlate, type PlanePlan, type PreparedCall, planPlane, prepareCall, resultOf, runPlan } from './convolve.js';
import type { DirectParams } from './direct.js';
import { fast2dEligible } from './fast2d.js';
import { fftTiles, oaInput } from './fft.js';
import { osBlockLength, osBlocks } from './oa.js';
import { type ConvMethod, type ConvOptions, resolveOptions } from './options.js';
import { isShared, Lease, settle } from './shared-pool.js';
import type { Os1dArgs } from './task1d.js';
import type { Rows2dArgs, Tiles2dArgs } from './task2d.js';
import { type TilePlan, tileKernelSpectrum } from './tiles.js';

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

type Real = Float32Array | Float64Array;

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

/**
 * 1-D overlap-save with its blocks split over the pool (the block grid is fixed: same bits as 1
 * thread). The workers write `out` itself when `direct` (the caller's shared array, or a large
 * new one: see sharedLikely), else a pooled buffer whose blocks are copied into `out` as each
 * task finishes.
 */
async function overlapSaveParallel(
  x: NDArray,
  k: NDArray,
  out: NDArray,
  direct: boolean,
  fresh: boolean,
  p: DirectParams,
  threads: number,
  signal?: AbortSignal,
): Promise<void> {
  const { xp, start } = oaInput(x, k, p);
  const kd = Float64Array.from(k.data);
  const lease = new Lease();
  const xs = lease.shared(xp);
  const od = out.data as Real;
  const os = direct ? od : lease.take(od, od.length);
  const blocks = osBlocks(kd.length, out.size);
  const S = osBlockLength(kd.length) - kd.length + 1; // output samples per block
  const pool = getPool({ threads });
  if (fresh && direct) chargeGc(od.byteLength); // see sharedLikely
  const jobs = splitRange(blocks, 4 * threads).map(async ([b0, b1]) => {
    const args: Os1dArgs = { xp: xs, k: kd, start, out: os, b0, b1, fresh: fresh && direct };
    await pool.run('conv.os1d', args, { signal });
    if (os !== od) od.set(os.subarray(b0 * S, Math.min(b1 * S, od.length)), b0 * S);
  });
  await settle(jobs, lease);
}

/** Copy the output tiles [t0, t1) of a plane [O0, O1] from `src` into `dst`. */
function copyTiles(src: Real, dst: Real, plan: TilePlan, O: readonly number[], t0: number, t1: number): void {
  const [T0, T1] = plan.T;
  for (let t = t0; t < t1; t++) {
    const i0 = Math.floor(t / plan.tiles[1]) * T0;
    const j0 = (t % plan.tiles[1]) * T1;
    const cols = Math.min(T1, O[1] - j0);
    for (let i = i0, end = Math.min(i0 + T0, O[0]); i < end; i++) dst.set(src.subarray(i * O[1] + j0, i * O[1] + j0 + cols), i * O[1] + j0);
  }
}

type WaitAsync = (a: Int32Array, index: number, value: number) => { async: boolean; value: Promise<string> | string };

/**
 * Copies the tiles of a plane [O0, O1] from `src` (the pooled buffer the tasks write) into `dst`
 * in order, each once its flag claim[1 + t] is set (tilesOf), while the workers compute the
 * others: this thread waits on the flags (Atomics.waitAsync), so only the last tile's copy is
 * left once they are done, not the whole plane's. Settles as `tasks` does. Without
 * Atomics.waitAsync (some browsers): the whole plane, once `tasks` is done. `fresh`: `dst` is
 * new (zeroed, never touched).
 */
async function copyAsDone(
  claim: Int32Array,
  tasks: Promise<unknown>,
  src: Real,
  dst: Real,
  plan: TilePlan,
  O: readonly number[],
  fresh: boolean,
): Promise<void> {
  // a new `dst`: its pages faulted in now, while the workers run, before any copy (touchPages)
  if (fresh) touchPages(dst);
  const waitAsync = (Atomics as unknown as { waitAsync?: WaitAsync }).waitAsync;
  if (waitAsync === undefined) {
    await tasks;
    dst.set(src);
    return;
  }
  let over = false; // every task has settled: a flag still 0 then means one failed
  const ended = tasks.then(
    () => {
      over = true;
    },
    () => {
      over = true;
    },
  );
  for (let t = 0, count = plan.tiles[0] * plan.tiles[1]; t < count; t++) {
    while (Atomics.load(claim, 1 + t) === 0) {
      if (over) {
        await tasks; // rejects with the failure
        throw new WorkerError(`conv.tiles2d: tile ${t} was not computed`);
      }
      const w = waitAsync(claim, 1 + t, 0);
      if (w.async) {
        await Promise.race([w.value, ended]);
        Atomics.notify(claim, 1 + t); // releases this thread's waiter when `ended` won the race
      }
    }
    copyTiles(src, dst, plan, O, t, t + 1);
  }
  await tasks;
}

async function runAsync(x: NDArray, k: NDArray, opts: AsyncConvOptions, corr: boolean): Promise<NDArray> {
  const threads = resolveThreads(opts.threads);
  if (threads === 1) return corr ? correlate(x, k, opts) : convolve(x, k, opts);
  const fresh = opts.out === undefined; // `out` is new, allocated for this call
  const call = prepareCall(x, k, opts, fresh && sharedLikely(x, k, opts));
  const { o, p } = call;
  if (call.bank) return corr ? correlate(x, k, opts) : convolve(x, k, opts);
  // `auto`: each plane is planned from the costs alone and its tasks start at once; the accuracy
  // scan of its input (an O(n) pass, chooseMethod) runs here meanwhile. In the rare case the scan
  // changes the choice, the plane is computed again with the method it gives.
  const guesses = call.planes.map((pl) => (o.method === 'auto' ? guessMethod(pl.x, k, p.mode) : undefined));
  const plans = call.planes.map((pl, i) => planPlane(pl.x, k, pl.out, p, guesses[i] ?? o.method, corr));
  const done = runPlans(call, plans, fresh, threads, opts.signal);
  // (the scan only ever rules FFT methods out: any other guess stands)
  const wrong = guesses.map((g, i) => (g === 'fft' || g === 'oa') && chooseMethod(call.planes[i].x, k, { mode: p.mode }).method !== g);
  await done;
  if (wrong.some(Boolean)) {
    const again = call.planes.map((pl, i) => (wrong[i] ? planPlane(pl.x, k, pl.out, p, 'auto', corr) : undefined));
    await runPlans(
      { ...call, planes: call.planes.filter((_, i) => wrong[i]) },
      again.filter((pl) => pl !== undefined),
      fresh,
      threads,
      opts.signal,
    );
  }
  return call.out;
}

/**
 * `auto`'s choice for a plane without the accuracy scan (chooseMethod's costs alone), or
 * undefined where planPlane decides on other operands (valid's swap: the kernel is the larger).
 */
function guessMethod(x: NDArray, k: NDArray, mode: DirectParams['mode']): ConvMethod | undefined {
  if (mode === 'valid' && validSwapNeeded(x.shape, k.shape)) return undefined;
  return chooseMethod(x, k, { mode, scan: false }).method;
}

/** Start the tasks of `plans` (one per plane of `call`) and resolve once `call.out` holds them. */
async function runPlans(call: PreparedCall, plans: PlanePlan[], fresh: boolean, threads: number, signal?: AbortSignal): Promise<void> {
  const { p, out } = call;
  const plan0 = plans[0];
  if (plans.length === 1 && plan0.method === 'oa' && plan0.x.ndim === 1 && isRealFloat(plan0.x) && isRealFloat(out)) {
    const od = out.data as Real;
    await overlapSaveParallel(
      plan0.x,
      plan0.k,
      call.planes[0].out,
      isShared(od) && (!fresh || od.byteLength >= IN_PLACE_BYTES),
      fresh,
      p,
      threads,
      signal,
    );
    return;
  }
  // what each plane runs on the pool: output rows (direct, separable) or tiles (tiled FFT); else
  // it runs here (valid's operand swap, where plan.x is the kernel, too)
  const work = plans.map((plan, i): PlaneWork | undefined => {
    const plane = call.planes[i];
    if (plan.x !== plane.x) return undefined;
    const rows = rowsPlan(plan, plane.out);
    if (rows !== undefined) return { rows };
    if (plan.method !== 'fft') return undefined;
    const tiles = fftTiles(plan.x, plan.k, plane.out, p);
    return tiles === undefined ? undefined : { tiles, k: plan.k };
  });
  // The workers write `out` itself when it is the caller's shared array, or a new shared one that
  // only row tasks write (W3: no copy; rows2dTask charges its rows to the workers' GC). Else they
  // write a pooled buffer, copied into `out` as each row task finishes (a tiled plane: whole, once all its tiles are in).
  const od = out.data as Real;
  const direct = isShared(od) && (!fresh || od.byteLength >= IN_PLACE_BYTES || work.every((w) => w === undefined || 'rows' in w));
  const lease = new Lease();
  let target: Real | undefined;
  const sharedOut = (): Real => {
    target ??= direct ? od : lease.take(od, od.length);
    return target;
  };
  // `out` in a kernel memory (a large shared array, core/kernel-memory.ts): direct row tasks write it in place
  const mem = direct
    ? inPlaceMemory(
        od,
        plans.map((pl) => pl.x.data as Real),
      )
    : undefined;
  const pool = getPool({ threads });
  const jobs: Promise<unknown>[] = [];
  const copied: Real[] = []; // the planes of `out` filled from the pooled buffer by row tasks
  for (let i = 0; i < plans.length; i++) {
    const plan = plans[i];
    const plane = call.planes[i];
    const w = work[i];
    const [oh, ow] = plane.out.shape;
    const dst = plane.out.data as Real; // a view of `out`
    const outAt = (dst.byteOffset - od.byteOffset) / dst.BYTES_PER_ELEMENT;
    if (w === undefined) runPlan(plan, plane.out, p);
    else if ('tiles' in w) {
      // tiled FFT: tiles split over the pool; the (maybe padded) input and the spectrum shared once
      const { xp, start, plan: tp, work: precision } = w.tiles;
      const xs = lease.shared(xp.data as Real);
      const ov = sharedOut().subarray(outAt, outAt + plane.out.size);
      const spec = lease.shared(tileKernelSpectrum(w.k, tp.B, precision).data as Real);
      // one task per thread, each taking tiles from a shared counter as it goes (tiles2dTask's
      // `claim`): no round trip through this thread per tile, so tiles keep flowing while it is
      // busy (auto's accuracy scan runs here meanwhile), and a slowed worker leaves its share to
      // the others; the tiles' grid is fixed, so the bits do not depend on who computes which
      const count = tp.tiles[0] * tp.tiles[1];
      // [0] the counter; [1 + t] tile t is written (tilesOf), for the copies as tiles finish
      const claim = new Int32Array(lease.take(CLAIM_LIKE, direct ? 1 : 1 + count).buffer);
      claim.fill(0);
      const args: Tiles2dArgs = {
        xp: xs,
        xShape: [xp.shape[0], xp.shape[1]],
        k: NO_KERNEL,
        kShape: [w.k.shape[0], w.k.shape[1]],
        plan: tp,
        start: [start[0], start[1]],
        out: ov,
        oShape: [oh, ow],
        t0: 0,
        t1: count,
        spec,
        fresh: fresh && direct,
        claim,
      };
      const tasks = Promise.all(Array.from({ length: Math.min(count, threads) }, () => pool.run('conv.tiles2d', args, { signal: signal })));
      jobs.push(direct ? tasks : copyAsDone(claim, tasks, ov, dst, tp, [oh, ow], fresh));
    } else {
      const [h, wd] = plan.x.shape;
      if (!direct) copied.push(dst);
      const xv = lease.shared(plan.x.data as Real);
      const ov = sharedOut().subarray(outAt, outAt + oh * ow);
      const r = w.rows;
      const chunks = chunksOf(oh, threads, r.method === 'separable' ? r.col.length : 1);
      const base: Omit<Rows2dArgs, 'r0' | 'r1'> = {
        x: xv,
        xShape: [h, wd],
        out: ov,
        oShape: [oh, ow],
        g: p,
        plan: r,
        fresh: fresh && direct,
        mem,
      };
      if (direct) {
        // one task per thread, each taking chunks of rows from a shared counter (rows2dTask's
        // `claim`): no round trip through this thread between chunks; the rows' bits do not
        // depend on who computes which
        const claim = new Int32Array(lease.take(CLAIM_LIKE, 1).buffer, 0, 1);
        claim[0] = 0;
        const args: Rows2dArgs = { ...base, r0: 0, r1: oh, claim, chunk: Math.ceil(oh / chunks) };
        for (let t = 0; t < Math.min(chunks, threads); t++) jobs.push(pool.run('conv.rows2d', args, { signal: signal }));
      } else {
        for (const [r0, r1] of splitRange(oh, chunks)) {
          const args: Rows2dArgs = { ...base, r0, r1 };
          jobs.push(pool.run('conv.rows2d', args, { signal: signal }).then(() => dst.set(ov.subarray(r0 * ow, r1 * ow), r0 * ow)));
        }
      }
    }
  }
  // a new shared output: charged once the workers run, so the collection it may bring on overlaps them
  if (fresh && isShared(od)) chargeGc(od.byteLength);
  // a new ordinary output, filled by copies from the pooled buffer as row tasks finish: its pages
  // are faulted in here, while the workers run (a tiled plane's: in copyAsDone); only the planes
  // the copies fill whole (one computed here already holds its values)
  if (fresh && !direct) for (const a of copied) touchPages(a);
  await settle(jobs, lease);
}

/**
 * Writes 0 to one entry of each 4 KiB page of `a` (a new, zeroed array, before anything else
 * writes it): its pages are mapped now. A new output filled by copies from the pooled buffer
 * takes its page faults here, while the workers run, rather than in the copies (W5: 16 MiB,
 * ~8 ms of faults, which left one core idle after the last tile).
 */
export function touchPages(a: Real): number {
  const step = 4096 / a.BYTES_PER_ELEMENT;
  let n = 0;
  for (let i = 0; i < a.length; i += step, n++) a[i] = 0;
  return n;
}

/**
 * Whether a new output should be shared, written by the workers in place: on the row paths
 * (direct, separable), and for outputs of IN_PLACE_BYTES or more, whose copy would cost more
 * than the FFT paths gain from it. Otherwise the FFT paths return an ordinary array, filled from
 * a pooled shared one as tasks finish: V8 counts its bytes, so dead outputs are collected in
 * time, where a dead shared output (0 bytes to V8, and held by every worker it was sent to until
 * that worker collects) could pile up; a shared output in place is charged to the GC
 * (task2d.ts chargeGc), which frees it in time only when each charge is large (W3's 64 MiB).
 * A guess for `auto` (chooseMethod's costs on the whole input, without its accuracy scan); a
 * wrong one costs a copy or some memory, never a wrong result.
 */
function sharedLikely(x: NDArray, k: NDArray, opts: ConvOptions): boolean {
  try {
    const o = resolveOptions(opts);
    if (k.ndim === 4) return false; // a kernel bank runs here (convolve), into an output of its own
    const { shape, dtype } = resultOf(x, k, o.mode);
    if (sizeOf(shape) * itemSize(dtype) >= IN_PLACE_BYTES) return true;
    if (o.method !== 'auto') return o.method === 'direct' || o.method === 'separable';
    const m = chooseMethod(x, k, { mode: o.mode, scan: false }).method;
    return m === 'direct' || m === 'separable';
  } catch {
    return true; // bad input: prepareCall says what is wrong
  }
}

/** New outputs of this many bytes or more are written by the workers in place (see sharedLikely). */
const IN_PLACE_BYTES = 64 << 20;

/** A plane's tasks: output rows, or the tiles of a tiled FFT with the kernel k. */
type PlaneWork = { rows: RowsPlan } | { tiles: NonNullable<ReturnType<typeof fftTiles>>; k: NDArray };

/** The type of the pooled buffer behind a tiled plane's tile counter (an Int32Array over its 4 bytes). */
const CLAIM_LIKE = new Float32Array(0);

/** The kernel argument of tile tasks that bring its spectrum. */
const NO_KERNEL = new Float64Array(0);
