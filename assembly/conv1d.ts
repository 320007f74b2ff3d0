/**
 * 1-D correlation passes: the two halves of a separable 2-D filter.
 * Reference: src/ref/convolve.ts (a [1, kw] or [kh, 1] kernel in `valid` mode). Host wrapper:
 * src/wasm/conv1d.ts.
 *
 * Row pass (along a row, vectors along the row, taps broadcast):
 *   in  [rows, inStride]  each row holds n + kw - 1 values      T
 *   k   [kw]                                                    T
 *   out [rows, outStride] out[r, t] = sum_j k[j] in[r, t + j]   T   (t < n)
 * Column pass (down a column of rows given by a pointer table, vectors along the row):
 *   rows [kh + m - 1] u32 byte pointers, each to a row of >= n values
 *   k    [kh]                                                                T
 *   out  [m, outStride]  out[o, t] = sum_i k[i] rows[o + i][t]   (t < n)      T
 *   The m output rows (consecutive, sharing kh - 1 input rows) are computed one 16-column
 *   block at a time, so the block's input rows are loaded from L2 once and reused from L1.
 *
 * `_sym` variants take a symmetric kernel (k[j] == k[kw - 1 - j], e.g. a Gaussian) and fold
 * each tap pair: sum_{j < kw/2} k[j] (a_j + a_{kw-1-j}) + k[kw/2] a_{kw/2}: one multiply per
 * pair. Register block: 4 vectors (f32: 16 outputs); then single vectors, then scalars.
 * Relaxed build: every tap is one fused multiply-add (madd), in the scalar tails too (maddS, so
 * every output is rounded alike), in blocks of 8 vectors (rowBlock8, colBlock8), and `_sym`
 * does not fold: 8 plain FMA chains beat the folded pairs (an add and a madd each, 4-, 6- or
 * 8-wide) on W4 (4096² float32, 41 taps, one thread: 88-91 ms plain vs 95-106 ms folded).
 * The order of accumulation per output is fixed (tap by tap), whatever the block: results do
 * not depend on where a row or a column range starts.
 */

export function corr_rows_f32(inPtr: usize, inStride: i32, rows: i32, n: i32, kPtr: usize, kw: i32, outPtr: usize, outStride: i32): void {
  for (let r = 0; r < rows; r++) {
    rowPass<f32>(inPtr + <usize>r * <usize>inStride * 4, n, kPtr, kw, outPtr + <usize>r * <usize>outStride * 4, false);
  }
}

export function corr_rows_f64(inPtr: usize, inStride: i32, rows: i32, n: i32, kPtr: usize, kw: i32, outPtr: usize, outStride: i32): void {
  for (let r = 0; r < rows; r++) {
    rowPass<f64>(inPtr + <usize>r * <usize>inStride * 8, n, kPtr, kw, outPtr + <usize>r * <usize>outStride * 8, false);
  }
}

export function corr_rows_sym_f32(
  inPtr: usize,
  inStride: i32,
  rows: i32,
  n: i32,
  kPtr: usize,
  kw: i32,
  outPtr: usize,
  outStride: i32,
): void {
  for (let r = 0; r < rows; r++) {
    rowPass<f32>(inPtr + <usize>r * <usize>inStride * 4, n, kPtr, kw, outPtr + <usize>r * <usize>outStride * 4, !ASC_FEATURE_RELAXED_SIMD);
  }
}

export function corr_rows_sym_f64(
  inPtr: usize,
  inStride: i32,
  rows: i32,
  n: i32,
  kPtr: usize,
  kw: i32,
  outPtr: usize,
  outStride: i32,
): void {
  for (let r = 0; r < rows; r++) {
    rowPass<f64>(inPtr + <usize>r * <usize>inStride * 8, n, kPtr, kw, outPtr + <usize>r * <usize>outStride * 8, !ASC_FEATURE_RELAXED_SIMD);
  }
}

export function corr_col_f32(tablePtr: usize, kh: i32, kPtr: usize, n: i32, outPtr: usize, rows: i32, outStride: i32): void {
  colPass<f32>(tablePtr, kh, kPtr, n, outPtr, rows, <usize>outStride * sizeof<f32>(), false);
}

