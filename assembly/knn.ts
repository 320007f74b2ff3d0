// Brute-force k-nearest-neighbour kernels: the inner products of a block of queries with
// every gallery row (cosine = dot of unit vectors; L2 via |q|^2 + |g|^2 - 2 q.g on the host).
// Reference: dotsRef in src/search/dots.ts. Layout: row-major f32, rows of d values.
//
// dots_f32(qPtr, nq, gPtr, ng, d, outPtr): out[i * ng + j] = sum_p q[i, p] * g[j, p]
//   q [nq, d], g [ng, d], out [nq, ng]. Four queries share each load of a gallery row
//   (four f32x4 accumulators); each of the last nq % 4 queries is loaded once per four gallery
//   rows; scalar loops handle the d % 4 tail (and everything in the scalar build).
//   Relaxed build: each accumulator update is one fused multiply-add (madd). The gallery is
//   taken in tiles of ~256 KiB that every query reads from L2 (each output's sum is the same,
//   so results do not depend on the tiling).

/**
 * acc + x·t per f32 lane: one fused multiply-add in the relaxed build (rounded once: results may
 * differ from the plain SIMD build in the last bit), a multiply and an add otherwise.
 */
function madd(acc: v128, x: v128, t: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(x, t, acc);
  return f32x4.add(acc, f32x4.mul(x, t));
}

function dot1(a: usize, b: usize, d: i32): f32 {
  let p = 0;
  let s: f32 = 0;
  if (ASC_FEATURE_SIMD) {
    let acc = f32x4.splat(0);
    for (; p + 4 <= d; p += 4) {
      const o = (<usize>p) << 2;
      acc = madd(acc, v128.load(a + o), v128.load(b + o));
    }
    s = f32x4.extract_lane(acc, 0) + f32x4.extract_lane(acc, 1) + f32x4.extract_lane(acc, 2) + f32x4.extract_lane(acc, 3);
  }
  for (; p < d; p++) {
    const o = (<usize>p) << 2;
    s += load<f32>(a + o) * load<f32>(b + o);
  }
  return s;
}

function hsum(v: v128): f32 {
  return f32x4.extract_lane(v, 0) + f32x4.extract_lane(v, 1) + f32x4.extract_lane(v, 2) + f32x4.extract_lane(v, 3);
}

export function dots_f32(qPtr: usize, nq: i32, gPtr: usize, ng: i32, d: i32, outPtr: usize): void {
  // Gallery tiles of about 256 KiB (a multiple of 4 rows), each read from memory once and
  // reused from L2 by every query: untiled, each block of 4 queries streamed the whole gallery.
  const tile = max(4, (65536 / max(d, 1)) & ~3);
  for (let j0 = 0; j0 < ng; j0 += tile) dotsTile(qPtr, nq, gPtr, j0, min(ng, j0 + tile), ng, d, outPtr);
}

/** Columns [j0, j1) of out [nq, ng] (gallery rows j0 .. j1 - 1). */
function dotsTile(qPtr: usize, nq: i32, gPtr: usize, j0: i32, j1: i32, ng: i32, d: i32, outPtr: usize): void {
  const row = (<usize>d) << 2;
  let i = 0;
  if (ASC_FEATURE_SIMD) {
    const d4 = d & ~3;
    for (; i + 4 <= nq; i += 4) {
      const q0 = qPtr + <usize>i * row;
      const q1 = q0 + row;
      const q2 = q1 + row;
      const q3 = q2 + row;
      const o0 = outPtr + ((<usize>i * <usize>ng) << 2);
      const o1 = o0 + ((<usize>ng) << 2);
      const o2 = o1 + ((<usize>ng) << 2);
      const o3 = o2 + ((<usize>ng) << 2);
      for (let j = j0; j < j1; j++) {
        const g = gPtr + <usize>j * row;
        let a0 = f32x4.splat(0);
        let a1 = f32x4.splat(0);
        let a2 = f32x4.splat(0);
        let a3 = f32x4.splat(0);
        for (let p = 0; p < d4; p += 4) {
          const o = (<usize>p) << 2;
          const gv = v128.load(g + o);
          a0 = madd(a0, v128.load(q0 + o), gv);
          a1 = madd(a1, v128.load(q1 + o), gv);
          a2 = madd(a2, v128.load(q2 + o), gv);
          a3 = madd(a3, v128.load(q3 + o), gv);
        }
        let s0 = hsum(a0);
        let s1 = hsum(a1);
        let s2 = hsum(a2);
        let s3 = hsum(a3);
        for (let p = d4; p < d; p++) {
          const o = (<usize>p) << 2;
          const gs = load<f32>(g + o);
          s0 += load<f32>(q0 + o) * gs;
          s1 += load<f32>(q1 + o) * gs;
          s2 += load<f32>(q2 + o) * gs;
          s3 += load<f32>(q3 + o) * gs;
        }
        const jo = (<usize>j) << 2;
        store<f32>(o0 + jo, s0);
        store<f32>(o1 + jo, s1);
        store<f32>(o2 + jo, s2);
        store<f32>(o3 + jo, s3);
      }
    }
  }
  // Remaining queries (a single query is the common case): four gallery rows per query load.
  for (; i < nq; i++) {
    const q = qPtr + <usize>i * row;
    const o = outPtr + ((<usize>i * <usize>ng) << 2);
    let j = j0;
    if (ASC_FEATURE_SIMD) {
      const d4 = d & ~3;
      for (; j + 4 <= j1; j += 4) {
        const g0 = gPtr + <usize>j * row;
        const g1 = g0 + row;
        const g2 = g1 + row;
        const g3 = g2 + row;
        let a0 = f32x4.splat(0);
        let a1 = f32x4.splat(0);
        let a2 = f32x4.splat(0);
        let a3 = f32x4.splat(0);
        for (let p = 0; p < d4; p += 4) {
          const off = (<usize>p) << 2;
          const qv = v128.load(q + off);
          a0 = madd(a0, qv, v128.load(g0 + off));
          a1 = madd(a1, qv, v128.load(g1 + off));
          a2 = madd(a2, qv, v128.load(g2 + off));
          a3 = madd(a3, qv, v128.load(g3 + off));
        }
        let s0 = hsum(a0);
        let s1 = hsum(a1);
        let s2 = hsum(a2);
        let s3 = hsum(a3);
        for (let p = d4; p < d; p++) {
          const off = (<usize>p) << 2;
          const qs = load<f32>(q + off);
          s0 += qs * load<f32>(g0 + off);
          s1 += qs * load<f32>(g1 + off);
          s2 += qs * load<f32>(g2 + off);
          s3 += qs * load<f32>(g3 + off);
        }
        const jo = o + ((<usize>j) << 2);
        store<f32>(jo, s0);
        store<f32>(jo + 4, s1);
        store<f32>(jo + 8, s2);
        store<f32>(jo + 12, s3);
      }
    }
    for (; j < j1; j++) store<f32>(o + ((<usize>j) << 2), dot1(q, gPtr + <usize>j * row, d));
  }
}
