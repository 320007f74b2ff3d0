/**
 * FFT convolution (the convolution theorem) on src/fft.
 *
 * - `fft`: one transform of the whole problem. The input is padded by the boundary rule (only
 *   when the boundary is not constant-zero: zero padding is implicit in the transform), both
 *   operands are transformed at 5-smooth lengths (real FFTs for real data), multiplied, and
 *   transformed back; the wanted block of the linear convolution is copied out. The length per
 *   axis is the smallest fast one at which circular wrap-around misses that block.
 *   A 2-D real plane larger than a few power-of-two blocks runs tiled instead (tiles.ts: blocks
 *   transformed inside the FFT engine's WebAssembly memory, float32 for float32 data), when the
 *   tiles cost less than the whole padded transform (tiles.ts's blockCost for both).
 * - `oa`: overlap-save for 1-D real (a long signal, a short kernel; oa.ts): the kernel spectrum
 *   is computed once at a power-of-two block length of about 8× the kernel, each block of
 *   output is the tail of one circular convolution (blocks transformed in batches inside wasm
 *   memory). N-D and complex `oa` run as `fft`.
 *
 * Accuracy: the error is absolute (≈ eps·log N·‖x‖·‖k‖ over every entry); see choose.ts for
 * when `auto` avoids it.
 */
import { isComplex } from '../core/dtype.js';
import { type NDArray, zeros } from '../core/ndarray.js';
import { sizeOf, stridesOf } from '../core/shape.js';
import { fftn, ifftn, irfftn, nextFastLen, rfftn } from '../fft/index.js';
import { padWidths, sourceIndex } from '../ref/convBoundary.js';
import type { DirectParams } from './direct.js';
import { osBlocks, osPlan, overlapSaveBlocks } from './oa.js';
import { blockCost, convolveTiles, type TilePlan, tileKernelSpectrum, tilePlan } from './tiles.js';

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

/**
 * The working dtype of the transforms: the output's precision (a float32 result is computed
 * with float32 transforms, whose error ≈ eps32·log N of the norm stays inside float32's
 * tolerance), complex when the output is.
 */
type WorkDType = 'float32' | 'float64' | 'complex64' | 'complex128';
function workDType(out: NDArray): WorkDType {
  const complex = isComplex(out.dtype);
  const single = out.dtype === 'float32' || out.dtype === 'complex64';
  return complex ? (single ? 'complex64' : 'complex128') : single ? 'float32' : 'float64';
}

/** `a` as the working dtype (itself when it already is). */
function widen(a: NDArray, dtype: WorkDType): NDArray {
  if (a.dtype === dtype) return a;
  const out = zeros(a.shape, dtype);
  const al = a.data.length / a.size;
  const l = dtype === 'complex64' || dtype === 'complex128' ? 2 : 1;
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
function prepare(x: NDArray, k: NDArray, p: DirectParams, work: WorkDType): { xp: NDArray; start: number[] } {
  const widths = padWidths(k.shape, p.mode);
  if (p.boundary === 'constant' && p.cval === 0) {
    return { xp: widen(x, work), start: k.shape.map((kn, d) => kn - 1 - widths[d][0]) };
  }
  const complex = work === 'complex64' || work === 'complex128';
  return { xp: widen(padded(x, widths, p, complex), work), start: k.shape.map((kn) => kn - 1) };
}

/** out = x ⊛ k by FFT (`fft`) or overlap-add (`oa`, 1-D). */
export function convolveFft(x: NDArray, k: NDArray, out: NDArray, p: DirectParams, method: 'fft' | 'oa'): NDArray {
  const complex = isComplex(out.dtype);
  if (method === 'oa' && x.ndim === 1 && !complex) {
    const { xp, start } = oaInput(x, k, p);
    const plan = osPlan(k.data);
    overlapSaveBlocks(xp, plan, start, out.data as Float32Array | Float64Array, 0, osBlocks(plan.K, out.size));
    return out;
  }
  const work = workDType(out);
  const { xp, start } = prepare(x, k, p, work);
  // per axis: the smallest fast length L with no wrap-around into [start, start + O)
  const s = xp.shape.map((n, d) => {
    const need = Math.max(n + k.shape[d] - 1 - start[d], start[d] + out.shape[d]);
    return nextFastLen(need, !complex);
  });
  const tiling = tiledPlan(xp, k, out, s);
  if (tiling !== undefined) {
    const spec = tileKernelSpectrum(k, tiling.B, work as 'float32' | 'float64');
    convolveTiles(xp, k.shape, spec, tiling, start, out, 0, tiling.tiles[0] * tiling.tiles[1]);
    return out;
  }
  const kw = widen(k, work);
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

/**
 * The tile plan when a 2-D real plane runs tiled (tiles.ts): power-of-two blocks that cost less
 * than one transform of the whole padded problem (`s`), and more than one tile.
 */
function tiledPlan(xp: NDArray, k: NDArray, out: NDArray, s: readonly number[]): TilePlan | undefined {
  if (isComplex(out.dtype) || isComplex(xp.dtype) || isComplex(k.dtype) || xp.ndim !== 2) return undefined;
  const nFft = s[0] * s[1];
  const whole = (blockCost(nFft) * 3) / 2; // three transforms of the whole padded plane
  const tp = tilePlan(k.shape, out.shape);
  return tp.tiles[0] * tp.tiles[1] > 1 && tp.cost < whole ? tp : undefined;
}

/** What a worker needs to run tiles of `fft` for a 2-D real plane, or undefined when it would not tile. */
export function fftTiles(
  x: NDArray,
  k: NDArray,
  out: NDArray,
  p: DirectParams,
): { xp: NDArray; start: number[]; plan: TilePlan; work: 'float32' | 'float64' } | undefined {
  if (isComplex(out.dtype) || x.ndim !== 2) return undefined;
  const work = workDType(out) as 'float32' | 'float64';
  const { xp, start } = prepare(x, k, p, work);
  const s = xp.shape.map((n, d) => nextFastLen(Math.max(n + k.shape[d] - 1 - start[d], start[d] + out.shape[d]), true));
  const plan = tiledPlan(xp, k, out, s);
  return plan === undefined ? undefined : { xp, start, plan, work };
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
 * The 1-D real input of overlap-save and where the wanted block starts in its linear
 * convolution with k: x itself under a zero border (read as it is, float32 or float64),
 * else x padded by the boundary rule.
 */
export function oaInput(x: NDArray, k: NDArray, p: DirectParams): { xp: Float32Array | Float64Array; start: number } {
  const [[before]] = padWidths(k.shape, p.mode);
  if (p.boundary === 'constant' && p.cval === 0) return { xp: x.data as Float32Array | Float64Array, start: k.size - 1 - before };
  return { xp: padded(x, padWidths(k.shape, p.mode), p, false).data as Float64Array, start: k.size - 1 };
}
