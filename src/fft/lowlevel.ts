/**
 * The low-level FFT API on raw interleaved buffers, for other engines (FFT convolution):
 *
 *   const p = planFft(4096, 'complex128');
 *   p.forward(x, X);  // x, X: Float64Array(2·4096), interleaved (re, im); unnormalised
 *   p.backward(X, x); // unnormalised inverse (no 1/n)
 *
 *   const r = planRfft(4096, 'float64');
 *   r.forward(x, X);  // x: Float64Array(4096) real → X: Float64Array(2·2049)
 *   r.backward(X, x); // Hermitian half spectrum → real, unnormalised
 *
 * float32 / complex64 buffers are accepted with the float32 dtypes. Plans come from the LRU
 * cache and keep no per-call state. Output may alias input for complex plans.
 */
import { ArgumentError } from '../core/errors.js';
import { complexPlan, realPlan } from './cache.js';
import { giveScratch, takeScratch } from './scratch.js';

export type FftPrecision = 'float32' | 'float64';
type Buf<P extends FftPrecision> = P extends 'float32' ? Float32Array : Float64Array;

export interface FftPlan<P extends FftPrecision = FftPrecision> {
  readonly n: number;
  readonly precision: P;
  forward(input: Buf<P>, out: Buf<P>): void;
  backward(input: Buf<P>, out: Buf<P>): void;
}

export interface RfftPlan<P extends FftPrecision = FftPrecision> {
  readonly n: number;
  /** floor(n/2) + 1 complex bins. */
  readonly bins: number;
  readonly precision: P;
  forward(x: Buf<P>, out: Buf<P>): void;
  backward(spec: Buf<P>, x: Buf<P>): void;
}

/** 'complex128' | 'float64' → float64 buffers; 'complex64' | 'float32' → float32 buffers. */
export function precisionOf(dtype: string, arg = 'dtype'): FftPrecision {
  if (dtype === 'complex128' || dtype === 'float64') return 'float64';
  if (dtype === 'complex64' || dtype === 'float32') return 'float32';
  throw new ArgumentError(`${arg}: expected complex128, complex64, float64 or float32, got ${JSON.stringify(dtype)}`, arg);
}

function checkBuffer(buf: unknown, length: number, precision: FftPrecision, arg: string): void {
  const Ctor = precision === 'float64' ? Float64Array : Float32Array;
  if (!(buf instanceof Ctor) || buf.length < length) {
    const got = buf instanceof Float64Array || buf instanceof Float32Array ? `${buf.constructor.name}(${buf.length})` : String(buf);
    throw new ArgumentError(`${arg}: expected a ${Ctor.name} of at least ${length} scalars, got ${got}`, arg);
  }
}

/** Run `f` on float64 copies of a float32 input / output pair. */
function viaFloat64(
  input: Float32Array,
  inLen: number,
  out: Float32Array,
  outLen: number,
  f: (i: Float64Array, o: Float64Array) => void,
): void {
  const a = takeScratch(inLen);
  const b = takeScratch(outLen);
  for (let i = 0; i < inLen; i++) a[i] = input[i];
  f(a, b);
  for (let i = 0; i < outLen; i++) out[i] = b[i];
  giveScratch(a);
  giveScratch(b);
}

export function planFft<D extends string>(n: number, dtype: D): FftPlan<D extends 'complex64' | 'float32' ? 'float32' : 'float64'>;
export function planFft(n: number, dtype: string): FftPlan {
  const precision = precisionOf(dtype);
  const plan = complexPlan(n);
  const len = 2 * n;
  const exec = (input: Float32Array | Float64Array, out: Float32Array | Float64Array, bwd: boolean): void => {
    checkBuffer(input, len, precision, 'input');
    checkBuffer(out, len, precision, 'out');
    const i = input.length === len ? input : input.subarray(0, len);
    const o = out.length === len ? out : out.subarray(0, len);
    if (bwd) plan.backward(i, o);
    else plan.forward(i, o);
  };
  return {
    n,
    precision,
    forward: (input, out) => exec(input, out, false),
    backward: (input, out) => exec(input, out, true),
  };
}

export function planRfft<D extends string>(n: number, dtype: D): RfftPlan<D extends 'complex64' | 'float32' ? 'float32' : 'float64'>;
export function planRfft(n: number, dtype: string): RfftPlan {
  const precision = precisionOf(dtype);
  const plan = realPlan(n);
  const bins = plan.bins;
  return {
    n,
    bins,
    precision,
    forward(x, out) {
      checkBuffer(x, n, precision, 'x');
      checkBuffer(out, 2 * bins, precision, 'out');
      if (precision === 'float64') plan.forward(x as Float64Array, (out as Float64Array).subarray(0, 2 * bins));
      else viaFloat64(x as Float32Array, n, out as Float32Array, 2 * bins, (i, o) => plan.forward(i, o));
    },
    backward(spec, x) {
      checkBuffer(spec, 2 * bins, precision, 'spec');
      checkBuffer(x, n, precision, 'x');
      if (precision === 'float64') plan.backward(spec as Float64Array, (x as Float64Array).subarray(0, n));
      else viaFloat64(spec as Float32Array, 2 * bins, x as Float32Array, n, (i, o) => plan.backward(i, o));
    },
  };
}
