/**
 * The pool of shared buffers behind the threaded convolutions (parallel.ts): what a call keeps to
 * itself, lent per call and given back when its tasks are done.
 */

type Real = Float32Array | Float64Array;

export const isShared = (a: ArrayBufferView): boolean => typeof SharedArrayBuffer !== 'undefined' && a.buffer instanceof SharedArrayBuffer;

/**
 * Shared buffers for what a call keeps to itself — an input copied to shared memory, the output
 * the workers write before it is copied into the caller's — reused from call to call by byte
 * length. V8 leaves SharedArrayBuffer memory out of its GC heuristics, and each worker sent a
 * shared buffer holds its own handle on it until that worker collects, which is rare (tasks
 * allocate next to nothing): a new buffer per call piled up dead, 1.5 GB after 80 calls of a
 * 2048² tiled FFT (scripts/mem-conv-fft.mjs). The workers see only these buffers, the caller's
 * own shared arrays and kept kernel spectra (tiles.ts); the memory the caller can see — its
 * arrays, the returned output — is never taken from or given to this pool.
 */
const KEEP_BYTES = 256 << 20;
const sharedFree: SharedArrayBuffer[] = [];

/** A call's leases on the pool: given back once every task has finished, dropped if one failed. */
export class Lease {
  private readonly held: SharedArrayBuffer[] = [];

  /** A pooled [n] view of the same type as `like` (contents undefined). */
  take<T extends Real>(like: T, n: number): T {
    const bytes = n * like.BYTES_PER_ELEMENT;
    const i = sharedFree.findIndex((b) => b.byteLength === bytes);
    const b = i >= 0 ? sharedFree.splice(i, 1)[0] : new SharedArrayBuffer(bytes);
    this.held.push(b);
    return new (like.constructor as { new (b: SharedArrayBuffer): T })(b);
  }

  /** `a` on shared memory: itself when it is, else a pooled copy. */
  shared<T extends Real>(a: T): T {
    if (isShared(a)) return a;
    const s = this.take(a, a.length);
    s.set(a);
    return s;
  }

  giveBack(): void {
    sharedFree.push(...this.held);
    this.held.length = 0;
    let bytes = sharedFree.reduce((n, b) => n + b.byteLength, 0);
    while (bytes > KEEP_BYTES) bytes -= (sharedFree.shift() as SharedArrayBuffer).byteLength;
  }
}

/** Awaits the jobs; the lease goes back to the pool only when all succeeded (an aborted task may still be writing). */
export async function settle(jobs: Promise<unknown>[], lease: Lease): Promise<void> {
  await Promise.all(jobs);
  lease.giveBack();
}
