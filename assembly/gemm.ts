/**
 * Single-precision GEMM: C[M, N] = A[M, K] * B[K, N] (+ C when `accumulate`).
 * Reference: src/ref/gemm.ts (gemmRef). Host wrapper: src/wasm/gemm.ts.
 *
 * Buffers (byte pointers into the instance's memory; strides in elements, so a transposed
 * operand is just swapped strides):
 *   A  element (i, p) at aPtr + 4 * (i * aRs + p * aCs)
 *   B  element (p, j) at bPtr + 4 * (p * bRs + j * bCs)
 *   C  [M, ldc] row-major, element (i, j) at cPtr + 4 * (i * ldc + j)
 *   packA  scratch of gemm_pack_a_bytes() bytes,  packB scratch of gemm_pack_b_bytes() bytes
 *
 * Layout of the work (GotoBLAS / BLIS, https://www.cs.utexas.edu/~flame/pubs/blis1_toms_rev3.pdf):
 * for each NC-wide column block of B and each KC-deep slice of K, B's block is packed into
 * NR-wide panels [KC][NR]; for each MC-tall row block of A, A's block is packed into MR-tall
 * panels [KC][MR]; then an MR x NR micro-kernel runs over every pair of panels. Packing pads
 * with zeros, so the micro-kernel always computes a full tile; edge tiles go through a small
 * tile buffer and only their valid part reaches C.
 *
 * SIMD micro-kernel: 6 rows x 8 columns = 12 f32x4 accumulators, 2 B vectors and one A
 * splat per k step (15 of x86's 16 vector registers). Relaxed build: each update is one fused
 * multiply-add (madd), as are the batch-norm element-wise passes. Scalar fallback: the same packing,
 * a 6 x 8 scalar micro-kernel written as plain loops.
 * The accumulation order per output is fixed (k ascending), whatever M, N.
 */

const MR = 6;
const NR = 8;
const MC = 120; // multiple of MR: A block 120 x 256 floats = 120 KiB (L2)
const KC = 256; // B panel KC x NR = 8 KiB (L1)
const NC = 1024; // multiple of NR: B block 256 x 1024 floats = 1 MiB (half the 2 MiB L2, leaving room for A)

export function gemm_pack_a_bytes(): i32 {
  return MC * KC * 4;
}

export function gemm_pack_b_bytes(): i32 {
  return KC * NC * 4 + MR * NR * 4; // plus the edge-tile buffer
}

export function gemm_f32(
  M: i32,
  N: i32,
  K: i32,
  aPtr: usize,
  aRs: i32,
  aCs: i32,
  bPtr: usize,
  bRs: i32,
  bCs: i32,
  cPtr: usize,
  ldc: i32,
  accumulate: i32,
  packA: usize,
  packB: usize,
): void {
  if (M <= 0 || N <= 0) return;
  const tile = packB + <usize>(KC * NC * 4);
  if (K <= 0) {
    if (accumulate === 0) for (let i = 0; i < M; i++) memory.fill(cPtr + <usize>(i * ldc) * 4, 0, <usize>N * 4);
    return;
  }
  for (let jc = 0; jc < N; jc += NC) {
    const nc = min(NC, N - jc);
    for (let pc = 0; pc < K; pc += KC) {
      const kc = min(KC, K - pc);
      const acc = pc > 0 || accumulate !== 0;
      packBBlock(bPtr + (<usize>pc * bRs + <usize>jc * bCs) * 4, bRs, bCs, kc, nc, packB);
      for (let ic = 0; ic < M; ic += MC) {
        const mc = min(MC, M - ic);
        packABlock(aPtr + (<usize>ic * aRs + <usize>pc * aCs) * 4, aRs, aCs, mc, kc, packA);
        for (let jr = 0; jr < nc; jr += NR) {
          const nr = min(NR, nc - jr);
          const bp = packB + <usize>(jr * kc) * 4;
          for (let ir = 0; ir < mc; ir += MR) {
            const mr = min(MR, mc - ir);
            const ap = packA + <usize>(ir * kc) * 4;
            const cp = cPtr + (<usize>(ic + ir) * ldc + <usize>(jc + jr)) * 4;
            if (mr === MR && nr === NR) {
              micro(kc, ap, bp, cp, ldc, acc);
            } else {
              micro(kc, ap, bp, tile, NR, false);
              for (let i = 0; i < mr; i++) {
                for (let j = 0; j < nr; j++) {
                  const d = cp + (<usize>i * ldc + <usize>j) * 4;
                  const v = load<f32>(tile + <usize>(i * NR + j) * 4);
                  store<f32>(d, acc ? load<f32>(d) + v : v);
                }
              }
            }
          }
        }
      }
    }
  }
}

