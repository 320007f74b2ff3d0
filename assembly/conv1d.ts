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
 * pair. Register block: 4 vectors (f32: 16 outputs); then single vectors, then scalars. The
 * order of accumulation per output is fixed (tap by tap), whatever the block: results do not
 * depend on where a row or a column range starts.
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
    rowPass<f32>(inPtr + <usize>r * <usize>inStride * 4, n, kPtr, kw, outPtr + <usize>r * <usize>outStride * 4, true);
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
    rowPass<f64>(inPtr + <usize>r * <usize>inStride * 8, n, kPtr, kw, outPtr + <usize>r * <usize>outStride * 8, true);
  }
}

export function corr_col_f32(tablePtr: usize, kh: i32, kPtr: usize, n: i32, outPtr: usize, rows: i32, outStride: i32): void {
  colPass<f32>(tablePtr, kh, kPtr, n, outPtr, rows, <usize>outStride * sizeof<f32>(), false);
}

export function corr_col_f64(tablePtr: usize, kh: i32, kPtr: usize, n: i32, outPtr: usize, rows: i32, outStride: i32): void {
  colPass<f64>(tablePtr, kh, kPtr, n, outPtr, rows, <usize>outStride * sizeof<f64>(), false);
}

export function corr_col_sym_f32(tablePtr: usize, kh: i32, kPtr: usize, n: i32, outPtr: usize, rows: i32, outStride: i32): void {
  colPass<f32>(tablePtr, kh, kPtr, n, outPtr, rows, <usize>outStride * sizeof<f32>(), true);
}

export function corr_col_sym_f64(tablePtr: usize, kh: i32, kPtr: usize, n: i32, outPtr: usize, rows: i32, outStride: i32): void {
  colPass<f64>(tablePtr, kh, kPtr, n, outPtr, rows, <usize>outStride * sizeof<f64>(), true);
}

