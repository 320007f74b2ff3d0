/**
 * Tensors of the network engine: float32 (training) or float64 (gradient checks) NDArrays,
 * batch first, NCHW for images: [N, C, H, W]; [N, F] for features.
 */
import { NDArray } from '../core/ndarray.js';

export type NNDType = 'float32' | 'float64';
export type Floats = Float32Array | Float64Array;
export type Tensor = NDArray<NNDType>;

/** A tensor of `shape` over `data` (no copy). */
export function tensor(shape: readonly number[], data: Floats): Tensor {
  return new NDArray(data instanceof Float64Array ? 'float64' : 'float32', shape, data) as Tensor;
}

/** New zeroed storage of the same kind as `like`. */
export function floatsLike(like: Floats | NNDType, n: number): Floats {
  const f64 = like === 'float64' || like instanceof Float64Array;
  return f64 ? new Float64Array(n) : new Float32Array(n);
}

/**
 * A reusable output buffer: returns the cached array while the size is unchanged, so a
 * steady training loop allocates nothing after its first batch.
 */
export class Buffer {
  private data: Floats | undefined;

  get(kind: Floats | NNDType, n: number): Floats {
    const f64 = kind === 'float64' || kind instanceof Float64Array;
    const d = this.data;
    if (d !== undefined && d.length === n && d instanceof Float64Array === f64) return d;
    this.data = floatsLike(kind, n);
    return this.data;
  }

  /** `get` then fill with zeros. */
  zeros(kind: Floats | NNDType, n: number): Floats {
    const d = this.get(kind, n);
    d.fill(0);
    return d;
  }
}