/** A block [mc, kc] into MR-row panels: panel r holds [kc][MR], rows past mc are zero. */
function packABlock(a: usize, aRs: i32, aCs: i32, mc: i32, kc: i32, dst: usize): void {
  for (let ir = 0; ir < mc; ir += MR) {
    const mr = min(MR, mc - ir);
    const src = a + <usize>(ir * aRs) * 4;
    if (aRs === 1 && mr === MR) {
      // Column-major A (a transposed operand): each k step is MR contiguous floats.
      for (let p = 0; p < kc; p++) {
        const s = src + <usize>(p * aCs) * 4;
        const d = dst + <usize>(p * MR) * 4;
        store<u64>(d, load<u64>(s));
        store<u64>(d, load<u64>(s, 8), 8);
        store<u64>(d, load<u64>(s, 16), 16);
      }
    } else if (ASC_FEATURE_SIMD && aCs === 1 && mr === MR) {
      // Row-major A: 4 k steps of the 6 rows at a time, transposed in registers.
      let p = 0;
      for (; p + 4 <= kc; p += 4) {
        const s = src + ((<usize>p) << 2);
        const rs = (<usize>aRs) << 2;
        const t0 = v128.load(s);
        const t1 = v128.load(s + rs);
        const t2 = v128.load(s + 2 * rs);
        const t3 = v128.load(s + 3 * rs);
        const e = v128.load(s + 4 * rs);
        const f = v128.load(s + 5 * rs);
        const lo = v128.shuffle<f32>(e, f, 0, 4, 1, 5); // [e0 f0 e1 f1]
        const hi = v128.shuffle<f32>(e, f, 2, 6, 3, 7); // [e2 f2 e3 f3]
        const d = dst + <usize>(p * MR) * 4;
        transpose4(t0, t1, t2, t3, d, MR * 4);
        store<u64>(d + 16, i64x2.extract_lane(lo, 0));
        store<u64>(d + 16 + MR * 4, i64x2.extract_lane(lo, 1));
        store<u64>(d + 16 + 2 * MR * 4, i64x2.extract_lane(hi, 0));
        store<u64>(d + 16 + 3 * MR * 4, i64x2.extract_lane(hi, 1));
      }
      packPanel(src, aRs, 1, p, kc, MR, MR, dst);
    } else {
      packPanel(src, aRs, aCs, 0, kc, MR, mr, dst);
    }
    dst += <usize>(kc * MR) * 4;
  }
}

/** B block [kc, nc] into NR-column panels: panel c holds [kc][NR], columns past nc are zero. */
function packBBlock(b: usize, bRs: i32, bCs: i32, kc: i32, nc: i32, dst: usize): void {
  for (let jr = 0; jr < nc; jr += NR) {
    const nr = min(NR, nc - jr);
    const src = b + <usize>(jr * bCs) * 4;
    if (bCs === 1 && nr === NR) {
      for (let p = 0; p < kc; p++) {
        const s = src + <usize>(p * bRs) * 4;
        const d = dst + <usize>(p * NR) * 4;
        if (ASC_FEATURE_SIMD) {
          v128.store(d, v128.load(s));
          v128.store(d, v128.load(s, 16), 16);
        } else {
          store<u64>(d, load<u64>(s));
          store<u64>(d, load<u64>(s, 8), 8);
          store<u64>(d, load<u64>(s, 16), 16);
          store<u64>(d, load<u64>(s, 24), 24);
        }
      }
    } else if (ASC_FEATURE_SIMD && bRs === 1 && nr === NR) {
      // B stored transposed ([n, k], e.g. im2col columns for the filter gradient): 4 k steps
      // of the 8 columns at a time, transposed in registers.
      const cs = (<usize>bCs) << 2;
      let p = 0;
      for (; p + 4 <= kc; p += 4) {
        const s = src + ((<usize>p) << 2);
        const d = dst + <usize>(p * NR) * 4;
        transpose4(v128.load(s), v128.load(s + cs), v128.load(s + 2 * cs), v128.load(s + 3 * cs), d, NR * 4);
        transpose4(v128.load(s + 4 * cs), v128.load(s + 5 * cs), v128.load(s + 6 * cs), v128.load(s + 7 * cs), d + 16, NR * 4);
      }
      packPanel(src, bCs, 1, p, kc, NR, NR, dst);
    } else {
      packPanel(src, bCs, bRs, 0, kc, NR, nr, dst);
    }
    dst += <usize>(kc * NR) * 4;
  }
}

/**
 * Steps [p0, kc) of one panel, element by element: dst[p * width + i] = src[i * lineStride + p * stepStride]
 * for the `valid` lines i < valid, 0 for the lines past them (the edge panel of a block).
 */
