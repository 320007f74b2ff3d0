/**
 * The worker side of the threaded 2-D paths (parallel.ts), reading the input and writing the
 * output through SharedArrayBuffer views: 'conv.rows2d' computes output rows [r0, r1) of one
 * plane with the WebAssembly kernels of fast2d.ts; 'conv.tiles2d' computes a range of tiles
 * of a tiled FFT convolution (tiles.ts). Listed in src/parallel/tasks.ts. A leaf module: it
 * must not import the pool.
 */
import { WorkerError } from '../core/errors.js';
import { chargeKernelMemory, chargeShare, claimSlot, type KernelMemory, releaseSlot, SLOT_BYTES } from '../core/kernel-memory.js';
import { NDArray } from '../core/ndarray.js';
import { sharedWasmModule } from '../wasm/loader.js';
import { type Conv2dStridedExports, direct2dRows, direct2dRowsInPlace, type Geometry2d, separable2dRows } from './fast2d.js';
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
  /** The output was allocated for this call: charge its bytes to this worker's GC (chargeGc). */
  fresh?: boolean;
  /** The kernel memory `out` lies in (src/core/kernel-memory.ts): `direct` then writes it in place. */
  mem?: KernelMemory;
  /**
   * A counter on shared memory ([0], from 0) shared by the tasks of one plane: each task then takes
   * chunks of `chunk` rows of [r0, r1) from it until none is left, rather than the whole range —
   * no round trip through the calling thread between chunks (W3: ~1.7 ms idle per worker per call).
   */
  claim?: Int32Array;
  chunk?: number;
}

export function rows2dTask(a: Rows2dArgs): number {
  const x = new NDArray(a.x instanceof Float32Array ? 'float32' : 'float64', a.xShape, a.x);
  const out = new NDArray(a.out instanceof Float32Array ? 'float32' : 'float64', a.oShape, a.out);
  const k = a.plan.method === 'direct' ? new NDArray('float64', a.plan.kShape, a.plan.k) : undefined;
  let done = 0;
  for (const [r0, r1] of rowChunks(a)) {
    // the rows this task writes: a worker is charged its share of the output in charges of 33 MiB or
    // more (chargeShare; 8 MiB charges per task were carved from the heap and zeroed: W4 new output
    // 160 -> 137 ms of CPU per call, W3's peak stays 1.75x input + output)
    if (a.fresh) chargeShare(Math.ceil((a.out.byteLength * (r1 - r0)) / a.oShape[0]));
    const ok =
      k !== undefined
        ? (a.mem !== undefined && inPlace(x, k, out, a.g, r0, r1, a.mem)) || direct2dRows(x, k, out, a.g, r0, r1)
        : a.plan.method === 'separable' && separable2dRows(x, a.plan.col, a.plan.row, out, a.g, r0, r1);
    if (!ok) throw new WorkerError('conv.rows2d: WebAssembly kernels are not available in this worker');
    done += r1 - r0;
  }
  return done;
}

/** The row ranges a task computes: [r0, r1) whole, or with `claim` the chunks it takes from the counter. */
function* rowChunks(a: Rows2dArgs): Generator<[number, number]> {
  if (a.claim === undefined || a.chunk === undefined) {
    yield [a.r0, a.r1];
    return;
  }
  for (let r = a.r0 + Atomics.add(a.claim, 0, 1) * a.chunk; r < a.r1; r = a.r0 + Atomics.add(a.claim, 0, 1) * a.chunk) {
    yield [r, Math.min(a.r1, r + a.chunk)];
  }
}

/**
 * This worker's conv2d instances over the kernel memories it was last sent, by KernelMemory.id
 * (each message brings a new Memory object), held weakly: a dead memory is not kept alive here.
 */
const inPlaceInstances = new Map<number, WeakRef<Conv2dStridedExports>>();
const KEEP_INSTANCES = 16;

/** The conv2d exports over `mem` (shared-memory build), or undefined where there is none. */
function inPlaceExports(mem: KernelMemory): Conv2dStridedExports | undefined {
  const cached = inPlaceInstances.get(mem.id);
  const live = cached?.deref();
  if (live !== undefined) return live;
  const module = sharedWasmModule('conv2d');
  if (module === undefined) return undefined;
  const e = new WebAssembly.Instance(module, { env: { memory: mem.memory } }).exports as unknown as Conv2dStridedExports;
  // the first time this worker holds the memory: charged to its GC, so its handle is freed in time
  if (cached === undefined) chargeKernelMemory(mem.memory.buffer.byteLength);
  inPlaceInstances.delete(mem.id);
  inPlaceInstances.set(mem.id, new WeakRef(e));
  if (inPlaceInstances.size > KEEP_INSTANCES) inPlaceInstances.delete(inPlaceInstances.keys().next().value as number);
  return e;
}

/**
 * direct2dRowsInPlace in a slot of `mem` claimed for the call; false (nothing written) where there
 * is no shared-memory build here, no free slot, or the strips do not fit one.
 */
function inPlace(x: NDArray, k: NDArray, out: NDArray, g: Geometry2d, r0: number, r1: number, mem: KernelMemory): boolean {
  const e = inPlaceExports(mem);
  if (e === undefined) return false;
  const at = claimSlot(mem);
  if (at < 0) return false;
  try {
    return direct2dRowsInPlace(x, k, out, g, r0, r1, { exports: e, memory: mem.memory, at, bytes: SLOT_BYTES });
  } finally {
    releaseSlot(mem, at);
  }
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
  /**
   * tileKernelSpectrum(k, plan.B, out's precision) [B0, B1/2 + 1] complex (scaled by 1/(B0·B1)),
   * computed once by the caller (shared memory); `k` is then not read.
   */
  spec?: Float32Array | Float64Array;
  /** The output was allocated for this call: charge this task's share of its bytes to this worker's GC (chargeShare). */
  fresh?: boolean;
  /**
   * A counter on shared memory ([0], from 0) shared by the tasks of one call: each then takes
   * tiles of [t0, t1) from it one at a time until none is left (convolveTiles' `claim`), rather
   * than the whole range.
   */
  claim?: Int32Array;
}

/**
 * Tiles [t0, t1) of a tiled FFT convolution (tiles.ts), in the output's precision (with `claim`,
 * those this task takes); returns how many it computed.
 */
export function tiles2dTask(a: Tiles2dArgs): number {
  const work = a.out instanceof Float32Array ? 'float32' : 'float64';
  const xp = new NDArray(a.xp instanceof Float32Array ? 'float32' : 'float64', a.xShape, a.xp);
  const out = new NDArray(work, a.oShape, a.out);
  const [B0, B1] = a.plan.B;
  const spec =
    a.spec === undefined
      ? tileKernelSpectrum(new NDArray('float64', a.kShape, a.k), a.plan.B, work)
      : new NDArray(work === 'float32' ? 'complex64' : 'complex128', [B0, Math.floor(B1 / 2) + 1], a.spec);
  const done = convolveTiles(xp, a.kShape, spec, a.plan, a.start, out, a.t0, a.t1, a.claim);
  if (a.fresh) chargeShare(Math.ceil((a.out.byteLength * done) / (a.plan.tiles[0] * a.plan.tiles[1])));
  return done;
}
