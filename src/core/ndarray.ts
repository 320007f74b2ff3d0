/**
 * NDArray: `{ dtype, shape, data }`, C-contiguous. Complex data is interleaved (re, im).
 */
import { allocate, assertDType, type DType, lanes, type Storage, storageCtor } from './dtype.js';
import { ShapeError } from './errors.js';
import { assertShape, formatShape, type Shape, sizeOf, stridesOf } from './shape.js';

export class NDArray<D extends DType = DType> {
  readonly dtype: D;
  readonly shape: readonly number[];
  /** Flat storage; `size * lanes(dtype)` scalars. */
  readonly data: Storage<D>;

  constructor(dtype: D, shape: Shape, data?: Storage<D>) {
    this.dtype = assertDType(dtype) as D;
    this.shape = Object.freeze(assertShape([...shape]));
    const n = sizeOf(this.shape);
    if (data === undefined) {
      this.data = allocate(dtype, n);
    } else {
      const Ctor = storageCtor(dtype);
      if (!(data instanceof Ctor)) {
        throw new ShapeError(`data: expected a ${Ctor.name} for dtype ${dtype}, got ${(data as object)?.constructor?.name}`, 'data');
      }
      if (data.length !== n * lanes(dtype)) {
        throw new ShapeError(
          `data: length ${data.length} does not match shape ${formatShape(this.shape)} of ${dtype} (expected ${n * lanes(dtype)})`,
          'data',
        );
      }
      this.data = data;
    }
  }

  get ndim(): number {
    return this.shape.length;
  }

  /** Number of elements (a complex element counts once). */
  get size(): number {
    return sizeOf(this.shape);
  }

  get strides(): number[] {
    return stridesOf(this.shape);
  }

  /** The same data seen with another shape of equal size. */
  reshape(shape: Shape): NDArray<D> {
    if (sizeOf(shape) !== this.size) {
      throw new ShapeError(`shape: cannot reshape ${formatShape(this.shape)} (${this.size} elements) to ${formatShape(shape)}`, 'shape');
    }
    return new NDArray(this.dtype, shape, this.data);
  }

  /** A deep copy (new storage). */
  copy(): NDArray<D> {
    return new NDArray(this.dtype, this.shape, this.data.slice() as Storage<D>);
  }

  toString(): string {
    return `NDArray(${this.dtype}, ${formatShape(this.shape)})`;
  }
}

/**
 * A new zero-filled array. Pass `shared` to back it by a SharedArrayBuffer (for the worker pool):
 * one of 16 MiB or more then lies in a kernel memory, which the workers' wasm kernels write in
 * place (core/kernel-memory.ts) — for an array written again and again, such as an `out`;
 * `'plain'` keeps it on a SharedArrayBuffer of its own.
 */
export function zeros<D extends DType>(shape: Shape, dtype: D, shared: boolean | 'plain' = false): NDArray<D> {
  return new NDArray(dtype, shape, allocate(dtype, sizeOf(assertShape([...shape])), shared));
}

/** Wrap existing storage; its length must match the shape. */
export function ndarray<D extends DType>(dtype: D, shape: Shape, data: Storage<D>): NDArray<D> {
  return new NDArray(dtype, shape, data);
}

/** Build from a flat list of numbers (complex: interleaved re, im). Default shape: 1-D. */
export function fromArray<D extends DType>(values: ArrayLike<number>, dtype: D, shape?: Shape): NDArray<D> {
  const n = values.length / lanes(dtype);
  const data = allocate(dtype, n);
  data.set(values as ArrayLike<number>);
  return new NDArray(dtype, shape ?? [n], data);
}

/** Cast to another dtype (real → complex fills im = 0; complex → real is refused). */
export function astype<T extends DType>(a: NDArray, dtype: T): NDArray<T> {
  if (a.dtype === (dtype as DType)) return a.copy() as unknown as NDArray<T>;
  const out = zeros(a.shape, dtype);
  const inLanes = lanes(a.dtype);
  const outLanes = lanes(dtype);
  if (inLanes === 2 && outLanes === 1) {
    throw new ShapeError(`dtype: cannot cast complex ${a.dtype} to real ${dtype}; take the real part or magnitude explicitly`, 'dtype');
  }
  if (inLanes === outLanes) {
    out.data.set(a.data as ArrayLike<number>);
  } else {
    const src = a.data;
    const dst = out.data;
    for (let i = 0; i < a.size; i++) dst[2 * i] = src[i];
  }
  return out;
}