function packPanel(src: usize, lineStride: i32, stepStride: i32, p0: i32, kc: i32, width: i32, valid: i32, dst: usize): void {
  for (let i = 0; i < width; i++) {
    const s = src + <usize>(i * lineStride) * 4;
    if (i < valid) for (let p = p0; p < kc; p++) store<f32>(dst + <usize>(p * width + i) * 4, load<f32>(s + <usize>(p * stepStride) * 4));
    else for (let p = p0; p < kc; p++) store<f32>(dst + <usize>(p * width + i) * 4, 0);
  }
}

/**
 * Rows a, b, c, d (4 floats each) written as columns: d0 + q * stride gets [a_q, b_q, c_q, d_q]
 * for q < 4 (a 4 x 4 transpose in registers).
 */
function transpose4(a: v128, b: v128, c: v128, d: v128, dst: usize, stride: usize): void {
  const t0 = v128.shuffle<f32>(a, b, 0, 4, 1, 5); // [a0 b0 a1 b1]
  const t1 = v128.shuffle<f32>(a, b, 2, 6, 3, 7); // [a2 b2 a3 b3]
  const t2 = v128.shuffle<f32>(c, d, 0, 4, 1, 5); // [c0 d0 c1 d1]
  const t3 = v128.shuffle<f32>(c, d, 2, 6, 3, 7); // [c2 d2 c3 d3]
  v128.store(dst, v128.shuffle<f32>(t0, t2, 0, 1, 4, 5));
  v128.store(dst + stride, v128.shuffle<f32>(t0, t2, 2, 3, 6, 7));
  v128.store(dst + 2 * stride, v128.shuffle<f32>(t1, t3, 0, 1, 4, 5));
  v128.store(dst + 3 * stride, v128.shuffle<f32>(t1, t3, 2, 3, 6, 7));
}

/**
 * acc + x·t per f32 lane: one fused multiply-add in the relaxed build (rounded once: results may
 * differ from the plain SIMD build in the last bit), a multiply and an add otherwise.
 */
function madd(acc: v128, x: v128, t: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(x, t, acc);
  return f32x4.add(acc, f32x4.mul(x, t));
}

/** C[6, 8] (row stride ldc elements) = (C +) Apanel[kc][6] * Bpanel[kc][8]. */
function micro(kc: i32, ap: usize, bp: usize, cp: usize, ldc: i32, acc: bool): void {
  if (ASC_FEATURE_SIMD) {
    let c00 = f32x4.splat(0);
    let c01 = c00;
    let c10 = c00;
    let c11 = c00;
    let c20 = c00;
    let c21 = c00;
    let c30 = c00;
    let c31 = c00;
    let c40 = c00;
    let c41 = c00;
    let c50 = c00;
    let c51 = c00;
    for (let p = 0; p < kc; p++) {
      const b0 = v128.load(bp);
      const b1 = v128.load(bp, 16);
      let a = v128.load32_splat(ap);
      c00 = madd(c00, a, b0);
      c01 = madd(c01, a, b1);
      a = v128.load32_splat(ap, 4);
      c10 = madd(c10, a, b0);
      c11 = madd(c11, a, b1);
      a = v128.load32_splat(ap, 8);
      c20 = madd(c20, a, b0);
      c21 = madd(c21, a, b1);
      a = v128.load32_splat(ap, 12);
      c30 = madd(c30, a, b0);
      c31 = madd(c31, a, b1);
      a = v128.load32_splat(ap, 16);
      c40 = madd(c40, a, b0);
      c41 = madd(c41, a, b1);
      a = v128.load32_splat(ap, 20);
      c50 = madd(c50, a, b0);
      c51 = madd(c51, a, b1);
      ap += MR * 4;
      bp += NR * 4;
    }
    const rs = <usize>ldc * 4;
    storeRow(cp, c00, c01, acc);
    storeRow(cp + rs, c10, c11, acc);
    storeRow(cp + 2 * rs, c20, c21, acc);
    storeRow(cp + 3 * rs, c30, c31, acc);
    storeRow(cp + 4 * rs, c40, c41, acc);
    storeRow(cp + 5 * rs, c50, c51, acc);
  } else {
    for (let i = 0; i < MR; i++) {
      for (let j = 0; j < NR; j++) {
        let s: f32 = 0;
        for (let p = 0; p < kc; p++) s += load<f32>(ap + <usize>(p * MR + i) * 4) * load<f32>(bp + <usize>(p * NR + j) * 4);
        const d = cp + (<usize>i * ldc + <usize>j) * 4;
        store<f32>(d, acc ? load<f32>(d) + s : s);
      }
    }
  }
}

function storeRow(d: usize, v0: v128, v1: v128, acc: bool): void {
  if (acc) {
    v128.store(d, f32x4.add(v128.load(d), v0));
    v128.store(d, f32x4.add(v128.load(d, 16), v1), 16);
  } else {
    v128.store(d, v0);
    v128.store(d, v1, 16);
  }
}

