/**
 * FFT convolution (the convolution theorem) on src/fft.
 *
 * - `fft`: one transform of the whole problem. The input is padded by the boundary rule (only
 *   when the boundary is not constant-zero: zero padding is implicit in the transform), both
 *   operands are transformed at 5-smooth lengths (real FFTs for real data), multiplied, and
 *   transformed back; the wanted block of the linear convolution is copied out. The length per
 *   axis is the smallest fast one at which circular wrap-around misses that block.
 * - `oa`: overlap-add for 1-D (a long signal, a short kernel): the kernel spectrum is computed
 *   once at a block length of about 8× the kernel, each signal segment is transformed,
 *   multiplied and added back into the output. N-D `oa` runs as `fft`.
 *
 * Accuracy: the error is absolute (≈ eps·log N·‖x‖·‖k‖ over every entry); see choose.ts for
 * when `auto` avoids it.
 */
import { isComplex } from '../core/dtype.js';
import { type NDArray, zeros } from '../core/ndarray.js';
import { sizeOf, stridesOf } from '../core/shape.js';
import { fftn, ifftn, irfftn, nextFastLen, planRfft, rfftn } from '../fft/index.js';
import { padWidths, sourceIndex } from '../ref/convBoundary.js';
import type { DirectParams } from './direct.js';

/** Whether the FFT engine is wired in (chooseMethod considers fft / oa only then). */
export const FFT_AVAILABLE = true;

/** x padded by the boundary rule as float64 / complex128 (the input of a `valid` convolution). */
function padded(x: NDArray, widths: [number, number][], p: DirectParams, complex: boolean): NDArray {
  const pShape = x.shape.map((n, d) => n + widths[d][0] + widths[d][1]);
  const out = zeros(pShape, complex ? 'complex128' : 'float64');
  const l = complex ? 2 : 1;
  const xl = x.data.length / x.size;
  const maps = pShape.map((pn, d) => Int32Array.from({ length: pn }, (_, i) => sourceIndex(i - widths[d][0], x.shape[d], p.boundary)));
  const xs = stridesOf(x.shape);
  const idx = new Array<number>(pShape.length).fill(0);
  for (let flat = 0, n = sizeOf(pShape); flat < n; flat++) {
    let src = 0;
    for (let d = 0; d < idx.length && src >= 0; d++) src = maps[d][idx[d]] < 0 ? -1 : src + maps[d][idx[d]] * xs[d];
    if (src < 0) out.data[flat * l] = p.cval;
    else for (let c = 0; c < Math.min(l, xl); c++) out.data[flat * l + c] = x.data[src * xl + c];
    for (let d = idx.length - 1; d >= 0; d--) {
      if (++idx[d] < pShape[d]) break;
      idx[d] = 0;
    }
  }
  return out;
}

/** as float64 / complex128 (the transforms then run and store in double precision). */
function widen(a: NDArray, complex: boolean): NDArray {
  const dtype = complex ? 'complex128' : 'float64';
  if (a.dtype === dtype) return a;
  const out = zeros(a.shape, dtype);
  const al = a.data.length / a.size;
  const l = complex ? 2 : 1;
  for (let i = 0; i < a.size; i++) for (let c = 0; c < al; c++) out.data[i * l + c] = a.data[i * al + c];
  return out;
}

/** Copy block [start, start + out.shape) of `src` (lanes l) into out. */
function copyBlock(src: NDArray, start: number[], out: NDArray): void {
  const l = src.data.length / src.size;
  const ol = out.data.length / out.size;
  const ss = stridesOf(src.shape);
  const nd = out.ndim;
  const ow = out.shape[nd - 1];
  const idx = new Array<number>(nd - 1).fill(0);
  for (let row = 0, rows = out.size / ow; row < rows; row++) {
    let s = start[nd - 1];
    for (let d = 0; d < nd - 1; d++) s += (idx[d] + start[d]) * ss[d];
    for (let t = 0; t < ow; t++) for (let c = 0; c < ol; c++) out.data[(row * ow + t) * ol + c] = c < l ? src.data[(s + t) * l + c] : 0;
    for (let d = nd - 2; d >= 0; d--) {
      if (++idx[d] < out.shape[d]) break;
      idx[d] = 0;
    }
  }
}