export function corr_col_f64(tablePtr: usize, kh: i32, kPtr: usize, n: i32, outPtr: usize, rows: i32, outStride: i32): void {
  colPass<f64>(tablePtr, kh, kPtr, n, outPtr, rows, <usize>outStride * sizeof<f64>(), false);
}

export function corr_col_sym_f32(tablePtr: usize, kh: i32, kPtr: usize, n: i32, outPtr: usize, rows: i32, outStride: i32): void {
  colPass<f32>(tablePtr, kh, kPtr, n, outPtr, rows, <usize>outStride * sizeof<f32>(), !ASC_FEATURE_RELAXED_SIMD);
}

export function corr_col_sym_f64(tablePtr: usize, kh: i32, kPtr: usize, n: i32, outPtr: usize, rows: i32, outStride: i32): void {
  colPass<f64>(tablePtr, kh, kPtr, n, outPtr, rows, <usize>outStride * sizeof<f64>(), !ASC_FEATURE_RELAXED_SIMD);
}

/**
 * acc + x·t per lane: one fused multiply-add in the relaxed build (rounded once: results may
 * differ from the plain SIMD build in the last bit), a multiply and an add otherwise.
 */
function madd<T>(acc: v128, x: v128, t: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return v128.relaxed_madd<T>(x, t, acc);
  return v128.add<T>(acc, v128.mul<T>(x, t));
}

/**
 * The scalar tails' acc + x·t: fused in the relaxed build too (one lane of a madd), so that every
 * output of a pass is rounded alike whether it falls in a vector block or in the tail.
 */
function maddS<T>(acc: T, x: T, t: T): T {
  if (ASC_FEATURE_RELAXED_SIMD)
    return v128.extract_lane<T>(v128.relaxed_madd<T>(v128.splat<T>(x), v128.splat<T>(t), v128.splat<T>(acc)), 0);
  return acc + x * t;
}

