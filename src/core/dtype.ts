/**
 * Element types. Complex dtypes are stored interleaved (re, im), numpy's memory layout,
 * in a Float32Array (complex64) or Float64Array (complex128).
 */

import { DTypeError } from './errors.js';
import { allocateKernelShared } from './kernel-memory.js';

export type FloatDType = 'float32' | 'float64';
export type ComplexDType = 'complex64' | 'complex128';
export type IntDType = 'uint8' | 'int32';
export type DType = FloatDType | ComplexDType | IntDType;

export const DTYPES: readonly DType[] = ['float32', 'float64', 'complex64', 'complex128', 'uint8', 'int32'];

/** The typed-array class that stores each dtype. */
export interface StorageOf {
  float32: Float32Array;
  float64: Float64Array;
  complex64: Float32Array;
  complex128: Float64Array;
  uint8: Uint8Array;
  int32: Int32Array;
}
export type Storage<D extends DType = DType> = StorageOf[D];
export type TypedArray = Float32Array | Float64Array | Uint8Array | Int32Array;

type StorageCtor = Float32ArrayConstructor | Float64ArrayConstructor | Uint8ArrayConstructor | Int32ArrayConstructor;

const CTOR: Record<DType, StorageCtor> = {
  float32: Float32Array,
  float64: Float64Array,
  complex64: Float32Array,
  complex128: Float64Array,
  uint8: Uint8Array,
  int32: Int32Array,
};

export function isDType(name: unknown): name is DType {
  return typeof name === 'string' && (DTYPES as readonly string[]).includes(name);
}

export function assertDType(name: unknown, arg = 'dtype'): DType {
  if (!isDType(name)) throw new DTypeError(`${arg}: unknown dtype ${JSON.stringify(name)}; expected one of ${DTYPES.join(', ')}`, arg);
  return name;
}

export function isComplex(dtype: DType): dtype is ComplexDType {
  return dtype === 'complex64' || dtype === 'complex128';
}

export function isFloat(dtype: DType): dtype is FloatDType {
  return dtype === 'float32' || dtype === 'float64';
}

/** Scalars stored per element: 2 for complex dtypes, 1 otherwise. */
export function lanes(dtype: DType): 1 | 2 {
  return isComplex(dtype) ? 2 : 1;
}

/** Bytes per element (a complex element counts both parts). */
export function itemSize(dtype: DType): number {
  return CTOR[dtype].BYTES_PER_ELEMENT * lanes(dtype);
}

export function storageCtor(dtype: DType): StorageCtor {
  return CTOR[dtype];
}

/** The real dtype with the same precision: complex64 → float32, complex128 → float64. */
export function realOf(dtype: DType): FloatDType {
  return dtype === 'float64' || dtype === 'complex128' ? 'float64' : 'float32';
}

/** The complex dtype with the same precision: float32 → complex64, float64 → complex128. */
export function complexOf(dtype: DType): ComplexDType {
  return realOf(dtype) === 'float64' ? 'complex128' : 'complex64';
}

/** numpy's promotion for the dtypes we compute in: any float64 part makes float64; any complex makes complex. */
export function promote(a: DType, b: DType): FloatDType | ComplexDType {
  const precision: FloatDType =
    realOf(a) === 'float64' || realOf(b) === 'float64' || a === 'int32' || b === 'int32' ? 'float64' : 'float32';
  const complex = isComplex(a) || isComplex(b);
  return complex ? complexOf(precision) : precision;
}

/**
 * The dtype of an operation on `input` with an auxiliary operand (a kernel, a filter): the input's
 * precision is kept (DESIGN.md: float32 in, float32 out — as scipy.ndimage and cv2.filter2D do),
 * complex if either operand is; integer inputs promote as numpy does.
 */
export function keepPrecision(input: DType, aux: DType): FloatDType | ComplexDType {
  if (input === 'uint8' || input === 'int32') return promote(input, aux);
  const precision = realOf(input);
  return isComplex(input) || isComplex(aux) ? complexOf(precision) : precision;
}

/**
 * Allocate storage for `size` elements of `dtype`, optionally on a SharedArrayBuffer: `true` puts
 * a large one in a kernel memory (kernel-memory.ts; worth it for arrays written again and again),
 * `'plain'` never does (a new output written once: a fresh kernel memory costs more page-fault
 * and collection time than the copy it saves).
 */
export function allocate<D extends DType>(dtype: D, size: number, shared: boolean | 'plain' = false): Storage<D> {
  const Ctor = CTOR[dtype];
  const count = size * lanes(dtype);
  if (!shared) return new Ctor(count) as Storage<D>;
  const bytes = count * Ctor.BYTES_PER_ELEMENT;
  // a large one in a kernel memory of its own, which wasm kernels write in place (kernel-memory.ts)
  const sab = (shared === true ? allocateKernelShared(bytes) : undefined) ?? new SharedArrayBuffer(bytes);
  return new (Ctor as Float64ArrayConstructor)(sab, 0, count) as unknown as Storage<D>;
}
