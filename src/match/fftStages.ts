/**
 * The stages of FFT correlation on a pruned real 2-D transform of size [N, M] (N ≥ H, M ≥ W,
 * 5-smooth; the circular correlation wraps only into outputs past the valid block). Each stage
 * works on a range (of rows or columns), so one thread can run it whole (fftCorrelator.ts) or
 * workers can split it (tasks.ts):
 *
 *   rowPass     rfft of source rows [r0, r1), written transposed: spec [bins, N] complex, so that
 *               each of the bins = M/2 + 1 columns is contiguous
 *   columnPass  per column k in [k0, k1): FFT each term's column, FFT the kernel's column (its h
 *               row spectra zero-padded), acc = Σ S · conj(K), inverse FFT — one pass
 *   emitRows    irfft of output rows [y0, y1) of acc, one row at a time (the 1/(N·M) of the
 *               inverse is folded into the kernel's spectrum)
 */
import { nextFastLen } from '../fft/factor.js';
import { planFft, planRfft } from '../fft/lowlevel.js';
import type { Plane } from './planes.js';

/** Rows transformed together before their spectra are written down the columns. */
const ROW_BLOCK = 32;

export interface FftGeometry {
  H: number;
  W: number;
  h: number;
  w: number;
  N: number;
  M: number;
  bins: number;
  outH: number;
  outW: number;
}

export function fftGeometry(H: number, W: number, h: number, w: number): FftGeometry {
  const N = nextFastLen(H, true);
  const M = W <= 2 ? 2 : 2 * nextFastLen(Math.ceil(W / 2), true); // even: rfft runs as a half-length complex FFT
  return { H, W, h, w, N, M, bins: M / 2 + 1, outH: H - h + 1, outW: W - w + 1 };
}

/** Row spectra of source rows [r0, r1) (squared values if `square`), transposed into spec [bins, N]. */
export function rowPass(g: FftGeometry, plane: Plane, square: boolean, spec: Float64Array, r0: number, r1: number): void {
  const { data, offset, width } = plane;
  const { N, M, bins } = g;
  const rows = planRfft(M, 'float64');
  const row = new Float64Array(M); // [M]; columns ≥ the width stay zero
  const tmp = new Float64Array(ROW_BLOCK * 2 * bins); // [ROW_BLOCK, bins] complex
  for (let b0 = r0; b0 < r1; b0 += ROW_BLOCK) {
    const rb = Math.min(ROW_BLOCK, r1 - b0);
    for (let j = 0; j < rb; j++) {
      const base = offset + (b0 + j) * width;
      row.set(data.subarray(base, base + width));
      if (square) for (let c = 0; c < width; c++) row[c] *= row[c];
      rows.forward(row, tmp.subarray(2 * j * bins, 2 * (j + 1) * bins));
    }
    transposeInto(tmp, rb, bins, spec, N, b0);
  }
}

/** The kernel's row spectra, transposed: [bins, h] complex, scaled by 1/(N·M) (the inverse transforms' factor, applied once here). */
export function kernelRows(g: FftGeometry, kernel: Float64Array): Float64Array {
  const { M, N, bins, h, w } = g;
  const rows = planRfft(M, 'float64');
  const out = new Float64Array(2 * bins * h);
  const row = new Float64Array(M);
  const tmp = new Float64Array(2 * bins);
  const scale = 1 / (N * M);
  for (let r = 0; r < h; r++) {
    for (let c = 0; c < w; c++) row[c] = kernel[r * w + c] * scale;
    rows.forward(row, tmp);
    transposeInto(tmp, 1, bins, out, h, r);
  }
  return out;
}

/**
 * For columns k in [k0, k1): specs[t] holds row spectra (rows ≥ H are zeroed here), transformed
 * down the column in place; acc's column = Σ_t S_t · conj(K_t), inverse-transformed. acc may be
 * specs[0]. With `transformed`, specs are already full 2-D spectra (a cache) and are left alone.
 */