/** One row: out[t] = sum_j k[j] ip[t + j]; `sym` folds tap pairs (kernel symmetric). */
function rowPass<T>(ip: usize, n: i32, kp: usize, kw: i32, op: usize, sym: bool): void {
  const half = sym ? kw >> 1 : 0;
  const mid = sym && (kw & 1) === 1;
  let t = 0;
  if (ASC_FEATURE_SIMD) {
    const L = 16 / sizeof<T>();
    if (ASC_FEATURE_RELAXED_SIMD && !sym) {
      // Two call sites keep rowBlock8 a function of its own (Binaryen inlines a function with a
      // loop only where it has one caller): V8 then allocates its registers apart from this
      // loop's, which measured steadier (inlined, the same block ran 1.0-1.6x slower by build).
      for (; t + 16 * L <= n; t += 16 * L) {
        rowBlock8<T>(ip + <usize>t * sizeof<T>(), kp, kw, op + <usize>t * sizeof<T>());
        rowBlock8<T>(ip + <usize>(t + 8 * L) * sizeof<T>(), kp, kw, op + <usize>(t + 8 * L) * sizeof<T>());
      }
      if (t + 8 * L <= n) {
        rowBlock8<T>(ip + <usize>t * sizeof<T>(), kp, kw, op + <usize>t * sizeof<T>());
        t += 8 * L;
      }
    }
    for (; t + 4 * L <= n; t += 4 * L) {
      const p = ip + <usize>t * sizeof<T>();
      let a0 = v128.splat<T>(<T>0);
      let a1 = a0;
      let a2 = a0;
      let a3 = a0;
      if (sym) {
        for (let j = 0; j < half; j++) {
          const c = v128.load_splat<T>(kp + <usize>j * sizeof<T>());
          const q = p + <usize>j * sizeof<T>();
          const s = p + <usize>(kw - 1 - j) * sizeof<T>();
          a0 = madd<T>(a0, v128.add<T>(v128.load(q), v128.load(s)), c);
          a1 = madd<T>(a1, v128.add<T>(v128.load(q, 16), v128.load(s, 16)), c);
          a2 = madd<T>(a2, v128.add<T>(v128.load(q, 32), v128.load(s, 32)), c);
          a3 = madd<T>(a3, v128.add<T>(v128.load(q, 48), v128.load(s, 48)), c);
        }
        if (mid) {
          const c = v128.load_splat<T>(kp + <usize>half * sizeof<T>());
          const q = p + <usize>half * sizeof<T>();
          a0 = madd<T>(a0, v128.load(q), c);
          a1 = madd<T>(a1, v128.load(q, 16), c);
          a2 = madd<T>(a2, v128.load(q, 32), c);
          a3 = madd<T>(a3, v128.load(q, 48), c);
        }
      } else {
        for (let j = 0; j < kw; j++) {
          const c = v128.load_splat<T>(kp + <usize>j * sizeof<T>());
          const q = p + <usize>j * sizeof<T>();
          a0 = madd<T>(a0, v128.load(q), c);
          a1 = madd<T>(a1, v128.load(q, 16), c);
          a2 = madd<T>(a2, v128.load(q, 32), c);
          a3 = madd<T>(a3, v128.load(q, 48), c);
        }
      }
      const o = op + <usize>t * sizeof<T>();
      v128.store(o, a0);
      v128.store(o, a1, 16);
      v128.store(o, a2, 32);
      v128.store(o, a3, 48);
    }
    for (; t + L <= n; t += L) {
      const p = ip + <usize>t * sizeof<T>();
      let a = v128.splat<T>(<T>0);
      if (sym) {
        for (let j = 0; j < half; j++) {
          const c = v128.load_splat<T>(kp + <usize>j * sizeof<T>());
          const pair = v128.add<T>(v128.load(p + <usize>j * sizeof<T>()), v128.load(p + <usize>(kw - 1 - j) * sizeof<T>()));
          a = madd<T>(a, pair, c);
        }
        if (mid) a = madd<T>(a, v128.load(p + <usize>half * sizeof<T>()), v128.load_splat<T>(kp + <usize>half * sizeof<T>()));
      } else {
        for (let j = 0; j < kw; j++) {
          a = madd<T>(a, v128.load(p + <usize>j * sizeof<T>()), v128.load_splat<T>(kp + <usize>j * sizeof<T>()));
        }
      }
      v128.store(op + <usize>t * sizeof<T>(), a);
    }
  }
  for (; t < n; t++) {
    const p = ip + <usize>t * sizeof<T>();
    let a: T = <T>0;
    if (sym) {
      for (let j = 0; j < half; j++) {
        a = maddS<T>(
          a,
          load<T>(p + <usize>j * sizeof<T>()) + load<T>(p + <usize>(kw - 1 - j) * sizeof<T>()),
          load<T>(kp + <usize>j * sizeof<T>()),
        );
      }
      if (mid) a = maddS<T>(a, load<T>(p + <usize>half * sizeof<T>()), load<T>(kp + <usize>half * sizeof<T>()));
    } else {
      for (let j = 0; j < kw; j++) a = maddS<T>(a, load<T>(p + <usize>j * sizeof<T>()), load<T>(kp + <usize>j * sizeof<T>()));
    }
    store<T>(op + <usize>t * sizeof<T>(), a);
  }
}

/**
 * 8 vectors of one row at p, plain kernel (relaxed build): each accumulator is a chain of fused
 * multiply-adds, each waiting on the previous one (4 cycles), so 8 chains keep both FMA units
 * busy where 4 leave them half idle.
 */
function rowBlock8<T>(p: usize, kp: usize, kw: i32, o: usize): void {
  let a0 = v128.splat<T>(<T>0);
  let a1 = a0;
  let a2 = a0;
  let a3 = a0;
  let a4 = a0;
  let a5 = a0;
  let a6 = a0;
  let a7 = a0;
  for (let j = 0; j < kw; j++) {
    const c = v128.load_splat<T>(kp + <usize>j * sizeof<T>());
    const q = p + <usize>j * sizeof<T>();
    a0 = madd<T>(a0, v128.load(q), c);
    a1 = madd<T>(a1, v128.load(q, 16), c);
    a2 = madd<T>(a2, v128.load(q, 32), c);
    a3 = madd<T>(a3, v128.load(q, 48), c);
    a4 = madd<T>(a4, v128.load(q, 64), c);
    a5 = madd<T>(a5, v128.load(q, 80), c);
    a6 = madd<T>(a6, v128.load(q, 96), c);
    a7 = madd<T>(a7, v128.load(q, 112), c);
  }
  v128.store(o, a0);
  v128.store(o, a1, 16);
  v128.store(o, a2, 32);
  v128.store(o, a3, 48);
  v128.store(o, a4, 64);
  v128.store(o, a5, 80);
  v128.store(o, a6, 96);
  v128.store(o, a7, 112);
}

