/**
 * scipy.fft.dct / idct, types I–IV, along one axis, with norm 'backward' (default), 'ortho'
 * or 'forward'. Types II and III run in O(N log N) through one real FFT of length N
 * (J. Makhoul, "A fast cosine transform in one and two dimensions", IEEE TASSP 28(1), 1980):
 *   II:  v = [x_0, x_2, …, x_3, x_1] (evens, then odds reversed), y_k = 2·Re(e^{−iπk/2N}·V_k)
 *   III: V_k = e^{iπk/2N}·(x_k − i·x_{N−k}), v = irfft(V) unnormalised, x_{2n} = v_n, x_{2n+1} = v_{N−1−n}
 * Type I is a real FFT of the even extension (length 2(N−1)); type IV a complex FFT of length 2N.
 * Reference: src/ref/dft.ts `dctRef` (the defining sums).
 */
import { ArgumentError, DTypeError, ShapeError } from '../core/errors.js';
import type { NDArray } from '../core/ndarray.js';
import { NDArray as NDArrayClass } from '../core/ndarray.js';
import { checkArray, checkAxis, checkLength, checkNorm, checkReal, type FftNorm } from './args.js';
import { alongAxis, type LineOp, type Storage } from './axis.js';
import { complexPlan, realPlan } from './cache.js';
import { cis2pi } from './twiddle.js';

export type DctType = 1 | 2 | 3 | 4;

export interface DctOptions {
  type?: DctType;
  /** Length along the axis: crop or zero-pad the input. */
  n?: number;
  axis?: number;
  norm?: FftNorm;
}

/** e^{−iπk/(2N)}, k = 0..N−1 — shared by types II and III. */
function quarterTwiddles(N: number): Float64Array {
  const w = new Float64Array(2 * N);
  for (let k = 0; k < N; k++) {
    cis2pi(k, 4 * N, w, 2 * k);
    w[2 * k + 1] = -w[2 * k + 1];
  }
  return w;
}

/** Unnormalised DCT-II of `x` (N) into `y` (N). */
function dct2Line(N: number, w: Float64Array, v: Float64Array, V: Float64Array): (x: Float64Array, y: Float64Array) => void {
  const rp = realPlan(N);
  return (x, y) => {
    const half = (N + 1) >> 1;
    for (let n = 0; n < half; n++) v[n] = x[2 * n];
    for (let n = 0; 2 * n + 1 < N; n++) v[N - 1 - n] = x[2 * n + 1];
    rp.forward(v, V);
    for (let k = 0; k < N; k++) {
      // V_k for k > N/2 is conj(V_{N−k})
      const b = k < rp.bins ? k : N - k;
      const vr = V[2 * b];
      const vi = k < rp.bins ? V[2 * b + 1] : -V[2 * b + 1];
      y[k] = 2 * (vr * w[2 * k] - vi * w[2 * k + 1]);
    }
  };
}

/** Unnormalised DCT-III of `x` (N) into `y` (N). */
function dct3Line(N: number, w: Float64Array, v: Float64Array, V: Float64Array): (x: Float64Array, y: Float64Array) => void {
  const rp = realPlan(N);
  return (x, y) => {
    for (let k = 0; k < rp.bins; k++) {
      const ar = x[k];
      const ai = k === 0 ? 0 : -x[N - k];
      // multiply by e^{+iπk/2N} = conj(w_k)
      const wr = w[2 * k];
      const wi = -w[2 * k + 1];
      V[2 * k] = ar * wr - ai * wi;
      V[2 * k + 1] = ar * wi + ai * wr;
    }
    rp.backward(V, v);
    const half = (N + 1) >> 1;
    for (let n = 0; n < half; n++) y[2 * n] = v[n];
    for (let n = 0; 2 * n + 1 < N; n++) y[2 * n + 1] = v[N - 1 - n];
  };
}

/** Unnormalised DCT-I: the first N bins of the real FFT of [x_0 … x_{N−1} x_{N−2} … x_1]. */
function dct1Line(N: number): (x: Float64Array, y: Float64Array) => void {
  if (N === 1) return (x, y) => void (y[0] = x[0]);
  const M = 2 * (N - 1);
  const rp = realPlan(M);
  const e = new Float64Array(M);
  const E = new Float64Array(2 * rp.bins);
  return (x, y) => {
    for (let n = 0; n < N; n++) e[n] = x[n];
    for (let n = 1; n < N - 1; n++) e[M - n] = x[n];
    rp.forward(e, E);
    for (let k = 0; k < N; k++) y[k] = E[2 * k];
  };
}

