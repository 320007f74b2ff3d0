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

/**
 * `(func (param v128 v128 v128) (result v128) local.get 0 local.get 1 local.get 2 f32x4.relaxed_madd)`:
 * relaxed SIMD (https://github.com/WebAssembly/relaxed-simd), whose fused multiply-add
 * (`relaxed_madd`) the kernels use for a·b + c — one instruction, rounded once, where the engine's
 * CPU has FMA (x86 FMA3, Arm NEON), else a multiply and an add.
 */
const RELAXED_PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 8, 1, 96, 3, 123, 123, 123, 1, 123, 3, 2, 1, 0, 10, 13, 1, 11, 0, 32, 0, 32, 1, 32, 2, 253, 133, 2, 11,
]);

let relaxed: boolean | undefined;

/**
 * True when relaxed SIMD is available (checked once). Chrome ≥ 114, Firefox ≥ 120 and Node ≥ 22
 * ship it; Node 20's V8 (11.3) has it behind `--experimental-wasm-relaxed-simd`, which this turns
 * on through `node:v8` (process.getBuiltinModule, Node ≥ 20.16) — a process-wide switch that
 * only adds opcodes to what WebAssembly.validate accepts. `CONVOLAB_WASM_RELAXED=0` in Node's
 * environment turns the relaxed kernels off (the plain SIMD build then runs).
 */
export function relaxedSupported(): boolean {
  if (relaxed === undefined)
    relaxed = simdSupported() && allowedByEnv() && (validates(RELAXED_PROBE) || (enableInNode() && validates(RELAXED_PROBE)));
  return relaxed;
}

function validates(bytes: Uint8Array): boolean {
  try {
    return WebAssembly.validate(bytes as BufferSource);
  } catch {
    return false;
  }
}

interface NodeProcess {
  env?: Record<string, string | undefined>;
  getBuiltinModule?: (id: string) => unknown;
}

const nodeProcess = (): NodeProcess | undefined => (globalThis as { process?: NodeProcess }).process;

function allowedByEnv(): boolean {
  return nodeProcess()?.env?.CONVOLAB_WASM_RELAXED !== '0';
}

/** Node 20: turns on V8's relaxed SIMD flag; false where that is not possible (a browser). */
function enableInNode(): boolean {
  try {
    const v8 = nodeProcess()?.getBuiltinModule?.('node:v8') as { setFlagsFromString?: (flags: string) => void } | undefined;
    if (typeof v8?.setFlagsFromString !== 'function') return false;
    v8.setFlagsFromString('--experimental-wasm-relaxed-simd');
    return true;
  } catch {
    return false;
  }
}
