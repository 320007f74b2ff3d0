/**
 * Direct 2-D correlation, "valid" mode: out[r, c] = sum_{i<kh, j<kw} in[r + i, c + j] * k[i, j].
 * Reference: src/ref/conv2d.ts (correlate2dValidRef). Host wrapper: src/wasm/conv2d.ts.
 *
 * Buffers (C order, byte pointers into the instance's memory):
 *   in  [inH, inW]                   T
 *   k   [kh, kw]                     T
 *   out [inH - kh + 1, inW - kw + 1] T
 *
 * SIMD (f32x4 / f64x2): vectors run along the output row, kernel taps are broadcast, and a
 * register block of 2 output rows x 4 vectors (8 independent accumulators, enough to hide
 * the add latency) shares each input load between both rows; tails use 1x4 and 2x1 vectors,
 * then scalars.
 * 3x3 taps (W3): pairs3x3, fully unrolled with the nine taps held in registers, 2 output rows
 * x 2 vectors (in-cache 4096² f32: 12.5 -> 9.8 ms, 15.4 GMAC/s, as fast per tap as 7x7).
 * Relaxed build: each tap is one fused multiply-add (madd), half the arithmetic instructions.
 * Scalar fallback: 2 rows x 4 columns of scalar accumulators.
 * The accumulation order per output is fixed: taps row by row, left to right.
 */

export function corr2d_valid_f32(inPtr: usize, inH: i32, inW: i32, kPtr: usize, kh: i32, kw: i32, outPtr: usize): void {
  corr2dValid<f32>(inPtr, inH, inW, inW, kPtr, kh, kw, outPtr);
}

export function corr2d_valid_f64(inPtr: usize, inH: i32, inW: i32, kPtr: usize, kh: i32, kw: i32, outPtr: usize): void {
  corr2dValid<f64>(inPtr, inH, inW, inW, kPtr, kh, kw, outPtr);
}

/**
 * As corr2d_valid_f32 with input rows `inStride` elements apart (inStride >= inW): the host
 * places rows so that copies from a SharedArrayBuffer keep their word alignment.
 */
export function corr2d_valid_strided_f32(
  inPtr: usize,
  inH: i32,
  inW: i32,
  inStride: i32,
  kPtr: usize,
  kh: i32,
  kw: i32,
  outPtr: usize,
): void {
  corr2dValid<f32>(inPtr, inH, inW, inStride, kPtr, kh, kw, outPtr);
}

export function corr2d_valid_strided_f64(
  inPtr: usize,
  inH: i32,
  inW: i32,
  inStride: i32,
  kPtr: usize,
  kh: i32,
  kw: i32,
  outPtr: usize,
): void {
  corr2dValid<f64>(inPtr, inH, inW, inStride, kPtr, kh, kw, outPtr);
}

/**
 * acc + x·t per lane: one fused multiply-add in the relaxed build (rounded once: results may
 * differ from the plain SIMD build in the last bit), a multiply and an add otherwise.
 */
function madd<T>(acc: v128, x: v128, t: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return v128.relaxed_madd<T>(x, t, acc);
  return v128.add<T>(acc, v128.mul<T>(x, t));
}

function corr2dValid<T>(inPtr: usize, inH: i32, inW: i32, inRow: i32, kPtr: usize, kh: i32, kw: i32, outPtr: usize): void {
  const outH = inH - kh + 1;
  const outW = inW - kw + 1;
  if (outH <= 0 || outW <= 0) return;
  const inStride = <usize>inRow * sizeof<T>();
  const outStride = <usize>outW * sizeof<T>();
  let r = 0;
  for (; r + 2 <= outH; r += 2) {
    rows<T>(2, inPtr + <usize>r * inStride, inStride, kPtr, kh, kw, outPtr + <usize>r * outStride, outStride, outW);
  }
  if (r < outH) rows<T>(1, inPtr + <usize>r * inStride, inStride, kPtr, kh, kw, outPtr + <usize>r * outStride, outStride, outW);
}

/**
 * 3x3 taps, 2 output rows x 4 vectors, unrolled: the tap loops of block2x4 cost a third of a
 * 3x3 kernel's time. Same accumulation order as block2x4 (and dot): bit-identical results.
 * Returns the columns done (a multiple of 4 vectors).
 */
