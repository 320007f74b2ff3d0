/**
 * Valid cross-correlation as tiled FFT convolution (src/conv/tiles.ts: power-of-two blocks kept
 * in the FFT engine's WebAssembly memory, the kernel's spectrum computed once per term), on one
 * thread. The engine for plain scores (one kernel per source plane); FftCorrelator stays for
 * masked scores, whose sources are correlated with several kernels.
 *
 * Precision: float32 planes (and uint8, exact in float32) are transformed in float32, as
 * cv2.matchTemplate does (error ≈ eps32·log2(B)·‖block‖·‖kernel‖ on the numerator), other planes
 * in float64; the sum is returned in float64 either way.
 */

import { convolveTiles, type TilePlan, tileKernelSpectrum, tilePlan } from '../conv/tiles.js';
import { NDArray } from '../core/ndarray.js';
import type { Correlator, Source, Term } from './correlate.js';

export class TileCorrelator implements Correlator {
  readonly outH: number;
  readonly outW: number;
  readonly plan: TilePlan;

  constructor(
    readonly height: number,
    readonly width: number,
    readonly h: number,
    readonly w: number,
    readonly precision: 'float32' | 'float64',
  ) {
    this.outH = height - h + 1;
    this.outW = width - w + 1;
    this.plan = tilePlan([h, w], [this.outH, this.outW]);
  }

  sum(terms: readonly Term[]): Float64Array {
    const size = this.outH * this.outW;
    const out = new Float64Array(size); // [outH, outW]
    if (terms.length === 1 && this.precision === 'float64') return this.one(terms[0], out) as Float64Array;
    const one = this.precision === 'float64' ? new Float64Array(size) : new Float32Array(size); // [outH, outW], one term
    for (const t of terms) {
      this.one(t, one);
      for (let i = 0; i < size; i++) out[i] += one[i];
    }
    return out;
  }

  sumRows(terms: readonly Term[], emit: (y: number, row: Float64Array) => void): void {
    const { outH, outW } = this;
    // one float32 term (plain single-channel scores): rows widened from its result, no float64 copy of the whole map
    const all = terms.length === 1 && this.precision === 'float32' ? this.one(terms[0], new Float32Array(outH * outW)) : this.sum(terms);
    const row = new Float64Array(outW); // [outW]
    for (let y = 0; y < outH; y++) {
      row.set(all.subarray(y * outW, (y + 1) * outW));
      emit(y, row);
    }
  }

  /** correlate(term.src, term.kernel, 'valid') into target [outH, outW], in the working precision. */
  private one(t: Term, target: Float32Array | Float64Array): Float32Array | Float64Array {
    const { outH, outW, h, w, plan, precision } = this;
    const out = new NDArray(precision, [outH, outW], target);
    convolveTiles(this.source(t.src), [h, w], this.kernelSpectrum(t.kernel), plan, [h - 1, w - 1], out, 0, plan.tiles[0] * plan.tiles[1]);
    return target;
  }

  /**
   * The spectrum convolveTiles needs for correlating with `kernel` [h, w]: correlation is
   * convolution with the kernel flipped on both axes, and valid starts at (h − 1, w − 1).
   */
  kernelSpectrum(kernel: Float64Array): NDArray {
    return tileKernelSpectrum(new NDArray('float64', [this.h, this.w], kernel.slice().reverse()), this.plan.B, this.precision);
  }

  /** The source plane [H, W] in the working precision (a view when it already is). */
  private source(src: Source): NDArray {
    const { data, offset } = src.plane;
    const size = this.height * this.width;
    const Ctor = this.precision === 'float32' ? Float32Array : Float64Array;
    let v: Float32Array | Float64Array;
    if (data instanceof Ctor && !src.square) v = data.subarray(offset, offset + size);
    else {
      v = new Ctor(size);
      for (let i = 0; i < size; i++) v[i] = src.square ? data[offset + i] * data[offset + i] : data[offset + i];
    }
    return new NDArray(this.precision, [this.height, this.width], v);
  }
}