/** One row: out[t] = sum_j k[j] ip[t + j]; `sym` folds tap pairs (kernel symmetric). */
function rowPass<T>(ip: usize, n: i32, kp: usize, kw: i32, op: usize, sym: bool): void {
  const half = sym ? kw >> 1 : 0;
  const mid = sym && (kw & 1) === 1;
  let t = 0;
  if (ASC_FEATURE_SIMD) {
    const L = 16 / sizeof<T>();
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
          a0 = v128.add<T>(a0, v128.mul<T>(v128.add<T>(v128.load(q), v128.load(s)), c));
          a1 = v128.add<T>(a1, v128.mul<T>(v128.add<T>(v128.load(q, 16), v128.load(s, 16)), c));
          a2 = v128.add<T>(a2, v128.mul<T>(v128.add<T>(v128.load(q, 32), v128.load(s, 32)), c));
          a3 = v128.add<T>(a3, v128.mul<T>(v128.add<T>(v128.load(q, 48), v128.load(s, 48)), c));
        }
        if (mid) {
          const c = v128.load_splat<T>(kp + <usize>half * sizeof<T>());
          const q = p + <usize>half * sizeof<T>();
          a0 = v128.add<T>(a0, v128.mul<T>(v128.load(q), c));
          a1 = v128.add<T>(a1, v128.mul<T>(v128.load(q, 16), c));
          a2 = v128.add<T>(a2, v128.mul<T>(v128.load(q, 32), c));
          a3 = v128.add<T>(a3, v128.mul<T>(v128.load(q, 48), c));
        }
      } else {
        for (let j = 0; j < kw; j++) {
          const c = v128.load_splat<T>(kp + <usize>j * sizeof<T>());
          const q = p + <usize>j * sizeof<T>();
          a0 = v128.add<T>(a0, v128.mul<T>(v128.load(q), c));
          a1 = v128.add<T>(a1, v128.mul<T>(v128.load(q, 16), c));
          a2 = v128.add<T>(a2, v128.mul<T>(v128.load(q, 32), c));
          a3 = v128.add<T>(a3, v128.mul<T>(v128.load(q, 48), c));
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
          a = v128.add<T>(a, v128.mul<T>(pair, c));
        }
        if (mid)
          a = v128.add<T>(a, v128.mul<T>(v128.load(p + <usize>half * sizeof<T>()), v128.load_splat<T>(kp + <usize>half * sizeof<T>())));
      } else {
        for (let j = 0; j < kw; j++) {
          a = v128.add<T>(a, v128.mul<T>(v128.load(p + <usize>j * sizeof<T>()), v128.load_splat<T>(kp + <usize>j * sizeof<T>())));
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
        a += (load<T>(p + <usize>j * sizeof<T>()) + load<T>(p + <usize>(kw - 1 - j) * sizeof<T>())) * load<T>(kp + <usize>j * sizeof<T>());
      }
      if (mid) a += load<T>(p + <usize>half * sizeof<T>()) * load<T>(kp + <usize>half * sizeof<T>());
    } else {
      for (let j = 0; j < kw; j++) a += load<T>(p + <usize>j * sizeof<T>()) * load<T>(kp + <usize>j * sizeof<T>());
    }
    store<T>(op + <usize>t * sizeof<T>(), a);
  }
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
      a0 = v128.add<T>(a0, v128.mul<T>(v128.add<T>(v128.load(q), v128.load(s)), c));
      a1 = v128.add<T>(a1, v128.mul<T>(v128.add<T>(v128.load(q, 16), v128.load(s, 16)), c));
      a2 = v128.add<T>(a2, v128.mul<T>(v128.add<T>(v128.load(q, 32), v128.load(s, 32)), c));
      a3 = v128.add<T>(a3, v128.mul<T>(v128.add<T>(v128.load(q, 48), v128.load(s, 48)), c));
    }
    if ((kh & 1) === 1) {
      const c = v128.load_splat<T>(kp + <usize>half * sizeof<T>());
      const q = rowAt(tablePtr, half) + off;
      a0 = v128.add<T>(a0, v128.mul<T>(v128.load(q), c));
      a1 = v128.add<T>(a1, v128.mul<T>(v128.load(q, 16), c));
      a2 = v128.add<T>(a2, v128.mul<T>(v128.load(q, 32), c));
      a3 = v128.add<T>(a3, v128.mul<T>(v128.load(q, 48), c));
    }
  } else {
    for (let i = 0; i < kh; i++) {
      const c = v128.load_splat<T>(kp + <usize>i * sizeof<T>());
      const q = rowAt(tablePtr, i) + off;
      a0 = v128.add<T>(a0, v128.mul<T>(v128.load(q), c));
      a1 = v128.add<T>(a1, v128.mul<T>(v128.load(q, 16), c));
      a2 = v128.add<T>(a2, v128.mul<T>(v128.load(q, 32), c));
      a3 = v128.add<T>(a3, v128.mul<T>(v128.load(q, 48), c));
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
      a = v128.add<T>(a, v128.mul<T>(pair, v128.load_splat<T>(kp + <usize>i * sizeof<T>())));
    }
    if ((kh & 1) === 1)
      a = v128.add<T>(a, v128.mul<T>(v128.load(rowAt(tablePtr, half) + off), v128.load_splat<T>(kp + <usize>half * sizeof<T>())));
  } else {
    for (let i = 0; i < kh; i++) {
      a = v128.add<T>(a, v128.mul<T>(v128.load(rowAt(tablePtr, i) + off), v128.load_splat<T>(kp + <usize>i * sizeof<T>())));
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
      a += (load<T>(rowAt(tablePtr, i) + off) + load<T>(rowAt(tablePtr, kh - 1 - i) + off)) * load<T>(kp + <usize>i * sizeof<T>());
    }
    if ((kh & 1) === 1) a += load<T>(rowAt(tablePtr, half) + off) * load<T>(kp + <usize>half * sizeof<T>());
  } else {
    for (let i = 0; i < kh; i++) a += load<T>(rowAt(tablePtr, i) + off) * load<T>(kp + <usize>i * sizeof<T>());
  }
  store<T>(op + off, a);
}