/** The input to transform and where the wanted block starts in its linear convolution with k. */
function prepare(x: NDArray, k: NDArray, p: DirectParams, complex: boolean): { xp: NDArray; start: number[] } {
  const widths = padWidths(k.shape, p.mode);
  if (p.boundary === 'constant' && p.cval === 0) {
    return { xp: widen(x, complex), start: k.shape.map((kn, d) => kn - 1 - widths[d][0]) };
  }
  return { xp: padded(x, widths, p, complex), start: k.shape.map((kn) => kn - 1) };
}

/** out = x ⊛ k by FFT (`fft`) or overlap-add (`oa`, 1-D). */
export function convolveFft(x: NDArray, k: NDArray, out: NDArray, p: DirectParams, method: 'fft' | 'oa'): NDArray {
  const complex = isComplex(out.dtype);
  const { xp, start } = prepare(x, k, p, complex);
  if (method === 'oa' && x.ndim === 1 && !complex) return overlapAdd(xp, widen(k, false), start[0], out);
  // per axis: the smallest fast length L with no wrap-around into [start, start + O)
  const s = xp.shape.map((n, d) => {
    const need = Math.max(n + k.shape[d] - 1 - start[d], start[d] + out.shape[d]);
    return nextFastLen(need, !complex);
  });
  const kw = widen(k, complex);
  let y: NDArray;
  if (complex) {
    const X = fftn(xp, { s });
    const K = fftn(kw, { s });
    multiplyInto(X, K);
    y = ifftn(X, { s });
  } else {
    const X = rfftn(xp, { s });
    const K = rfftn(kw, { s });
    multiplyInto(X, K);
    y = irfftn(X, { s });
  }
  copyBlock(y, start, out);
  return out;
}

/** X *= K, complex interleaved, same shape. */
function multiplyInto(X: NDArray, K: NDArray): void {
  const a = X.data;
  const b = K.data;
  for (let i = 0; i < a.length; i += 2) {
    const re = a[i] * b[i] - a[i + 1] * b[i + 1];
    a[i + 1] = a[i] * b[i + 1] + a[i + 1] * b[i];
    a[i] = re;
  }
}

/**
 * Overlap-add (1-D, real): blocks of B = fast length ≈ 8·K; each segment of S = B − K + 1
 * samples contributes its B-sample linear convolution at its offset. Only the wanted output
 * range [start, start + O) is accumulated.
 */
function overlapAdd(xp: NDArray, k: NDArray, start: number, out: NDArray): NDArray {
  const n = xp.size;
  const kn = k.size;
  const B = nextFastLen(Math.max(8 * kn, 256), true);
  const S = B - kn + 1;
  const plan = planRfft(B, 'float64');
  const bins = plan.bins;
  const buf = new Float64Array(B);
  const K = new Float64Array(2 * bins);
  buf.set(k.data as Float64Array);
  plan.forward(buf, K);
  const spec = new Float64Array(2 * bins);
  const O = out.size;
  const acc = new Float64Array(O); // [O]
  const xd = xp.data as Float64Array;
  for (let seg = 0; seg < n; seg += S) {
    const len = Math.min(S, n - seg);
    // this segment's linear convolution covers [seg, seg + len + kn - 1)
    if (seg + len + kn - 1 <= start || seg >= start + O) continue;
    buf.fill(0);
    buf.set(xd.subarray(seg, seg + len));
    plan.forward(buf, spec);
    for (let i = 0; i < 2 * bins; i += 2) {
      const re = spec[i] * K[i] - spec[i + 1] * K[i + 1];
      spec[i + 1] = spec[i] * K[i + 1] + spec[i + 1] * K[i];
      spec[i] = re;
    }
    plan.backward(spec, buf);
    const lo = Math.max(seg, start);
    const hi = Math.min(seg + len + kn - 1, start + O);
    for (let m = lo; m < hi; m++) acc[m - start] += buf[m - seg] / B;
  }
  const od = out.data;
  for (let i = 0; i < O; i++) od[i] = acc[i];
  return out;
}
