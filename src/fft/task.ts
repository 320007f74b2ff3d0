/**
 * The worker side of the threaded N-D transforms (parallel.ts): one task runs one line
 * transform (an NdStep) on a share of an array held in SharedArrayBuffers (or on the shares it
 * takes from a counter shared by the step's tasks: NdStepArgs.claim), with this thread's
 * WebAssembly engine (wasmnd.ts's runNdIn), copying straight between shared and wasm memory. The array is seen as [outer, n, inner]:
 *
 * - inner = 1 (the last axis): lines o0..o1 are contiguous and run ROW_CHUNK_BYTES at a time
 *   (copy in, transform, copy out while the chunk is in cache), reading the shared input and
 *   writing the shared output directly;
 * - inner > 1 (a column axis): columns c0..c1 of each outer slab are gathered (row segments of
 *   up to 512 columns: whole pages) into a compact [n, cw] block in wasm memory, transformed
 *   down its columns in one band, and scattered back (src may be dst: a c2c column step runs in
 *   place, each share on its own columns).
 *
 * A column's arithmetic does not depend on its neighbours (the complex64 kernels do the same
 * operations on a pair of columns as on a lone one), so 1 and N threads give the same bits as
 * the synchronous call (test/fft/parallel.test.ts). Listed in src/parallel/tasks.ts as
 * 'fft.ndStep'. A leaf module: it must not import the pool.
 */
import { WorkerError } from '../core/errors.js';
import { chargeShare } from '../core/kernel-memory.js';
import { type LongStepArgs, longStepTask } from './longtask.js';
import { wasmEngine } from './wasm.js';
import { type NdStep, ROW_CHUNK_BYTES, runNdIn } from './wasmnd.js';

/** Column chunks start at multiples of this (long row segments; even widths, so complex64 columns pair up). */
export const ND_COLUMN_ALIGN = 128;
/** Columns gathered per block in a worker (a multiple of ND_COLUMN_ALIGN; one band of runNdIn). */
const GATHER_COLUMNS = 512;

type Real = Float32Array | Float64Array;

export interface NdStepArgs {
  /** Input [outer, nIn, inner] · srcLanes scalars (shared). */
  src: Real;
  srcLanes: 1 | 2;
  /** Output [outer, nOut, inner] · outLanes scalars (shared; may be src). float32 arrays (both) mean the float32 kernels. */
  dst: Real;
  /** [outer, nIn, inner] of the input. */
  dims: [number, number, number];
  /** The step, with axis = 1 of dims. */
  step: NdStep;
  /** Factor applied to the output of this step. */
  scale: number;
  /** Outer slabs [o0, o1) and, when inner > 1, columns [c0, c1) of each. */
  o0: number;
  o1: number;
  c0: number;
  c1: number;
  /** Bytes of a dst allocated for this call that this share accounts for: charged to this worker's GC (chargeShare). */
  charge?: number;
  /**
   * Many shares in one task: `shares` lists them as [o0, o1, c0, c1] quadruples, and the task takes
   * them one at a time from the counter claim[0] (shared by the step's tasks, from 0) until none is
   * left; o0..c1 above are then unused. `charge` is per share.
   */
  claim?: Int32Array;
  shares?: Int32Array;
}

/** Output length along the step's axis. */
export const stepOutLength = (st: NdStep): number => (st.kind === 'r2c' ? st.n / 2 + 1 : st.n);

/** Runs one share of a step (or of a phase of one long transform, longtask.ts); returns the number of lines transformed. */
export function ndStepTask(a: NdStepArgs | LongStepArgs): number {
  // a fresh shared dst: this worker's view of it is freed only by a collection here (core/kernel-memory.ts)
  if ('long' in a) {
    if (a.charge !== undefined) chargeShare(a.charge);
    return longStepTask(a);
  }
  if (a.claim === undefined || a.shares === undefined) {
    if (a.charge !== undefined) chargeShare(a.charge);
    return runShare(a, a.o0, a.o1, a.c0, a.c1);
  }
  const q = a.shares;
  let done = 0;
  for (let i = Atomics.add(a.claim, 0, 1); 4 * i < q.length; i = Atomics.add(a.claim, 0, 1)) {
    if (a.charge !== undefined) chargeShare(a.charge);
    done += runShare(a, q[4 * i], q[4 * i + 1], q[4 * i + 2], q[4 * i + 3]);
  }
  return done;
}

/** Share [o0, o1) × [c0, c1) of a step (see NdStepArgs); returns the lines transformed. */
function runShare(a: NdStepArgs, o0: number, o1: number, c0: number, c1: number): number {
  const engine = wasmEngine();
  if (engine === null) throw new WorkerError('fft.ndStep: the WebAssembly FFT kernels are not available in this worker');
  const [, nIn, inner] = a.dims;
  const st = a.step;
  const nOut = stepOutLength(st);
  const outLanes = st.kind === 'c2r' ? 1 : 2;
  const li = a.srcLanes;
  // the caller passes float32 arrays only when the float32 kernels run, float64 otherwise
  const single = a.src instanceof Float32Array;
  const view = (at: number, count: number): Real =>
    single ? new Float32Array(engine.k.memory.buffer, at, count) : new Float64Array(engine.k.memory.buffer, at, count);
  if (inner === 1) {
    // chunks of lines small enough that the copy in, the passes and the copy out stay in cache
    const chunk = Math.max(1, Math.floor(ROW_CHUNK_BYTES / (nIn * li * (single ? 4 : 8))));
    const rowSteps: NdStep[] = [{ ...st, axis: 1 }];
    for (let l0 = o0; l0 < o1; l0 += chunk) {
      const lines = Math.min(chunk, o1 - l0);
      const fill = (at: number, count: number, offset: number) => {
        const from = l0 * nIn * li + offset;
        view(at, count).set(a.src.subarray(from, from + count));
      };
      const r = runNdIn(engine, single, fill, li, [lines, nIn], rowSteps, a.scale);
      a.dst.set(view(r.at, r.count), l0 * nOut * outLanes);
    }
    return o1 - o0;
  }
  const oneStep: NdStep[] = [{ ...st, axis: 0 }];
  for (let o = o0; o < o1; o++) {
    for (let c = c0; c < c1; c += GATHER_COLUMNS) {
      const cw = Math.min(GATHER_COLUMNS, c1 - c);
      const fill = (at: number, count: number) => {
        const v = view(at, count);
        for (let t = 0; t < nIn; t++) {
          const from = ((o * nIn + t) * inner + c) * li;
          v.set(a.src.subarray(from, from + cw * li), t * cw * li);
        }
      };
      const r = runNdIn(engine, single, fill, li, [nIn, cw], oneStep, a.scale);
      const v = view(r.at, r.count);
      for (let t = 0; t < nOut; t++) {
        a.dst.set(v.subarray(t * cw * outLanes, (t + 1) * cw * outLanes), ((o * nOut + t) * inner + c) * outLanes);
      }
    }
  }
  return (o1 - o0) * (c1 - c0);
}
