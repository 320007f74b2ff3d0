/**
 * convolve / correlate: the public entry points. Validates at the boundary, resolves image
 * layouts (a 2-D kernel on a [C, H, W] image; a [C_out, C_in, kh, kw] bank), then runs one
 * method. Every method matches src/ref/convolve.ts (`convolveRef`) within rounding.
 */
import { type DType, isComplex, keepPrecision } from '../core/dtype.js';
import { ArgumentError, DTypeError, ShapeError } from '../core/errors.js';
import { NDArray, zeros } from '../core/ndarray.js';
import { formatShape, sameShape, sizeOf } from '../core/shape.js';
import { validSwapNeeded } from '../ref/convBoundary.js';
import { convOutputShape } from '../ref/convolve.js';
import { chooseMethod, separableTol } from './choose.js';
import { convolveDirect, type DirectParams } from './direct.js';
import { fast2dEligible, separable2dRows } from './fast2d.js';
import { convolveFft } from './fft.js';
import { assertFiniteKernel, assertOperand, type ConvMethod, type ConvOptions, type ResolvedOptions, resolveOptions } from './options.js';
import { rank1 } from './separable.js';

/** N-D convolution of x with k (the kernel is flipped). See DESIGN.md for modes and boundaries. */
export function convolve(x: NDArray, k: NDArray, opts: ConvOptions = {}): NDArray {
  return run(x, k, opts, false);
}

/** N-D cross-correlation: correlate(x, k) == convolve(x, flip(conj(k))). */
export function correlate(x: NDArray, k: NDArray, opts: ConvOptions = {}): NDArray {
  return run(x, k, opts, true);
}

/** The shape and dtype `convolve(x, k, opts)` returns, including image layouts. */
export function resultOf(x: NDArray, k: NDArray, mode: ResolvedOptions['mode']): { shape: number[]; dtype: DType } {
  const dtype = keepPrecision(x.dtype, k.dtype);
  if (x.ndim === 3 && k.ndim === 2) return { shape: [x.shape[0], ...convOutputShape(x.shape.slice(1), k.shape, mode)], dtype };
  if (x.ndim === 3 && k.ndim === 4) return { shape: [k.shape[0], ...convOutputShape(x.shape.slice(1), k.shape.slice(2), mode)], dtype };
  return { shape: convOutputShape(x.shape, k.shape, mode), dtype };
}

/** A validated call: resolved options, the output, and the planes to convolve one by one. */
export interface PreparedCall {
  o: ResolvedOptions;
  p: DirectParams;
  out: NDArray;
  /** Equal-rank operands, or one [H, W] plane per channel of a [C, H, W] image with a 2-D kernel. */
  planes: { x: NDArray; out: NDArray }[];
  /** True for a [C_out, C_in, kh, kw] kernel bank (summed over input channels; `planes` is empty). */
  bank: boolean;
}

/** Validate x, k and opts at the public boundary and allocate (or check) the output. */
export function prepareCall(x: NDArray, k: NDArray, opts: ConvOptions, shared = false): PreparedCall {
  assertOperand(x, 'x');
  assertOperand(k, 'k');
  const o = resolveOptions(opts);
  if (!o.allowNonFinite) assertFiniteKernel(k);
  const imageCase = x.ndim === 3 && (k.ndim === 2 || k.ndim === 4);
  if (x.ndim !== k.ndim && !imageCase) {
    throw new ShapeError(
      `k: kernel rank ${k.ndim} (shape ${formatShape(k.shape)}) does not match input rank ${x.ndim} (shape ${formatShape(x.shape)}); a 2-D kernel or a [C_out, C_in, kh, kw] bank also fits a [C, H, W] image`,
      'k',
    );
  }
  if (x.ndim === 3 && k.ndim === 4 && k.shape[1] !== x.shape[0]) {
    throw new ShapeError(
      `k: kernel bank ${formatShape(k.shape)} expects ${k.shape[1]} input channels, image ${formatShape(x.shape)} has ${x.shape[0]}`,
      'k',
    );
  }
  if (o.mode === 'valid') {
    const ks = k.ndim === 4 ? k.shape.slice(2) : k.shape;
    validSwapNeeded(imageCase ? x.shape.slice(1) : x.shape, ks); // throws when neither operand fits the other
  }
  const { shape, dtype } = resultOf(x, k, o.mode);
  const bank = imageCase && k.ndim === 4;
  const out = prepareOut(opts.out, shape, dtype, x, k, bank, shared);
  const p: DirectParams = { mode: o.mode, boundary: o.boundary, cval: o.cval };
  let planes: PreparedCall['planes'] = [];
  if (!imageCase) planes = [{ x, out }];
  else if (!bank) {
    const [C, H, W] = x.shape;
    planes = Array.from({ length: C }, (_, c) => ({ x: channel(x, c, [H, W]), out: channel(out, c, shape.slice(1)) }));
  }
  return { o, p, out, planes, bank };
}

