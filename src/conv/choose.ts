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
import { isComplex, keepPrecision, realOf } from '../core/dtype.js';
import type { NDArray } from '../core/ndarray.js';
import { sizeOf } from '../core/shape.js';
import type { ConvMode } from '../ref/convBoundary.js';
import { convOutputShape } from '../ref/convolve.js';
import { FFT_AVAILABLE } from './fft.js';
import type { ConvMethod } from './options.js';
import { isSeparable } from './separable.js';
import { tilePlan } from './tiles.js';

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
 * Infinity when `a` holds NaN or ±Inf. One O(n) pass; for real float32 / float64 arrays it
 * reads only the exponent bits (a histogram of binary exponents), so "below" is decided to
 * the octave: v counts as small when its exponent is under max's by more than
 * ceil(log2(1 / sqrt(eps))) (26 for float64 eps).
 */
export function smallFraction(a: NDArray, eps: number): number {
  const shift = Math.ceil(-Math.log2(Math.sqrt(eps)));
  if (a.dtype === 'float64' || a.dtype === 'float32') return smallFractionBits(a.data as Float32Array | Float64Array, shift);
  const d = a.data;
  const step = d.length / a.size;
  const mag = step === 2 ? (i: number) => Math.hypot(d[i], d[i + 1]) : (i: number) => Math.abs(d[i]);
  let max = 0;
  for (let i = 0; i < d.length; i += step) {
    const v = mag(i);
    if (v > max) max = v;
    else if (!(v <= max)) return Number.POSITIVE_INFINITY; // NaN fails both comparisons
  }
  if (!Number.isFinite(max)) return Number.POSITIVE_INFINITY; // NaN / Inf: FFT would smear it everywhere
  const tiny = 2 ** -shift * 2 ** Math.floor(Math.log2(max || 1));
  let nonzero = 0;
  let small = 0;
  for (let i = 0; i < d.length; i += step) {
    const v = mag(i);
    if (v !== 0) {
      nonzero++;
      if (v < tiny) small++;
    }
  }
  return nonzero === 0 ? 0 : small / nonzero;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * smallFraction for real float arrays from a histogram of the exponent fields. Four
 * interleaved histograms (element i counts in hist[4·e + i % 4]) keep consecutive increments of
 * the same bucket independent; exponent field 0 holds zeros and subnormals, told apart by a
 * second pass only when there are any.
 */
function smallFractionBits(d: Float32Array | Float64Array, shift: number): number {
  const f64 = d instanceof Float64Array;
  const words = new Uint32Array(d.buffer, d.byteOffset, f64 ? 2 * d.length : d.length);
  const bins = f64 ? 2048 : 256;
  const hist4 = new Int32Array(4 * bins); // [bins, 4] counts by biased exponent
  const n = d.length;
  if (f64) {
    const hi = LITTLE_ENDIAN ? 1 : 0;
    const n4 = n - (n % 4);
    for (let i = 0; i < n4; i += 4) {
      const w = 2 * i + hi;
      hist4[((words[w] >>> 18) & 0x1ffc) | 0]++;
      hist4[((words[w + 2] >>> 18) & 0x1ffc) | 1]++;
      hist4[((words[w + 4] >>> 18) & 0x1ffc) | 2]++;
      hist4[((words[w + 6] >>> 18) & 0x1ffc) | 3]++;
    }
    for (let i = n4; i < n; i++) hist4[(words[2 * i + hi] >>> 18) & 0x1ffc]++;
  } else {
    const n4 = n - (n % 4);
    for (let i = 0; i < n4; i += 4) {
      hist4[((words[i] >>> 21) & 0x3fc) | 0]++;
      hist4[((words[i + 1] >>> 21) & 0x3fc) | 1]++;
      hist4[((words[i + 2] >>> 21) & 0x3fc) | 2]++;
      hist4[((words[i + 3] >>> 21) & 0x3fc) | 3]++;
    }
    for (let i = n4; i < n; i++) hist4[(words[i] >>> 21) & 0x3fc]++;
  }
  const hist = new Float64Array(bins);
  for (let e = 0; e < bins; e++) hist[e] = hist4[4 * e] + hist4[4 * e + 1] + hist4[4 * e + 2] + hist4[4 * e + 3];
  const top = bins - 1; // NaN / Inf
  if (hist[top] > 0) return Number.POSITIVE_INFINITY;
  let em = top - 1;
  while (em > 0 && hist[em] === 0) em--;
  const zeros = hist[0] > 0 ? countZeros(words, f64) : 0;
  const nonzero = n - zeros;
  if (nonzero === 0) return 0;
  let small = -zeros; // exponent field 0 holds the zeros too
  for (let e = 0; e < em - shift; e++) small += hist[e];
  return Math.max(0, small) / nonzero;
}

/** How many ±0 values the words hold (float64: both words of a value zero but the sign). */
function countZeros(words: Uint32Array, f64: boolean): number {
  let zeros = 0;
  if (f64) {
    const hi = LITTLE_ENDIAN ? 1 : 0;
    for (let i = 0; i < words.length; i += 2) if (((words[i + hi] & 0x7fffffff) | words[i + 1 - hi]) === 0) zeros++;
  } else {
    for (let i = 0; i < words.length; i++) if ((words[i] & 0x7fffffff) === 0) zeros++;
  }
  return zeros;
}

/**
 * Pick a method for convolving x with k (same rank; for [C,H,W] with a 2-D kernel pass one
 * channel's plane and multiply, or pass the arrays as they are: the leading axis counts as
 * a batch). Returns the choice, every cost, and why methods were ruled out. `scan: false`
 * skips the accuracy scan of the operands (a guess from the costs alone, assuming it passes).
 */
export function chooseMethod(x: NDArray, k: NDArray, opts: { mode?: ConvMode; scan?: boolean } = {}): MethodChoice {
  const mode = opts.mode ?? 'full';
  let batch = 1;
  let xShape = [...x.shape];
  if (x.ndim === k.ndim + 1) {
    batch = x.shape[0];
    xShape = xShape.slice(1);
  }
  const dtype = keepPrecision(x.dtype, k.dtype);
  const cm = isComplex(dtype) ? 4 : 1;
  const eps = realOf(dtype) === 'float64' ? 2 ** -52 : 2 ** -23;
  const outSize = sizeOf(convOutputShape(xShape, k.shape, mode));
  const rejected: Partial<Record<ConvMethod, string>> = {};
  const costs: Record<ConvMethod, number> = { direct: batch * outSize * k.size * cm, separable: Infinity, fft: Infinity, oa: Infinity };

  // FFT: real transforms of the zero-padded problem (two forward, one inverse) + the product
  const fftShape = xShape.map((n, d) => fastLen(n + k.shape[d] - 1));
  const nFft = sizeOf(fftShape);
  costs.fft = batch * ((3 * 2.5 * nFft * Math.log2(Math.max(nFft, 2)) * (cm > 1 ? 2 : 1)) / 2 + 4 * nFft);
  if (k.ndim === 2 && cm === 1) {
    // a 2-D real plane may run as power-of-two tiles (tiles.ts); its cost counts both
    // transforms of each tile (full complex size, as tilePlan does): halve for real data
    const tiled = tilePlan(k.shape, convOutputShape(xShape, k.shape, mode)).cost / 2;
    costs.fft = Math.min(costs.fft, batch * tiled);
  }
  if (k.ndim === 1) {
    const block = fastLen(Math.max(8 * k.shape[0], 256));
    const blocks = Math.ceil((xShape[0] + k.shape[0] - 1) / (block - k.shape[0] + 1));
    costs.oa = batch * blocks * ((2 * 2.5 * block * Math.log2(block) * (cm > 1 ? 2 : 1)) / 2 + 4 * block);
  } else {
    rejected.oa = 'overlap-add is for 1-D signals';
  }
  // two 1-D passes: the taps (a mirror-symmetric kernel's factors fold them in pairs), plus
  // writing and re-reading the intermediate (≈ 4 per output)
  const sepTaps =
    k.ndim === 2 ? (isMirrorSymmetric(k) ? Math.ceil(k.shape[0] / 2) + Math.ceil(k.shape[1] / 2) : k.shape[0] + k.shape[1]) : 0;
  const sepCost = k.ndim === 2 ? batch * outSize * (sepTaps * cm + 4) : Number.POSITIVE_INFINITY;
  const fftBest = Math.min(costs.fft, costs.oa);
  let fftReason: string | undefined;
  if (!FFT_AVAILABLE) fftReason = 'the FFT engine is not available';
  else if (k.size < FFT_MIN_TAPS) fftReason = `kernel has fewer than ${FFT_MIN_TAPS} taps`;
  // The two O(n) tests run only where their answer can change the choice: the accuracy scan of
  // both operands when an FFT method would win, the rank-1 test (an SVD) when separable would.
  let scanned = false;
  const scan = (): void => {
    scanned = true;
    if (opts.scan === false) return;
    const small = Math.max(smallFraction(k, eps), smallFraction(x, eps));
    if (small === Number.POSITIVE_INFINITY) fftReason = 'an operand holds NaN or Inf, which FFT would spread to every output';
    else if (small > 0.01) fftReason = 'operand values span too many orders of magnitude for FFT accuracy (scipy issue 22390)';
  };
  if (fftReason === undefined && fftBest < Math.min(costs.direct, sepCost)) scan();
  if (k.ndim === 2) {
    const rival = Math.min(costs.direct, fftReason === undefined ? fftBest : Number.POSITIVE_INFINITY);
    if (sepCost >= rival) rejected.separable = 'not tested: another method is cheaper than two 1-D passes';
    else if (isSeparable(k, separableTol(dtype))) costs.separable = sepCost;
    else rejected.separable = 'kernel is not rank 1';
  } else {
    rejected.separable = 'only 2-D kernels are split';
  }
  if (fftReason === undefined && !scanned && fftBest < Math.min(costs.direct, costs.separable)) scan();
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

/**
 * Whether a 2-D kernel [kh, kw] equals its flip along each axis (Gaussians, boxes, binomials):
 * then its rank-1 factors are symmetric too and each 1-D pass folds its taps in pairs.
 */
export function isMirrorSymmetric(k: NDArray): boolean {
  if (k.ndim !== 2 || isComplex(k.dtype)) return false;
  const [kh, kw] = k.shape;
  const d = k.data as ArrayLike<number>;
  for (let i = 0; i < kh; i++) {
    for (let j = 0; j < kw; j++) {
      const v = d[i * kw + j];
      if (v !== d[(kh - 1 - i) * kw + j] || v !== d[i * kw + (kw - 1 - j)]) return false;
    }
  }
  return true;
}
