/**
 * Threaded FFTs: fftnAsync, rfft2Async, … give the results of fftn, rfft2, … with each line
 * transform split over the worker pool — rows (the last axis) by ranges of lines, other axes
 * by blocks of neighbouring columns (task.ts). Intermediates live in SharedArrayBuffers; the
 * result is an NDArray on a SharedArrayBuffer.
 *
 * Deterministic: every line is computed by the same kernels in the same column block whatever
 * the split, so 1 and N threads give identical bits — and the same bits as the synchronous call.
 * One thread, arrays under PARALLEL_MIN points, and cases the wasm N-D path does not take
 * (cropping / padding, Bluestein lengths, odd real lengths, the 'ts' backend) run the
 * synchronous call on the calling thread.
 */
import { complexOf, isComplex } from '../core/dtype.js';
import { AbortError } from '../core/errors.js';
import { chargeShare } from '../core/kernel-memory.js';
import { NDArray } from '../core/ndarray.js';
import { sizeOf } from '../core/shape.js';
import { getPool } from '../parallel/get-pool.js';
import { splitRange } from '../parallel/split.js';
import { resolveThreads } from '../parallel/threads.js';
import {
  type FftNOptions,
  type FftOptions,
  fft,
  fft2,
  fftn,
  ifft,
  ifft2,
  ifftn,
  irfft,
  irfft2,
  irfftn,
  type Kind,
  ndEngine,
  planSteps,
  precisionOf,
  rfft,
  rfft2,
  rfftn,
} from './api.js';
import { checkArray, checkAxis, checkLength, checkNorm, checkReal, normScale, resolveAxes } from './args.js';
import { complexPlan } from './cache.js';
import { type LongStepArgs, longSingle, longSplit } from './longtask.js';
import { ND_COLUMN_ALIGN, type NdStepArgs, stepOutLength } from './task.js';
import { WasmRadixPlan32 } from './wasm.js';
import { ndSupported } from './wasmnd.js';

export interface AsyncFftOptions {
  /** Worker threads (default `CONVOLAB_THREADS`, else the number of cores). */
  threads?: number;
  /** Cancels the queued and running tasks (the promise rejects with an AbortError). */
  signal?: AbortSignal;
}

type Real = Float32Array | Float64Array;

function sharedArray(f32: boolean, size: number, sab = new SharedArrayBuffer(size * (f32 ? 4 : 8))): Real {
  return f32 ? new Float32Array(sab, 0, size) : new Float64Array(sab, 0, size);
}

/**
 * Spare shared buffers for the input copy, which is scratch (never returned): a fresh buffer costs
 * a page fault per 4 KiB on first touch (≈ 35 ms for 64 MiB here), a reused one only the copy.
 * At most SPARE_COUNT are kept; a call takes one out, so concurrent calls never share one.
 */
const spare: SharedArrayBuffer[] = [];
const SPARE_COUNT = 2;

function borrow(f32: boolean, size: number): Real {
  const bytes = size * (f32 ? 4 : 8);
  const i = spare.findIndex((b) => b.byteLength >= bytes && b.byteLength <= 2 * bytes);
  return i >= 0 ? sharedArray(f32, size, spare.splice(i, 1)[0]) : freshArray(f32, size);
}

/**
 * A new shared array, its bytes charged to this thread's GC (core/kernel-memory.ts chargeShare:
 * in charges of 33 MiB or more, so none is carved from the heap and zeroed). V8 does not count
 * shared memory, so without the charge the dead results of earlier calls pile up (rfft2Async of
 * 4096² in a loop: 1.3 GB after 16 calls, 0.5 GB with it). The workers that write it charge
 * their shares (NdStepArgs.charge).
 */
function freshArray(f32: boolean, size: number): Real {
  const a = sharedArray(f32, size);
  chargeShare(a.byteLength);
  return a;
}

function giveBack(a: Real): void {
  spare.push(a.buffer as SharedArrayBuffer);
  if (spare.length > SPARE_COUNT) spare.shift();
}

/** Drops the spare shared buffers kept between threaded calls. */
export function releaseFftScratch(): void {
  spare.length = 0;
}

/**
 * Where the threaded calls take the pool (tests lower these):
 * - `points`: arrays smaller than this run the synchronous call even when threads > 1 — measured
 *   here, rfft2 of 1024² (2^20) costs twice the CPU on 2 threads and is no faster;
 * - `long` / `long32`: one 1-D complex line at least this long is itself split over the pool (the
 *   four-step phases of longtask.ts) — `long32` when it runs the float32 kernels, `long` otherwise;
 *   shorter lines, and batches of lines, are not. Measured on the quiet 2-core machine
 *   (scripts/fft-long-threads.mjs, wall-clock medians, 1 thread → 2): complex128 2^20 29 → 34 ms
 *   (0.86×), 2^21 61 → 51 ms (1.20×), 2^22 149 → 104 ms (1.43×); complex64 2^20 0.77×, 2^21 0.98×,
 *   2^22 1.02× — the float32 radix passes are too quick for the copies to pay before 2^23.
 */