function run(x: NDArray, k: NDArray, opts: ConvOptions, correlateFlag: boolean): NDArray {
  const { o, p, out, planes, bank } = prepareCall(x, k, opts);
  for (const plane of planes) convSame(plane.x, k, plane.out, p, o.method, correlateFlag);
  if (!bank) return out;
  // kernel bank: out[co] = Σ_ci x[ci] ⊛ k[co, ci]   (x [C_in,H,W], k [C_out,C_in,kh,kw], out [C_out,oh,ow])
  const [H, W] = x.shape.slice(1);
  const oPlane = out.shape.slice(1);
  const [cOut, cIn, kh, kw] = k.shape;
  const tmp = zeros(oPlane, out.dtype);
  for (let co = 0; co < cOut; co++) {
    const dst = channel(out, co, oPlane);
    for (let ci = 0; ci < cIn; ci++) {
      convSame(channel(x, ci, [H, W]), channel(k, co * cIn + ci, [kh, kw]), tmp, p, o.method, correlateFlag);
      const a = dst.data;
      const b = tmp.data;
      for (let i = 0; i < a.length; i++) a[i] += b[i];
    }
  }
  return out;
}

/** The c-th leading slice of `a`, as a view of shape `s`. */
export function channel(a: NDArray, c: number, s: readonly number[]): NDArray {
  const n = sizeOf(s) * (a.data.length / a.size);
  return new NDArray(a.dtype, s, a.data.subarray(c * n, (c + 1) * n) as typeof a.data);
}

function overlaps(a: ArrayBufferView, b: ArrayBufferView): boolean {
  return a.buffer === b.buffer && a.byteOffset < b.byteOffset + b.byteLength && b.byteOffset < a.byteOffset + a.byteLength;
}

/**
 * The output: a new one (shared: on a plain SharedArrayBuffer, not a kernel memory — measured, W3
 * 3×3 with fresh outputs on 2 threads, a fresh kernel memory cost each worker ~13 ms more page
 * faults and ~6 ms of collections per call than the ~5 ms copy it saves), or `out` checked;
 * zeroed only where it is accumulated into.
 */
function prepareOut(
  out: NDArray | undefined,
  shape: number[],
  dtype: DType,
  x: NDArray,
  k: NDArray,
  accumulate: boolean,
  shared: boolean,
): NDArray {
  if (out === undefined) return zeros(shape, dtype, shared && 'plain');
  assertOperand(out, 'out');
  if (!sameShape(out.shape, shape)) throw new ShapeError(`out: expected shape ${formatShape(shape)}, got ${formatShape(out.shape)}`, 'out');
  if (out.dtype !== dtype) throw new DTypeError(`out: expected dtype ${dtype}, got ${out.dtype}`, 'out');
  for (const [a, name] of [
    [x, 'x'],
    [k, 'k'],
  ] as const) {
    if (overlaps(out.data, a.data))
      throw new ArgumentError(`out: must not share memory with ${name} (the result is written while ${name} is read)`, 'out');
  }
  if (accumulate) out.data.fill(0); // every method writes each output entry; only the bank sums
  return out;
}

