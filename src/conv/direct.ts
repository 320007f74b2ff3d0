/**
 * Direct N-D convolution in plain TS, faster than src/ref/convolve.ts and checked against it.
 * 2-D real float32 / float64 cases go to the WebAssembly SIMD kernel instead (fast2d.ts).
 *
 * The last axis is the "row". For each output row and each kernel row (a multi-index over the
 * leading kernel axes) the matching input row is extended by the boundary rule into a strip
 * of length ow + kw - 1 (only the edges are synthesised; the interior is a copy), then every
 * tap of that kernel row is an axpy over contiguous memory into a float64 accumulator row.
 * No padded copy of the whole input is made: memory beyond input and output is two rows.
 *
 * The kernel arrives already in convolution orientation (src/conv flips and conjugates it
 * for correlate); `valid`'s operand swap is also decided by the caller.
 */
import type { NDArray } from '../core/ndarray.js';
import { stridesOf } from '../core/shape.js';
import { type Boundary, type ConvMode, padWidths, sourceIndex } from '../ref/convBoundary.js';
import { direct2dRows, fast2dEligible } from './fast2d.js';

type Data = Float32Array | Float64Array | Uint8Array | Int32Array;

export interface DirectParams {
  mode: ConvMode;
  boundary: Boundary;
  cval: number;
}

/** Index map of padded positions [0, n + before + after) to source rows/columns (-1: constant). */
function indexMap(n: number, before: number, after: number, boundary: Boundary): Int32Array {
  const map = new Int32Array(n + before + after);
  for (let i = 0; i < map.length; i++) map[i] = sourceIndex(i - before, n, boundary);
  return map;
}

/**
 * out = x ⊛ k over every axis, for real or complex x, k and out (interleaved re, im).
 * `out` must have the shape the mode implies and a dtype that holds complex if either input is.
 */
export function convolveDirect(x: NDArray, k: NDArray, out: NDArray, p: DirectParams): NDArray {
  // 2-D real float: the SIMD kernel (fast2d.ts); this TS path remains for the rest and without wasm
  if (fast2dEligible(x, k.dtype, out) && direct2dRows(x, k, out, p, 0, out.shape[0])) return out;
  const nd = x.ndim;
  const last = nd - 1;
  const pads = padWidths(k.shape, p.mode);
  const oShape = out.shape;
  const xStrides = stridesOf(x.shape);
  const oStrides = stridesOf(oShape);
  const xl = x.data.length / x.size; // lanes of x: 1 or 2
  const kl = k.data.length / k.size;
  const ol = out.data.length / out.size;
  const n = x.shape[last];
  const kw = k.shape[last];
  const ow = oShape[last];
  const stripLen = ow + kw - 1;
  const lastMap = indexMap(n, pads[last][0], stripLen - n - pads[last][0], p.boundary);
  const leadMaps = x.shape
    .slice(0, last)
    .map((xn, d) => indexMap(xn, pads[d][0], oShape[d] + k.shape[d] - 1 - xn - pads[d][0], p.boundary));

  // leading kernel multi-indices, as shifts (K_d - 1 - j_d) per axis
  const kLead = k.size / kw;
  const shifts: Int32Array[] = [];
  const j = new Array<number>(last).fill(0);
  for (let t = 0; t < kLead; t++) {
    shifts.push(Int32Array.from(j, (jd, d) => k.shape[d] - 1 - jd));
    for (let d = last - 1; d >= 0; d--) {
      if (++j[d] < k.shape[d]) break;
      j[d] = 0;
    }
  }

  const complex = ol === 2;
  const acc = new Float64Array(ow * ol); // [ow] or [ow, 2]
  const xd = x.data as Data;
  const kd = k.data as Data;
  const od = out.data as Data;
  const oLead = out.size / ow;
  const o = new Array<number>(last).fill(0);
  // the input rows under the kernel rows of one output row; most are reused by the next one
  const srcOf = new Int32Array(kLead);
  // kernel rows equal to their reverse (Gaussian, box…) fold tap pairs: one multiply per pair
  const symmetric = Array.from({ length: kLead }, (_, t) => !complex && kw >= 5 && isSymmetric(kd, t * kw, kw));
  const cache = new StripCache(kLead + 1, stripLen * ol, (strip, src) => fillStrip(strip, xd, src, xl, ol, lastMap, p.cval));
  for (let row = 0; row < oLead; row++) {
    acc.fill(0);
    for (let t = 0; t < kLead; t++) {
      // the input row under kernel row t, or -1 when it lies in a constant border
      let src = 0;
      const sh = shifts[t];
      for (let d = 0; d < last; d++) {
        const s = leadMaps[d][o[d] + sh[d]];
        if (s < 0) {
          src = -1;
          break;
        }
        src += s * xStrides[d];
      }
      srcOf[t] = src;
    }
    cache.keep(srcOf);
    let t = 0;
    if (!complex && kw === 1) {
      // a column kernel (e.g. the vertical pass of a separable filter): four rows per sweep
      for (; t + 4 <= kLead; t += 4) {
        axpyRows4(acc, cache.get(srcOf[t]), cache.get(srcOf[t + 1]), cache.get(srcOf[t + 2]), cache.get(srcOf[t + 3]), kd, t, ow);
      }
    }
    for (; t < kLead; t++) {
      const strip = cache.get(srcOf[t]);
      const kOff = t * kw;
      if (complex) axpyComplex(acc, strip, kd, kOff, kw, kl, ow);
      else if (symmetric[t]) axpySymmetric(acc, strip, kd, kOff, kw, ow);
      else axpyReal(acc, strip, kd, kOff, kw, ow);
    }
    let oOff = 0;
    for (let d = 0; d < last; d++) oOff += o[d] * oStrides[d];
    od.set(acc, oOff * ol);
    for (let d = last - 1; d >= 0; d--) {
      if (++o[d] < oShape[d]) break;
      o[d] = 0;
    }
  }
  return out;
}