/** Row pointer i of the table. */
function rowAt(tablePtr: usize, i: i32): usize {
  return <usize>load<u32>(tablePtr + ((<usize>i) << 2));
}

/** out[o, t] = sum_i k[i] rows[o + i][t] for o < m; `sym` folds row pairs (kernel symmetric). */
function colPass<T>(tablePtr: usize, kh: i32, kp: usize, n: i32, op: usize, m: i32, outStride: usize, sym: bool): void {
  let t = 0;
  if (ASC_FEATURE_SIMD) {
    const L = 16 / sizeof<T>();
    if (ASC_FEATURE_RELAXED_SIMD && !sym) {
      for (; t + 8 * L <= n; t += 8 * L) {
        let o = 0;
        for (; o + 2 <= m; o += 2) {
          // two call sites: colBlock8 stays a function of its own (see rowPass)
          colBlock8<T>(tablePtr + ((<usize>o) << 2), kh, kp, <usize>t * sizeof<T>(), op + <usize>o * outStride);
          colBlock8<T>(tablePtr + ((<usize>(o + 1)) << 2), kh, kp, <usize>t * sizeof<T>(), op + <usize>(o + 1) * outStride);
        }
        if (o < m) colBlock8<T>(tablePtr + ((<usize>o) << 2), kh, kp, <usize>t * sizeof<T>(), op + <usize>o * outStride);
      }
    }
    for (; t + 4 * L <= n; t += 4 * L) {
      for (let o = 0; o < m; o++)
        colBlock4<T>(tablePtr + ((<usize>o) << 2), kh, kp, <usize>t * sizeof<T>(), op + <usize>o * outStride, sym);
    }
    for (; t + L <= n; t += L) {
      for (let o = 0; o < m; o++)
        colBlock1<T>(tablePtr + ((<usize>o) << 2), kh, kp, <usize>t * sizeof<T>(), op + <usize>o * outStride, sym);
    }
  }
  for (; t < n; t++) {
    for (let o = 0; o < m; o++) colScalar<T>(tablePtr + ((<usize>o) << 2), kh, kp, <usize>t * sizeof<T>(), op + <usize>o * outStride, sym);
  }
}

/** 8 vectors of one output row at byte offset `off`, plain kernel (relaxed build; see rowBlock8). */
function colBlock8<T>(tablePtr: usize, kh: i32, kp: usize, off: usize, op: usize): void {
  let a0 = v128.splat<T>(<T>0);
  let a1 = a0;
  let a2 = a0;
  let a3 = a0;
  let a4 = a0;
  let a5 = a0;
  let a6 = a0;
  let a7 = a0;
  for (let i = 0; i < kh; i++) {
    const c = v128.load_splat<T>(kp + <usize>i * sizeof<T>());
    const q = rowAt(tablePtr, i) + off;
    a0 = madd<T>(a0, v128.load(q), c);
    a1 = madd<T>(a1, v128.load(q, 16), c);
    a2 = madd<T>(a2, v128.load(q, 32), c);
    a3 = madd<T>(a3, v128.load(q, 48), c);
    a4 = madd<T>(a4, v128.load(q, 64), c);
    a5 = madd<T>(a5, v128.load(q, 80), c);
    a6 = madd<T>(a6, v128.load(q, 96), c);
    a7 = madd<T>(a7, v128.load(q, 112), c);
  }
  const o = op + off;
  v128.store(o, a0);
  v128.store(o, a1, 16);
  v128.store(o, a2, 32);
  v128.store(o, a3, 48);
  v128.store(o, a4, 64);
  v128.store(o, a5, 80);
  v128.store(o, a6, 96);
  v128.store(o, a7, 112);
}