function pairs3x3<T>(ip: usize, inStride: usize, kp: usize, op: usize, outStride: usize, outW: i32): i32 {
  const L = 16 / sizeof<T>();
  const S = sizeof<T>();
  const k00 = v128.load_splat<T>(kp);
  const k01 = v128.load_splat<T>(kp + S);
  const k02 = v128.load_splat<T>(kp + 2 * S);
  const k10 = v128.load_splat<T>(kp + 3 * S);
  const k11 = v128.load_splat<T>(kp + 4 * S);
  const k12 = v128.load_splat<T>(kp + 5 * S);
  const k20 = v128.load_splat<T>(kp + 6 * S);
  const k21 = v128.load_splat<T>(kp + 7 * S);
  const k22 = v128.load_splat<T>(kp + 8 * S);
  const zero = v128.splat<T>(<T>0);
  let c = 0;
  for (; c + 2 * L <= outW; c += 2 * L) {
    const p0 = ip + <usize>c * S;
    const p1 = p0 + inStride;
    const p2 = p1 + inStride;
    const p3 = p2 + inStride;
    let a0 = zero;
    let a1 = zero;
    let b0 = zero;
    let b1 = zero;
    // input row 0: kernel row 0 into output row 0
    a0 = madd<T>(a0, v128.load(p0), k00);
    a1 = madd<T>(a1, v128.load(p0, 16), k00);
    a0 = madd<T>(a0, v128.load(p0 + S), k01);
    a1 = madd<T>(a1, v128.load(p0 + S, 16), k01);
    a0 = madd<T>(a0, v128.load(p0 + 2 * S), k02);
    a1 = madd<T>(a1, v128.load(p0 + 2 * S, 16), k02);
    // input row 1: kernel row 1 into output row 0, kernel row 0 into output row 1
    let x0 = v128.load(p1);
    let x1 = v128.load(p1, 16);
    a0 = madd<T>(a0, x0, k10);
    a1 = madd<T>(a1, x1, k10);
    b0 = madd<T>(b0, x0, k00);
    b1 = madd<T>(b1, x1, k00);
    x0 = v128.load(p1 + S);
    x1 = v128.load(p1 + S, 16);
    a0 = madd<T>(a0, x0, k11);
    a1 = madd<T>(a1, x1, k11);
    b0 = madd<T>(b0, x0, k01);
    b1 = madd<T>(b1, x1, k01);
    x0 = v128.load(p1 + 2 * S);
    x1 = v128.load(p1 + 2 * S, 16);
    a0 = madd<T>(a0, x0, k12);
    a1 = madd<T>(a1, x1, k12);
    b0 = madd<T>(b0, x0, k02);
    b1 = madd<T>(b1, x1, k02);
    // input row 2: kernel row 2 into output row 0, kernel row 1 into output row 1
    x0 = v128.load(p2);
    x1 = v128.load(p2, 16);
    a0 = madd<T>(a0, x0, k20);
    a1 = madd<T>(a1, x1, k20);
    b0 = madd<T>(b0, x0, k10);
    b1 = madd<T>(b1, x1, k10);
    x0 = v128.load(p2 + S);
    x1 = v128.load(p2 + S, 16);
    a0 = madd<T>(a0, x0, k21);
    a1 = madd<T>(a1, x1, k21);
    b0 = madd<T>(b0, x0, k11);
    b1 = madd<T>(b1, x1, k11);
    x0 = v128.load(p2 + 2 * S);
    x1 = v128.load(p2 + 2 * S, 16);
    a0 = madd<T>(a0, x0, k22);
    a1 = madd<T>(a1, x1, k22);
    b0 = madd<T>(b0, x0, k12);
    b1 = madd<T>(b1, x1, k12);
    // input row 3: kernel row 2 into output row 1
    b0 = madd<T>(b0, v128.load(p3), k20);
    b1 = madd<T>(b1, v128.load(p3, 16), k20);
    b0 = madd<T>(b0, v128.load(p3 + S), k21);
    b1 = madd<T>(b1, v128.load(p3 + S, 16), k21);
    b0 = madd<T>(b0, v128.load(p3 + 2 * S), k22);
    b1 = madd<T>(b1, v128.load(p3 + 2 * S, 16), k22);
    const o = op + <usize>c * S;
    v128.store(o, a0);
    v128.store(o, a1, 16);
    v128.store(o + outStride, b0);
    v128.store(o + outStride, b1, 16);
  }
  return c;
}