export const PARALLEL_MIN: { points: number; long: number; long32: number } = {
  points: 1 << 21,
  long: 1 << 21,
  long32: 1 << 23,
};

/** Shares per step: a few per thread, so a worker slowed by other load leaves work to the others. */
const sharesPer = (threads: number): number => 4 * threads;

async function transformAsync(
  a: NDArray,
  s: (number | undefined)[],
  axes: number[],
  normArg: unknown,
  kind: Kind,
  inverse: boolean,
  opts: AsyncFftOptions,
  sync: () => NDArray,
): Promise<NDArray> {
  const norm = checkNorm(normArg);
  const threads = resolveThreads(opts.threads);
  if (opts.signal?.aborted) throw new AbortError();
  const steps = planSteps(a.shape, s, axes, kind, inverse);
  if (threads > 1 && steps.length === 1) {
    const n1 = longCase(a, steps[0]);
    if (n1 > 0) return longAsync(a, steps[0], n1, normScale(norm, steps[0].n, inverse), threads, opts.signal);
    // a single line shorter than PARALLEL_MIN.long: splitting lines over the pool gains nothing
    if (a.size === a.shape[steps[0].axis]) return sync();
  }
  // one thread: the synchronous call is the same computation (same bits) without the copies
  if (threads === 1 || a.size < PARALLEL_MIN.points || ndEngine(a.size, steps.length) === null || !ndSupported(a.shape, steps))
    return sync();
  const precision = precisionOf(a);
  const lineLength = (n: number, k: Kind) => (k === 'c2c' ? n : n / 2);
  // the precision runNd would choose for the whole call: float32 kernels only when every step fits
  const single = precision === 'float32' && steps.every((st) => WasmRadixPlan32.fits(complexPlan(lineLength(st.n, st.kind)).factors));
  let lanes: 1 | 2 = isComplex(a.dtype) ? 2 : 1;
  const source = a.data as Real;
  // rows first: each share's rows are copied just before its task starts, so workers begin
  // while the rest is copied; otherwise the whole input is copied up front
  const rowsFirst = sizeOf(a.shape.slice(steps[0].axis + 1)) === 1;
  // input already shared, of the kernels' precision, and only read (the first step is not a
  // column step in place): the workers read it where it is
  const direct =
    source.buffer instanceof SharedArrayBuffer &&
    (single ? source instanceof Float32Array : source instanceof Float64Array) &&
    !(steps[0].kind === 'c2c' && !rowsFirst && lanes === 2);
  const input = direct ? source : borrow(single, a.size * lanes);
  if (!rowsFirst && !direct) input.set(source);
  let cur = input;
  const dims = [...a.shape];
  const total = steps.reduce((f, st) => f * normScale(norm, st.n, inverse), 1);
  const pool = getPool({ threads });
  for (let i = 0; i < steps.length; i++) {
    const st = steps[i];
    const outer = sizeOf(dims.slice(0, st.axis));
    const inner = sizeOf(dims.slice(st.axis + 1));
    const nIn = dims[st.axis];
    const nOut = stepOutLength(st);
    const outLanes = st.kind === 'c2r' ? 1 : 2;
    // a c2c step along a column axis runs in place (each share owns its columns)
    const inPlace = st.kind === 'c2c' && inner > 1 && lanes === 2;
    const dst = inPlace ? cur : freshArray(single, outer * nOut * inner * outLanes);
    const base: Omit<NdStepArgs, 'o0' | 'o1' | 'c0' | 'c1'> = {
      src: cur,
      srcLanes: lanes,
      dst,
      dims: [outer, nIn, inner],
      step: st,
      // the whole call's norm is applied once, by the last step (as runNd does at the end)
      scale: i === steps.length - 1 ? total : 1,
    };
    const shares: NdStepArgs[] = [];
    const parts = sharesPer(threads);
    if (inner === 1) {
      for (const [o0, o1] of splitRange(outer, parts)) shares.push({ ...base, o0, o1, c0: 0, c1: 1 });
    } else {
      const perSlab = Math.max(1, Math.ceil(parts / outer));
      for (let o = 0; o < outer; o++) {
        for (const [c0, c1] of splitRange(inner, perSlab, ND_COLUMN_ALIGN)) shares.push({ ...base, o0: o, o1: o + 1, c0, c1 });
      }
    }
    if (!inPlace) for (const sh of shares) sh.charge = Math.ceil(dst.byteLength / shares.length);
    const line = nIn * lanes;
    if (i > 0 || direct || !rowsFirst) {
      // one task per thread, each taking shares from a shared counter (ndStepTask's `claim`): no
      // round trip through this thread between shares (W2 4096² with 2 threads: medians 5–12% lower,
      // A/B in one process); a share's bits do not depend on who computes it
      const q = new Int32Array(new SharedArrayBuffer(4 * (1 + 4 * shares.length)));
      const claim = q.subarray(0, 1);
      const list = q.subarray(1); // [o0, o1, c0, c1] per share
      for (const [j, sh] of shares.entries()) list.set([sh.o0, sh.o1, sh.c0, sh.c1], 4 * j);
      const args: NdStepArgs = { ...shares[0], claim, shares: list };
      const tasks = Array.from({ length: Math.min(threads, shares.length) }, () => pool.run('fft.ndStep', args, { signal: opts.signal }));
      await Promise.all(tasks);
    } else {
      // the first step's rows copied from an ordinary input share by share, each share's task
      // started once its rows are in
      const jobs = shares.map((args) => {
        input.set(source.subarray(args.o0 * line, args.o1 * line), args.o0 * line);
        return pool.run('fft.ndStep', args, { signal: opts.signal });
      });
      await Promise.all(jobs);
    }
    cur = dst;
    lanes = outLanes;
    dims[st.axis] = nOut;
  }
  if (!direct && cur !== input) giveBack(input); // else every step ran in place and the copy is the result
  let data: Real = cur;
  if (!single && precision === 'float32') {
    data = freshArray(true, cur.length);
    data.set(cur);
  }
  return new NDArray(lanes === 2 ? complexOf(precision) : precision, dims, data as Float64Array);
}

