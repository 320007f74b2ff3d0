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
 * splat per k step (15 of x86's 16 vector registers). Scalar fallback: the same packing,
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
    } else {
      for (let i = 0; i < MR; i++) {
        if (i < mr) {
          const s = src + <usize>(i * aRs) * 4;
          for (let p = 0; p < kc; p++) store<f32>(dst + <usize>(p * MR + i) * 4, load<f32>(s + <usize>(p * aCs) * 4));
        } else {
          for (let p = 0; p < kc; p++) store<f32>(dst + <usize>(p * MR + i) * 4, 0);
        }
      }
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
    } else {
      for (let j = 0; j < NR; j++) {
        if (j < nr) {
          const s = src + <usize>(j * bCs) * 4;
          for (let p = 0; p < kc; p++) store<f32>(dst + <usize>(p * NR + j) * 4, load<f32>(s + <usize>(p * bRs) * 4));
        } else {
          for (let p = 0; p < kc; p++) store<f32>(dst + <usize>(p * NR + j) * 4, 0);
        }
      }
    }
    dst += <usize>(kc * NR) * 4;
  }
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
      c00 = f32x4.add(c00, f32x4.mul(a, b0));
      c01 = f32x4.add(c01, f32x4.mul(a, b1));
      a = v128.load32_splat(ap, 4);
      c10 = f32x4.add(c10, f32x4.mul(a, b0));
      c11 = f32x4.add(c11, f32x4.mul(a, b1));
      a = v128.load32_splat(ap, 8);
      c20 = f32x4.add(c20, f32x4.mul(a, b0));
      c21 = f32x4.add(c21, f32x4.mul(a, b1));
      a = v128.load32_splat(ap, 12);
      c30 = f32x4.add(c30, f32x4.mul(a, b0));
      c31 = f32x4.add(c31, f32x4.mul(a, b1));
      a = v128.load32_splat(ap, 16);
      c40 = f32x4.add(c40, f32x4.mul(a, b0));
      c41 = f32x4.add(c41, f32x4.mul(a, b1));
      a = v128.load32_splat(ap, 20);
      c50 = f32x4.add(c50, f32x4.mul(a, b0));
      c51 = f32x4.add(c51, f32x4.mul(a, b1));
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
            if (x0 > 0) memory.fill(o, 0, (<usize>x0) << 2);
            if (sw === 1) {
              memory.copy(o + ((<usize>x0) << 2), src + ((<usize>x0) << 2), (<usize>(x1 - x0)) << 2);
            } else {
              for (let ox = x0; ox < x1; ox++) store<f32>(o + ((<usize>ox) << 2), load<f32>(src + ((<usize>(ox * sw)) << 2)));
            }
            if (x1 < ow) memory.fill(o + ((<usize>x1) << 2), 0, (<usize>(ow - x1)) << 2);
          }
        }
      }
    }
  }
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