/** `nr` (1 or 2) output rows starting at `inRow` / `outRow`. */
function rows<T>(nr: i32, inRow: usize, inStride: usize, kPtr: usize, kh: i32, kw: i32, outRow: usize, outStride: usize, outW: i32): void {
  let c = 0;
  if (ASC_FEATURE_SIMD) {
    const L = 16 / sizeof<T>(); // lanes per vector
    if (nr === 2 && kh === 3 && kw === 3) {
      c = pairs3x3<T>(inRow, inStride, kPtr, outRow, outStride, outW);
    } else if (nr === 2) {
      for (; c + 4 * L <= outW; c += 4 * L)
        block2x4<T>(inRow + <usize>c * sizeof<T>(), inStride, kPtr, kh, kw, outRow + <usize>c * sizeof<T>(), outStride);
    } else {
      for (; c + 4 * L <= outW; c += 4 * L)
        block1x4<T>(inRow + <usize>c * sizeof<T>(), inStride, kPtr, kh, kw, outRow + <usize>c * sizeof<T>());
    }
    for (; c + L <= outW; c += L) {
      block2x1<T>(nr, inRow + <usize>c * sizeof<T>(), inStride, kPtr, kh, kw, outRow + <usize>c * sizeof<T>(), outStride);
    }
  } else {
    for (; c + 4 <= outW; c += 4)
      scalar4<T>(nr, inRow + <usize>c * sizeof<T>(), inStride, kPtr, kh, kw, outRow + <usize>c * sizeof<T>(), outStride);
  }
  for (; c < outW; c++) {
    for (let o = 0; o < nr; o++) {
      const ip = inRow + <usize>o * inStride + <usize>c * sizeof<T>();
      store<T>(outRow + <usize>o * outStride + <usize>c * sizeof<T>(), dot<T>(ip, inStride, kPtr, kh, kw));
    }
  }
}

/** One output: sum over taps of in[i, j] * k[i, j], `ip` at the window's top-left. */
function dot<T>(ip: usize, inStride: usize, kPtr: usize, kh: i32, kw: i32): T {
  let s: T = <T>0;
  let kp = kPtr;
  for (let i = 0; i < kh; i++) {
    for (let j = 0; j < kw; j++) s += load<T>(ip + <usize>j * sizeof<T>()) * load<T>(kp + <usize>j * sizeof<T>());
    ip += inStride;
    kp += <usize>kw * sizeof<T>();
  }
  return s;
}

/**
 * 2 output rows x 4 vectors (f32: 2 x 16 outputs). Input row i feeds output row 0 through
 * kernel row i and output row 1 through kernel row i - 1, so each loaded vector serves both
 * rows: kh + 1 input rows are read, not 2 kh. Per output the taps still add in row order.
 */
function block2x4<T>(ip: usize, inStride: usize, kp: usize, kh: i32, kw: i32, op: usize, outStride: usize): void {
  const kRow = <usize>kw * sizeof<T>();
  let a0 = v128.splat<T>(<T>0);
  let a1 = a0;
  let a2 = a0;
  let a3 = a0;
  let b0 = a0;
  let b1 = a0;
  let b2 = a0;
  let b3 = a0;
  // Input row 0: kernel row 0 into output row 0.
  for (let j = 0; j < kw; j++) {
    const t = v128.load_splat<T>(kp + <usize>j * sizeof<T>());
    const p = ip + <usize>j * sizeof<T>();
    a0 = madd<T>(a0, v128.load(p), t);
    a1 = madd<T>(a1, v128.load(p, 16), t);
    a2 = madd<T>(a2, v128.load(p, 32), t);
    a3 = madd<T>(a3, v128.load(p, 48), t);
  }
  // Input rows 1 .. kh - 1: kernel row i into output row 0, kernel row i - 1 into output row 1.
  for (let i = 1; i < kh; i++) {
    ip += inStride;
    const ka = kp + <usize>i * kRow;
    for (let j = 0; j < kw; j++) {
      const ta = v128.load_splat<T>(ka + <usize>j * sizeof<T>());
      const tb = v128.load_splat<T>(ka - kRow + <usize>j * sizeof<T>());
      const p = ip + <usize>j * sizeof<T>();
      const x0 = v128.load(p);
      const x1 = v128.load(p, 16);
      const x2 = v128.load(p, 32);
      const x3 = v128.load(p, 48);
      a0 = madd<T>(a0, x0, ta);
      a1 = madd<T>(a1, x1, ta);
      a2 = madd<T>(a2, x2, ta);
      a3 = madd<T>(a3, x3, ta);
      b0 = madd<T>(b0, x0, tb);
      b1 = madd<T>(b1, x1, tb);
      b2 = madd<T>(b2, x2, tb);
      b3 = madd<T>(b3, x3, tb);
    }
  }
  // Input row kh: kernel row kh - 1 into output row 1.
  ip += inStride;
  const kb = kp + <usize>(kh - 1) * kRow;
  for (let j = 0; j < kw; j++) {
    const t = v128.load_splat<T>(kb + <usize>j * sizeof<T>());
    const p = ip + <usize>j * sizeof<T>();
    b0 = madd<T>(b0, v128.load(p), t);
    b1 = madd<T>(b1, v128.load(p, 16), t);
    b2 = madd<T>(b2, v128.load(p, 32), t);
    b3 = madd<T>(b3, v128.load(p, 48), t);
  }
  v128.store(op, a0);
  v128.store(op, a1, 16);
  v128.store(op, a2, 32);
  v128.store(op, a3, 48);
  const oq = op + outStride;
  v128.store(oq, b0);
  v128.store(oq, b1, 16);
  v128.store(oq, b2, 32);
  v128.store(oq, b3, 48);
}

