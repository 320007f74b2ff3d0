/**
 * The convolution theorem chapter's compute (runs in its worker; plain functions, tested in Node):
 * a signal x (N samples) and a kernel k (K taps), zero-padded to a common length L, their
 * spectra X = rfft(x), K = rfft(k), the product X·K, and y = irfft(X·K, L) beside the direct
 * convolution (convolve(x, k, { mode: 'full', method: 'direct' }), N + K − 1 samples).
 *
 * padding: 'none' → L = N: the product of the spectra is the *circular* convolution, whose first
 * K − 1 outputs carry the wrapped-around tail; 'linear' → L = N + K − 1: exactly the linear
 * convolution; 'fast' → L = nextFastLen(N + K − 1): the same, on a length the FFT likes.
 */
import { convolve } from '../../../../src/conv/convolve.js';
import { NDArray } from '../../../../src/core/ndarray.js';
import { Rng } from '../../../../src/core/rng.js';
import { irfft, rfft } from '../../../../src/fft/api.js';
import { nextFastLen } from '../../../../src/fft/factor.js';

export type SignalName = 'pulses' | 'steps' | 'chirp';
export type KernelName = 'box' | 'gauss' | 'decay';
export type Padding = 'none' | 'linear' | 'fast';

export interface TheoremJob {
  signal: SignalName;
  kernel: KernelName;
  /** Signal length N. */
  n: number;
  /** Kernel length K (≤ N). */
  k: number;
  padding: Padding;
  seed: number;
}

export interface TheoremResult {
  /** The transform length L. */
  L: number;
  /** x and k zero-padded to L. */
  x: Float64Array; // [L]
  kernel: Float64Array; // [L]
  /** |X|, |K|, |X·K| on the rfft bins 0..floor(L/2). */
  magX: Float64Array; // [L/2 + 1]
  magK: Float64Array;
  magP: Float64Array;
  /** irfft(X·K, L). */
  viaFft: Float64Array; // [L]
  /** convolve(x, k, full, direct). */
  direct: Float64Array; // [N + K − 1]
  /** viaFft − direct on each of the N + K − 1 outputs (an output the FFT route lacks counts as 0 there). */
  error: Float64Array; // [N + K − 1]
  /** max |error| over all N + K − 1 outputs, and relative to max |direct|. */
  maxError: number;
  relError: number;
  /** Outputs whose error exceeds 1e-9 of max |direct|: the wrap-around (and the missing tail). */
  wrapped: number;
}

/** The signal x[0..n): pulses (one at the very end, so wrap-around shows), noisy steps, or a chirp. */
export function makeSignal(name: SignalName, n: number, seed: number): Float64Array {
  const x = new Float64Array(n);
  if (name === 'pulses') {
    const pulses: Array<[number, number, number]> = [
      [0.1, 0.08, 1],
      [0.35, 0.04, -0.6],
      [0.55, 0.12, 0.8],
      [0.86, 0.14, 1.2],
    ];
    for (const [at, width, h] of pulses) {
      const a = Math.floor(at * n);
      const b = Math.min(n, a + Math.max(1, Math.round(width * n)));
      for (let i = a; i < b; i++) x[i] = h;
    }
  } else if (name === 'steps') {
    const rng = new Rng(seed);
    let level = 0;
    for (let i = 0; i < n; i++) {
      if (i % Math.max(4, Math.floor(n / 8)) === 0) level = rng.uniform(-1, 1.5);
      x[i] = level + 0.15 * rng.normal();
    }
  } else {
    for (let i = 0; i < n; i++) {
      const t = i / n;
      x[i] = Math.sin(2 * Math.PI * (2 * t + 10 * t * t));
    }
  }
  return x;
}

/** The kernel k[0..len): box (mean), Gaussian (σ = len/6) or a decaying echo; each sums to 1. */
export function makeKernel(name: KernelName, len: number): Float64Array {
  const k = new Float64Array(len);
  for (let i = 0; i < len; i++) {
    if (name === 'box') k[i] = 1;
    else if (name === 'gauss') k[i] = Math.exp(-0.5 * ((i - (len - 1) / 2) / Math.max(0.5, len / 6)) ** 2);
    else k[i] = Math.exp(-i / Math.max(1, len / 4));
  }
  const s = k.reduce((a, b) => a + b, 0);
  for (let i = 0; i < len; i++) k[i] /= s;
  return k;
}

/** The transform length for a padding choice. */
export function paddedLength(padding: Padding, n: number, k: number): number {
  if (padding === 'none') return n;
  if (padding === 'linear') return n + k - 1;
  return nextFastLen(n + k - 1, true);
}

const magnitudes = (z: NDArray): Float64Array => {
  const m = new Float64Array(z.size);
  for (let i = 0; i < z.size; i++) m[i] = Math.hypot(z.data[2 * i], z.data[2 * i + 1]);
  return m;
};

export function theorem(job: TheoremJob): TheoremResult {
  const { n, k } = job;
  if (!Number.isInteger(n) || n < 2) throw new RangeError(`n: expected an integer >= 2, got ${n}`);
  if (!Number.isInteger(k) || k < 1 || k > n) throw new RangeError(`k: expected an integer in 1..${n}, got ${k}`);
  const L = paddedLength(job.padding, n, k);
  const x = new Float64Array(L);
  x.set(makeSignal(job.signal, n, job.seed));
  const kernel = new Float64Array(L);
  const k0 = makeKernel(job.kernel, k);
  kernel.set(k0);
  // the FFT route: transform, multiply bin by bin, transform back
  const X = rfft(new NDArray('float64', [L], x));
  const K = rfft(new NDArray('float64', [L], kernel));
  const P = new NDArray('complex128', X.shape, new Float64Array(X.data.length));
  for (let i = 0; i < X.size; i++) {
    const [a, b, c, d] = [X.data[2 * i], X.data[2 * i + 1], K.data[2 * i], K.data[2 * i + 1]];
    P.data[2 * i] = a * c - b * d;
    P.data[2 * i + 1] = a * d + b * c;
  }
  const viaFft = Float64Array.from(irfft(P, { n: L }).data);
  // the direct route: the sliding sum
  const direct = Float64Array.from(
    convolve(new NDArray('float64', [n], x.slice(0, n)), new NDArray('float64', [k], k0), { mode: 'full', method: 'direct' }).data,
  );
  const error = new Float64Array(direct.length);
  let maxError = 0;
  let peak = 0;
  for (const v of direct) peak = Math.max(peak, Math.abs(v));
  let wrapped = 0;
  for (let i = 0; i < direct.length; i++) {
    error[i] = (i < L ? viaFft[i] : 0) - direct[i];
    maxError = Math.max(maxError, Math.abs(error[i]));
    if (Math.abs(error[i]) > 1e-9 * peak) wrapped++;
  }
  return {
    L,
    x,
    kernel,
    magX: magnitudes(X),
    magK: magnitudes(K),
    magP: magnitudes(P),
    viaFft,
    direct,
    error,
    maxError,
    relError: peak > 0 ? maxError / peak : maxError,
    wrapped,
  };
}
