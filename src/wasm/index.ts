/** WebAssembly kernels: loader, feature detection, scratch memory, and the fast kernels. */
export { ALIGN, Arena } from './arena.js';
export {
  type Conv2dExports,
  type Correlate2dOptions,
  correlate2dValid,
  correlate2dValidRows,
  DEFAULT_STRIP_BYTES,
  type RowSource,
} from './conv2d.js';
export {
  defaultVariant,
  initWasm,
  instantiateKernels,
  type WasmInfo,
  type WasmKernels,
  type WasmVariant,
  wasmInfo,
  wasmKernels,
  wasmModule,
} from './loader.js';
export { simdSupported } from './simd.js';