/**
 * im2col feeding the GEMM (reference: src/nn/im2col.ts, im2col): col [cg*kh*kw, n*oh*ow]
 * from channels [c0, c0 + cg) of x [n, c, h, w], zero where the window reads padding.
 * `geo` points at 14 i32: n, c, h, w, kh, kw, sh, sw, pt, pl, dh, dw, oh, ow.
 */
export function im2col_f32(xPtr: usize, geo: usize, c0: i32, cg: i32, colPtr: usize): void {
  const n = load<i32>(geo);
  const c = load<i32>(geo, 4);
  const h = load<i32>(geo, 8);
  const w = load<i32>(geo, 12);
  const kh = load<i32>(geo, 16);
  const kw = load<i32>(geo, 20);
  const sh = load<i32>(geo, 24);
  const sw = load<i32>(geo, 28);
  const pt = load<i32>(geo, 32);
  const pl = load<i32>(geo, 36);
  const dh = load<i32>(geo, 40);
  const dw = load<i32>(geo, 44);
  const oh = load<i32>(geo, 48);
  const ow = load<i32>(geo, 52);
  const P = n * oh * ow;
  for (let ci = 0; ci < cg; ci++) {
    for (let i = 0; i < kh; i++) {
      const y0 = rangeLo(sh, pt, i * dh);
      const y1 = max(y0, rangeHi(oh, sh, pt, i * dh, h));
      for (let j = 0; j < kw; j++) {
        const x0 = min(ow, rangeLo(sw, pl, j * dw));
        const x1 = max(x0, rangeHi(ow, sw, pl, j * dw, w));
        const row = colPtr + ((<usize>(((ci * kh + i) * kw + j) * P)) << 2);
        for (let b = 0; b < n; b++) {
          const plane = xPtr + ((<usize>((b * c + c0 + ci) * h * w)) << 2);
          const ob = row + ((<usize>(b * oh * ow)) << 2);
          const yEnd = min(y1, oh);
          if (y0 > 0) memory.fill(ob, 0, (<usize>(min(y0, oh) * ow)) << 2);
          if (yEnd < oh) memory.fill(ob + ((<usize>(yEnd * ow)) << 2), 0, (<usize>((oh - yEnd) * ow)) << 2);
          for (let oy = y0; oy < yEnd; oy++) {
            const o = ob + ((<usize>(oy * ow)) << 2);
            const src = plane + ((<usize>((oy * sh - pt + i * dh) * w - pl + j * dw)) << 2);
            for (let ox = 0; ox < x0; ox++) store<f32>(o + ((<usize>ox) << 2), 0);
            if (sw === 1) {
              copyRow(o + ((<usize>x0) << 2), src + ((<usize>x0) << 2), x1 - x0);
            } else {
              for (let ox = x0; ox < x1; ox++) store<f32>(o + ((<usize>ox) << 2), load<f32>(src + ((<usize>(ox * sw)) << 2)));
            }
            for (let ox = x1; ox < ow; ox++) store<f32>(o + ((<usize>ox) << 2), 0);
          }
        }
      }
    }
  }
}

/**
 * dst[0, len) = src[0, len) for the short rows of im2col (a few dozen floats: inline vector
 * moves, where memory.copy would pay a call per row).
 */
function copyRow(dst: usize, src: usize, len: i32): void {
  let q = 0;
  if (ASC_FEATURE_SIMD) for (; q + 4 <= len; q += 4) v128.store(dst + ((<usize>q) << 2), v128.load(src + ((<usize>q) << 2)));
  for (; q < len; q++) store<f32>(dst + ((<usize>q) << 2), load<f32>(src + ((<usize>q) << 2)));
}

/** First output o >= 0 with o*s - p + off >= 0. */
function rangeLo(s: i32, p: i32, off: i32): i32 {
  const d = p - off;
  return d <= 0 ? 0 : (d + s - 1) / s;
}

/** One past the last output o < out with o*s - p + off <= size - 1. */
function rangeHi(out: i32, s: i32, p: i32, off: i32, size: i32): i32 {
  const d = size - 1 + p - off;
  return d < 0 ? 0 : min(out, d / s + 1);
}

/**
 * col2im, the adjoint of im2col_f32 (reference: src/nn/im2col.ts, col2im): dx[b, c0 + ci, …]
 * += col [cg*kh*kw, n*oh*ow] scattered back; `geo` as for im2col_f32.
 */
