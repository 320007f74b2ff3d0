/**
 * The plain N-D reference for convolution and correlation (DESIGN.md, "Semantics").
 * Written for obviousness, not speed: pad the input by the boundary rule, then run a `valid`
 * convolution of the padded array, accumulating in float64. Every fast path in src/conv is
 * checked against this, and this is checked against scipy / OpenCV golden files.
 *
 *   convolve(x, k)[o] = Σ_j xpad[o + (K-1) - j] · k[j]          (kernel flipped)
 *   correlate(x, k)   = convolve(x, flip(conj(k)))
 */
import { type DType, isComplex, lanes, promote } from '../core/dtype.js';
import { ShapeError } from '../core/errors.js';
import { type NDArray, zeros } from '../core/ndarray.js';
import { sizeOf, stridesOf } from '../core/shape.js';
import {
  type Boundary,
  type BoundaryName,
  type ConvMode,
  padWidths,
  parseBoundary,
  parseMode,
  sourceIndex,
  validSwapNeeded,
} from './convBoundary.js';

export interface ConvRefOptions {
  mode?: ConvMode;
  boundary?: BoundaryName;
  /** Value outside the input for `constant` (default 0). */
  cval?: number;
  /** Correlate instead of convolve (no kernel flip; the kernel is conjugated). */
  correlate?: boolean;
}

/** Re / im planes in float64 (im is null for real data). */
interface Planes {
  shape: number[];
  re: Float64Array;
  im: Float64Array | null;
}

function toPlanes(a: NDArray): Planes {
  const n = a.size;
  const re = new Float64Array(n);
  const im = isComplex(a.dtype) ? new Float64Array(n) : null;
  const d = a.data;
  if (im) {
    for (let i = 0; i < n; i++) {
      re[i] = d[2 * i];
      im[i] = d[2 * i + 1];
    }
  } else {
    for (let i = 0; i < n; i++) re[i] = d[i];
  }
  return { shape: [...a.shape], re, im };
}

/** flip(conj(k)): reverse every axis, negate the imaginary part. */
export function flipConjPlanes(k: Planes): Planes {
  const n = k.re.length;
  const re = new Float64Array(n);
  const im = k.im ? new Float64Array(n) : null;
  for (let i = 0; i < n; i++) {
    re[n - 1 - i] = k.re[i]; // reversing the flat C-order index reverses every axis
    if (im && k.im) im[n - 1 - i] = -k.im[i];
  }
  return { shape: k.shape, re, im };
}

/** Pad `x` by `widths` per axis with the boundary rule. */
function padPlanes(x: Planes, widths: [number, number][], boundary: Boundary, cval: number): Planes {
  const nd = x.shape.length;
  const pShape = x.shape.map((n, d) => n + widths[d][0] + widths[d][1]);
  const maps = pShape.map((p, d) => Int32Array.from({ length: p }, (_, i) => sourceIndex(i - widths[d][0], x.shape[d], boundary)));
  const xStrides = stridesOf(x.shape);
  const size = sizeOf(pShape);
  const re = new Float64Array(size);
  const im = x.im ? new Float64Array(size) : null;
  const idx = new Array<number>(nd).fill(0);
  for (let flat = 0; flat < size; flat++) {
    let src = 0;
    for (let d = 0; d < nd; d++) {
      const s = maps[d][idx[d]];
      if (s < 0) {
        src = -1;
        break;
      }
      src += s * xStrides[d];
    }
    if (src < 0) {
      re[flat] = cval;
    } else {
      re[flat] = x.re[src];
      if (im && x.im) im[flat] = x.im[src];
    }
    for (let d = nd - 1; d >= 0; d--) {
      if (++idx[d] < pShape[d]) break;
      idx[d] = 0;
    }
  }
  return { shape: pShape, re, im };
}