export function columnPass(
  g: FftGeometry,
  specs: readonly Float64Array[],
  kRows: readonly Float64Array[],
  acc: Float64Array,
  k0: number,
  k1: number,
  transformed = false,
): void {
  const { N, H, h } = g;
  const cols = planFft(N, 'complex128');
  const kCol = new Float64Array(2 * N); // [N] complex
  for (let k = k0; k < k1; k++) {
    const a = acc.subarray(2 * k * N, 2 * (k + 1) * N);
    for (let t = 0; t < specs.length; t++) {
      const col = specs[t].subarray(2 * k * N, 2 * (k + 1) * N);
      if (!transformed) {
        col.fill(0, 2 * H);
        cols.forward(col, col);
      }
      kCol.set(kRows[t].subarray(2 * k * h, 2 * (k + 1) * h));
      kCol.fill(0, 2 * h);
      cols.forward(kCol, kCol);
      conjProduct(col, kCol, a, t > 0);
    }
    cols.backward(a, a);
  }
}

/** Full 2-D spectrum of rows-transformed spec, columns [k0, k1) (rows ≥ H zeroed). */
export function columnTransform(g: FftGeometry, spec: Float64Array, k0: number, k1: number): void {
  const { N, H } = g;
  const cols = planFft(N, 'complex128');
  for (let k = k0; k < k1; k++) {
    const col = spec.subarray(2 * k * N, 2 * (k + 1) * N);
    col.fill(0, 2 * H);
    cols.forward(col, col);
  }
}

/** irfft of output rows [y0, y1) of acc [bins, N]; `emit(y, row)` gets each ([outW], reused). */
export function emitRows(g: FftGeometry, acc: Float64Array, y0: number, y1: number, emit: (y: number, row: Float64Array) => void): void {
  const { M, N, bins, outW } = g;
  const rows = planRfft(M, 'float64');
  const row = new Float64Array(M);
  const outRow = row.subarray(0, outW);
  const tmp = new Float64Array(ROW_BLOCK * 2 * bins); // [ROW_BLOCK, bins] complex
  for (let b0 = y0; b0 < y1; b0 += ROW_BLOCK) {
    const rb = Math.min(ROW_BLOCK, y1 - b0);
    transposeFrom(acc, N, b0, rb, bins, tmp);
    for (let j = 0; j < rb; j++) {
      rows.backward(tmp.subarray(2 * j * bins, 2 * (j + 1) * bins), row);
      emit(b0 + j, outRow);
    }
  }
}

/** dst[k, r0 + j] = tmp[j, k] for j < rb, k < bins (complex; dst has `stride` complex per k). */
function transposeInto(tmp: Float64Array, rb: number, bins: number, dst: Float64Array, stride: number, r0: number): void {
  const tb = 2 * bins;
  for (let k = 0; k < bins; k++) {
    for (let j = 0, d = 2 * (k * stride + r0), s = 2 * k; j < rb; j++, d += 2, s += tb) {
      dst[d] = tmp[s];
      dst[d + 1] = tmp[s + 1];
    }
  }
}

/** tmp[j, k] = src[k, r0 + j] for j < rb, k < bins (the inverse of transposeInto). */
function transposeFrom(src: Float64Array, stride: number, r0: number, rb: number, bins: number, tmp: Float64Array): void {
  const tb = 2 * bins;
  for (let k = 0; k < bins; k++) {
    for (let j = 0, s = 2 * (k * stride + r0), d = 2 * k; j < rb; j++, s += 2, d += tb) {
      tmp[d] = src[s];
      tmp[d + 1] = src[s + 1];
    }
  }
}

/** out (+)= S · conj(K), complex interleaved; out may be S or K. */
function conjProduct(S: Float64Array, K: Float64Array, out: Float64Array, accumulate: boolean): void {
  for (let i = 0; i < S.length; i += 2) {
    const re = S[i] * K[i] + S[i + 1] * K[i + 1];
    const im = S[i + 1] * K[i] - S[i] * K[i + 1];
    if (accumulate) {
      out[i] += re;
      out[i + 1] += im;
    } else {
      out[i] = re;
      out[i + 1] = im;
    }
  }
}
