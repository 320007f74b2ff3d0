/**
 * Which implementation runs complex passes: 'auto' (the best WebAssembly variant the engine
 * supports — relaxed SIMD, then SIMD — when the 'fft' kernels are built, else plain TS),
 * 'wasm' (that same best variant, forced even for short lengths), 'wasm-simd' / 'wasm-scalar'
 * (force the plain-SIMD / scalar build, for parity tests and benchmarks) or 'ts' (the
 * reference passes).
 */
import { ArgumentError } from '../core/errors.js';
import type { WasmVariant } from '../wasm/loader.js';

export type FftBackend = 'auto' | 'wasm' | 'wasm-simd' | 'wasm-scalar' | 'ts';
const BACKENDS: readonly string[] = ['auto', 'wasm', 'wasm-simd', 'wasm-scalar', 'ts'];

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

/**
 * The WebAssembly variant a backend asks for: 'scalar' / 'simd' for 'wasm-scalar' / 'wasm-simd',
 * undefined (the loader's default, defaultVariant()) for 'auto' and 'wasm'.
 */
export function variantOf(backend: FftBackend): WasmVariant | undefined {
  return backend === 'wasm-scalar' ? 'scalar' : backend === 'wasm-simd' ? 'simd' : undefined;
}

/** Below this length, 'auto' keeps to TS: the call overhead outweighs the faster passes. */
export const WASM_MIN_N = 16;