/** The complex length of a step's kernels: n for c2c, n/2 for real steps (even n). */
const complexLength = (st: { kind: Kind; n: number }): number => (st.kind === 'c2c' ? st.n : st.n / 2);

/** The split n1 when `a` is one long line that longAsync takes (complex in for c2c), else 0. */
function longCase(a: NDArray, st: { kind: Kind; axis: number; n: number }): number {
  const len = a.shape[st.axis];
  if (a.size !== len) return 0; // not a single line
  if (st.kind === 'c2c' && (!isComplex(a.dtype) || len !== st.n)) return 0;
  if (st.kind === 'r2c' && (st.n % 2 !== 0 || len !== st.n)) return 0;
  if (st.kind === 'c2r' && (st.n % 2 !== 0 || len !== st.n / 2 + 1 || !isComplex(a.dtype))) return 0;
  const h = complexLength(st);
  if (h < Math.min(PARALLEL_MIN.long, PARALLEL_MIN.long32) || ndEngine(a.size, 1) === null) return 0;
  const n1 = longSplit(h);
  if (n1 === 0) return 0;
  const min = precisionOf(a) === 'float32' && longSingle(h, n1) ? PARALLEL_MIN.long32 : PARALLEL_MIN.long;
  return h < min ? 0 : n1;
}

/**
 * One long line split over the pool, in the phases of longtask.ts: (c2r: the join of the half
 * spectrum into Z,) columns in place on a spare shared copy (or read where the input lies when it
 * is already shared in the kernels' precision), rows written transposed, (r2c: the split of Z
 * into the half spectrum). The result is a fresh SharedArrayBuffer.
 */
