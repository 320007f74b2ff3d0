/** What the runtime offers: WebAssembly SIMD, cores, and the worker count in use. */
import { availableParallelism } from 'node:os';
import { defaultThreads } from '../parallel/threads.js';

/** The smallest module using a v128 instruction (the probe used by wasm-feature-detect). */
const SIMD_PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11,
]);

export function wasmSimdSupported(): boolean {
  try {
    return typeof WebAssembly === 'object' && WebAssembly.validate(SIMD_PROBE);
  } catch {
    return false;
  }
}

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