/** flip(conj(k)) as a new array of k's dtype. */
export function flipConj(k: NDArray): NDArray {
  const l = k.data.length / k.size;
  const src = k.data;
  const f = zeros(k.shape, k.dtype);
  const dst = f.data;
  const n = k.size;
  for (let i = 0; i < n; i++) {
    dst[(n - 1 - i) * l] = src[i * l];
    if (l === 2) dst[(n - 1 - i) * 2 + 1] = -src[i * 2 + 1];
  }
  return f;
}

/** How one equal-rank plane is computed: the method and its operands (kernels in convolution orientation). */
export type PlanePlan =
  | { method: 'direct'; x: NDArray; k: NDArray }
  | { method: 'fft' | 'oa'; x: NDArray; k: NDArray }
  | { method: 'separable'; x: NDArray; factors: Float64Array[] };

/** Decide how to convolve one plane: correlate's flip, valid's operand swap, the method, the factors. */
export function planPlane(
  x: NDArray,
  k: NDArray,
  out: NDArray,
  p: DirectParams,
  method: ResolvedOptions['method'],
  corr: boolean,
): PlanePlan {
  let kk = corr ? flipConj(k) : k;
  let xx = x;
  if (p.mode === 'valid' && validSwapNeeded(x.shape, k.shape)) [xx, kk] = [kk, xx];
  const m: ConvMethod = method === 'auto' ? chooseMethod(xx, kk, { mode: p.mode }).method : method;
  if (m === 'direct' || m === 'fft' || m === 'oa') return { method: m, x: xx, k: kk };
  // separable
  if (kk.ndim === 1) return { method: 'direct', x: xx, k: kk };
  if (kk.ndim !== 2 || isComplex(kk.dtype)) {
    throw new ShapeError(
      `k: method separable needs a real 2-D kernel (or convolveSeparable with 1-D factors), got ${kk.dtype} ${formatShape(kk.shape)}`,
      'k',
    );
  }
  const r = rank1(kk);
  if (r.residual > separableTol(out.dtype)) {
    throw new ShapeError(`k: method separable needs a rank-1 kernel; its rank-1 residual is ${r.residual.toExponential(2)}`, 'k');
  }
  return { method: 'separable', x: xx, factors: [r.col, r.row] };
}

/** Run a plane's plan on the calling thread. */
export function runPlan(plan: PlanePlan, out: NDArray, p: DirectParams): NDArray {
  if (plan.method === 'direct') return convolveDirect(plan.x, plan.k, out, p);
  if (plan.method === 'separable') return separablePasses(plan.x, plan.factors, out, p);
  return convolveFft(plan.x, plan.k, out, p, plan.method);
}

/** Equal-rank convolution into `out` by one method. */
function convSame(x: NDArray, k: NDArray, out: NDArray, p: DirectParams, method: ResolvedOptions['method'], corr: boolean): NDArray {
  return runPlan(planPlane(x, k, out, p, method, corr), out, p);
}

/**
 * One 1-D pass per axis: factors[d] runs along axis d. Under a constant border the value
 * outside the array after passes 0..d-1 is cval·Π sum(factor), so each pass pads with that.
 */
export function separablePasses(x: NDArray, factors: readonly Float64Array[], out: NDArray, p: DirectParams): NDArray {
  const nd = x.ndim;
  // 2-D real float: SIMD row pass + column pass (fast2d.ts)
  if (nd === 2 && fast2dEligible(x, 'float64', out) && separable2dRows(x, factors[0], factors[1], out, p, 0, out.shape[0])) return out;
  let cur = x;
  let cval = p.cval;
  for (let d = 0; d < nd; d++) {
    const f = factors[d];
    const kShape = x.shape.map((_, e) => (e === d ? f.length : 1));
    const k = new NDArray('float64', kShape, f);
    const shape = convOutputShape(cur.shape, kShape, p.mode);
    const dst = d === nd - 1 ? out : zeros(shape, out.dtype);
    convolveDirect(cur, k, dst, { ...p, cval });
    let s = 0;
    for (const v of f) s += v;
    cval *= s;
    cur = dst;
  }
  return out;
}
