/** Options of convolve / correlate and their validation at the public boundary. */
import { ArgumentError, DTypeError, ShapeError } from '../core/errors.js';
import type { NDArray } from '../core/ndarray.js';
import { type Boundary, type BoundaryName, type ConvMode, parseBoundary, parseMode } from '../ref/convBoundary.js';

export type ConvMethod = 'direct' | 'separable' | 'fft' | 'oa';
export type MethodName = ConvMethod | 'auto';
export const METHODS: readonly MethodName[] = ['auto', 'direct', 'separable', 'fft', 'oa'];

export interface ConvOptions {
  /** `full` (default) | `same` | `valid` — see DESIGN.md. */
  mode?: ConvMode;
  /** How the input is extended past its edge for `same` / `full` (default `constant`). */
  boundary?: BoundaryName;
  /** Value outside the input for the `constant` boundary (default 0). */
  cval?: number;
  /** `auto` (default) picks by `chooseMethod`'s cost model. */
  method?: MethodName;
  /**
   * Worker threads for `convolveAsync` / `correlateAsync` (default: cores), which split 2-D
   * planes by rows and long 1-D overlap-save by blocks. `convolve` always runs on the calling thread.
   */
  threads?: number;
  /** A preallocated output of exactly the result's shape and dtype. */
  out?: NDArray;
  /** Allow NaN / ±Inf in the kernel (default false: an error). */
  allowNonFinite?: boolean;
}

export interface ResolvedOptions {
  mode: ConvMode;
  boundary: Boundary;
  cval: number;
  method: MethodName;
  threads: number | undefined;
  allowNonFinite: boolean;
}

export function parseMethod(method: unknown, arg = 'method'): MethodName {
  if ((METHODS as readonly unknown[]).includes(method)) return method as MethodName;
  throw new ArgumentError(`${arg}: unknown method ${JSON.stringify(method)}; expected one of ${METHODS.join(', ')}`, arg);
}

export function resolveOptions(opts: ConvOptions): ResolvedOptions {
  const cval = opts.cval ?? 0;
  if (typeof cval !== 'number' || Number.isNaN(cval)) throw new ArgumentError(`cval: expected a number, got ${String(cval)}`, 'cval');
  const threads = opts.threads;
  if (threads !== undefined && (!Number.isSafeInteger(threads) || threads < 1)) {
    throw new ArgumentError(`threads: expected a positive integer, got ${String(threads)}`, 'threads');
  }
  return {
    mode: parseMode(opts.mode ?? 'full'),
    boundary: parseBoundary(opts.boundary ?? 'constant'),
    cval,
    method: parseMethod(opts.method ?? 'auto'),
    threads,
    allowNonFinite: opts.allowNonFinite ?? false,
  };
}

/** Throws unless `a` looks like a non-empty NDArray. */
export function assertOperand(a: unknown, arg: string): asserts a is NDArray {
  const nd = a as NDArray;
  if (!nd || typeof nd !== 'object' || !Array.isArray(nd.shape) || !ArrayBuffer.isView(nd.data) || typeof nd.dtype !== 'string') {
    throw new ArgumentError(`${arg}: expected an NDArray, got ${a === null ? 'null' : typeof a}`, arg);
  }
  if (nd.shape.length === 0) throw new ShapeError(`${arg}: expected at least one dimension, got a 0-d array`, arg);
  if (nd.shape.some((d) => d === 0)) {
    throw new ShapeError(`${arg}: expected a non-empty array, got shape [${nd.shape.join(', ')}]`, arg);
  }
  if (nd.dtype === 'uint8' || nd.dtype === 'int32') return;
  if (!['float32', 'float64', 'complex64', 'complex128'].includes(nd.dtype)) {
    throw new DTypeError(`${arg}: unsupported dtype ${nd.dtype}`, arg);
  }
}

/** NaN / ±Inf in the kernel is almost always a bug upstream; refuse it unless allowed. */
export function assertFiniteKernel(k: NDArray): void {
  const d = k.data;
  for (let i = 0; i < d.length; i++) {
    if (!Number.isFinite(d[i])) {
      throw new ArgumentError(
        `k: kernel has a non-finite value (${d[i]}) at flat index ${Math.floor(i / (d.length / k.size))}; pass allowNonFinite: true to allow it`,
        'k',
      );
    }
  }
}
