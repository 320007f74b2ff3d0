/**
 * Sums of valid 2-D cross-correlations, the one primitive every score is built from:
 *
 *   out[y, x] = Σ_terms Σ_{i<h, j<w} src(y + i, x + j) · kernel[i, j]     out [H − h + 1, W − w + 1]
 *
 * where a term's source is an image plane or its square. Two engines with one interface:
 * `DirectCorrelator` (sliding sums on the WebAssembly SIMD kernel of src/wasm/conv2d.ts, float64)
 * and `FftCorrelator` (fftCorrelator.ts). Both compute in float64.
 */
import { ndarray } from '../core/ndarray.js';
import { correlate2dValid } from '../wasm/conv2d.js';
import { type Plane, planeToFloat64 } from './planes.js';

/** An image plane, or its elementwise square. Compared by identity (engines cache per source). */
export interface Source {
  readonly plane: Plane;
  readonly square: boolean;
}

/** One correlation: `kernel` [h, w] float64 slid over `src`. */
export interface Term {
  readonly src: Source;
  readonly kernel: Float64Array;
}

export interface Correlator {
  /** Output height and width. */
  readonly outH: number;
  readonly outW: number;
  /** Σ over terms of correlate(src, kernel, 'valid'), [outH, outW] float64. */
  sum(terms: readonly Term[]): Float64Array;
  /** The same sum handed out one row at a time, rows in order (`row` [outW] may be reused). */
  sumRows(terms: readonly Term[], emit: (y: number, row: Float64Array) => void): void;
}

export function sourceOf(plane: Plane, square = false): Source {
  return { plane, square };
}

/** Sliding sums, cost ≈ outH·outW·h·w multiply-adds per term. */
export class DirectCorrelator implements Correlator {
  readonly outH: number;
  readonly outW: number;
  private readonly cache = new Map<Source, Float64Array>();

  constructor(
    readonly height: number,
    readonly width: number,
    readonly h: number,
    readonly w: number,
  ) {
    this.outH = height - h + 1;
    this.outW = width - w + 1;
  }

  private values(src: Source): Float64Array {
    let v = this.cache.get(src);
    if (v === undefined) {
      v = planeToFloat64(src.plane, src.square ? (x) => x * x : undefined);
      this.cache.set(src, v);
    }
    return v;
  }

  sum(terms: readonly Term[]): Float64Array {
    const out = new Float64Array(this.outH * this.outW); // [outH, outW]
    for (const t of terms) {
      const x = ndarray('float64', [this.height, this.width], this.values(t.src));
      const k = ndarray('float64', [this.h, this.w], t.kernel);
      const r = correlate2dValid(x, k).data;
      for (let i = 0; i < out.length; i++) out[i] += r[i];
    }
    return out;
  }

  sumRows(terms: readonly Term[], emit: (y: number, row: Float64Array) => void): void {
    const all = this.sum(terms);
    for (let y = 0; y < this.outH; y++) emit(y, all.subarray(y * this.outW, (y + 1) * this.outW));
  }
}
