/**
 * numpy.fft's transforms on NDArrays: fft, ifft, rfft, irfft and their 2-D / N-D forms.
 * `n` / `s` crop or zero-pad, `axis` / `axes` choose the axes, `norm` is 'backward' (default),
 * 'ortho' or 'forward'. float32 / complex64 in → complex64 (or float32) out; everything else
 * computes in float64. Internally every line is transformed in float64.
 */
import { type ComplexDType, complexOf, type FloatDType, isComplex } from '../core/dtype.js';
import { LimitError, ShapeError } from '../core/errors.js';
import { NDArray } from '../core/ndarray.js';
import { checkArray, checkAxis, checkLength, checkNorm, checkReal, type FftNorm, normScale, resolveAxes } from './args.js';
import { alongAxis, type LineOp, type Storage } from './axis.js';
import { fftBackend, variantOf } from './backend.js';
import { complexPlan, realPlan } from './cache.js';
import { wasmEngine } from './wasm.js';
import { type NdStep, ndSupported, runNd } from './wasmnd.js';

export type { FftNorm } from './args.js';

export interface FftOptions {
  /** Transform length along the axis: the input is cropped or zero-padded to it. */
  n?: number;
  /** The axis (default −1, the last). */
  axis?: number;
  norm?: FftNorm;
}

export interface FftNOptions {
  /** Transform lengths, one per axis. */
  s?: readonly number[];
  /** The axes (default: all, or the last len(s); fft2: [−2, −1]). */
  axes?: readonly number[];
  norm?: FftNorm;
}

export type Kind = 'c2c' | 'r2c' | 'c2r';

function scaleLine(out: Float64Array, f: number): void {
  if (f !== 1) for (let i = 0; i < out.length; i++) out[i] *= f;
}

/** The line transform of one axis: complex ↔ complex, real → half spectrum, half spectrum → real. */
function lineOp(kind: Kind, n: number, inLanes: 1 | 2, inverse: boolean, scale: number): LineOp {
  if (kind === 'r2c') {
    const rp = realPlan(n);
    return {
      inLanes: 1,
      outLanes: 2,
      n,
      outLen: rp.bins,
      run(line, out) {
        rp.forward(line, out);
        scaleLine(out, scale);
      },
    };
  }
  if (kind === 'c2r') {
    const rp = realPlan(n);
    const bins = rp.bins;
    const spec = new Float64Array(2 * bins);
    return {
      inLanes,
      outLanes: 1,
      n: bins,
      outLen: n,
      run(line, out) {
        if (inLanes === 2) rp.backward(line, out);
        else {
          for (let k = 0; k < bins; k++) {
            spec[2 * k] = line[k];
            spec[2 * k + 1] = 0;
          }
          rp.backward(spec, out);
        }
        scaleLine(out, scale);
      },
    };
  }
  if (inLanes === 1) {
    // real input: half spectrum by the real plan, the rest by Hermitian symmetry
    const rp = realPlan(n);
    return {
      inLanes: 1,
      outLanes: 2,
      n,
      outLen: n,
      run(line, out) {
        rp.forward(line, out);
        for (let k = rp.bins; k < n; k++) {
          out[2 * k] = out[2 * (n - k)];
          out[2 * k + 1] = -out[2 * (n - k) + 1];
        }
        if (inverse) for (let k = 1; k < 2 * n; k += 2) out[k] = -out[k];
        scaleLine(out, scale);
      },
    };
  }
  const cp = complexPlan(n);
  return {
    inLanes: 2,
    outLanes: 2,
    n,
    outLen: n,
    run(line, out) {
      if (inverse) cp.backward(line, out);
      else cp.forward(line, out);
      scaleLine(out, scale);
    },
  };
}

function allocFor(precision: FloatDType): (size: number) => Storage {
  return precision === 'float32' ? (size) => new Float32Array(size) : (size) => new Float64Array(size);
}