/**
 * Boundary-extended input rows, keyed by the row's start (-1: a constant row). `keep(keys)`
 * marks the rows the current output row needs; a miss overwrites a row that is not needed.
 */
class StripCache {
  private readonly keys: number[] = [];
  private readonly strips: Float64Array[] = [];
  private needed: Int32Array = new Int32Array(0);

  constructor(
    private readonly capacity: number,
    private readonly length: number,
    private readonly fill: (strip: Float64Array, src: number) => void,
  ) {}

  keep(keys: Int32Array): void {
    this.needed = keys;
  }

  get(src: number): Float64Array {
    const at = this.keys.indexOf(src);
    if (at >= 0) return this.strips[at];
    let slot = this.keys.length;
    if (slot < this.capacity) {
      this.keys.push(src);
      this.strips.push(new Float64Array(this.length));
    } else {
      slot = this.keys.findIndex((key) => !this.needed.includes(key));
      this.keys[slot] = src;
    }
    this.fill(this.strips[slot], src);
    return this.strips[slot];
  }
}

/** strip[t] = x[rowStart + map[t]] (cval where map[t] < 0 or the whole row is constant). */
function fillStrip(strip: Float64Array, xd: Data, rowStart: number, xl: number, sl: number, map: Int32Array, cval: number): void {
  const len = map.length;
  if (rowStart < 0) {
    if (sl === 1) strip.fill(cval);
    else {
      for (let t = 0; t < len; t++) {
        strip[2 * t] = cval;
        strip[2 * t + 1] = 0;
      }
    }
    return;
  }
  const base = rowStart * xl;
  if (sl === 1) {
    for (let t = 0; t < len; t++) {
      const s = map[t];
      strip[t] = s < 0 ? cval : xd[base + s];
    }
  } else if (xl === 1) {
    for (let t = 0; t < len; t++) {
      const s = map[t];
      strip[2 * t] = s < 0 ? cval : xd[base + s];
      strip[2 * t + 1] = 0;
    }
  } else {
    for (let t = 0; t < len; t++) {
      const s = map[t];
      strip[2 * t] = s < 0 ? cval : xd[base + 2 * s];
      strip[2 * t + 1] = s < 0 ? 0 : xd[base + 2 * s + 1];
    }
  }
}