export function col2im_f32(colPtr: usize, geo: usize, c0: i32, cg: i32, dxPtr: usize): void {
  const n = load<i32>(geo);
  const c = load<i32>(geo, 4);
  const h = load<i32>(geo, 8);
  const w = load<i32>(geo, 12);
  const kh = load<i32>(geo, 16);
  const kw = load<i32>(geo, 20);
  const sh = load<i32>(geo, 24);
  const sw = load<i32>(geo, 28);
  const pt = load<i32>(geo, 32);
  const pl = load<i32>(geo, 36);
  const dh = load<i32>(geo, 40);
  const dw = load<i32>(geo, 44);
  const oh = load<i32>(geo, 48);
  const ow = load<i32>(geo, 52);
  const P = n * oh * ow;
  for (let ci = 0; ci < cg; ci++) {
    for (let i = 0; i < kh; i++) {
      const y0 = rangeLo(sh, pt, i * dh);
      const y1 = min(oh, max(y0, rangeHi(oh, sh, pt, i * dh, h)));
      for (let j = 0; j < kw; j++) {
        const x0 = min(ow, rangeLo(sw, pl, j * dw));
        const x1 = max(x0, rangeHi(ow, sw, pl, j * dw, w));
        const row = colPtr + ((<usize>(((ci * kh + i) * kw + j) * P)) << 2);
        for (let b = 0; b < n; b++) {
          const plane = dxPtr + ((<usize>((b * c + c0 + ci) * h * w)) << 2);
          const ob = row + ((<usize>(b * oh * ow)) << 2);
          for (let oy = y0; oy < y1; oy++) {
            const o = ob + ((<usize>(oy * ow)) << 2);
            const dst = plane + ((<usize>((oy * sh - pt + i * dh) * w - pl + j * dw)) << 2);
            let ox = x0;
            if (ASC_FEATURE_SIMD) {
              if (sw === 1) {
                for (; ox + 4 <= x1; ox += 4) {
                  const d = dst + ((<usize>ox) << 2);
                  v128.store(d, f32x4.add(v128.load(d), v128.load(o + ((<usize>ox) << 2))));
                }
              }
            }
            for (; ox < x1; ox++) {
              const d = dst + ((<usize>(ox * sw)) << 2);
              store<f32>(d, load<f32>(d) + load<f32>(o + ((<usize>ox) << 2)));
            }
          }
        }
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Layer epilogues and element-wise passes of the CNN engine (src/nn): the float32 fast paths
// of the plain-TS loops they name, SIMD with scalar tails.

/**
 * y[b, o0 + co, q] = m[co, b*p + q] + bias[o0 + co] for co < mg, b < n, q < p: GEMM columns
 * [mg, n*p] to NCHW [n, cTot, p] (reference: src/nn/im2col.ts, colsToNchw). biasPtr 0 = none.
 */
export function cols_to_nchw_f32(m: usize, n: i32, mg: i32, p: i32, o0: i32, cTot: i32, y: usize, biasPtr: usize): void {
  for (let co = 0; co < mg; co++) {
    const bv: f32 = biasPtr === 0 ? 0 : load<f32>(biasPtr + ((<usize>(o0 + co)) << 2));
    for (let b = 0; b < n; b++) {
      const src = m + ((<usize>(co * n * p + b * p)) << 2);
      const dst = y + ((<usize>((b * cTot + o0 + co) * p)) << 2);
      let q = 0;
      if (ASC_FEATURE_SIMD) {
        const bb = f32x4.splat(bv);
        for (; q + 4 <= p; q += 4) v128.store(dst + ((<usize>q) << 2), f32x4.add(v128.load(src + ((<usize>q) << 2)), bb));
      }
      for (; q < p; q++) store<f32>(dst + ((<usize>q) << 2), load<f32>(src + ((<usize>q) << 2)) + bv);
    }
  }
}

/**
 * m[co, b*p + q] = y[b, o0 + co, q] (reference: src/nn/im2col.ts, nchwToCols); when gbPtr is
 * not 0 also gb[o0 + co] += sum over b, q of y (the bias gradient of dy).
 */
export function nchw_to_cols_f32(y: usize, n: i32, mg: i32, p: i32, o0: i32, cTot: i32, m: usize, gbPtr: usize): void {
  for (let co = 0; co < mg; co++) {
    let s: f32 = 0;
    for (let b = 0; b < n; b++) {
      const dst = m + ((<usize>(co * n * p + b * p)) << 2);
      const src = y + ((<usize>((b * cTot + o0 + co) * p)) << 2);
      memory.copy(dst, src, (<usize>p) << 2);
      if (gbPtr !== 0) s += sum_f32(src, p);
    }
    if (gbPtr !== 0) {
      const g = gbPtr + ((<usize>(o0 + co)) << 2);
      store<f32>(g, load<f32>(g) + s);
    }
  }
}

/** Sum of x[0, n) (four SIMD lanes, then the tail; the order is fixed for a given n). */
function sum_f32(x: usize, n: i32): f32 {
  let i = 0;
  let s: f32 = 0;
  if (ASC_FEATURE_SIMD) {
    let acc = f32x4.splat(0);
    for (; i + 4 <= n; i += 4) acc = f32x4.add(acc, v128.load(x + ((<usize>i) << 2)));
    s = f32x4.extract_lane(acc, 0) + f32x4.extract_lane(acc, 1) + (f32x4.extract_lane(acc, 2) + f32x4.extract_lane(acc, 3));
  }
  for (; i < n; i++) s += load<f32>(x + ((<usize>i) << 2));
  return s;
}

/** y = max(x, 0) elementwise over n floats (NaN stays NaN; reference: ReLU.forward). */
export function relu_f32(x: usize, y: usize, n: i32): void {
  let i = 0;
  if (ASC_FEATURE_SIMD) {
    const z = f32x4.splat(0);
    for (; i + 4 <= n; i += 4) v128.store(y + ((<usize>i) << 2), f32x4.max(v128.load(x + ((<usize>i) << 2)), z));
  }
  for (; i < n; i++) {
    const v = load<f32>(x + ((<usize>i) << 2));
    // biome-ignore lint/suspicious/noGlobalIsNan: AssemblyScript's isNaN<f32> builtin, not the JS global
    store<f32>(y + ((<usize>i) << 2), v > 0 || isNaN(v) ? v : 0);
  }
}

/** dx = x > 0 ? dy : 0 elementwise over n floats (reference: ReLU.backward). */
export function relu_grad_f32(dy: usize, x: usize, dx: usize, n: i32): void {
  let i = 0;
  if (ASC_FEATURE_SIMD) {
    const z = f32x4.splat(0);
    for (; i + 4 <= n; i += 4) {
      const o = (<usize>i) << 2;
      v128.store(dx + o, v128.and(v128.load(dy + o), f32x4.gt(v128.load(x + o), z)));
    }
  }
  for (; i < n; i++) {
    const o = (<usize>i) << 2;
    store<f32>(dx + o, load<f32>(x + o) > 0 ? load<f32>(dy + o) : 0);
  }
}

/**
 * 2 x 2 max pooling, stride 2, no padding, over `planes` planes [h, w] -> [oh, ow]; am gets
 * the flat input index of each maximum (the first one in row-major window order wins, as in
 * PyTorch; reference: src/nn/layers/pool.ts, pool2x2).
 */
export function maxpool2x2_f32(x: usize, planes: i32, h: i32, w: i32, oh: i32, ow: i32, y: usize, am: usize): void {
  let o: usize = 0;
  for (let plane = 0; plane < planes; plane++) {
    const base = plane * h * w;
    for (let oy = 0; oy < oh; oy++) {
      const r0 = base + 2 * oy * w;
      let ox = 0;
      if (ASC_FEATURE_SIMD) {
        // Four outputs at a time, branch-free: the same strict > comparisons in the same order.
        const wv = i32x4.splat(w);
        const one = i32x4.splat(1);
        for (; ox + 4 <= ow; ox += 4) {
          const s0 = x + ((<usize>(r0 + 2 * ox)) << 2);
          const s1 = s0 + ((<usize>w) << 2);
          const u0 = v128.load(s0);
          const u1 = v128.load(s0, 16);
          const l0 = v128.load(s1);
          const l1 = v128.load(s1, 16);
          const ia = i32x4.add(i32x4.splat(r0 + 2 * ox), i32x4(0, 2, 4, 6));
          let best = v128.shuffle<f32>(u0, u1, 0, 2, 4, 6);
          let idx = ia;
          let v = v128.shuffle<f32>(u0, u1, 1, 3, 5, 7);
          let m = f32x4.gt(v, best);
          best = v128.bitselect(v, best, m);
          idx = v128.bitselect(i32x4.add(ia, one), idx, m);
          v = v128.shuffle<f32>(l0, l1, 0, 2, 4, 6);
          m = f32x4.gt(v, best);
          best = v128.bitselect(v, best, m);
          idx = v128.bitselect(i32x4.add(ia, wv), idx, m);
          v = v128.shuffle<f32>(l0, l1, 1, 3, 5, 7);
          m = f32x4.gt(v, best);
          best = v128.bitselect(v, best, m);
          idx = v128.bitselect(i32x4.add(i32x4.add(ia, wv), one), idx, m);
          v128.store(y + (o << 2), best);
          v128.store(am + (o << 2), idx);
          o += 4;
        }
      }
      for (; ox < ow; ox++) {
        let at = r0 + 2 * ox;
        let best = load<f32>(x + ((<usize>at) << 2));
        let v = load<f32>(x + ((<usize>(at + 1)) << 2));
        if (v > best) {
          best = v;
          at = r0 + 2 * ox + 1;
        }
        const r1 = r0 + w + 2 * ox;
        v = load<f32>(x + ((<usize>r1) << 2));
        if (v > best) {
          best = v;
          at = r1;
        }
        v = load<f32>(x + ((<usize>(r1 + 1)) << 2));
        if (v > best) {
          best = v;
          at = r1 + 1;
        }
        store<f32>(y + (o << 2), best);
        store<i32>(am + (o << 2), at);
        o++;
      }
    }
  }
}

/** dx[0, size) = 0, then dx[am[i]] += dy[i] for i < count (the max-pool gradient). */
export function maxpool_grad_f32(dy: usize, am: usize, count: i32, dx: usize, size: i32): void {
  memory.fill(dx, 0, (<usize>size) << 2);
  for (let i = 0; i < count; i++) {
    const d = dx + ((<usize>load<i32>(am + ((<usize>i) << 2))) << 2);
    store<f32>(d, load<f32>(d) + load<f32>(dy + ((<usize>i) << 2)));
  }
}

/**
 * Batch-norm statistics of x [n, c, p] (reference: src/nn/layers/batchnorm.ts, the training
 * branch of BatchNorm.forward): for every channel ch, mean[ch] = sum / (n*p) and
 * ss[ch] = sum of (x - mean)^2, both f64 (each plane summed in four f32 lanes, then added in f64).
 */
export function bn_stats_f32(x: usize, n: i32, c: i32, p: i32, mean: usize, ss: usize): void {
  const m = <f64>n * <f64>p;
  for (let ch = 0; ch < c; ch++) {
    let s: f64 = 0;
    for (let b = 0; b < n; b++) s += <f64>sum_f32(x + ((<usize>((b * c + ch) * p)) << 2), p);
    const mu = s / m;
    let v: f64 = 0;
    const mf = <f32>mu;
    for (let b = 0; b < n; b++) {
      const o = x + ((<usize>((b * c + ch) * p)) << 2);
      let i = 0;
      let t: f32 = 0;
      if (ASC_FEATURE_SIMD) {
        const mm = f32x4.splat(mf);
        let acc = f32x4.splat(0);
        for (; i + 4 <= p; i += 4) {
          const d = f32x4.sub(v128.load(o + ((<usize>i) << 2)), mm);
          acc = f32x4.add(acc, f32x4.mul(d, d)); // not madd: one chain, where a madd's latency (4) exceeds an add's
        }
        t = f32x4.extract_lane(acc, 0) + f32x4.extract_lane(acc, 1) + (f32x4.extract_lane(acc, 2) + f32x4.extract_lane(acc, 3));
      }
      for (; i < p; i++) {
        const d = load<f32>(o + ((<usize>i) << 2)) - mf;
        t += d * d;
      }
      v += <f64>t;
    }
    store<f64>(mean + ((<usize>ch) << 3), mu);
    store<f64>(ss + ((<usize>ch) << 3), v);
  }
}

/**
 * y = x * scale[ch] + shift[ch] over x [n, c, p] (the normalisation of BatchNorm.forward with
 * scale = gamma / std, shift = beta - mean * scale; f32 vectors scale, shift [c]); with `relu`
 * not 0 also y = max(y, 0) (a BatchNorm fused with the ReLU after it; NaN stays NaN, as relu_f32).
 */
export function bn_apply_f32(x: usize, n: i32, c: i32, p: i32, scale: usize, shift: usize, y: usize, relu: i32): void {
  for (let b = 0; b < n; b++) {
    for (let ch = 0; ch < c; ch++) {
      const a = load<f32>(scale + ((<usize>ch) << 2));
      const d = load<f32>(shift + ((<usize>ch) << 2));
      const off = (<usize>((b * c + ch) * p)) << 2;
      const xs = x + off;
      const ys = y + off;
      let i = 0;
      if (ASC_FEATURE_SIMD) {
        const av = f32x4.splat(a);
        const dv = f32x4.splat(d);
        if (relu !== 0) {
          const z = f32x4.splat(0);
          for (; i + 4 <= p; i += 4) {
            const o = (<usize>i) << 2;
            v128.store(ys + o, f32x4.max(madd(dv, v128.load(xs + o), av), z));
          }
        } else {
          for (; i + 4 <= p; i += 4) {
            const o = (<usize>i) << 2;
            v128.store(ys + o, madd(dv, v128.load(xs + o), av));
          }
        }
      }
      for (; i < p; i++) {
        const o = (<usize>i) << 2;
        const v = load<f32>(xs + o) * a + d;
        // biome-ignore lint/suspicious/noGlobalIsNan: AssemblyScript's isNaN<f32> builtin, not the JS global
        store<f32>(ys + o, relu === 0 || v > 0 || isNaN(v) ? v : 0);
      }
    }
  }
}

/**
 * Batch-norm backward in training mode (reference: BatchNorm.backward), x [n, c, p] the
 * forward's input, dy its output gradient, mean and invStd f64 [c], gamma f32 [c]:
 *   xhat = (x - mean) invStd,  sdy = sum dy,  sdyx = sum dy xhat   (f64 sums per channel)
 *   gg[ch] += sdyx, gb[ch] += sdy (f32 [c]),  when withDx != 0:
 *   dx = gamma invStd / m (m dy - sdy - xhat sdyx)      (m = n p)
 * or, when the forward ran in inference mode (trained = 0; mean, invStd the running ones),
 *   dx = gamma invStd dy.
 * With relu not 0 (the forward was fused with a ReLU and y is its output), dy is first replaced
 * in place by dy * (y > 0), the ReLU's backward.
 */
export function bn_grad_f32(
  dy: usize,
  x: usize,
  n: i32,
  c: i32,
  p: i32,
  mean: usize,
  invStd: usize,
  gamma: usize,
  gg: usize,
  gb: usize,
  dx: usize,
  withDx: i32,
  trained: i32,
  relu: i32,
  y: usize,
): void {
  const m = <f64>n * <f64>p;
  if (relu !== 0) relu_grad_f32(dy, y, dy, n * c * p);
  for (let ch = 0; ch < c; ch++) {
    const mu = <f32>load<f64>(mean + ((<usize>ch) << 3));
    const inv = load<f64>(invStd + ((<usize>ch) << 3));
    let sdy: f64 = 0;
    let sdxm: f64 = 0; // sum dy (x - mean)
    for (let b = 0; b < n; b++) {
      const off = (<usize>((b * c + ch) * p)) << 2;
      const ds = dy + off;
      const xs = x + off;
      let i = 0;
      let s: f32 = 0;
      let t: f32 = 0;
      if (ASC_FEATURE_SIMD) {
        const mv = f32x4.splat(mu);
        let as = f32x4.splat(0);
        let at = f32x4.splat(0);
        for (; i + 4 <= p; i += 4) {
          const o = (<usize>i) << 2;
          const d = v128.load(ds + o);
          as = f32x4.add(as, d);
          at = f32x4.add(at, f32x4.mul(d, f32x4.sub(v128.load(xs + o), mv))); // not madd (see bn_stats_f32)
        }
        s = f32x4.extract_lane(as, 0) + f32x4.extract_lane(as, 1) + (f32x4.extract_lane(as, 2) + f32x4.extract_lane(as, 3));
        t = f32x4.extract_lane(at, 0) + f32x4.extract_lane(at, 1) + (f32x4.extract_lane(at, 2) + f32x4.extract_lane(at, 3));
      }
      for (; i < p; i++) {
        const o = (<usize>i) << 2;
        const d = load<f32>(ds + o);
        s += d;
        t += d * (load<f32>(xs + o) - mu);
      }
      sdy += <f64>s;
      sdxm += <f64>t;
    }
    const sdyx = sdxm * inv;
    const gp = gg + ((<usize>ch) << 2);
    store<f32>(gp, load<f32>(gp) + <f32>sdyx);
    const bp = gb + ((<usize>ch) << 2);
    store<f32>(bp, load<f32>(bp) + <f32>sdy);
    if (withDx === 0) continue;
    const k = <f64>load<f32>(gamma + ((<usize>ch) << 2)) * inv;
    // dx = k dy - k sdy / m - k inv sdyx / m (x - mean) = A dy + B (x - mean) + C
    const A = <f32>k;
    const B = trained !== 0 ? <f32>((-k * inv * sdyx) / m) : 0;
    const C = trained !== 0 ? <f32>((-k * sdy) / m) : 0;
    for (let b = 0; b < n; b++) {
      const off = (<usize>((b * c + ch) * p)) << 2;
      const ds = dy + off;
      const xs = x + off;
      const os = dx + off;
      let i = 0;
      if (ASC_FEATURE_SIMD) {
        const av = f32x4.splat(A);
        const bv = f32x4.splat(B);
        const cv = f32x4.splat(C);
        const mv = f32x4.splat(mu);
        for (; i + 4 <= p; i += 4) {
          const o = (<usize>i) << 2;
          const d = v128.load(ds + o);
          const xm = f32x4.sub(v128.load(xs + o), mv);
          // Relaxed: A dy + (B (x - mean) + C), two fused multiply-adds; otherwise (A dy + B (x - mean)) + C.
          if (ASC_FEATURE_RELAXED_SIMD) v128.store(os + o, madd(madd(cv, bv, xm), av, d));
          else v128.store(os + o, f32x4.add(madd(f32x4.mul(av, d), bv, xm), cv));
        }
      }
      for (; i < p; i++) {
        const o = (<usize>i) << 2;
        store<f32>(os + o, A * load<f32>(ds + o) + B * (load<f32>(xs + o) - mu) + C);
      }
    }
  }
}