export function precisionOf(a: NDArray): FloatDType {
  return a.dtype === 'float32' || a.dtype === 'complex64' ? 'float32' : 'float64';
}

/**
 * The line transforms of a call, in the order they run (numpy order: the last listed axis
 * first; 'r2c' on the last axis first, 'c2r' on the last axis last, the others c2c).
 */
export function planSteps(shape: readonly number[], sIn: (number | undefined)[], axes: number[], kind: Kind, inverse: boolean): NdStep[] {
  const last = axes.length - 1;
  const order = kind === 'r2c' ? [last, ...axes.keys()].filter((v, i, arr) => arr.indexOf(v) === i) : [...axes.keys()].reverse();
  if (kind === 'c2r') {
    order.splice(order.indexOf(last), 1);
    order.push(last);
  }
  const steps: NdStep[] = [];
  const dims = [...shape];
  for (const i of order) {
    const axis = axes[i];
    const k: Kind = i === last ? kind : 'c2c';
    let n = sIn[i];
    if (n === undefined) {
      n = k === 'c2r' ? 2 * (dims[axis] - 1) : dims[axis];
      if (n < 1) {
        if (k === 'c2r') throw new ShapeError(`a: axis ${axis} has ${dims[axis]} point(s); irfft needs at least 2 (or pass n)`, 'a');
        throw new ShapeError(`a: axis ${axis} has length 0; an FFT needs at least one point (or pass n)`, 'a');
      }
    }
    steps.push({ axis, kind: k, n, inverse });
    dims[axis] = k === 'r2c' ? Math.floor(n / 2) + 1 : n;
  }
  return steps;
}

/**
 * Transform along `axes` (numpy order: the last listed axis first). `kind` applies to the
 * last axis for 'r2c' (done first) and to the last axis for 'c2r' (done last); the others are c2c.
 */
function transformAxes(a: NDArray, sIn: (number | undefined)[], axes: number[], normArg: unknown, kind: Kind, inverse: boolean): NDArray {
  const norm = checkNorm(normArg);
  const precision = precisionOf(a);
  const alloc = allocFor(precision);
  let data = a.data as Storage;
  let lanes: 1 | 2 = isComplex(a.dtype) ? 2 : 1;
  const shape = [...a.shape];
  const steps = planSteps(a.shape, sIn, axes, kind, inverse);
  const line = oneSingleLine(a, steps);
  if (line) {
    // one complex64 line whose length the N-D path would widen to float64 (not a power of two):
    // the plan runs float32 kernels itself (5-smooth n, or Bluestein over a 5-smooth m)
    const out = alloc(2 * line.n) as Float32Array;
    const plan = complexPlan(line.n);
    if (inverse) plan.backward(a.data as Float32Array, out);
    else plan.forward(a.data as Float32Array, out);
    const scale = normScale(norm, line.n, inverse);
    if (scale !== 1) for (let i = 0; i < out.length; i++) out[i] *= scale;
    return new NDArray('complex64', [line.n], out);
  }
  const fast = ndEngine(a.size, steps.length);
  if (fast && ndSupported(shape, steps)) {
    const scale = steps.reduce((f, st) => f * normScale(norm, st.n, inverse), 1);
    try {
      const r = runNd(fast, a.data, lanes, shape, steps, scale, alloc);
      return new NDArray(r.lanes === 2 ? complexOf(precision) : precision, r.shape, r.data as Float64Array);
    } catch (err) {
      // wasm memory could not grow (an array near the 4 GiB limit): take the line-by-line path
      if (!(err instanceof LimitError)) throw err;
    }
  }
  for (const st of steps) {
    const op = lineOp(st.kind, st.n, lanes, inverse, normScale(norm, st.n, inverse));
    data = alongAxis(data, shape, st.axis, op, alloc);
    shape[st.axis] = op.outLen;
    lanes = op.outLanes;
  }
  const dtype: FloatDType | ComplexDType = lanes === 2 ? complexOf(precision) : precision;
  return new NDArray(dtype, shape, data as Float64Array);
}