/** `valid` convolution of planes (`x` at least as large as `k` on every axis). */
function validPlanes(x: Planes, k: Planes): Planes {
  const nd = x.shape.length;
  const oShape = x.shape.map((n, d) => n - k.shape[d] + 1);
  const xStrides = stridesOf(x.shape);
  const kSize = k.re.length;
  // offset of tap j in x, relative to output position o: Σ_d (K_d - 1 - j_d) · stride_d
  const offsets = new Int32Array(kSize);
  const j = new Array<number>(nd).fill(0);
  for (let t = 0; t < kSize; t++) {
    let off = 0;
    for (let d = 0; d < nd; d++) off += (k.shape[d] - 1 - j[d]) * xStrides[d];
    offsets[t] = off;
    for (let d = nd - 1; d >= 0; d--) {
      if (++j[d] < k.shape[d]) break;
      j[d] = 0;
    }
  }
  const size = sizeOf(oShape);
  const re = new Float64Array(size);
  const complex = x.im !== null || k.im !== null;
  const im = complex ? new Float64Array(size) : null;
  const xi = x.im ?? new Float64Array(x.re.length);
  const ki = k.im ?? new Float64Array(kSize);
  const o = new Array<number>(nd).fill(0);
  for (let flat = 0; flat < size; flat++) {
    let base = 0;
    for (let d = 0; d < nd; d++) base += o[d] * xStrides[d];
    let sr = 0;
    let si = 0;
    for (let t = 0; t < kSize; t++) {
      const p = base + offsets[t];
      sr += x.re[p] * k.re[t] - xi[p] * ki[t];
      if (complex) si += x.re[p] * ki[t] + xi[p] * k.re[t];
    }
    re[flat] = sr;
    if (im) im[flat] = si;
    for (let d = nd - 1; d >= 0; d--) {
      if (++o[d] < oShape[d]) break;
      o[d] = 0;
    }
  }
  return { shape: oShape, re, im };
}

/** The output shape of convolving shapes `x` and `k` in `mode` (after scipy's `valid` swap). */
export function convOutputShape(xShape: readonly number[], kShape: readonly number[], mode: ConvMode): number[] {
  if (mode === 'full') return xShape.map((n, d) => n + kShape[d] - 1);
  if (mode === 'same') return [...xShape];
  return xShape.map((n, d) => Math.abs(n - kShape[d]) + 1);
}

/**
 * Reference N-D convolution (or correlation with `correlate: true`) of `x` with `k`.
 * Output dtype: numpy-like promotion of the two dtypes; computed in float64.
 * `valid` with a kernel larger than the input swaps the operands when the input fits inside the
 * kernel on every axis (scipy.signal's rule) and throws a ShapeError when neither fits the other.
 */
export function convolveRef(x: NDArray, k: NDArray, opts: ConvRefOptions = {}): NDArray {
  const mode = parseMode(opts.mode ?? 'full');
  const boundary = parseBoundary(opts.boundary ?? 'constant');
  const cval = opts.cval ?? 0;
  if (x.ndim !== k.ndim) {
    throw new ShapeError(`k: kernel rank ${k.ndim} does not match input rank ${x.ndim}`, 'k');
  }
  if (x.ndim === 0 || x.size === 0) throw new ShapeError(`x: expected a non-empty array, got shape [${x.shape.join(', ')}]`, 'x');
  if (k.size === 0) throw new ShapeError(`k: expected a non-empty kernel, got shape [${k.shape.join(', ')}]`, 'k');
  const dtype: DType = promote(x.dtype, k.dtype);
  let xp = toPlanes(x);
  let kp = toPlanes(k);
  if (opts.correlate) kp = flipConjPlanes(kp);
  let result: Planes;
  if (mode === 'valid') {
    if (validSwapNeeded(x.shape, k.shape)) [xp, kp] = [kp, xp];
    result = validPlanes(xp, kp);
  } else {
    result = validPlanes(padPlanes(xp, padWidths(k.shape, mode), boundary, cval), kp);
  }
  return fromPlanes(result, dtype);
}

function fromPlanes(p: Planes, dtype: DType): NDArray {
  const out = zeros(p.shape, dtype);
  const d = out.data;
  if (lanes(dtype) === 2) {
    for (let i = 0; i < p.re.length; i++) {
      d[2 * i] = p.re[i];
      d[2 * i + 1] = p.im ? p.im[i] : 0;
    }
  } else {
    d.set(p.re);
  }
  return out;
}
