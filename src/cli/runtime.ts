/** What the runtime offers: WebAssembly SIMD (and relaxed SIMD), cores, and the worker count in use. */
import { availableParallelism } from 'node:os';
import { defaultThreads } from '../parallel/threads.js';
import { relaxedSupported, simdSupported } from '../wasm/simd.js';

export const wasmSimdSupported = simdSupported;
/** Relaxed SIMD (the kernels' fused multiply-add), turned on in Node 20 where needed (wasm/simd.ts). */
export const wasmRelaxedSupported = relaxedSupported;

export function threadsAvailable(): number {
  return availableParallelism();
}

/**
 * The worker count in use — the pool's own default (`CONVOLAB_THREADS` when set, which must be a
 * positive integer, else the cores) — and where it came from.
 */
export function threadsInUse(): { threads: number; source: 'CONVOLAB_THREADS' | 'default' } {
  const set = (process.env.CONVOLAB_THREADS ?? '').trim() !== '';
  return { threads: defaultThreads(), source: set ? 'CONVOLAB_THREADS' : 'default' };
}