/** 1 output row x 4 vectors (the last row when the row count is odd). */
function block1x4<T>(ip: usize, inStride: usize, kp: usize, kh: i32, kw: i32, op: usize): void {
  let a0 = v128.splat<T>(<T>0);
  let a1 = a0;
  let a2 = a0;
  let a3 = a0;
  for (let i = 0; i < kh; i++) {
    for (let j = 0; j < kw; j++) {
      const t = v128.load_splat<T>(kp + <usize>j * sizeof<T>());
      const p = ip + <usize>j * sizeof<T>();
      a0 = madd<T>(a0, v128.load(p), t);
      a1 = madd<T>(a1, v128.load(p, 16), t);
      a2 = madd<T>(a2, v128.load(p, 32), t);
      a3 = madd<T>(a3, v128.load(p, 48), t);
    }
    ip += inStride;
    kp += <usize>kw * sizeof<T>();
  }
  v128.store(op, a0);
  v128.store(op, a1, 16);
  v128.store(op, a2, 32);
  v128.store(op, a3, 48);
}

/** `nr` (1 or 2) output rows x 1 vector: the vector tail of a row. */
function block2x1<T>(nr: i32, ip: usize, inStride: usize, kp: usize, kh: i32, kw: i32, op: usize, outStride: usize): void {
  let a = v128.splat<T>(<T>0);
  let b = a;
  const q0 = nr === 2 ? inStride : 0; // a single row computes row 0 twice and stores it once
  for (let i = 0; i < kh; i++) {
    for (let j = 0; j < kw; j++) {
      const t = v128.load_splat<T>(kp + <usize>j * sizeof<T>());
      const p = ip + <usize>j * sizeof<T>();
      a = madd<T>(a, v128.load(p), t);
      b = madd<T>(b, v128.load(p + q0), t);
    }
    ip += inStride;
    kp += <usize>kw * sizeof<T>();
  }
  v128.store(op, a);
  if (nr === 2) v128.store(op + outStride, b);
}

/** Scalar fallback: `nr` (1 or 2) output rows x 4 columns. */
function scalar4<T>(nr: i32, ip: usize, inStride: usize, kp: usize, kh: i32, kw: i32, op: usize, outStride: usize): void {
  let a0: T = <T>0;
  let a1: T = <T>0;
  let a2: T = <T>0;
  let a3: T = <T>0;
  let b0: T = <T>0;
  let b1: T = <T>0;
  let b2: T = <T>0;
  let b3: T = <T>0;
  const q0 = nr === 2 ? inStride : 0;
  for (let i = 0; i < kh; i++) {
    for (let j = 0; j < kw; j++) {
      const t = load<T>(kp + <usize>j * sizeof<T>());
      const p = ip + <usize>j * sizeof<T>();
      const q = p + q0;
      a0 += load<T>(p) * t;
      a1 += load<T>(p, sizeof<T>()) * t;
      a2 += load<T>(p, 2 * sizeof<T>()) * t;
      a3 += load<T>(p, 3 * sizeof<T>()) * t;
      b0 += load<T>(q) * t;
      b1 += load<T>(q, sizeof<T>()) * t;
      b2 += load<T>(q, 2 * sizeof<T>()) * t;
      b3 += load<T>(q, 3 * sizeof<T>()) * t;
    }
    ip += inStride;
    kp += <usize>kw * sizeof<T>();
  }
  store<T>(op, a0);
  store<T>(op, a1, sizeof<T>());
  store<T>(op, a2, 2 * sizeof<T>());
  store<T>(op, a3, 3 * sizeof<T>());
  if (nr === 2) {
    const oq = op + outStride;
    store<T>(oq, b0);
    store<T>(oq, b1, sizeof<T>());
    store<T>(oq, b2, 2 * sizeof<T>());
    store<T>(oq, b3, 3 * sizeof<T>());
  }
}
