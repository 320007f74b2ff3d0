/**
 * The cost model behind `method: 'auto'`. Costs are estimated multiply-adds (complex: ×4);
 * the cheapest eligible method wins. FFT methods are eligible only where they keep accuracy:
 *
 * - The FFT's error is absolute, about eps · log2(N) · ‖x‖·‖k‖, spread over every output entry,
 *   while direct summation's error is relative to each entry's own terms. When an operand's
 *   values span many orders of magnitude, small outputs come back with huge relative error
 *   (scipy issue 22390: convolving [0…0, 1, 1e9, …, 1e81] with itself by FFT). So an operand
 *   where more than 1% of the nonzero values lie below sqrt(eps)·max|v| rules FFT out.
 * - Kernels under FFT_MIN_TAPS taps never use FFT: direct (or separable) is at least as fast
 *   there and exact to rounding.
 * - NaN / Inf in either operand rules FFT out (it would reach every output, not just the
 *   neighbourhood direct summation touches).
 * - Exact zeros in the output (e.g. a zero background) come back as ±eps·max under FFT; pass
 *   `method: 'direct'` when those must stay exactly zero.
 */
import { isComplex, promote, realOf } from '../core/dtype.js';
import type { NDArray } from '../core/ndarray.js';
import { sizeOf } from '../core/shape.js';
import type { ConvMode } from '../ref/convBoundary.js';
import { convOutputShape } from '../ref/convolve.js';
import { FFT_AVAILABLE } from './fft.js';
import type { ConvMethod } from './options.js';
import { isSeparable } from './separable.js';

/** Below this many kernel taps auto never picks an FFT method. */
export const FFT_MIN_TAPS = 64;

export interface MethodChoice {
  method: ConvMethod;
  /** Estimated cost of each method (multiply-adds); Infinity where not applicable. */
  costs: Record<ConvMethod, number>;
  /** Why a method was ruled out, by method. */
  rejected: Partial<Record<ConvMethod, string>>;
}

/** Tolerance for treating a kernel as separable: rounding level of the computation dtype. */
export function separableTol(dtype: string): number {
  return realOf(dtype as 'float64') === 'float64' ? 1e-12 : 1e-6;
}

/** Smallest 2^a·3^b·5^c ≥ n (a fast FFT length). */
export function fastLen(n: number): number {
  let best = Number.POSITIVE_INFINITY;
  for (let p2 = 1; p2 < 2 * n; p2 *= 2) {
    for (let p3 = p2; p3 < 2 * n; p3 *= 3) {
      for (let p = p3; p < 2 * n; p *= 5) if (p >= n && p < best) best = p;
    }
  }
  return best;
}

/**
 * Fraction of nonzero values of `a` below sqrt(eps)·max|v| (magnitudes for complex);
 * Infinity when `a` holds NaN or ±Inf. A full O(n) pass: cheap next to any convolution of `a`.
 */
export function smallFraction(a: NDArray, eps: number): number {
  const d = a.data;
  const step = d.length / a.size;
  let max = 0;
  for (let i = 0; i < d.length; i += step) {
    const v = step === 2 ? Math.hypot(d[i], d[i + 1]) : Math.abs(d[i]);
    if (!Number.isFinite(v)) return Number.POSITIVE_INFINITY; // NaN / Inf: FFT would smear it everywhere
    if (v > max) max = v;
  }
  const tiny = Math.sqrt(eps) * max;
  let nonzero = 0;
  let small = 0;
  for (let i = 0; i < d.length; i += step) {
    const v = step === 2 ? Math.hypot(d[i], d[i + 1]) : Math.abs(d[i]);
    if (v === 0) continue;
    nonzero++;
    if (v < tiny) small++;
  }
  return nonzero === 0 ? 0 : small / nonzero;
}

/**
 * Pick a method for convolving x with k (same rank; for [C,H,W] with a 2-D kernel pass one
 * channel's plane and multiply, or pass the arrays as they are: the leading axis counts as
 * a batch). Returns the choice, every cost, and why methods were ruled out.
 */
export function chooseMethod(x: NDArray, k: NDArray, opts: { mode?: ConvMode } = {}): MethodChoice {
  const mode = opts.mode ?? 'full';
  let batch = 1;
  let xShape = [...x.shape];
  if (x.ndim === k.ndim + 1) {
    batch = x.shape[0];
    xShape = xShape.slice(1);
  }
  const dtype = promote(x.dtype, k.dtype);
  const cm = isComplex(dtype) ? 4 : 1;
  const eps = realOf(dtype) === 'float64' ? 2 ** -52 : 2 ** -23;
  const outSize = sizeOf(convOutputShape(xShape, k.shape, mode));
  const rejected: Partial<Record<ConvMethod, string>> = {};
  const costs: Record<ConvMethod, number> = { direct: batch * outSize * k.size * cm, separable: Infinity, fft: Infinity, oa: Infinity };

  if (k.ndim === 2 && isSeparable(k, separableTol(dtype))) {
    // two passes: the taps, plus writing and re-reading the intermediate (≈ 4 per output)
    costs.separable = batch * outSize * ((k.shape[0] + k.shape[1]) * cm + 4);
  } else {
    rejected.separable = k.ndim === 2 ? 'kernel is not rank 1' : 'only 2-D kernels are split';
  }

  // FFT: real transforms of the zero-padded problem (two forward, one inverse) + the product
  const fftShape = xShape.map((n, d) => fastLen(n + k.shape[d] - 1));
  const nFft = sizeOf(fftShape);
  costs.fft = batch * ((3 * 2.5 * nFft * Math.log2(Math.max(nFft, 2)) * (cm > 1 ? 2 : 1)) / 2 + 4 * nFft);
  if (k.ndim === 1) {
    const block = fastLen(Math.max(8 * k.shape[0], 256));
    const blocks = Math.ceil((xShape[0] + k.shape[0] - 1) / (block - k.shape[0] + 1));
    costs.oa = batch * blocks * ((2 * 2.5 * block * Math.log2(block) * (cm > 1 ? 2 : 1)) / 2 + 4 * block);
  } else {
    rejected.oa = 'overlap-add is for 1-D signals';
  }
  let fftReason: string | undefined;
  if (!FFT_AVAILABLE) fftReason = 'the FFT engine is not available';
  else if (k.size < FFT_MIN_TAPS) fftReason = `kernel has fewer than ${FFT_MIN_TAPS} taps`;
  else {
    const small = Math.max(smallFraction(k, eps), smallFraction(x, eps));
    if (small === Number.POSITIVE_INFINITY) fftReason = 'an operand holds NaN or Inf, which FFT would spread to every output';
    else if (small > 0.01) fftReason = 'operand values span too many orders of magnitude for FFT accuracy (scipy issue 22390)';
  }
  if (fftReason) {
    rejected.fft = fftReason;
    if (!rejected.oa) rejected.oa = fftReason;
  }
  let method: ConvMethod = 'direct';
  for (const m of ['separable', 'fft', 'oa'] as const) {
    if (!rejected[m] && costs[m] < costs[method]) method = m;
  }
  return { method, costs, rejected };
}