/**
 * acc[t] += Σ_jl k[kOff + jl] · strip[t + kw - 1 - jl], over contiguous rows; four taps per
 * sweep so acc is loaded and stored once per four multiply-adds.
 */
function axpyReal(acc: Float64Array, strip: Float64Array, kd: Data, kOff: number, kw: number, ow: number): void {
  let jl = 0;
  for (; jl + 4 <= kw; jl += 4) {
    const c0 = kd[kOff + jl];
    const c1 = kd[kOff + jl + 1];
    const c2 = kd[kOff + jl + 2];
    const c3 = kd[kOff + jl + 3];
    const s = kw - 4 - jl; // strip offset of tap jl + 3
    for (let t = 0; t < ow; t++) {
      const q = t + s;
      acc[t] += c0 * strip[q + 3] + c1 * strip[q + 2] + c2 * strip[q + 1] + c3 * strip[q];
    }
  }
  for (; jl < kw; jl++) {
    const c = kd[kOff + jl];
    const shift = kw - 1 - jl;
    for (let t = 0; t < ow; t++) acc[t] += c * strip[t + shift];
  }
}

function isSymmetric(kd: Data, off: number, n: number): boolean {
  for (let j = 0; j < n >> 1; j++) if (kd[off + j] !== kd[off + n - 1 - j]) return false;
  return true;
}

/** axpyReal for a symmetric kernel row: acc[t] += c_j · (strip[t + kw-1-j] + strip[t + j]), two pairs per sweep. */
function axpySymmetric(acc: Float64Array, strip: Float64Array, kd: Data, kOff: number, kw: number, ow: number): void {
  const half = kw >> 1;
  let j = 0;
  for (; j + 2 <= half; j += 2) {
    const c0 = kd[kOff + j];
    const c1 = kd[kOff + j + 1];
    const a = kw - 1 - j;
    for (let t = 0; t < ow; t++) {
      acc[t] += c0 * (strip[t + a] + strip[t + j]) + c1 * (strip[t + a - 1] + strip[t + j + 1]);
    }
  }
  for (; j < half; j++) {
    const c = kd[kOff + j];
    const a = kw - 1 - j;
    for (let t = 0; t < ow; t++) acc[t] += c * (strip[t + a] + strip[t + j]);
  }
  if (kw % 2 === 1) {
    const c = kd[kOff + half];
    for (let t = 0; t < ow; t++) acc[t] += c * strip[t + half];
  }
}

/** acc += k[t]·a + k[t+1]·b + k[t+2]·c + k[t+3]·d, for a one-column kernel. */
function axpyRows4(
  acc: Float64Array,
  a: Float64Array,
  b: Float64Array,
  c: Float64Array,
  d: Float64Array,
  kd: Data,
  t: number,
  ow: number,
): void {
  const c0 = kd[t];
  const c1 = kd[t + 1];
  const c2 = kd[t + 2];
  const c3 = kd[t + 3];
  for (let i = 0; i < ow; i++) acc[i] += c0 * a[i] + c1 * b[i] + c2 * c[i] + c3 * d[i];
}

function axpyComplex(acc: Float64Array, strip: Float64Array, kd: Data, kOff: number, kw: number, kl: number, ow: number): void {
  for (let jl = 0; jl < kw; jl++) {
    const cr = kd[(kOff + jl) * kl];
    const ci = kl === 2 ? kd[(kOff + jl) * 2 + 1] : 0;
    const shift = 2 * (kw - 1 - jl);
    for (let t = 0; t < ow; t++) {
      const sr = strip[2 * t + shift];
      const si = strip[2 * t + shift + 1];
      acc[2 * t] += cr * sr - ci * si;
      acc[2 * t + 1] += cr * si + ci * sr;
    }
  }
}
