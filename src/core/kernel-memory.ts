/**
 * Large shared arrays that wasm kernels can write in place. A kernel reads and writes only its
 * instance's memory, so a worker writing an output on an ordinary SharedArrayBuffer computes into
 * its own memory and copies out: a second pass over the output (W3 3×3 on 4096², 64 MiB: ~6 ms of
 * a ~28 ms single-thread call). Shared arrays of KERNEL_MEMORY.minBytes or more are therefore
 * placed at the start of a shared WebAssembly.Memory of their own — its `buffer` is a
 * SharedArrayBuffer, so nothing changes for the caller — followed by scratch slots: a worker
 * instantiates a shared-memory build of its kernel family over that memory
 * (src/wasm/loader.ts sharedWasmModule), claims a slot for its input rows and writes the array in
 * place. The memory is never grown, so `buffer` stays the same object.
 *
 * Layout, bytes: [0, dataBytes) the array · [flagsAt, flagsAt + 4 · SLOTS) slot claims (Int32,
 * 0 free, 1 taken) · [slot0 + i · SLOT_BYTES, …) slot i.
 *
 * Where a shared WebAssembly.Memory cannot be made (no SIMD-era engine, an engine out of
 * address space for memories: V8 reserves ~10 GiB of it per memory), `allocateKernelShared`
 * returns undefined and the caller takes a plain SharedArrayBuffer: the kernels then copy.
 */

const PAGE = 65536;

/** Scratch slots per memory: at most this many tasks write one array in place at once. */
export const SLOTS = 8;
/** Bytes per slot: a strip of input rows and the kernel's taps (a 4096-wide float32 strip: 31 rows). */
export const SLOT_BYTES = 1 << 19;

/** Shared arrays of at least `minBytes` live in a kernel memory (a switch for tests and measurements). */
export const KERNEL_MEMORY: { minBytes: number } = { minBytes: 16 << 20 };

/** Where an array's kernel memory keeps its slots; structured-clonable (posted to workers with the task). */
export interface KernelMemory {
  /**
   * Names the memory across threads: each message brings a worker a new WebAssembly.Memory
   * object for it, so a worker keys what it keeps for a memory by this (random) id.
   */
  readonly id: number;
  readonly memory: WebAssembly.Memory;
  /** Byte offset of the slot claims, SLOTS Int32 entries. */
  readonly flagsAt: number;
  /** Byte offset of slot 0 (64-byte aligned). */
  readonly slot0: number;
}

const registry = new WeakMap<ArrayBufferLike, KernelMemory>();

/**
 * A SharedArrayBuffer of at least `bytes` bytes at the start of a new kernel memory (zeroed), or
 * undefined where one cannot be made or `bytes` is under KERNEL_MEMORY.minBytes.
 */
export function allocateKernelShared(bytes: number): SharedArrayBuffer | undefined {
  if (bytes < KERNEL_MEMORY.minBytes || typeof WebAssembly !== 'object' || typeof SharedArrayBuffer === 'undefined') return undefined;
  const flagsAt = Math.ceil(bytes / 64) * 64;
  const slot0 = flagsAt + 64;
  const pages = Math.ceil((slot0 + SLOTS * SLOT_BYTES) / PAGE);
  if (pages > 65536) return undefined; // over 4 GiB: no 32-bit memory holds it
  let memory: WebAssembly.Memory;
  try {
    memory = new WebAssembly.Memory({ initial: pages, maximum: pages, shared: true });
  } catch {
    return undefined;
  }
  const buffer = memory.buffer as unknown as SharedArrayBuffer; // a shared memory's buffer is one
  registry.set(buffer, { id: Math.floor(Math.random() * 2 ** 52), memory, flagsAt, slot0 });
  chargeKernelMemory(buffer.byteLength);
  return buffer;
}

/** Charges a kernel memory of `bytes` to this thread's GC: on allocation, and by each worker that is sent one. */
export function chargeKernelMemory(bytes: number): void {
  chargeGc(GC_CHARGE * bytes);
}