/** 4 vectors of one output row at byte offset `off`. */
function colBlock4<T>(tablePtr: usize, kh: i32, kp: usize, off: usize, op: usize, sym: bool): void {
  const half = sym ? kh >> 1 : 0;
  let a0 = v128.splat<T>(<T>0);
  let a1 = a0;
  let a2 = a0;
  let a3 = a0;
  if (sym) {
    for (let i = 0; i < half; i++) {
      const c = v128.load_splat<T>(kp + <usize>i * sizeof<T>());
      const q = rowAt(tablePtr, i) + off;
      const s = rowAt(tablePtr, kh - 1 - i) + off;
      a0 = madd<T>(a0, v128.add<T>(v128.load(q), v128.load(s)), c);
      a1 = madd<T>(a1, v128.add<T>(v128.load(q, 16), v128.load(s, 16)), c);
      a2 = madd<T>(a2, v128.add<T>(v128.load(q, 32), v128.load(s, 32)), c);
      a3 = madd<T>(a3, v128.add<T>(v128.load(q, 48), v128.load(s, 48)), c);
    }
    if ((kh & 1) === 1) {
      const c = v128.load_splat<T>(kp + <usize>half * sizeof<T>());
      const q = rowAt(tablePtr, half) + off;
      a0 = madd<T>(a0, v128.load(q), c);
      a1 = madd<T>(a1, v128.load(q, 16), c);
      a2 = madd<T>(a2, v128.load(q, 32), c);
      a3 = madd<T>(a3, v128.load(q, 48), c);
    }
  } else {
    for (let i = 0; i < kh; i++) {
      const c = v128.load_splat<T>(kp + <usize>i * sizeof<T>());
      const q = rowAt(tablePtr, i) + off;
      a0 = madd<T>(a0, v128.load(q), c);
      a1 = madd<T>(a1, v128.load(q, 16), c);
      a2 = madd<T>(a2, v128.load(q, 32), c);
      a3 = madd<T>(a3, v128.load(q, 48), c);
    }
  }
  const o = op + off;
  v128.store(o, a0);
  v128.store(o, a1, 16);
  v128.store(o, a2, 32);
  v128.store(o, a3, 48);
}

/** 1 vector of one output row at byte offset `off`. */
function colBlock1<T>(tablePtr: usize, kh: i32, kp: usize, off: usize, op: usize, sym: bool): void {
  const half = sym ? kh >> 1 : 0;
  let a = v128.splat<T>(<T>0);
  if (sym) {
    for (let i = 0; i < half; i++) {
      const pair = v128.add<T>(v128.load(rowAt(tablePtr, i) + off), v128.load(rowAt(tablePtr, kh - 1 - i) + off));
      a = madd<T>(a, pair, v128.load_splat<T>(kp + <usize>i * sizeof<T>()));
    }
    if ((kh & 1) === 1) a = madd<T>(a, v128.load(rowAt(tablePtr, half) + off), v128.load_splat<T>(kp + <usize>half * sizeof<T>()));
  } else {
    for (let i = 0; i < kh; i++) {
      a = madd<T>(a, v128.load(rowAt(tablePtr, i) + off), v128.load_splat<T>(kp + <usize>i * sizeof<T>()));
    }
  }
  v128.store(op + off, a);
}

/** One output value at byte offset `off` (same order of accumulation as the vector blocks). */
function colScalar<T>(tablePtr: usize, kh: i32, kp: usize, off: usize, op: usize, sym: bool): void {
  const half = sym ? kh >> 1 : 0;
  let a: T = <T>0;
  if (sym) {
    for (let i = 0; i < half; i++) {
      a = maddS<T>(a, load<T>(rowAt(tablePtr, i) + off) + load<T>(rowAt(tablePtr, kh - 1 - i) + off), load<T>(kp + <usize>i * sizeof<T>()));
    }
    if ((kh & 1) === 1) a = maddS<T>(a, load<T>(rowAt(tablePtr, half) + off), load<T>(kp + <usize>half * sizeof<T>()));
  } else {
    for (let i = 0; i < kh; i++) a = maddS<T>(a, load<T>(rowAt(tablePtr, i) + off), load<T>(kp + <usize>i * sizeof<T>()));
  }
  store<T>(op + off, a);
}