async function longAsync(
  a: NDArray,
  st: { kind: Kind; axis: number; n: number; inverse: boolean },
  n1: number,
  scale: number,
  threads: number,
  signal?: AbortSignal,
): Promise<NDArray> {
  const h = complexLength(st);
  const precision = precisionOf(a);
  const single = precision === 'float32' && longSingle(h, n1);
  const source = a.data as Real;
  const direct = source.buffer instanceof SharedArrayBuffer && (single ? source instanceof Float32Array : source instanceof Float64Array);
  const pool = getPool({ threads });
  const parts = sharesPer(threads);
  const base = { n: h, n1, inverse: st.inverse, scale: 1 };
  const phase = (long: LongStepArgs['long'], src: Real, dst: Real, ranges: [number, number][], s = 1, fresh = false) => {
    const charge = fresh ? Math.ceil(dst.byteLength / ranges.length) : undefined;
    return Promise.all(
      ranges.map(([lo, hi]) =>
        pool.run('fft.ndStep', { ...base, long, src, dst, lo, hi, scale: s, charge } satisfies LongStepArgs, { signal }),
      ),
    );
  };
  const spares: Real[] = [];
  const take = (size: number) => {
    const b = borrow(single, size);
    spares.push(b);
    return b;
  };
  let input = source;
  if (!direct) {
    input = take(source.length);
    input.set(source);
  }
  const work = st.kind === 'c2r' || direct ? take(2 * h) : input;
  if (st.kind === 'c2r') await phase(0, input, work, splitRange(h, parts));
  const cols = splitRange(h / n1, parts, ND_COLUMN_ALIGN);
  await phase(1, st.kind === 'c2r' ? work : input, work, cols);
  const rowsOut = st.kind === 'r2c' ? take(2 * h) : freshArray(single, 2 * h);
  await phase(2, work, rowsOut, splitRange(n1, parts), st.kind === 'r2c' ? 1 : scale, st.kind !== 'r2c');
  let dst = rowsOut;
  if (st.kind === 'r2c') {
    dst = freshArray(single, 2 * (h + 1));
    await phase(3, rowsOut, dst, splitRange(Math.floor(h / 2) + 1, parts), scale, true);
  }
  for (const b of spares) giveBack(b);
  let data: Real = dst;
  if (!single && precision === 'float32') {
    data = freshArray(true, dst.length);
    data.set(dst);
  }
  const shape = [...a.shape];
  shape[st.axis] = st.kind === 'r2c' ? h + 1 : st.kind === 'c2r' ? st.n : h;
  const dtype = st.kind === 'c2r' ? precision : complexOf(precision);
  return new NDArray(dtype, shape, data as Float64Array);
}

async function manyAsync(
  a: NDArray,
  opts: FftNOptions & AsyncFftOptions,
  kind: Kind,
  inverse: boolean,
  sync: typeof fftn,
  defaultAxes?: number[],
) {
  const arr = checkArray(a);
  if (kind === 'r2c') checkReal(arr);
  const r = resolveAxes(arr.shape, opts.s, opts.axes, defaultAxes);
  return transformAsync(arr, r.s, r.axes, opts.norm, kind, inverse, opts, () => sync(arr, opts));
}

async function oneAsync(a: NDArray, opts: FftOptions & AsyncFftOptions, kind: Kind, inverse: boolean, sync: typeof fft) {
  const arr = checkArray(a);
  if (kind === 'r2c') checkReal(arr);
  const axis = checkAxis(opts.axis, arr.ndim);
  const n = opts.n === undefined ? undefined : checkLength(opts.n, 'n');
  return transformAsync(arr, [n], [axis], opts.norm, kind, inverse, opts, () => sync(arr, opts));
}

type NOpts = FftNOptions & AsyncFftOptions;
type Opts = FftOptions & AsyncFftOptions;

/** fft(a, opts) with the lines (a batch of rows or columns) split over the worker pool. */
export const fftAsync = (a: NDArray, opts: Opts = {}): Promise<NDArray> => oneAsync(a, opts, 'c2c', false, fft);
export const ifftAsync = (a: NDArray, opts: Opts = {}): Promise<NDArray> => oneAsync(a, opts, 'c2c', true, ifft);
export const rfftAsync = (a: NDArray, opts: Opts = {}): Promise<NDArray> => oneAsync(a, opts, 'r2c', false, rfft);
export const irfftAsync = (a: NDArray, opts: Opts = {}): Promise<NDArray> => oneAsync(a, opts, 'c2r', true, irfft);
/** fftn(a, opts) with each axis's lines split over the worker pool. */
export const fftnAsync = (a: NDArray, opts: NOpts = {}): Promise<NDArray> => manyAsync(a, opts, 'c2c', false, fftn);
export const ifftnAsync = (a: NDArray, opts: NOpts = {}): Promise<NDArray> => manyAsync(a, opts, 'c2c', true, ifftn);
export const rfftnAsync = (a: NDArray, opts: NOpts = {}): Promise<NDArray> => manyAsync(a, opts, 'r2c', false, rfftn);
export const irfftnAsync = (a: NDArray, opts: NOpts = {}): Promise<NDArray> => manyAsync(a, opts, 'c2r', true, irfftn);
export const fft2Async = (a: NDArray, opts: NOpts = {}): Promise<NDArray> => manyAsync(a, opts, 'c2c', false, fft2, [-2, -1]);
export const ifft2Async = (a: NDArray, opts: NOpts = {}): Promise<NDArray> => manyAsync(a, opts, 'c2c', true, ifft2, [-2, -1]);
export const rfft2Async = (a: NDArray, opts: NOpts = {}): Promise<NDArray> => manyAsync(a, opts, 'r2c', false, rfft2, [-2, -1]);
export const irfft2Async = (a: NDArray, opts: NOpts = {}): Promise<NDArray> => manyAsync(a, opts, 'c2r', true, irfft2, [-2, -1]);