/**
 * V8 leaves shared memory out of its GC heuristics, and frees a dead shared WebAssembly.Memory
 * only after a full collection, so dead kernel memories pile up (40 dropped 64 MiB memories, one
 * a turn of the event loop: 2.7 GB resident). Allocating and dropping an ordinary ArrayBuffer
 * charges bytes to the GC without touching a page; charging GC_CHARGE times the memory's bytes
 * brings the full collections on in time (the same loop: 180 MB; 1x: 0.8–1.4 GB).
 */
const GC_CHARGE = 4;

/** The kernel memory behind `buffer` (this thread's allocations only), or undefined. */
export function kernelMemoryOf(buffer: ArrayBufferLike): KernelMemory | undefined {
  return registry.get(buffer);
}

/**
 * The kernel memory `out` lies in, where kernels may write it in place: undefined unless `out` and
 * every view in `reads` on the same memory stay clear of its slots (a view made over the whole
 * `buffer` reaches into them).
 */
export function inPlaceMemory(out: ArrayBufferView, reads: readonly ArrayBufferView[] = []): KernelMemory | undefined {
  const km = registry.get(out.buffer);
  if (km === undefined) return undefined;
  const clear = (v: ArrayBufferView) => v.buffer !== out.buffer || v.byteOffset + v.byteLength <= km.flagsAt;
  return clear(out) && reads.every(clear) ? km : undefined;
}

/** Claims a free slot of `km` (Atomics): its byte offset, or -1 when all are taken. */
export function claimSlot(km: KernelMemory): number {
  const flags = new Int32Array(km.memory.buffer, km.flagsAt, SLOTS);
  for (let i = 0; i < SLOTS; i++) if (Atomics.compareExchange(flags, i, 0, 1) === 0) return km.slot0 + i * SLOT_BYTES;
  return -1;
}

/** Frees the slot at byte offset `at` (from claimSlot). */
export function releaseSlot(km: KernelMemory, at: number): void {
  Atomics.store(new Int32Array(km.memory.buffer, km.flagsAt, SLOTS), (at - km.slot0) / SLOT_BYTES, 0);
}

/**
 * V8 leaves SharedArrayBuffer memory out of its GC heuristics (a shared backing store counts 0
 * bytes per thread), so fresh shared outputs, one per call, would pile up dead on the caller
 * and in every worker that held a view, until an unrelated collection. Allocating and dropping
 * an ordinary ArrayBuffer of the same size charges those bytes to this thread's GC: its pages
 * are never touched (address space only), and the collection it brings on frees the dead
 * shared buffers. Called for each shared buffer allocated per call, by the workers for the rows
 * of a fresh output that each task writes (conv/task2d.ts chargeShare: a full charge per task cost
 * ~40 ms of memory-reducing collections per W3 call; a share keeps the peak near 2.5x input +
 * output), and for kernel memories (chargeKernelMemory).
 */
export function chargeGc(bytes: number): number {
  try {
    return new ArrayBuffer(bytes).byteLength; // dropped at once; returns the bytes charged
  } catch {
    return 0; // no address space for it: the failed allocation has already run a collection
  }
}

/**
 * Charges a worker task's share of a fresh shared output it writes (conv: a row, tile or
 * overlap-save task, conv/task2d.ts; fft: a line task, fft/task.ts), in charges of at least 33 MiB: above
 * glibc's largest mmap threshold (32 MiB), so each charge stays address space (a smaller one may
 * be carved from the heap and zeroed by calloc: 10 MB charges cost 30 ms of memset per worker per
 * W7 call), and a collection every few tasks rather than every task (each costs a few ms).
 * Returns the bytes charged now (0 while the share is owed).
 */
export function chargeShare(bytes: number): number {
  owed += bytes;
  if (owed < 33 << 20) return 0;
  const charged = chargeGc(owed);
  owed = 0;
  return charged;
}
let owed = 0;
