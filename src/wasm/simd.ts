/**
 * Feature detection: does this engine run WebAssembly SIMD (128-bit)? Validates a tiny module,
 * `(func (result v128) i32.const 0 i8x16.splat i8x16.popcnt)`, as wasm-feature-detect does
 * (https://github.com/GoogleChromeLabs/wasm-feature-detect).
 */
const SIMD_PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11,
]);

let cached: boolean | undefined;

/** True when WebAssembly SIMD is available (checked once). */
export function simdSupported(): boolean {
  if (cached === undefined) {
    try {
      cached = typeof WebAssembly === 'object' && WebAssembly.validate(SIMD_PROBE);
    } catch {
      cached = false;
    }
  }
  return cached;
}