/** The step of a 1-D complex64 c2c call without crop or pad at a length that is not a power of two, else undefined. */
function oneSingleLine(a: NDArray, steps: readonly NdStep[]): NdStep | undefined {
  if (a.dtype !== 'complex64' || a.ndim !== 1 || steps.length !== 1 || fftBackend() === 'ts') return undefined;
  const st = steps[0];
  if (st.kind !== 'c2c' || st.n !== a.shape[0] || (st.n & (st.n - 1)) === 0) return undefined;
  return st;
}

/** The wasm engine for the in-memory N-D path, when it applies: more than one line of work. */
export function ndEngine(size: number, axes: number) {
  if (fftBackend() === 'ts' || size < 256 || (axes === 1 && size < 4096)) return null;
  return wasmEngine(variantOf(fftBackend()));
}

function oneAxis(a: unknown, opts: FftOptions, kind: Kind, inverse: boolean): NDArray {
  const arr = checkArray(a);
  if (kind === 'r2c') checkReal(arr);
  const axis = checkAxis(opts.axis, arr.ndim);
  const n = opts.n === undefined ? undefined : checkLength(opts.n, 'n');
  return transformAxes(arr, [n], [axis], opts.norm, kind, inverse);
}

function manyAxes(a: unknown, opts: FftNOptions, kind: Kind, inverse: boolean, defaultAxes?: number[]): NDArray {
  const arr = checkArray(a);
  if (kind === 'r2c') checkReal(arr);
  const { s, axes } = resolveAxes(arr.shape, opts.s, opts.axes, defaultAxes);
  return transformAxes(arr, s, axes, opts.norm, kind, inverse);
}

/** numpy.fft.fft: the discrete Fourier transform along one axis. */
export function fft(a: NDArray, opts: FftOptions = {}): NDArray {
  return oneAxis(a, opts, 'c2c', false);
}

/** numpy.fft.ifft: the inverse DFT along one axis (1/n by default). */
export function ifft(a: NDArray, opts: FftOptions = {}): NDArray {
  return oneAxis(a, opts, 'c2c', true);
}

/** numpy.fft.rfft: the n/2+1 non-negative-frequency bins of a real array's DFT. */
export function rfft(a: NDArray, opts: FftOptions = {}): NDArray {
  return oneAxis(a, opts, 'r2c', false);
}

/** numpy.fft.irfft: a real signal of length n (default 2·(m−1)) from its half spectrum. */
export function irfft(a: NDArray, opts: FftOptions = {}): NDArray {
  return oneAxis(a, opts, 'c2r', true);
}

export function fftn(a: NDArray, opts: FftNOptions = {}): NDArray {
  return manyAxes(a, opts, 'c2c', false);
}

export function ifftn(a: NDArray, opts: FftNOptions = {}): NDArray {
  return manyAxes(a, opts, 'c2c', true);
}

export function rfftn(a: NDArray, opts: FftNOptions = {}): NDArray {
  return manyAxes(a, opts, 'r2c', false);
}

export function irfftn(a: NDArray, opts: FftNOptions = {}): NDArray {
  return manyAxes(a, opts, 'c2r', true);
}

export function fft2(a: NDArray, opts: FftNOptions = {}): NDArray {
  return manyAxes(a, opts, 'c2c', false, [-2, -1]);
}

export function ifft2(a: NDArray, opts: FftNOptions = {}): NDArray {
  return manyAxes(a, opts, 'c2c', true, [-2, -1]);
}

export function rfft2(a: NDArray, opts: FftNOptions = {}): NDArray {
  return manyAxes(a, opts, 'r2c', false, [-2, -1]);
}

export function irfft2(a: NDArray, opts: FftNOptions = {}): NDArray {
  return manyAxes(a, opts, 'c2r', true, [-2, -1]);
}
