/**
 * Which implementation runs complex passes: 'auto' (WebAssembly SIMD when the 'fft' kernels
 * are built and the engine supports them, else plain TS), 'wasm' / 'wasm-scalar' (force a
 * WebAssembly variant, for parity tests and benchmarks) or 'ts' (the reference passes).
 */
import { ArgumentError } from '../core/errors.js';

export type FftBackend = 'auto' | 'wasm' | 'wasm-scalar' | 'ts';
const BACKENDS: readonly string[] = ['auto', 'wasm', 'wasm-scalar', 'ts'];

let current: FftBackend = 'auto';

export function setFftBackend(backend: FftBackend): void {
  if (!BACKENDS.includes(backend)) {
    throw new ArgumentError(`backend: expected one of ${BACKENDS.join(', ')}, got ${JSON.stringify(backend)}`, 'backend');
  }
  current = backend;
}

export function fftBackend(): FftBackend {
  return current;
}

/** Below this length, 'auto' keeps to TS: the call overhead outweighs the faster passes. */
export const WASM_MIN_N = 16;