/** Unnormalised DCT-IV: y_k = 2·Re(e^{−iπ(2k+1)/4N} · FFT_2N(x_n e^{−iπn/2N})_k). */
function dct4Line(N: number): (x: Float64Array, y: Float64Array) => void {
  const cp = complexPlan(2 * N);
  const pre = new Float64Array(2 * N); // e^{−iπn/2N}
  const post = new Float64Array(2 * N); // e^{−iπ(2k+1)/4N}
  for (let n = 0; n < N; n++) {
    cis2pi(n, 4 * N, pre, 2 * n);
    pre[2 * n + 1] = -pre[2 * n + 1];
    cis2pi(2 * n + 1, 8 * N, post, 2 * n);
    post[2 * n + 1] = -post[2 * n + 1];
  }
  const z = new Float64Array(4 * N);
  const Z = new Float64Array(4 * N);
  return (x, y) => {
    z.fill(0);
    for (let n = 0; n < N; n++) {
      z[2 * n] = x[n] * pre[2 * n];
      z[2 * n + 1] = x[n] * pre[2 * n + 1];
    }
    cp.forward(z, Z);
    for (let k = 0; k < N; k++) y[k] = 2 * (Z[2 * k] * post[2 * k] - Z[2 * k + 1] * post[2 * k + 1]);
  };
}

function unnormalised(type: DctType, N: number): (x: Float64Array, y: Float64Array) => void {
  if (type === 1) return dct1Line(N);
  if (type === 4) return dct4Line(N);
  const w = quarterTwiddles(N);
  const v = new Float64Array(N);
  const V = new Float64Array(2 * ((N >> 1) + 1));
  return type === 2 ? dct2Line(N, w, v, V) : dct3Line(N, w, v, V);
}

/**
 * One line of dct (inverse = false) or idct (inverse = true) with scipy's normalisation.
 * idct of type 2 is a scaled DCT-III, of type 3 a scaled DCT-II; types 1 and 4 invert themselves.
 */
function dctLineOp(type: DctType, N: number, norm: FftNorm, inverse: boolean): LineOp {
  const kernelType: DctType = inverse && type === 2 ? 3 : inverse && type === 3 ? 2 : type;
  const run = unnormalised(kernelType, N);
  const tmp = new Float64Array(N);
  const period = type === 1 ? 2 * (N - 1) : 2 * N; // the unnormalised pair multiplies to `period`
  // 'backward': dct unscaled, idct / period. 'forward': dct / period, idct unscaled.
  const plain = norm === 'ortho' ? 1 : (norm === 'forward') !== inverse ? 1 / period : 1;
  return {
    inLanes: 1,
    outLanes: 1,
    n: N,
    outLen: N,
    run(x, y) {
      if (norm !== 'ortho') {
        run(x, y);
        if (plain !== 1) for (let k = 0; k < N; k++) y[k] *= plain;
        return;
      }
      // orthonormal: scale so the matrix is orthogonal (scipy's orthogonalize=True)
      tmp.set(x);
      if (kernelType === 3) {
        tmp[0] *= Math.SQRT2; // the x_0 term of DCT-III carries weight 1, the others 2
      } else if (kernelType === 1) {
        tmp[0] *= Math.SQRT2;
        tmp[N - 1] *= Math.SQRT2;
      }
      run(tmp, y);
      const f = 1 / Math.sqrt(type === 1 ? 2 * (N - 1) : 2 * N);
      for (let k = 0; k < N; k++) y[k] *= f;
      if (kernelType === 2) y[0] /= Math.SQRT2;
      else if (kernelType === 1) {
        y[0] /= Math.SQRT2;
        y[N - 1] /= Math.SQRT2;
      }
    },
  };
}

function dctImpl(a: NDArray, opts: DctOptions, inverse: boolean): NDArray {
  const arr = checkArray(a);
  checkReal(arr);
  const type = opts.type ?? 2;
  if (type !== 1 && type !== 2 && type !== 3 && type !== 4) {
    throw new ArgumentError(`type: unknown DCT type ${String(type)}; expected 1, 2, 3 or 4`, 'type');
  }
  const norm = checkNorm(opts.norm);
  const axis = checkAxis(opts.axis, arr.ndim);
  const N = opts.n === undefined ? arr.shape[axis] : checkLength(opts.n, 'n');
  if (N < 1) throw new ShapeError(`a: axis ${axis} has length 0; a DCT needs at least one point`, 'a');
  if (type === 1 && N < 2) throw new ShapeError(`a: a type-1 DCT needs at least 2 points along axis ${axis}, got ${N}`, 'a');
  const precision = arr.dtype === 'float32' ? 'float32' : 'float64';
  if (arr.dtype !== 'float32' && arr.dtype !== 'float64' && arr.dtype !== 'uint8' && arr.dtype !== 'int32') {
    throw new DTypeError(`a: unsupported dtype ${arr.dtype}`, 'a');
  }
  const alloc =
    precision === 'float32' ? (size: number): Storage => new Float32Array(size) : (size: number): Storage => new Float64Array(size);
  const data = alongAxis(arr.data as Storage, arr.shape, axis, dctLineOp(type, N, norm, inverse), alloc);
  const shape = [...arr.shape];
  shape[axis] = N;
  return new NDArrayClass(precision, shape, data as Float64Array);
}

/** scipy.fft.dct: the discrete cosine transform of a real array along one axis (type 2 by default). */
export function dct(a: NDArray, opts: DctOptions = {}): NDArray {
  return dctImpl(a, opts, false);
}

/** scipy.fft.idct: the inverse of dct with the same type and norm. */
export function idct(a: NDArray, opts: DctOptions = {}): NDArray {
  return dctImpl(a, opts, true);
}
