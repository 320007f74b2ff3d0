/**
 * Stockham radix passes for complex128 (interleaved f64 re, im), SIMD with f64x2 holding one
 * complex number. Reference: src/fft/passes.ts (same indexing, same twiddles); host wrapper:
 * src/fft/wasm.ts. Each pass reads `cc` and writes `ch` (byte pointers, never overlapping).
 *
 * A pass of radix p after l1 points are combined, ido = n / (l1·p), over `batch` transforms
 * stored side by side (batch contiguous complex numbers per element; batch = 1 for one
 * transform). Elements are `cs` complex apart in cc and `hs` apart in ch (cs, hs >= batch), so
 * a pass can read columns of a larger array and write a compact scratch, or the reverse:
 *   in  CC(t, i, m, k) = cc[t + cs·(i + ido·(m + p·k))]     // [l1, p, ido] × batch
 *   out CH(t, i, k, j) = ch[t + hs·(i + ido·(k + l1·j))]    // [p, l1, ido] × batch
 *   CH = tw(i, j) · Σ_m CC · e^{∓2πi·j·m/p}
 * Twiddles: tw(i, j) = e^{∓2πi·j·l1·i/n} at tw[i·(p−1) + j−1] (complex, j = 1..p−1), written
 * by the host for the direction computed; `bwd` != 0 selects e^{+…} in the butterflies.
 * Generic odd radix p also takes roots (cos, sin)(2π q / p), q < p, and scratch for 2p complex.
 */

// ---- complex helpers (f64x2 = [re, im]) --------------------------------------------------

// @ts-expect-error: decorator
function swap(z: v128): v128 {
  return v128.shuffle<f64>(z, z, 1, 0);
}

/** z · w for complex z, w. */
// @ts-expect-error: decorator
function cmul(z: v128, w: v128): v128 {
  const wr = v128.shuffle<f64>(w, w, 0, 0);
  const wi = f64x2.mul(v128.shuffle<f64>(w, w, 1, 1), f64x2(-1.0, 1.0));
  return cmulrw(z, wr, wi);
}

// Relaxed build: wherever a product feeds a sum, one fused multiply-add (relaxed_madd /
// relaxed_nmadd: rounded once, so results may differ from the SIMD build in the last bits);
// the SIMD build keeps its multiply and add, in the same order as before (the same bits).

/** z · w with the twiddle pre-split as wr = (wr, wr), wi = (−wi, wi). */
// @ts-expect-error: decorator
function cmulrw(z: v128, wr: v128, wi: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f64x2.relaxed_madd(swap(z), wi, f64x2.mul(z, wr));
  return f64x2.add(f64x2.mul(z, wr), f64x2.mul(swap(z), wi));
}

/** acc + z · w for complex acc, z, w. */
// @ts-expect-error: decorator
function cmuladd(acc: v128, z: v128, w: v128): v128 {
  const wr = v128.shuffle<f64>(w, w, 0, 0);
  const wi = f64x2.mul(v128.shuffle<f64>(w, w, 1, 1), f64x2(-1.0, 1.0));
  if (ASC_FEATURE_RELAXED_SIMD) return f64x2.relaxed_madd(swap(z), wi, f64x2.relaxed_madd(z, wr, acc));
  return f64x2.add(acc, f64x2.add(f64x2.mul(z, wr), f64x2.mul(swap(z), wi)));
}

/** a · b + c per lane. */
// @ts-expect-error: decorator
function fma(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f64x2.relaxed_madd(a, b, c);
  return f64x2.add(f64x2.mul(a, b), c);
}

/** c − a · b per lane. */
// @ts-expect-error: decorator
function fnma(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f64x2.relaxed_nmadd(a, b, c);
  return f64x2.sub(c, f64x2.mul(a, b));
}

/** c + (a1 · t1 + a2 · t2) per lane (radix 5). */
// @ts-expect-error: decorator
function sum2(c: v128, a1: v128, t1: v128, a2: v128, t2: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f64x2.relaxed_madd(a1, t1, f64x2.relaxed_madd(a2, t2, c));
  return f64x2.add(c, f64x2.add(f64x2.mul(a1, t1), f64x2.mul(a2, t2)));
}

/** i·z when `neg` = (−1, 1); −i·z when `neg` = (1, −1). */
// @ts-expect-error: decorator
function rot(z: v128, sign: v128): v128 {
  return f64x2.mul(swap(z), sign);
}

// ---- radix 2 ---------------------------------------------------------------------------

export function pass2_c128(ido: i32, l1: i32, batch: i32, cc: usize, cs: i32, ch: usize, hs: i32, tw: usize): void {
  const step = (<usize>batch) << 4; // bytes of one element's batch
  const istep = (<usize>cs) << 4; // bytes from one input element to the next
  const ostep = (<usize>hs) << 4;
  const is = <usize>ido * istep; // m → m+1
  const os = <usize>ido * <usize>l1 * ostep; // j → j+1
  for (let k = 0; k < l1; k++) {
    for (let i = 0; i < ido; i++) {
      const a0 = cc + (<usize>i + <usize>ido * 2 * <usize>k) * istep;
      const o0 = ch + (<usize>i + <usize>ido * <usize>k) * ostep;
      if (ASC_FEATURE_SIMD) {
        const w = v128.load(tw + ((<usize>i) << 4));
        for (let t: usize = 0; t < step; t += 16) {
          const a = v128.load(a0 + t);
          const b = v128.load(a0 + is + t);
          v128.store(o0 + t, f64x2.add(a, b));
          v128.store(o0 + os + t, i === 0 ? f64x2.sub(a, b) : cmul(f64x2.sub(a, b), w));
        }
      } else {
        const wr = load<f64>(tw + ((<usize>i) << 4));
        const wi = load<f64>(tw + ((<usize>i) << 4) + 8);
        for (let t: usize = 0; t < step; t += 16) {
          const ar = load<f64>(a0 + t);
          const ai = load<f64>(a0 + t + 8);
          const br = load<f64>(a0 + is + t);
          const bi = load<f64>(a0 + is + t + 8);
          store<f64>(o0 + t, ar + br);
          store<f64>(o0 + t + 8, ai + bi);
          const dr = ar - br;
          const di = ai - bi;
          store<f64>(o0 + os + t, dr * wr - di * wi);
          store<f64>(o0 + os + t + 8, dr * wi + di * wr);
        }
      }
    }
  }
}

// ---- radix 4 ---------------------------------------------------------------------------

export function pass4_c128(ido: i32, l1: i32, batch: i32, cc: usize, cs: i32, ch: usize, hs: i32, tw: usize, bwd: i32): void {
  const step = (<usize>batch) << 4;
  const istep = (<usize>cs) << 4;
  const ostep = (<usize>hs) << 4;
  const is = <usize>ido * istep;
  const os = <usize>ido * <usize>l1 * ostep;
  if (ASC_FEATURE_SIMD) {
    // forward: y1 = t2 − i·t4, y3 = t2 + i·t4 ; backward swaps the signs
    const sgn = bwd ? f64x2(-1.0, 1.0) : f64x2(1.0, -1.0);
    for (let k = 0; k < l1; k++) {
      const a0k = cc + <usize>ido * 4 * <usize>k * istep;
      const o0k = ch + <usize>ido * <usize>k * ostep;
      // i = 0: no twiddles
      for (let t: usize = 0; t < step; t += 16) {
        const a = a0k + t;
        const c0 = v128.load(a);
        const c1 = v128.load(a + is);
        const c2 = v128.load(a + 2 * is);
        const c3 = v128.load(a + 3 * is);
        const t1 = f64x2.add(c0, c2);
        const t2 = f64x2.sub(c0, c2);
        const t3 = f64x2.add(c1, c3);
        const t4 = rot(f64x2.sub(c1, c3), sgn);
        const o = o0k + t;
        v128.store(o, f64x2.add(t1, t3));
        v128.store(o + os, f64x2.add(t2, t4));
        v128.store(o + 2 * os, f64x2.sub(t1, t3));
        v128.store(o + 3 * os, f64x2.sub(t2, t4));
      }
      for (let i = 1; i < ido; i++) {
        const wp = tw + <usize>i * 48;
        const w1 = v128.load(wp);
        const w2 = v128.load(wp + 16);
        const w3 = v128.load(wp + 32);
        // twiddles in the (wr, wr), (−wi, wi) form, hoisted out of the batch loop
        const w1r = v128.shuffle<f64>(w1, w1, 0, 0);
        const w1i = f64x2.mul(v128.shuffle<f64>(w1, w1, 1, 1), f64x2(-1.0, 1.0));
        const w2r = v128.shuffle<f64>(w2, w2, 0, 0);
        const w2i = f64x2.mul(v128.shuffle<f64>(w2, w2, 1, 1), f64x2(-1.0, 1.0));
        const w3r = v128.shuffle<f64>(w3, w3, 0, 0);
        const w3i = f64x2.mul(v128.shuffle<f64>(w3, w3, 1, 1), f64x2(-1.0, 1.0));
        const a0 = a0k + <usize>i * istep;
        const o0 = o0k + <usize>i * ostep;
        for (let t: usize = 0; t < step; t += 16) {
          const a = a0 + t;
          const c0 = v128.load(a);
          const c1 = v128.load(a + is);
          const c2 = v128.load(a + 2 * is);
          const c3 = v128.load(a + 3 * is);
          const t1 = f64x2.add(c0, c2);
          const t2 = f64x2.sub(c0, c2);
          const t3 = f64x2.add(c1, c3);
          const t4 = rot(f64x2.sub(c1, c3), sgn);
          const o = o0 + t;
          v128.store(o, f64x2.add(t1, t3));
          const y1 = f64x2.add(t2, t4);
          const y2 = f64x2.sub(t1, t3);
          const y3 = f64x2.sub(t2, t4);
          v128.store(o + os, cmulrw(y1, w1r, w1i));
          v128.store(o + 2 * os, cmulrw(y2, w2r, w2i));
          v128.store(o + 3 * os, cmulrw(y3, w3r, w3i));
        }
      }
    }
  } else {
    for (let k = 0; k < l1; k++) {
      for (let i = 0; i < ido; i++) {
        const wp = tw + <usize>i * 48;
        const a0 = cc + (<usize>i + <usize>ido * 4 * <usize>k) * istep;
        const o0 = ch + (<usize>i + <usize>ido * <usize>k) * ostep;
        for (let t: usize = 0; t < step; t += 16) {
          const a = a0 + t;
          const c0r = load<f64>(a);
          const c0i = load<f64>(a + 8);
          const c1r = load<f64>(a + is);
          const c1i = load<f64>(a + is + 8);
          const c2r = load<f64>(a + 2 * is);
          const c2i = load<f64>(a + 2 * is + 8);
          const c3r = load<f64>(a + 3 * is);
          const c3i = load<f64>(a + 3 * is + 8);
          const t1r = c0r + c2r;
          const t1i = c0i + c2i;
          const t2r = c0r - c2r;
          const t2i = c0i - c2i;
          const t3r = c1r + c3r;
          const t3i = c1i + c3i;
          let t4r = c1r - c3r;
          let t4i = c1i - c3i;
          if (bwd) {
            t4r = -t4r;
            t4i = -t4i;
          }
          const o = o0 + t;
          store<f64>(o, t1r + t3r);
          store<f64>(o + 8, t1i + t3i);
          cstore(o + os, t2r + t4i, t2i - t4r, wp, i);
          cstore(o + 2 * os, t1r - t3r, t1i - t3i, wp + 16, i);
          cstore(o + 3 * os, t2r - t4i, t2i + t4r, wp + 32, i);
        }
      }
    }
  }
}

/** Scalar: store (xr + i·xi)·tw at o (tw skipped when i = 0). */
// @ts-expect-error: decorator
function cstore(o: usize, xr: f64, xi: f64, w: usize, i: i32): void {
  if (i === 0) {
    store<f64>(o, xr);
    store<f64>(o + 8, xi);
  } else {
    const wr = load<f64>(w);
    const wi = load<f64>(w + 8);
    store<f64>(o, xr * wr - xi * wi);
    store<f64>(o + 8, xr * wi + xi * wr);
  }
}

// ---- radix 3 ---------------------------------------------------------------------------

export function pass3_c128(ido: i32, l1: i32, batch: i32, cc: usize, cs: i32, ch: usize, hs: i32, tw: usize, bwd: i32): void {
  const step = (<usize>batch) << 4;
  const istep = (<usize>cs) << 4;
  const ostep = (<usize>hs) << 4;
  const is = <usize>ido * istep;
  const os = <usize>ido * <usize>l1 * ostep;
  const s60: f64 = bwd ? 0.8660254037844386 : -0.8660254037844386;
  for (let k = 0; k < l1; k++) {
    for (let i = 0; i < ido; i++) {
      const wp = tw + <usize>i * 32;
      const a0 = cc + (<usize>i + <usize>ido * 3 * <usize>k) * istep;
      const o0 = ch + (<usize>i + <usize>ido * <usize>k) * ostep;
      if (ASC_FEATURE_SIMD) {
        const w1 = v128.load(wp);
        const w2 = v128.load(wp + 16);
        const half = f64x2.splat(0.5);
        const rs = f64x2(-s60, s60); // i·s·z = swap(z)·(−s, s)
        for (let t: usize = 0; t < step; t += 16) {
          const a = a0 + t;
          const c0 = v128.load(a);
          const c1 = v128.load(a + is);
          const c2 = v128.load(a + 2 * is);
          const t1 = f64x2.add(c1, c2);
          const t2 = f64x2.sub(c1, c2);
          const o = o0 + t;
          v128.store(o, f64x2.add(c0, t1));
          const av = fnma(half, t1, c0);
          const bv = f64x2.mul(swap(t2), rs);
          const y1 = f64x2.add(av, bv);
          const y2 = f64x2.sub(av, bv);
          v128.store(o + os, i === 0 ? y1 : cmul(y1, w1));
          v128.store(o + 2 * os, i === 0 ? y2 : cmul(y2, w2));
        }
      } else {
        for (let t: usize = 0; t < step; t += 16) {
          const a = a0 + t;
          const c0r = load<f64>(a);
          const c0i = load<f64>(a + 8);
          const t1r = load<f64>(a + is) + load<f64>(a + 2 * is);
          const t1i = load<f64>(a + is + 8) + load<f64>(a + 2 * is + 8);
          const t2r = load<f64>(a + is) - load<f64>(a + 2 * is);
          const t2i = load<f64>(a + is + 8) - load<f64>(a + 2 * is + 8);
          const o = o0 + t;
          store<f64>(o, c0r + t1r);
          store<f64>(o + 8, c0i + t1i);
          const ar = c0r - 0.5 * t1r;
          const ai = c0i - 0.5 * t1i;
          const br = -s60 * t2i;
          const bi = s60 * t2r;
          cstore(o + os, ar + br, ai + bi, wp, i);
          cstore(o + 2 * os, ar - br, ai - bi, wp + 16, i);
        }
      }
    }
  }
}

// ---- radix 5 ---------------------------------------------------------------------------

const C51: f64 = 0.30901699437494745; // cos 2π/5
const S51: f64 = 0.9510565162951535; // sin 2π/5
const C52: f64 = -0.8090169943749475; // cos 4π/5
const S52: f64 = 0.5877852522924731; // sin 4π/5

export function pass5_c128(ido: i32, l1: i32, batch: i32, cc: usize, cs: i32, ch: usize, hs: i32, tw: usize, bwd: i32): void {
  const step = (<usize>batch) << 4;
  const istep = (<usize>cs) << 4;
  const ostep = (<usize>hs) << 4;
  const is = <usize>ido * istep;
  const os = <usize>ido * <usize>l1 * ostep;
  const s1: f64 = bwd ? S51 : -S51;
  const s2: f64 = bwd ? S52 : -S52;
  for (let k = 0; k < l1; k++) {
    for (let i = 0; i < ido; i++) {
      const wp = tw + <usize>i * 64;
      const a0 = cc + (<usize>i + <usize>ido * 5 * <usize>k) * istep;
      const o0 = ch + (<usize>i + <usize>ido * <usize>k) * ostep;
      if (ASC_FEATURE_SIMD) {
        const w1 = v128.load(wp);
        const w2 = v128.load(wp + 16);
        const w3 = v128.load(wp + 32);
        const w4 = v128.load(wp + 48);
        const c1v = f64x2.splat(C51);
        const c2v = f64x2.splat(C52);
        const r1 = f64x2(-s1, s1);
        const r2 = f64x2(-s2, s2);
        for (let t: usize = 0; t < step; t += 16) {
          const a = a0 + t;
          const c0 = v128.load(a);
          const x1 = v128.load(a + is);
          const x2 = v128.load(a + 2 * is);
          const x3 = v128.load(a + 3 * is);
          const x4 = v128.load(a + 4 * is);
          const t1 = f64x2.add(x1, x4);
          const t4 = swap(f64x2.sub(x1, x4));
          const t2 = f64x2.add(x2, x3);
          const t3 = swap(f64x2.sub(x2, x3));
          const o = o0 + t;
          v128.store(o, f64x2.add(c0, f64x2.add(t1, t2)));
          // i·(s1·t4 + s2·t3) = swap(t4)·(−s1, s1) + swap(t3)·(−s2, s2)
          const ca = sum2(c0, c1v, t1, c2v, t2);
          const cb = fma(t4, r1, f64x2.mul(t3, r2));
          const da = sum2(c0, c2v, t1, c1v, t2);
          const db = fnma(t3, r1, f64x2.mul(t4, r2));
          if (i === 0) {
            v128.store(o + os, f64x2.add(ca, cb));
            v128.store(o + 4 * os, f64x2.sub(ca, cb));
            v128.store(o + 2 * os, f64x2.add(da, db));
            v128.store(o + 3 * os, f64x2.sub(da, db));
          } else {
            v128.store(o + os, cmul(f64x2.add(ca, cb), w1));
            v128.store(o + 4 * os, cmul(f64x2.sub(ca, cb), w4));
            v128.store(o + 2 * os, cmul(f64x2.add(da, db), w2));
            v128.store(o + 3 * os, cmul(f64x2.sub(da, db), w3));
          }
        }
      } else {
        for (let t: usize = 0; t < step; t += 16) {
          const a = a0 + t;
          const c0r = load<f64>(a);
          const c0i = load<f64>(a + 8);
          const t1r = load<f64>(a + is) + load<f64>(a + 4 * is);
          const t1i = load<f64>(a + is + 8) + load<f64>(a + 4 * is + 8);
          const t4r = load<f64>(a + is) - load<f64>(a + 4 * is);
          const t4i = load<f64>(a + is + 8) - load<f64>(a + 4 * is + 8);
          const t2r = load<f64>(a + 2 * is) + load<f64>(a + 3 * is);
          const t2i = load<f64>(a + 2 * is + 8) + load<f64>(a + 3 * is + 8);
          const t3r = load<f64>(a + 2 * is) - load<f64>(a + 3 * is);
          const t3i = load<f64>(a + 2 * is + 8) - load<f64>(a + 3 * is + 8);
          const o = o0 + t;
          store<f64>(o, c0r + t1r + t2r);
          store<f64>(o + 8, c0i + t1i + t2i);
          let ar = c0r + C51 * t1r + C52 * t2r;
          let ai = c0i + C51 * t1i + C52 * t2i;
          let br = -(s1 * t4i + s2 * t3i);
          let bi = s1 * t4r + s2 * t3r;
          cstore(o + os, ar + br, ai + bi, wp, i);
          cstore(o + 4 * os, ar - br, ai - bi, wp + 48, i);
          ar = c0r + C52 * t1r + C51 * t2r;
          ai = c0i + C52 * t1i + C51 * t2i;
          br = -(s2 * t4i - s1 * t3i);
          bi = s2 * t4r - s1 * t3r;
          cstore(o + 2 * os, ar + br, ai + bi, wp + 16, i);
          cstore(o + 3 * os, ar - br, ai - bi, wp + 32, i);
        }
      }
    }
  }
}

// ---- generic odd radix -----------------------------------------------------------------

/** roots: (cos, sin)(2π q/p) for q < p (16 bytes each); scratch: 2·p complex (32·p bytes). */
export function passg_c128(
  p: i32,
  ido: i32,
  l1: i32,
  batch: i32,
  cc: usize,
  cs: i32,
  ch: usize,
  hs: i32,
  tw: usize,
  bwd: i32,
  roots: usize,
  scratch: usize,
): void {
  const step = (<usize>batch) << 4;
  const istep = (<usize>cs) << 4;
  const ostep = (<usize>hs) << 4;
  const is = <usize>ido * istep;
  const os = <usize>ido * <usize>l1 * ostep;
  const half = (p - 1) >> 1;
  const sg: f64 = bwd ? 1.0 : -1.0;
  const sums = scratch; // s_m = c_m + c_{p−m}, m = 1..half, at sums + 16·m
  const difs = scratch + ((<usize>p) << 4); // d_m = c_m − c_{p−m}
  if (ASC_FEATURE_RELAXED_SIMD) {
    // one complex per f64x2, every product fused into its sum: y_j = a_j + b_j, y_{p−j} = a_j − b_j
    // with a_j = c_0 + Σ_m cos(2π·jm/p)·s_m and b_j = Σ_m ±sin(2π·jm/p)·i·d_m (i·d stored as swap(d)·(−1, 1))
    const sgv = f64x2(-sg, sg);
    for (let k = 0; k < l1; k++) {
      for (let i = 0; i < ido; i++) {
        const wp = tw + <usize>i * <usize>(p - 1) * 16;
        const a0 = cc + (<usize>i + <usize>ido * <usize>p * <usize>k) * istep;
        const o0 = ch + (<usize>i + <usize>ido * <usize>k) * ostep;
        for (let t: usize = 0; t < step; t += 16) {
          const a = a0 + t;
          const o = o0 + t;
          const c0 = v128.load(a);
          let y0 = c0;
          for (let m = 1; m <= half; m++) {
            const u = v128.load(a + <usize>m * is);
            const v = v128.load(a + <usize>(p - m) * is);
            const sm = f64x2.add(u, v);
            v128.store(sums + ((<usize>m) << 4), sm);
            v128.store(difs + ((<usize>m) << 4), swap(f64x2.sub(u, v)));
            y0 = f64x2.add(y0, sm);
          }
          v128.store(o, y0);
          for (let j = 1; j <= half; j++) {
            let av = c0;
            let bv = f64x2.splat(0);
            let q = 0;
            for (let m = 1; m <= half; m++) {
              q += j;
              if (q >= p) q -= p;
              const r = v128.load(roots + ((<usize>q) << 4)); // (cos, sin)
              av = f64x2.relaxed_madd(v128.shuffle<f64>(r, r, 0, 0), v128.load(sums + ((<usize>m) << 4)), av);
              bv = f64x2.relaxed_madd(f64x2.mul(v128.shuffle<f64>(r, r, 1, 1), sgv), v128.load(difs + ((<usize>m) << 4)), bv);
            }
            const yj = f64x2.add(av, bv);
            const yk = f64x2.sub(av, bv);
            v128.store(o + <usize>j * os, i === 0 ? yj : cmul(yj, v128.load(wp + <usize>(j - 1) * 16)));
            v128.store(o + <usize>(p - j) * os, i === 0 ? yk : cmul(yk, v128.load(wp + <usize>(p - j - 1) * 16)));
          }
        }
      }
    }
    return;
  }
  for (let k = 0; k < l1; k++) {
    for (let i = 0; i < ido; i++) {
      const wp = tw + <usize>i * <usize>(p - 1) * 16;
      const a0 = cc + (<usize>i + <usize>ido * <usize>p * <usize>k) * istep;
      const o0 = ch + (<usize>i + <usize>ido * <usize>k) * ostep;
      for (let t: usize = 0; t < step; t += 16) {
        const a = a0 + t;
        const o = o0 + t;
        let y0r = load<f64>(a);
        let y0i = load<f64>(a + 8);
        const c0r = y0r;
        const c0i = y0i;
        for (let m = 1; m <= half; m++) {
          const u = a + <usize>m * is;
          const v = a + <usize>(p - m) * is;
          const sr = load<f64>(u) + load<f64>(v);
          const si = load<f64>(u + 8) + load<f64>(v + 8);
          store<f64>(sums + ((<usize>m) << 4), sr);
          store<f64>(sums + ((<usize>m) << 4) + 8, si);
          store<f64>(difs + ((<usize>m) << 4), load<f64>(u) - load<f64>(v));
          store<f64>(difs + ((<usize>m) << 4) + 8, load<f64>(u + 8) - load<f64>(v + 8));
          y0r += sr;
          y0i += si;
        }
        store<f64>(o, y0r);
        store<f64>(o + 8, y0i);
        for (let j = 1; j <= half; j++) {
          let ar = c0r;
          let ai = c0i;
          let br: f64 = 0;
          let bi: f64 = 0;
          let q = 0;
          for (let m = 1; m <= half; m++) {
            q += j;
            if (q >= p) q -= p;
            const c = load<f64>(roots + ((<usize>q) << 4));
            const s = sg * load<f64>(roots + ((<usize>q) << 4) + 8);
            ar += c * load<f64>(sums + ((<usize>m) << 4));
            ai += c * load<f64>(sums + ((<usize>m) << 4) + 8);
            br -= s * load<f64>(difs + ((<usize>m) << 4) + 8);
            bi += s * load<f64>(difs + ((<usize>m) << 4));
          }
          cstore(o + <usize>j * os, ar + br, ai + bi, wp + <usize>(j - 1) * 16, i);
          cstore(o + <usize>(p - j) * os, ar - br, ai - bi, wp + <usize>(p - j - 1) * 16, i);
        }
      }
    }
  }
}

// ---- helpers for the host --------------------------------------------------------------

/**
 * out[k] = a[k] · b[k] for n complex numbers (Bluestein's and the tiled convolution's spectrum
 * product): not fused in any build, so every build gives the bits of cmulPlain (src/fft/wasm.ts),
 * which the convolution's JS fallback (src/conv/tiles.ts mulSpectrum) relies on.
 */
export function cmul_c128(a: usize, b: usize, out: usize, n: i32): void {
  const end = (<usize>n) << 4;
  for (let o: usize = 0; o < end; o += 16) {
    if (ASC_FEATURE_SIMD) {
      const z = v128.load(a + o);
      const w = v128.load(b + o);
      const wr = v128.shuffle<f64>(w, w, 0, 0);
      const wi = f64x2.mul(v128.shuffle<f64>(w, w, 1, 1), f64x2(-1.0, 1.0));
      v128.store(out + o, f64x2.add(f64x2.mul(z, wr), f64x2.mul(swap(z), wi)));
    } else {
      const ar = load<f64>(a + o);
      const ai = load<f64>(a + o + 8);
      const br = load<f64>(b + o);
      const bi = load<f64>(b + o + 8);
      store<f64>(out + o, ar * br - ai * bi);
      store<f64>(out + o + 8, ar * bi + ai * br);
    }
  }
}

/**
 * Real FFT split (even n = 2h): X_k = E_k + w_k·O_k for k = 0..h from Z = FFT_h(x as complex),
 * E_k = (Z_k + conj Z_{h−k}) / 2, O_k = (Z_k − conj Z_{h−k}) / 2i; w_k = e^{−2πik/n} (h+1 complex).
 * Reference: src/fft/real.ts RealPlan.forward. z: h complex; x: h + 1 complex.
 */
export function r2c_split_c128(z: usize, x: usize, w: usize, h: i32): void {
  if (ASC_FEATURE_SIMD) {
    // bins k and h − k together, from the same two loads: with A = Z_k, C = Z_{h−k},
    // S = A + conj C, D = A − conj C: X_k = S/2 + w_k·conj(D''), X_{h−k} = conj(S)/2 + w_{h−k}·D'',
    // D'' = swap(D)/2 (the same roundings as the one-bin form below)
    split1_c128(z, x, w, h, 0);
    split1_c128(z, x, w, h, h);
    const conj = f64x2(1.0, -1.0);
    const half = f64x2.splat(0.5);
    for (let k = 1; 2 * k <= h; k++) {
      const kk = (<usize>k) << 4;
      const mm = (<usize>(h - k)) << 4;
      const a = v128.load(z + kk);
      const cc = f64x2.mul(v128.load(z + mm), conj);
      const hs = f64x2.mul(f64x2.add(a, cc), half);
      const dpp = f64x2.mul(swap(f64x2.sub(a, cc)), half);
      v128.store(x + kk, cmuladd(hs, f64x2.mul(dpp, conj), v128.load(w + kk)));
      if (mm !== kk) v128.store(x + mm, cmuladd(f64x2.mul(hs, conj), dpp, v128.load(w + mm)));
    }
    return;
  }
  for (let k = 0; k <= h; k++) split1_c128(z, x, w, h, k);
}

/** One bin of r2c_split_c128, scalar. */
function split1_c128(z: usize, x: usize, w: usize, h: i32, k: i32): void {
  const a = (<usize>(k === h ? 0 : k)) << 4;
  const b = (<usize>(k === 0 ? 0 : h - k)) << 4;
  const kk = (<usize>k) << 4;
  const zr = load<f64>(z + a);
  const zi = load<f64>(z + a + 8);
  const cr = load<f64>(z + b);
  const ci = -load<f64>(z + b + 8);
  const er = 0.5 * (zr + cr);
  const ei = 0.5 * (zi + ci);
  const or = 0.5 * (zi - ci);
  const oi = -0.5 * (zr - cr);
  const wr = load<f64>(w + kk);
  const wi = load<f64>(w + kk + 8);
  store<f64>(x + kk, er + (or * wr - oi * wi));
  store<f64>(x + kk + 8, ei + (or * wi + oi * wr));
}

/**
 * Inverse of the split: Z_k = 2E_k + i·2O_k (k < h) from the half spectrum X (h + 1 complex),
 * ignoring Im X_0 and Im X_h; then an unnormalised inverse FFT_h of Z gives n·x.
 * Reference: src/fft/real.ts RealPlan.backward. w as for r2c_split_c128.
 */
export function c2r_join_c128(x: usize, z: usize, w: usize, h: i32): void {
  if (ASC_FEATURE_SIMD) {
    // bins k and h − k together, from the same two loads: with A = X_k, C = X_{h−k},
    // S = A + conj C, D = A − conj C: Z_k = S + i·D·conj(w_k), Z_{h−k} = conj(S) + i·(−conj D)·conj(w_{h−k})
    // (the same roundings as the one-bin form below)
    join1_c128(x, z, w, h, 0);
    const conj = f64x2(1.0, -1.0);
    const neg = f64x2(-1.0, 1.0);
    for (let k = 1; 2 * k <= h; k++) {
      const kk = (<usize>k) << 4;
      const mm = (<usize>(h - k)) << 4;
      const a = v128.load(x + kk);
      const cc = f64x2.mul(v128.load(x + mm), conj);
      const s = f64x2.add(a, cc);
      const d = f64x2.sub(a, cc);
      if (ASC_FEATURE_RELAXED_SIMD) {
        // i·(d·conj w) = d·(i·conj w): the rotation moves onto the twiddle, the sum fuses
        v128.store(z + kk, cmuladd(s, d, rot(f64x2.mul(v128.load(w + kk), conj), neg)));
        if (mm !== kk) v128.store(z + mm, cmuladd(f64x2.mul(s, conj), f64x2.mul(d, neg), rot(f64x2.mul(v128.load(w + mm), conj), neg)));
      } else {
        v128.store(z + kk, f64x2.add(s, rot(cmul(d, f64x2.mul(v128.load(w + kk), conj)), neg)));
        if (mm !== kk)
          v128.store(z + mm, f64x2.add(f64x2.mul(s, conj), rot(cmul(f64x2.mul(d, neg), f64x2.mul(v128.load(w + mm), conj)), neg)));
      }
    }
    return;
  }
  for (let k = 0; k < h; k++) join1_c128(x, z, w, h, k);
}

/** One bin of c2r_join_c128, scalar (at k = 0 the imaginary parts of X_0 and X_h are ignored). */
function join1_c128(x: usize, z: usize, w: usize, h: i32, k: i32): void {
  const kk = (<usize>k) << 4;
  const m = (<usize>(h - k)) << 4;
  const xr = load<f64>(x + kk);
  const xi = k === 0 ? 0.0 : load<f64>(x + kk + 8);
  const cr = load<f64>(x + m);
  const ci = k === 0 ? 0.0 : -load<f64>(x + m + 8);
  const er = xr + cr;
  const ei = xi + ci;
  const dr = xr - cr;
  const di = xi - ci;
  const wr = load<f64>(w + kk);
  const wi = -load<f64>(w + kk + 8);
  const or = dr * wr - di * wi;
  const oi = dr * wi + di * wr;
  store<f64>(z + kk, er - oi);
  store<f64>(z + kk + 8, ei + or);
}

/**
 * Four-step twiddles on a block of `rows` × `batch` complex (row stride `rs` complex) at
 * columns c0.. of an n1 × n2 array: a[r][c] *= e^{∓2πi·r·(c0+c)/n}, with the root looked up
 * exactly as hi[q >> shift] · lo[q & mask], q = r·(c0+c) mod n (both tables by the host).
 */
export function twiddle_block_c128(a: usize, rows: i32, batch: i32, rs: i32, c0: i32, n: i32, hi: usize, lo: usize, shift: i32): void {
  const mask = (1 << shift) - 1;
  for (let r = 0; r < rows; r++) {
    const row = a + ((<usize>r * <usize>rs) << 4);
    let q = (<i64>r * <i64>c0) % <i64>n;
    for (let c = 0; c < batch; c++) {
      const qi = <i32>q;
      const h = hi + ((<usize>(qi >> shift)) << 4);
      const l = lo + ((<usize>(qi & mask)) << 4);
      const p = row + ((<usize>c) << 4);
      if (ASC_FEATURE_SIMD) {
        v128.store(p, cmul(v128.load(p), cmul(v128.load(h), v128.load(l))));
      } else {
        const hr = load<f64>(h);
        const hi_ = load<f64>(h + 8);
        const lr = load<f64>(l);
        const li = load<f64>(l + 8);
        const wr = hr * lr - hi_ * li;
        const wi = hr * li + hi_ * lr;
        const zr = load<f64>(p);
        const zi = load<f64>(p + 8);
        store<f64>(p, zr * wr - zi * wi);
        store<f64>(p + 8, zr * wi + zi * wr);
      }
      q += r;
      if (q >= n) q -= n;
    }
  }
}

/** Copy `rows` rows of `count` complex from a (row stride as) to b (row stride bs), transposing
 *  nothing: a strided block copy inside wasm memory. Strides in complex numbers. */
export function copy_rows_c128(a: usize, as: i32, b: usize, bs: i32, rows: i32, count: i32): void {
  const bytes = (<usize>count) << 4;
  for (let r = 0; r < rows; r++) memory.copy(b + ((<usize>r * <usize>bs) << 4), a + ((<usize>r * <usize>as) << 4), bytes);
}

/** out[k·os] = in[k] for k < count (complex): write a contiguous row with stride os (the four-step transpose). */
export function scatter_c128(src: usize, count: i32, dst: usize, os: i32): void {
  const ob = (<usize>os) << 4;
  for (let k = 0; k < count; k++) {
    const s = src + ((<usize>k) << 4);
    const d = dst + <usize>k * ob;
    if (ASC_FEATURE_SIMD) {
      v128.store(d, v128.load(s));
    } else {
      store<f64>(d, load<f64>(s));
      store<f64>(d + 8, load<f64>(s + 8));
    }
  }
}

/** a[k] *= s for `count` f64 scalars. */
export function scale_f64(a: usize, count: i32, s: f64): void {
  let k = 0;
  if (ASC_FEATURE_SIMD) {
    const v = f64x2.splat(s);
    for (; k + 2 <= count; k += 2) v128.store(a + ((<usize>k) << 3), f64x2.mul(v128.load(a + ((<usize>k) << 3)), v));
  }
  for (; k < count; k++) store<f64>(a + ((<usize>k) << 3), load<f64>(a + ((<usize>k) << 3)) * s);
}

/** dst[k·ds + t] = src[t·count + k] for t < rows, k < count: write `rows` compact rows as columns (strides in complex). */
export function transpose_rows_c128(src: usize, rows: i32, count: i32, dst: usize, ds: i32): void {
  const rowBytes = (<usize>count) << 4;
  const db = (<usize>ds) << 4;
  for (let k = 0; k < count; k++) {
    const s = src + ((<usize>k) << 4);
    const d = dst + <usize>k * db;
    for (let t = 0; t < rows; t++) {
      if (ASC_FEATURE_SIMD) {
        v128.store(d + ((<usize>t) << 4), v128.load(s + <usize>t * rowBytes));
      } else {
        store<f64>(d + ((<usize>t) << 4), load<f64>(s + <usize>t * rowBytes));
        store<f64>(d + ((<usize>t) << 4) + 8, load<f64>(s + <usize>t * rowBytes + 8));
      }
    }
  }
}

/**
 * out[k] = x̃[k] · c[k] for k < n, where x̃ = conj(x) when conjIn != 0; the product is
 * conjugated when conjOut != 0 (Bluestein's chirp multiplies; the inverse conjugates both ends).
 */
export function chirp_c128(x: usize, c: usize, out: usize, n: i32, conjIn: i32, conjOut: i32): void {
  const end = (<usize>n) << 4;
  if (ASC_FEATURE_SIMD) {
    const ci = conjIn ? f64x2(1.0, -1.0) : f64x2(1.0, 1.0);
    const co = conjOut ? f64x2(1.0, -1.0) : f64x2(1.0, 1.0);
    for (let o: usize = 0; o < end; o += 16) {
      v128.store(out + o, f64x2.mul(cmul(f64x2.mul(v128.load(x + o), ci), v128.load(c + o)), co));
    }
  } else {
    const si: f64 = conjIn ? -1.0 : 1.0;
    const so: f64 = conjOut ? -1.0 : 1.0;
    for (let o: usize = 0; o < end; o += 16) {
      const xr = load<f64>(x + o);
      const xi = si * load<f64>(x + o + 8);
      const cr = load<f64>(c + o);
      const cim = load<f64>(c + o + 8);
      store<f64>(out + o, xr * cr - xi * cim);
      store<f64>(out + o + 8, so * (xr * cim + xi * cr));
    }
  }
}

/** z[k] = (x[k], 0) for k < count: real f64 values widened to complex128. */
export function widen_f64(x: usize, z: usize, count: i32): void {
  for (let k = count - 1; k >= 0; k--) {
    store<f64>(z + ((<usize>k) << 4), load<f64>(x + ((<usize>k) << 3)));
    store<f64>(z + ((<usize>k) << 4) + 8, 0.0);
  }
}

/** dst[k] = f64(src[k]) for k < count (float32 → float64, in place from the top when dst = src). */
export function f32_to_f64(src: usize, dst: usize, count: i32): void {
  // from the top down, so dst may start at src (the f64 copy is twice as long)
  let k = count;
  if (ASC_FEATURE_SIMD) {
    for (; k >= 2; k -= 2) {
      const v = v128.load64_zero(src + ((<usize>(k - 2)) << 2));
      v128.store(dst + ((<usize>(k - 2)) << 3), f64x2.promote_low_f32x4(v));
    }
  }
  for (; k > 0; k--) store<f64>(dst + ((<usize>(k - 1)) << 3), <f64>load<f32>(src + ((<usize>(k - 1)) << 2)));
}

/** dst[k] = f32(src[k]) for k < count (float64 → float32, rounding to nearest; dst may equal src). */
export function f64_to_f32(src: usize, dst: usize, count: i32): void {
  let k = 0;
  if (ASC_FEATURE_SIMD) {
    for (; k + 2 <= count; k += 2) {
      const v = f32x4.demote_f64x2_zero(v128.load(src + ((<usize>k) << 3)));
      v128.store64_lane(dst + ((<usize>k) << 2), v, 0);
    }
  }
  for (; k < count; k++) store<f32>(dst + ((<usize>k) << 2), <f32>load<f64>(src + ((<usize>k) << 3)));
}

// ==== complex64 (interleaved f32) radix-4 / radix-2 passes ==================================
// Same indexing as the complex128 passes, 8-byte elements. f32x4 holds two complex numbers:
//   batch >= 2 (even): pairs of neighbouring transforms t, t+1 share the twiddle (splat);
//   batch == 1, ido >= 2: pairs i, i+1, with twiddles stored in pairs (see below);
//   batch == 1, ido == 1: pairs k, k+1 (no twiddles), inputs gathered 64 bits at a time.
// Anything else (odd batch > 1, odd tails) runs the scalar code, which is also the scalar build.
// Twiddles (host-written): for the pair q = i >> 1 and j = 1..p−1, 16 bytes at
// tw + 16·(q·(p−1) + j−1) hold (w(2q, j), w(2q+1, j)) as f32 (re, im, re, im).
// Reference: src/fft/passes.ts (computed in float64; these round each operation to f32).

function swap2(z: v128): v128 {
  return v128.shuffle<f32>(z, z, 1, 0, 3, 2);
}

/** cmul2 with the twiddles pre-split as wr = (wr0, wr0, wr1, wr1), wi = (−wi0, wi0, −wi1, wi1). */
function cmul2rw(z: v128, wr: v128, wi: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(swap2(z), wi, f32x4.mul(z, wr));
  return f32x4.add(f32x4.mul(z, wr), f32x4.mul(swap2(z), wi));
}

/** wr of cmul2rw from a twiddle pair w. */
function twr2(w: v128): v128 {
  return v128.shuffle<f32>(w, w, 0, 0, 2, 2);
}

/** wi of cmul2rw from a twiddle pair w. */
function twi2(w: v128): v128 {
  return f32x4.mul(v128.shuffle<f32>(w, w, 1, 1, 3, 3), f32x4(-1.0, 1.0, -1.0, 1.0));
}

/** Two complex products at once: (z0·w0, z1·w1). */
function cmul2(z: v128, w: v128): v128 {
  const wr = v128.shuffle<f32>(w, w, 0, 0, 2, 2);
  const wi = f32x4.mul(v128.shuffle<f32>(w, w, 1, 1, 3, 3), f32x4(-1.0, 1.0, -1.0, 1.0));
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(swap2(z), wi, f32x4.mul(z, wr));
  return f32x4.add(f32x4.mul(z, wr), f32x4.mul(swap2(z), wi));
}

/** acc + z · w on two complex numbers at once (fused in the relaxed build, as cmuladd). */
function cmuladd2(acc: v128, z: v128, w: v128): v128 {
  const wr = v128.shuffle<f32>(w, w, 0, 0, 2, 2);
  const wi = f32x4.mul(v128.shuffle<f32>(w, w, 1, 1, 3, 3), f32x4(-1.0, 1.0, -1.0, 1.0));
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(swap2(z), wi, f32x4.relaxed_madd(z, wr, acc));
  return f32x4.add(acc, f32x4.add(f32x4.mul(z, wr), f32x4.mul(swap2(z), wi)));
}

/** a · b + c per lane (f32x4). */
function fma4(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(a, b, c);
  return f32x4.add(f32x4.mul(a, b), c);
}

/** c − a · b per lane (f32x4). */
function fnma4(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_nmadd(a, b, c);
  return f32x4.sub(c, f32x4.mul(a, b));
}

/** c + (a1 · t1 + a2 · t2) per lane (f32x4, radix 5). */
function sum24(c: v128, a1: v128, t1: v128, a2: v128, t2: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(a1, t1, f32x4.relaxed_madd(a2, t2, c));
  return f32x4.add(c, f32x4.add(f32x4.mul(a1, t1), f32x4.mul(a2, t2)));
}

/** Scalar f32 twiddle of (i, j): the pair table entry's half. */
function tw32(tw: usize, p: i32, i: i32, j: i32): usize {
  return tw + ((<usize>(i >> 1) * <usize>(p - 1) + <usize>(j - 1)) << 4) + ((<usize>(i & 1)) << 3);
}

function cstore32(o: usize, xr: f32, xi: f32, w: usize, i: i32): void {
  if (i === 0) {
    store<f32>(o, xr);
    store<f32>(o + 4, xi);
  } else {
    const wr = load<f32>(w);
    const wi = load<f32>(w + 4);
    store<f32>(o, xr * wr - xi * wi);
    store<f32>(o + 4, xr * wi + xi * wr);
  }
}

export function pass4_c64(ido: i32, l1: i32, batch: i32, cc: usize, cs: i32, ch: usize, hs: i32, tw: usize, bwd: i32): void {
  const istep = (<usize>cs) << 3;
  const ostep = (<usize>hs) << 3;
  const is = <usize>ido * istep;
  const os = <usize>ido * <usize>l1 * ostep;
  let k0 = 0; // first k left for the scalar code
  if (ASC_FEATURE_SIMD) {
    const sgn = bwd ? f32x4(-1.0, 1.0, -1.0, 1.0) : f32x4(1.0, -1.0, 1.0, -1.0);
    if (batch >= 2 && (batch & 1) === 0) {
      for (let k = 0; k < l1; k++) {
        for (let i = 0; i < ido; i++) {
          const a0 = cc + (<usize>i + <usize>ido * 4 * <usize>k) * istep;
          const o0 = ch + (<usize>i + <usize>ido * <usize>k) * ostep;
          // i = 0 holds w = 1 in the table: multiplying by it is exact
          const w1 = v128.load64_splat(tw32(tw, 4, i, 1));
          const w2 = v128.load64_splat(tw32(tw, 4, i, 2));
          const w3 = v128.load64_splat(tw32(tw, 4, i, 3));
          if (ASC_FEATURE_RELAXED_SIMD) {
            // the twiddles split once for the batch loop; i = 0 (w = 1) without products
            const r1 = twr2(w1);
            const r2 = twr2(w2);
            const r3 = twr2(w3);
            const q1 = twi2(w1);
            const q2 = twi2(w2);
            const q3 = twi2(w3);
            for (let t: usize = 0; t < (<usize>batch) << 3; t += 16) {
              const a = a0 + t;
              const o = o0 + t;
              const c0 = v128.load(a);
              const c1 = v128.load(a + is);
              const c2 = v128.load(a + 2 * is);
              const c3 = v128.load(a + 3 * is);
              const t1 = f32x4.add(c0, c2);
              const t2 = f32x4.sub(c0, c2);
              const t3 = f32x4.add(c1, c3);
              const t4 = f32x4.mul(swap2(f32x4.sub(c1, c3)), sgn);
              v128.store(o, f32x4.add(t1, t3));
              const y1 = f32x4.add(t2, t4);
              const y2 = f32x4.sub(t1, t3);
              const y3 = f32x4.sub(t2, t4);
              v128.store(o + os, i === 0 ? y1 : cmul2rw(y1, r1, q1));
              v128.store(o + 2 * os, i === 0 ? y2 : cmul2rw(y2, r2, q2));
              v128.store(o + 3 * os, i === 0 ? y3 : cmul2rw(y3, r3, q3));
            }
            continue;
          }
          for (let t: usize = 0; t < (<usize>batch) << 3; t += 16) {
            const a = a0 + t;
            const o = o0 + t;
            const c0 = v128.load(a);
            const c1 = v128.load(a + is);
            const c2 = v128.load(a + 2 * is);
            const c3 = v128.load(a + 3 * is);
            const t1 = f32x4.add(c0, c2);
            const t2 = f32x4.sub(c0, c2);
            const t3 = f32x4.add(c1, c3);
            const t4 = f32x4.mul(swap2(f32x4.sub(c1, c3)), sgn);
            v128.store(o, f32x4.add(t1, t3));
            v128.store(o + os, cmul2(f32x4.add(t2, t4), w1));
            v128.store(o + 2 * os, cmul2(f32x4.sub(t1, t3), w2));
            v128.store(o + 3 * os, cmul2(f32x4.sub(t2, t4), w3));
          }
        }
      }
      return;
    }
    if (batch === 1 && ido >= 2) {
      for (let k = 0; k < l1; k++) {
        const a0k = cc + <usize>ido * 4 * <usize>k * istep;
        const o0k = ch + <usize>ido * <usize>k * ostep;
        let i = 0;
        for (; i + 2 <= ido; i += 2) {
          const wp = tw + ((<usize>(i >> 1) * 3) << 4);
          const a = a0k + <usize>i * istep;
          const o = o0k + <usize>i * ostep;
          const c0 = v128.load(a);
          const c1 = v128.load(a + is);
          const c2 = v128.load(a + 2 * is);
          const c3 = v128.load(a + 3 * is);
          const w1 = v128.load(wp);
          const w2 = v128.load(wp + 16);
          const w3 = v128.load(wp + 32);
          const t1 = f32x4.add(c0, c2);
          const t2 = f32x4.sub(c0, c2);
          const t3 = f32x4.add(c1, c3);
          const t4 = f32x4.mul(swap2(f32x4.sub(c1, c3)), sgn);
          v128.store(o, f32x4.add(t1, t3));
          v128.store(o + os, cmul2(f32x4.add(t2, t4), w1));
          v128.store(o + 2 * os, cmul2(f32x4.sub(t1, t3), w2));
          v128.store(o + 3 * os, cmul2(f32x4.sub(t2, t4), w3));
        }
        if (i < ido) scalar4_c64(i, k, ido, istep, ostep, is, os, cc, ch, tw, bwd);
      }
      return;
    }
    if (batch === 1 && ido === 1) {
      // pairs k, k+1: inputs 4·istep apart, outputs contiguous
      const kstep = 4 * istep;
      let k = 0;
      for (; k + 2 <= l1; k += 2) {
        const a = cc + <usize>k * kstep;
        const c0 = v128.load64_lane(a + kstep, v128.load64_zero(a), 1);
        const c1 = v128.load64_lane(a + kstep + is, v128.load64_zero(a + is), 1);
        const c2 = v128.load64_lane(a + kstep + 2 * is, v128.load64_zero(a + 2 * is), 1);
        const c3 = v128.load64_lane(a + kstep + 3 * is, v128.load64_zero(a + 3 * is), 1);
        const o = ch + <usize>k * ostep;
        const t1 = f32x4.add(c0, c2);
        const t2 = f32x4.sub(c0, c2);
        const t3 = f32x4.add(c1, c3);
        const t4 = f32x4.mul(swap2(f32x4.sub(c1, c3)), sgn);
        v128.store(o, f32x4.add(t1, t3));
        v128.store(o + os, f32x4.add(t2, t4));
        v128.store(o + 2 * os, f32x4.sub(t1, t3));
        v128.store(o + 3 * os, f32x4.sub(t2, t4));
      }
      k0 = k;
    }
  }
  for (let k = k0; k < l1; k++) {
    for (let i = 0; i < ido; i++) {
      for (let t = 0; t < batch; t++) scalar4_c64(i, k, ido, istep, ostep, is, os, cc + ((<usize>t) << 3), ch + ((<usize>t) << 3), tw, bwd);
    }
  }
}

function scalar4_c64(
  i: i32,
  k: i32,
  ido: i32,
  istep: usize,
  ostep: usize,
  is: usize,
  os: usize,
  cc: usize,
  ch: usize,
  tw: usize,
  bwd: i32,
): void {
  const a = cc + (<usize>i + <usize>ido * 4 * <usize>k) * istep;
  const o = ch + (<usize>i + <usize>ido * <usize>k) * ostep;
  const c0r = load<f32>(a);
  const c0i = load<f32>(a + 4);
  const c1r = load<f32>(a + is);
  const c1i = load<f32>(a + is + 4);
  const c2r = load<f32>(a + 2 * is);
  const c2i = load<f32>(a + 2 * is + 4);
  const c3r = load<f32>(a + 3 * is);
  const c3i = load<f32>(a + 3 * is + 4);
  const t1r = c0r + c2r;
  const t1i = c0i + c2i;
  const t2r = c0r - c2r;
  const t2i = c0i - c2i;
  const t3r = c1r + c3r;
  const t3i = c1i + c3i;
  let t4r = c1r - c3r;
  let t4i = c1i - c3i;
  if (bwd) {
    t4r = -t4r;
    t4i = -t4i;
  }
  store<f32>(o, t1r + t3r);
  store<f32>(o + 4, t1i + t3i);
  cstore32(o + os, t2r + t4i, t2i - t4r, tw32(tw, 4, i, 1), i);
  cstore32(o + 2 * os, t1r - t3r, t1i - t3i, tw32(tw, 4, i, 2), i);
  cstore32(o + 3 * os, t2r - t4i, t2i + t4r, tw32(tw, 4, i, 3), i);
}

export function pass2_c64(ido: i32, l1: i32, batch: i32, cc: usize, cs: i32, ch: usize, hs: i32, tw: usize): void {
  const istep = (<usize>cs) << 3;
  const ostep = (<usize>hs) << 3;
  const is = <usize>ido * istep;
  const os = <usize>ido * <usize>l1 * ostep;
  let k0 = 0;
  if (ASC_FEATURE_SIMD) {
    if (batch >= 2 && (batch & 1) === 0) {
      for (let k = 0; k < l1; k++) {
        for (let i = 0; i < ido; i++) {
          const a0 = cc + (<usize>i + <usize>ido * 2 * <usize>k) * istep;
          const o0 = ch + (<usize>i + <usize>ido * <usize>k) * ostep;
          const w = v128.load64_splat(tw32(tw, 2, i, 1));
          for (let t: usize = 0; t < (<usize>batch) << 3; t += 16) {
            const x = v128.load(a0 + t);
            const y = v128.load(a0 + is + t);
            v128.store(o0 + t, f32x4.add(x, y));
            v128.store(o0 + os + t, i === 0 ? f32x4.sub(x, y) : cmul2(f32x4.sub(x, y), w));
          }
        }
      }
      return;
    }
    if (batch === 1 && ido >= 2) {
      for (let k = 0; k < l1; k++) {
        const a0k = cc + <usize>ido * 2 * <usize>k * istep;
        const o0k = ch + <usize>ido * <usize>k * ostep;
        let i = 0;
        for (; i + 2 <= ido; i += 2) {
          const a = a0k + <usize>i * istep;
          const o = o0k + <usize>i * ostep;
          const x = v128.load(a);
          const y = v128.load(a + is);
          v128.store(o, f32x4.add(x, y));
          v128.store(o + os, cmul2(f32x4.sub(x, y), v128.load(tw + ((<usize>(i >> 1)) << 4))));
        }
        if (i < ido) scalar2_c64(i, k, ido, istep, ostep, is, os, cc, ch, tw);
      }
      return;
    }
    if (batch === 1 && ido === 1) {
      const kstep = 2 * istep;
      let k = 0;
      for (; k + 2 <= l1; k += 2) {
        const a = cc + <usize>k * kstep;
        const x = v128.load64_lane(a + kstep, v128.load64_zero(a), 1);
        const y = v128.load64_lane(a + kstep + is, v128.load64_zero(a + is), 1);
        const o = ch + <usize>k * ostep;
        v128.store(o, f32x4.add(x, y));
        v128.store(o + os, f32x4.sub(x, y));
      }
      k0 = k;
    }
  }
  for (let k = k0; k < l1; k++) {
    for (let i = 0; i < ido; i++) {
      for (let t = 0; t < batch; t++) scalar2_c64(i, k, ido, istep, ostep, is, os, cc + ((<usize>t) << 3), ch + ((<usize>t) << 3), tw);
    }
  }
}

function scalar2_c64(i: i32, k: i32, ido: i32, istep: usize, ostep: usize, is: usize, os: usize, cc: usize, ch: usize, tw: usize): void {
  const a = cc + (<usize>i + <usize>ido * 2 * <usize>k) * istep;
  const o = ch + (<usize>i + <usize>ido * <usize>k) * ostep;
  const ar = load<f32>(a);
  const ai = load<f32>(a + 4);
  const br = load<f32>(a + is);
  const bi = load<f32>(a + is + 4);
  store<f32>(o, ar + br);
  store<f32>(o + 4, ai + bi);
  cstore32(o + os, ar - br, ai - bi, tw32(tw, 2, i, 1), i);
}

// ---- complex64 helpers for the N-D path (wasmnd.ts) ---------------------------------------

/** copy_rows_c128 for 8-byte complex64 elements. */
export function copy_rows_c64(a: usize, as: i32, b: usize, bs: i32, rows: i32, count: i32): void {
  const bytes = (<usize>count) << 3;
  for (let r = 0; r < rows; r++) memory.copy(b + ((<usize>r * <usize>bs) << 3), a + ((<usize>r * <usize>as) << 3), bytes);
}

/**
 * r2c_split_c128 in float32 (w: h + 1 complex64). SIMD takes bins k, k+1 and their mirrors
 * h−k, h−k−1 from the same two loads (the roundings of the one-bin form, as in r2c_split_c128).
 */
export function r2c_split_c64(z: usize, x: usize, w: usize, h: i32): void {
  let k = 0;
  if (ASC_FEATURE_SIMD) {
    if (h >= 4) {
      split1_c64(z, x, w, h, 0);
      split1_c64(z, x, w, h, h);
      k = 1;
      const conj = f32x4(1.0, -1.0, 1.0, -1.0);
      const half = f32x4.splat(0.5);
      for (; k + 1 < h - k - 1; k += 2) {
        const lo = (<usize>k) << 3;
        const hi = (<usize>(h - k - 1)) << 3;
        const a = v128.load(z + lo); // Z_k, Z_{k+1}
        const b = v128.load(z + hi); // Z_{h−k−1}, Z_{h−k}
        const cc = f32x4.mul(v128.shuffle<f32>(b, b, 2, 3, 0, 1), conj); // conj Z_{h−k}, conj Z_{h−k−1}
        const hs = f32x4.mul(f32x4.add(a, cc), half);
        const dpp = f32x4.mul(swap2(f32x4.sub(a, cc)), half);
        v128.store(x + lo, cmuladd2(hs, f32x4.mul(dpp, conj), v128.load(w + lo)));
        const hsr = f32x4.mul(v128.shuffle<f32>(hs, hs, 2, 3, 0, 1), conj);
        const dppr = v128.shuffle<f32>(dpp, dpp, 2, 3, 0, 1);
        v128.store(x + hi, cmuladd2(hsr, dppr, v128.load(w + hi)));
      }
      for (; k <= h - k; k++) {
        split1_c64(z, x, w, h, k);
        if (h - k !== k) split1_c64(z, x, w, h, h - k);
      }
      return;
    }
  }
  for (; k <= h; k++) split1_c64(z, x, w, h, k);
}

function split1_c64(z: usize, x: usize, w: usize, h: i32, k: i32): void {
  const a = (<usize>(k === h ? 0 : k)) << 3;
  const b = (<usize>(k === 0 ? 0 : h - k)) << 3;
  const kk = (<usize>k) << 3;
  const zr = load<f32>(z + a);
  const zi = load<f32>(z + a + 4);
  const cr = load<f32>(z + b);
  const ci = -load<f32>(z + b + 4);
  const er: f32 = 0.5 * (zr + cr);
  const ei: f32 = 0.5 * (zi + ci);
  const or: f32 = 0.5 * (zi - ci);
  const oi: f32 = -0.5 * (zr - cr);
  const wr = load<f32>(w + kk);
  const wi = load<f32>(w + kk + 4);
  store<f32>(x + kk, er + (or * wr - oi * wi));
  store<f32>(x + kk + 4, ei + (or * wi + oi * wr));
}

/** c2r_join_c128 in float32; SIMD takes bins k, k+1 together (as r2c_split_c64). */
export function c2r_join_c64(x: usize, z: usize, w: usize, h: i32): void {
  let k = 0;
  if (ASC_FEATURE_SIMD) {
    if (h >= 4) {
      join1_c64(x, z, w, h, 0);
      k = 1;
      const conj = f32x4(1.0, -1.0, 1.0, -1.0);
      const neg = f32x4(-1.0, 1.0, -1.0, 1.0);
      for (; k + 2 <= h; k += 2) {
        const a = v128.load(x + ((<usize>k) << 3)); // X_k, X_{k+1}
        const cb = v128.load(x + ((<usize>(h - k - 1)) << 3)); // X_{h−k−1}, X_{h−k}
        const c = f32x4.mul(v128.shuffle<f32>(cb, cb, 2, 3, 0, 1), conj); // conj X_{h−k}, conj X_{h−k−1}
        const e2 = f32x4.add(a, c);
        const wc = f32x4.mul(v128.load(w + ((<usize>k) << 3)), conj);
        if (ASC_FEATURE_RELAXED_SIMD) {
          // i·(d·conj w) = d·(i·conj w): the rotation moves onto the twiddle, the sum fuses
          v128.store(z + ((<usize>k) << 3), cmuladd2(e2, f32x4.sub(a, c), f32x4.mul(swap2(wc), neg)));
        } else {
          const o2 = cmul2(f32x4.sub(a, c), wc);
          v128.store(z + ((<usize>k) << 3), f32x4.add(e2, f32x4.mul(swap2(o2), neg))); // 2E + i·2O
        }
      }
    }
  }
  for (; k < h; k++) join1_c64(x, z, w, h, k);
}

function join1_c64(x: usize, z: usize, w: usize, h: i32, k: i32): void {
  const kk = (<usize>k) << 3;
  const m = (<usize>(h - k)) << 3;
  const xr = load<f32>(x + kk);
  const xi: f32 = k === 0 ? 0.0 : load<f32>(x + kk + 4);
  const cr = load<f32>(x + m);
  const ci: f32 = k === 0 ? 0.0 : -load<f32>(x + m + 4);
  const er = xr + cr;
  const ei = xi + ci;
  const dr = xr - cr;
  const di = xi - ci;
  const wr = load<f32>(w + kk);
  const wi = -load<f32>(w + kk + 4);
  const or = dr * wr - di * wi;
  const oi = dr * wi + di * wr;
  store<f32>(z + kk, er - oi);
  store<f32>(z + kk + 4, ei + or);
}

/** a[k] *= s for `count` f32 scalars. */
export function scale_f32(a: usize, count: i32, s: f32): void {
  let k = 0;
  if (ASC_FEATURE_SIMD) {
    const v = f32x4.splat(s);
    for (; k + 4 <= count; k += 4) v128.store(a + ((<usize>k) << 2), f32x4.mul(v128.load(a + ((<usize>k) << 2)), v));
  }
  for (; k < count; k++) store<f32>(a + ((<usize>k) << 2), load<f32>(a + ((<usize>k) << 2)) * s);
}

/**
 * out[k] = a[k] · b[k] for n complex64 numbers, each product and sum rounded to f32 (two per
 * step with SIMD, the same bits; not fused in any build, as cmul_c128). out may be a.
 * Reference: src/fft/wasm.ts cmulPlain.
 */
export function cmul_c64(a: usize, b: usize, out: usize, n: i32): void {
  const end = (<usize>n) << 3;
  let o: usize = 0;
  if (ASC_FEATURE_SIMD) {
    for (; o + 16 <= end; o += 16) {
      const z = v128.load(a + o);
      const w = v128.load(b + o);
      const wr = v128.shuffle<f32>(w, w, 0, 0, 2, 2);
      const wi = f32x4.mul(v128.shuffle<f32>(w, w, 1, 1, 3, 3), f32x4(-1.0, 1.0, -1.0, 1.0));
      v128.store(out + o, f32x4.add(f32x4.mul(z, wr), f32x4.mul(swap2(z), wi)));
    }
  }
  for (; o < end; o += 8) {
    const ar = load<f32>(a + o);
    const ai = load<f32>(a + o + 4);
    const br = load<f32>(b + o);
    const bi = load<f32>(b + o + 4);
    store<f32>(out + o, ar * br - ai * bi);
    store<f32>(out + o + 4, ar * bi + ai * br);
  }
}

/** z[k] = (x[k], 0) for f32 values → complex64. */
export function widen_f32(x: usize, z: usize, count: i32): void {
  for (let k = count - 1; k >= 0; k--) {
    store<f32>(z + ((<usize>k) << 3), load<f32>(x + ((<usize>k) << 2)));
    store<f32>(z + ((<usize>k) << 3) + 4, 0.0);
  }
}

// ---- radix 8 (complex128) -----------------------------------------------------------------
// y_k = b_k + W8^k·e_k, y_{k+4} = b_k − W8^k·e_k (k < 4), with b / e the radix-4 transforms of
// the even / odd inputs and W8 = e^{∓iπ/4}: W8·z = (z + r(z))/√2, W8²·z = r(z), W8³·z = (r(z) − z)/√2,
// where r(z) = ∓i·z (the same rotation as radix 4). Twiddles: tw(i, j), j = 1..7, at tw[i·7 + j−1].

const RSQRT2: f64 = Math.SQRT1_2;

export function pass8_c128(ido: i32, l1: i32, batch: i32, cc: usize, cs: i32, ch: usize, hs: i32, tw: usize, bwd: i32): void {
  const step = (<usize>batch) << 4;
  const istep = (<usize>cs) << 4;
  const ostep = (<usize>hs) << 4;
  const is = <usize>ido * istep;
  const os = <usize>ido * <usize>l1 * ostep;
  if (ASC_FEATURE_SIMD) {
    const sgn = bwd ? f64x2(-1.0, 1.0) : f64x2(1.0, -1.0);
    const h = f64x2.splat(RSQRT2);
    const sh = f64x2.mul(sgn, h); // rot(z)·h = swap(z)·sh
    const nh = f64x2.neg(h);
    for (let k = 0; k < l1; k++) {
      for (let i = 0; i < ido; i++) {
        const a0 = cc + (<usize>i + <usize>ido * 8 * <usize>k) * istep;
        const o0 = ch + (<usize>i + <usize>ido * <usize>k) * ostep;
        const wp = tw + <usize>i * 112;
        for (let t: usize = 0; t < step; t += 16) {
          const a = a0 + t;
          const c0 = v128.load(a);
          const c1 = v128.load(a + is);
          const c2 = v128.load(a + 2 * is);
          const c3 = v128.load(a + 3 * is);
          const c4 = v128.load(a + 4 * is);
          const c5 = v128.load(a + 5 * is);
          const c6 = v128.load(a + 6 * is);
          const c7 = v128.load(a + 7 * is);
          // evens
          const a0e = f64x2.add(c0, c4);
          const a1e = f64x2.sub(c0, c4);
          const a2e = f64x2.add(c2, c6);
          const a3e = rot(f64x2.sub(c2, c6), sgn);
          const b0 = f64x2.add(a0e, a2e);
          const b2 = f64x2.sub(a0e, a2e);
          const b1 = f64x2.add(a1e, a3e);
          const b3 = f64x2.sub(a1e, a3e);
          // odds
          const d0 = f64x2.add(c1, c5);
          const d1 = f64x2.sub(c1, c5);
          const d2 = f64x2.add(c3, c7);
          const d3 = rot(f64x2.sub(c3, c7), sgn);
          const e0 = f64x2.add(d0, d2);
          const e2 = rot(f64x2.sub(d0, d2), sgn); // W8²·e2
          const e1r = f64x2.add(d1, d3);
          const e3r = f64x2.sub(d1, d3);
          let e1: v128; // W8·e1
          let e3: v128; // W8³·e3
          if (ASC_FEATURE_RELAXED_SIMD) {
            e1 = f64x2.relaxed_madd(swap(e1r), sh, f64x2.mul(e1r, h));
            e3 = f64x2.relaxed_madd(swap(e3r), sh, f64x2.mul(e3r, nh));
          } else {
            e1 = f64x2.mul(f64x2.add(e1r, rot(e1r, sgn)), h);
            e3 = f64x2.mul(f64x2.sub(rot(e3r, sgn), e3r), h);
          }
          const o = o0 + t;
          v128.store(o, f64x2.add(b0, e0));
          if (i === 0) {
            v128.store(o + os, f64x2.add(b1, e1));
            v128.store(o + 2 * os, f64x2.add(b2, e2));
            v128.store(o + 3 * os, f64x2.add(b3, e3));
            v128.store(o + 4 * os, f64x2.sub(b0, e0));
            v128.store(o + 5 * os, f64x2.sub(b1, e1));
            v128.store(o + 6 * os, f64x2.sub(b2, e2));
            v128.store(o + 7 * os, f64x2.sub(b3, e3));
          } else {
            v128.store(o + os, cmul(f64x2.add(b1, e1), v128.load(wp)));
            v128.store(o + 2 * os, cmul(f64x2.add(b2, e2), v128.load(wp + 16)));
            v128.store(o + 3 * os, cmul(f64x2.add(b3, e3), v128.load(wp + 32)));
            v128.store(o + 4 * os, cmul(f64x2.sub(b0, e0), v128.load(wp + 48)));
            v128.store(o + 5 * os, cmul(f64x2.sub(b1, e1), v128.load(wp + 64)));
            v128.store(o + 6 * os, cmul(f64x2.sub(b2, e2), v128.load(wp + 80)));
            v128.store(o + 7 * os, cmul(f64x2.sub(b3, e3), v128.load(wp + 96)));
          }
        }
      }
    }
  } else {
    // scalar: two radix-4 halves on (re, im) pairs
    const s: f64 = bwd ? 1.0 : -1.0; // r(z) = s·i·z
    for (let k = 0; k < l1; k++) {
      for (let i = 0; i < ido; i++) {
        const a0 = cc + (<usize>i + <usize>ido * 8 * <usize>k) * istep;
        const o0 = ch + (<usize>i + <usize>ido * <usize>k) * ostep;
        const wp = tw + <usize>i * 112;
        for (let t: usize = 0; t < step; t += 16) {
          const a = a0 + t;
          const o = o0 + t;
          const c0r = load<f64>(a);
          const c0i = load<f64>(a + 8);
          const c1r = load<f64>(a + is);
          const c1i = load<f64>(a + is + 8);
          const c2r = load<f64>(a + 2 * is);
          const c2i = load<f64>(a + 2 * is + 8);
          const c3r = load<f64>(a + 3 * is);
          const c3i = load<f64>(a + 3 * is + 8);
          const c4r = load<f64>(a + 4 * is);
          const c4i = load<f64>(a + 4 * is + 8);
          const c5r = load<f64>(a + 5 * is);
          const c5i = load<f64>(a + 5 * is + 8);
          const c6r = load<f64>(a + 6 * is);
          const c6i = load<f64>(a + 6 * is + 8);
          const c7r = load<f64>(a + 7 * is);
          const c7i = load<f64>(a + 7 * is + 8);
          const a0r = c0r + c4r;
          const a0i = c0i + c4i;
          const a1r = c0r - c4r;
          const a1i = c0i - c4i;
          const a2r = c2r + c6r;
          const a2i = c2i + c6i;
          // r(x) = s·i·x = (−s·xi, s·xr)
          const a3r = -s * (c2i - c6i);
          const a3i = s * (c2r - c6r);
          const b0r = a0r + a2r;
          const b0i = a0i + a2i;
          const b2r = a0r - a2r;
          const b2i = a0i - a2i;
          const b1r = a1r + a3r;
          const b1i = a1i + a3i;
          const b3r = a1r - a3r;
          const b3i = a1i - a3i;
          const d0r = c1r + c5r;
          const d0i = c1i + c5i;
          const d1r = c1r - c5r;
          const d1i = c1i - c5i;
          const d2r = c3r + c7r;
          const d2i = c3i + c7i;
          const d3r = -s * (c3i - c7i);
          const d3i = s * (c3r - c7r);
          const e0r = d0r + d2r;
          const e0i = d0i + d2i;
          const e2r = -s * (d0i - d2i);
          const e2i = s * (d0r - d2r);
          const f1r = d1r + d3r;
          const f1i = d1i + d3i;
          const f3r = d1r - d3r;
          const f3i = d1i - d3i;
          const e1r = (f1r - s * f1i) * RSQRT2;
          const e1i = (f1i + s * f1r) * RSQRT2;
          const e3r = (-s * f3i - f3r) * RSQRT2;
          const e3i = (s * f3r - f3i) * RSQRT2;
          store<f64>(o, b0r + e0r);
          store<f64>(o + 8, b0i + e0i);
          cstore(o + os, b1r + e1r, b1i + e1i, wp, i);
          cstore(o + 2 * os, b2r + e2r, b2i + e2i, wp + 16, i);
          cstore(o + 3 * os, b3r + e3r, b3i + e3i, wp + 32, i);
          cstore(o + 4 * os, b0r - e0r, b0i - e0i, wp + 48, i);
          cstore(o + 5 * os, b1r - e1r, b1i - e1i, wp + 64, i);
          cstore(o + 6 * os, b2r - e2r, b2i - e2i, wp + 80, i);
          cstore(o + 7 * os, b3r - e3r, b3i - e3i, wp + 96, i);
        }
      }
    }
  }
}

// ---- radix 8 (complex64) ------------------------------------------------------------------
// pass8_c128's butterfly on two complex numbers at once (f32x4), in pass4_c64's three pair
// layouts (neighbouring transforms, neighbouring i, neighbouring k) with the scalar code for the
// rest. Twiddles in the pair layout of the complex64 passes, j = 1..7.

/** ∓i·z on both complex numbers of z (sgn as in pass4_c64). */
function rot2(z: v128, sgn: v128): v128 {
  return f32x4.mul(swap2(z), sgn);
}

/** The radix-8 butterfly, forced inline (a static method: the decorator's only legal place for biome). */
// biome-ignore lint/complexity/noStaticOnlyClass: AssemblyScript's @inline, which biome accepts only on methods
class Fly8 {
  /**
   * One radix-8 butterfly on c0..c7 (two complex each); output j times w_j, stored at o + j·os.
   * `mode` (a constant at each call): 0 multiplies by w_j, 1 by nothing (every w_j = 1), 2 by the
   * pre-split twiddle wr = w_j, wi = x_j (cmul2rw: the split hoisted out of a batch loop).
   */
  @inline static c64(
    c0: v128,
    c1: v128,
    c2: v128,
    c3: v128,
    c4: v128,
    c5: v128,
    c6: v128,
    c7: v128,
    o: usize,
    os: usize,
    sgn: v128,
    h: v128,
    w1: v128,
    w2: v128,
    w3: v128,
    w4: v128,
    w5: v128,
    w6: v128,
    w7: v128,
    x1: v128,
    x2: v128,
    x3: v128,
    x4: v128,
    x5: v128,
    x6: v128,
    x7: v128,
    mode: i32,
  ): void {
    const a0 = f32x4.add(c0, c4);
    const a1 = f32x4.sub(c0, c4);
    const a2 = f32x4.add(c2, c6);
    const a3 = rot2(f32x4.sub(c2, c6), sgn);
    const b0 = f32x4.add(a0, a2);
    const b2 = f32x4.sub(a0, a2);
    const b1 = f32x4.add(a1, a3);
    const b3 = f32x4.sub(a1, a3);
    const d0 = f32x4.add(c1, c5);
    const d1 = f32x4.sub(c1, c5);
    const d2 = f32x4.add(c3, c7);
    const d3 = rot2(f32x4.sub(c3, c7), sgn);
    const e0 = f32x4.add(d0, d2);
    const e2 = rot2(f32x4.sub(d0, d2), sgn); // W8²·e2
    const f1 = f32x4.add(d1, d3);
    const f3 = f32x4.sub(d1, d3);
    let e1: v128; // W8·e1
    let e3: v128; // W8³·e3
    if (ASC_FEATURE_RELAXED_SIMD) {
      const sh = f32x4.mul(sgn, h); // rot2(z)·h = swap2(z)·sh (constant: folded out of the loops)
      e1 = f32x4.relaxed_madd(swap2(f1), sh, f32x4.mul(f1, h));
      e3 = f32x4.relaxed_madd(swap2(f3), sh, f32x4.mul(f3, f32x4.neg(h)));
    } else {
      e1 = f32x4.mul(f32x4.add(f1, rot2(f1, sgn)), h);
      e3 = f32x4.mul(f32x4.sub(rot2(f3, sgn), f3), h);
    }
    v128.store(o, f32x4.add(b0, e0));
    const y1 = f32x4.add(b1, e1);
    const y2 = f32x4.add(b2, e2);
    const y3 = f32x4.add(b3, e3);
    const y4 = f32x4.sub(b0, e0);
    const y5 = f32x4.sub(b1, e1);
    const y6 = f32x4.sub(b2, e2);
    const y7 = f32x4.sub(b3, e3);
    if (mode === 1) {
      v128.store(o + os, y1);
      v128.store(o + 2 * os, y2);
      v128.store(o + 3 * os, y3);
      v128.store(o + 4 * os, y4);
      v128.store(o + 5 * os, y5);
      v128.store(o + 6 * os, y6);
      v128.store(o + 7 * os, y7);
    } else if (mode === 2) {
      v128.store(o + os, cmul2rw(y1, w1, x1));
      v128.store(o + 2 * os, cmul2rw(y2, w2, x2));
      v128.store(o + 3 * os, cmul2rw(y3, w3, x3));
      v128.store(o + 4 * os, cmul2rw(y4, w4, x4));
      v128.store(o + 5 * os, cmul2rw(y5, w5, x5));
      v128.store(o + 6 * os, cmul2rw(y6, w6, x6));
      v128.store(o + 7 * os, cmul2rw(y7, w7, x7));
    } else {
      v128.store(o + os, cmul2(y1, w1));
      v128.store(o + 2 * os, cmul2(y2, w2));
      v128.store(o + 3 * os, cmul2(y3, w3));
      v128.store(o + 4 * os, cmul2(y4, w4));
      v128.store(o + 5 * os, cmul2(y5, w5));
      v128.store(o + 6 * os, cmul2(y6, w6));
      v128.store(o + 7 * os, cmul2(y7, w7));
    }
  }
}

export function pass8_c64(ido: i32, l1: i32, batch: i32, cc: usize, cs: i32, ch: usize, hs: i32, tw: usize, bwd: i32): void {
  const istep = (<usize>cs) << 3;
  const ostep = (<usize>hs) << 3;
  const is = <usize>ido * istep;
  const os = <usize>ido * <usize>l1 * ostep;
  let k0 = 0; // first k left for the scalar code
  if (ASC_FEATURE_SIMD) {
    const sgn = bwd ? f32x4(-1.0, 1.0, -1.0, 1.0) : f32x4(1.0, -1.0, 1.0, -1.0);
    const h = f32x4.splat(<f32>RSQRT2);
    if (batch >= 2 && (batch & 1) === 0) {
      // pairs of neighbouring transforms t, t+1 (a block of columns): one twiddle, splatted
      const end = (<usize>batch) << 3;
      for (let k = 0; k < l1; k++) {
        for (let i = 0; i < ido; i++) {
          const a0 = cc + (<usize>i + <usize>ido * 8 * <usize>k) * istep;
          const o0 = ch + (<usize>i + <usize>ido * <usize>k) * ostep;
          const w1 = v128.load64_splat(tw32(tw, 8, i, 1));
          const w2 = v128.load64_splat(tw32(tw, 8, i, 2));
          const w3 = v128.load64_splat(tw32(tw, 8, i, 3));
          const w4 = v128.load64_splat(tw32(tw, 8, i, 4));
          const w5 = v128.load64_splat(tw32(tw, 8, i, 5));
          const w6 = v128.load64_splat(tw32(tw, 8, i, 6));
          const w7 = v128.load64_splat(tw32(tw, 8, i, 7));
          if (ASC_FEATURE_RELAXED_SIMD) {
            if (i === 0) {
              // w = 1: no products
              for (let t: usize = 0; t < end; t += 16) {
                const a = a0 + t;
                Fly8.c64(
                  v128.load(a),
                  v128.load(a + is),
                  v128.load(a + 2 * is),
                  v128.load(a + 3 * is),
                  v128.load(a + 4 * is),
                  v128.load(a + 5 * is),
                  v128.load(a + 6 * is),
                  v128.load(a + 7 * is),
                  o0 + t,
                  os,
                  sgn,
                  h,
                  w1,
                  w2,
                  w3,
                  w4,
                  w5,
                  w6,
                  w7,
                  w1,
                  w2,
                  w3,
                  w4,
                  w5,
                  w6,
                  w7,
                  1,
                );
              }
              continue;
            }
            // the twiddles split once for the whole batch loop
            const r1 = twr2(w1);
            const r2 = twr2(w2);
            const r3 = twr2(w3);
            const r4 = twr2(w4);
            const r5 = twr2(w5);
            const r6 = twr2(w6);
            const r7 = twr2(w7);
            const i1 = twi2(w1);
            const i2 = twi2(w2);
            const i3 = twi2(w3);
            const i4 = twi2(w4);
            const i5 = twi2(w5);
            const i6 = twi2(w6);
            const i7 = twi2(w7);
            for (let t: usize = 0; t < end; t += 16) {
              const a = a0 + t;
              Fly8.c64(
                v128.load(a),
                v128.load(a + is),
                v128.load(a + 2 * is),
                v128.load(a + 3 * is),
                v128.load(a + 4 * is),
                v128.load(a + 5 * is),
                v128.load(a + 6 * is),
                v128.load(a + 7 * is),
                o0 + t,
                os,
                sgn,
                h,
                r1,
                r2,
                r3,
                r4,
                r5,
                r6,
                r7,
                i1,
                i2,
                i3,
                i4,
                i5,
                i6,
                i7,
                2,
              );
            }
            continue;
          }
          for (let t: usize = 0; t < end; t += 16) {
            const a = a0 + t;
            Fly8.c64(
              v128.load(a),
              v128.load(a + is),
              v128.load(a + 2 * is),
              v128.load(a + 3 * is),
              v128.load(a + 4 * is),
              v128.load(a + 5 * is),
              v128.load(a + 6 * is),
              v128.load(a + 7 * is),
              o0 + t,
              os,
              sgn,
              h,
              w1,
              w2,
              w3,
              w4,
              w5,
              w6,
              w7,
              w1,
              w2,
              w3,
              w4,
              w5,
              w6,
              w7,
              0,
            );
          }
        }
      }
      return;
    }
    if (batch === 1 && ido >= 2) {
      // pairs i, i+1 with their twiddle pairs
      for (let k = 0; k < l1; k++) {
        const a0k = cc + <usize>ido * 8 * <usize>k * istep;
        const o0k = ch + <usize>ido * <usize>k * ostep;
        let i = 0;
        for (; i + 2 <= ido; i += 2) {
          const wp = tw + ((<usize>(i >> 1) * 7) << 4);
          const a = a0k + <usize>i * istep;
          Fly8.c64(
            v128.load(a),
            v128.load(a + is),
            v128.load(a + 2 * is),
            v128.load(a + 3 * is),
            v128.load(a + 4 * is),
            v128.load(a + 5 * is),
            v128.load(a + 6 * is),
            v128.load(a + 7 * is),
            o0k + <usize>i * ostep,
            os,
            sgn,
            h,
            v128.load(wp),
            v128.load(wp + 16),
            v128.load(wp + 32),
            v128.load(wp + 48),
            v128.load(wp + 64),
            v128.load(wp + 80),
            v128.load(wp + 96),
            v128.splat<i32>(0),
            v128.splat<i32>(0),
            v128.splat<i32>(0),
            v128.splat<i32>(0),
            v128.splat<i32>(0),
            v128.splat<i32>(0),
            v128.splat<i32>(0),
            0,
          );
        }
        if (i < ido) scalar8_c64(i, k, ido, istep, ostep, is, os, cc, ch, tw, bwd);
      }
      return;
    }
    if (batch === 1 && ido === 1) {
      // pairs k, k+1: inputs 8·istep apart, outputs contiguous, no twiddles
      const one = f32x4(1.0, 0.0, 1.0, 0.0);
      const kstep = 8 * istep;
      let k = 0;
      for (; k + 2 <= l1; k += 2) {
        const a = cc + <usize>k * kstep;
        const b = a + kstep;
        Fly8.c64(
          v128.load64_lane(b, v128.load64_zero(a), 1),
          v128.load64_lane(b + is, v128.load64_zero(a + is), 1),
          v128.load64_lane(b + 2 * is, v128.load64_zero(a + 2 * is), 1),
          v128.load64_lane(b + 3 * is, v128.load64_zero(a + 3 * is), 1),
          v128.load64_lane(b + 4 * is, v128.load64_zero(a + 4 * is), 1),
          v128.load64_lane(b + 5 * is, v128.load64_zero(a + 5 * is), 1),
          v128.load64_lane(b + 6 * is, v128.load64_zero(a + 6 * is), 1),
          v128.load64_lane(b + 7 * is, v128.load64_zero(a + 7 * is), 1),
          ch + <usize>k * ostep,
          os,
          sgn,
          h,
          one,
          one,
          one,
          one,
          one,
          one,
          one,
          one,
          one,
          one,
          one,
          one,
          one,
          one,
          ASC_FEATURE_RELAXED_SIMD ? 1 : 0, // w = 1: the relaxed build skips the products
        );
      }
      k0 = k;
    }
  }
  for (let k = k0; k < l1; k++) {
    for (let i = 0; i < ido; i++) {
      for (let t = 0; t < batch; t++) scalar8_c64(i, k, ido, istep, ostep, is, os, cc + ((<usize>t) << 3), ch + ((<usize>t) << 3), tw, bwd);
    }
  }
}

/** One scalar radix-8 butterfly of pass8_c64 (element i of group k), float32 arithmetic. */
function scalar8_c64(
  i: i32,
  k: i32,
  ido: i32,
  istep: usize,
  ostep: usize,
  is: usize,
  os: usize,
  cc: usize,
  ch: usize,
  tw: usize,
  bwd: i32,
): void {
  const a = cc + (<usize>i + <usize>ido * 8 * <usize>k) * istep;
  const o = ch + (<usize>i + <usize>ido * <usize>k) * ostep;
  const s: f32 = bwd ? 1.0 : -1.0; // r(z) = s·i·z
  const h = <f32>RSQRT2;
  const c0r = load<f32>(a);
  const c0i = load<f32>(a + 4);
  const c1r = load<f32>(a + is);
  const c1i = load<f32>(a + is + 4);
  const c2r = load<f32>(a + 2 * is);
  const c2i = load<f32>(a + 2 * is + 4);
  const c3r = load<f32>(a + 3 * is);
  const c3i = load<f32>(a + 3 * is + 4);
  const c4r = load<f32>(a + 4 * is);
  const c4i = load<f32>(a + 4 * is + 4);
  const c5r = load<f32>(a + 5 * is);
  const c5i = load<f32>(a + 5 * is + 4);
  const c6r = load<f32>(a + 6 * is);
  const c6i = load<f32>(a + 6 * is + 4);
  const c7r = load<f32>(a + 7 * is);
  const c7i = load<f32>(a + 7 * is + 4);
  const a0r = c0r + c4r;
  const a0i = c0i + c4i;
  const a1r = c0r - c4r;
  const a1i = c0i - c4i;
  const a2r = c2r + c6r;
  const a2i = c2i + c6i;
  const a3r = -s * (c2i - c6i);
  const a3i = s * (c2r - c6r);
  const b0r = a0r + a2r;
  const b0i = a0i + a2i;
  const b2r = a0r - a2r;
  const b2i = a0i - a2i;
  const b1r = a1r + a3r;
  const b1i = a1i + a3i;
  const b3r = a1r - a3r;
  const b3i = a1i - a3i;
  const d0r = c1r + c5r;
  const d0i = c1i + c5i;
  const d1r = c1r - c5r;
  const d1i = c1i - c5i;
  const d2r = c3r + c7r;
  const d2i = c3i + c7i;
  const d3r = -s * (c3i - c7i);
  const d3i = s * (c3r - c7r);
  const e0r = d0r + d2r;
  const e0i = d0i + d2i;
  const e2r = -s * (d0i - d2i);
  const e2i = s * (d0r - d2r);
  const f1r = d1r + d3r;
  const f1i = d1i + d3i;
  const f3r = d1r - d3r;
  const f3i = d1i - d3i;
  const e1r = (f1r - s * f1i) * h;
  const e1i = (f1i + s * f1r) * h;
  const e3r = (-s * f3i - f3r) * h;
  const e3i = (s * f3r - f3i) * h;
  store<f32>(o, b0r + e0r);
  store<f32>(o + 4, b0i + e0i);
  cstore32(o + os, b1r + e1r, b1i + e1i, tw32(tw, 8, i, 1), i);
  cstore32(o + 2 * os, b2r + e2r, b2i + e2i, tw32(tw, 8, i, 2), i);
  cstore32(o + 3 * os, b3r + e3r, b3i + e3i, tw32(tw, 8, i, 3), i);
  cstore32(o + 4 * os, b0r - e0r, b0i - e0i, tw32(tw, 8, i, 4), i);
  cstore32(o + 5 * os, b1r - e1r, b1i - e1i, tw32(tw, 8, i, 5), i);
  cstore32(o + 6 * os, b2r - e2r, b2i - e2i, tw32(tw, 8, i, 6), i);
  cstore32(o + 7 * os, b3r - e3r, b3i - e3i, tw32(tw, 8, i, 7), i);
}

// ---- complex64 helpers of the threaded four-step (longtask.ts) -----------------------------

/**
 * twiddle_block_c128 on complex64 data: a[r][c] *= e^{∓2πi·r·(c0+c)/n}, the root from the same
 * float64 tables (hi[q >> shift] · lo[q & mask]), the product computed in float64 and rounded once.
 */
export function twiddle_block_c64(a: usize, rows: i32, batch: i32, rs: i32, c0: i32, n: i32, hi: usize, lo: usize, shift: i32): void {
  const mask = (1 << shift) - 1;
  for (let r = 0; r < rows; r++) {
    const row = a + ((<usize>r * <usize>rs) << 3);
    let q = (<i64>r * <i64>c0) % <i64>n;
    for (let c = 0; c < batch; c++) {
      const qi = <i32>q;
      const h = hi + ((<usize>(qi >> shift)) << 4);
      const l = lo + ((<usize>(qi & mask)) << 4);
      const p = row + ((<usize>c) << 3);
      const hr = load<f64>(h);
      const hi_ = load<f64>(h + 8);
      const lr = load<f64>(l);
      const li = load<f64>(l + 8);
      const wr = hr * lr - hi_ * li;
      const wi = hr * li + hi_ * lr;
      const zr = <f64>load<f32>(p);
      const zi = <f64>load<f32>(p + 4);
      store<f32>(p, <f32>(zr * wr - zi * wi));
      store<f32>(p + 4, <f32>(zr * wi + zi * wr));
      q += r;
      if (q >= n) q -= n;
    }
  }
}

/** transpose_rows_c128 for 8-byte complex64 elements: dst[k·ds + t] = src[t·count + k]. */
export function transpose_rows_c64(src: usize, rows: i32, count: i32, dst: usize, ds: i32): void {
  const rowBytes = (<usize>count) << 3;
  const db = (<usize>ds) << 3;
  for (let k = 0; k < count; k++) {
    const s = src + ((<usize>k) << 3);
    const d = dst + <usize>k * db;
    for (let t = 0; t < rows; t++) store<i64>(d + ((<usize>t) << 3), load<i64>(s + <usize>t * rowBytes));
  }
}

/**
 * Bins k and h − k of the real split (r2c_split_c128 / _c64, the one-bin form) for k0 <= k < k1
 * <= h/2 + 1 (k = 0 gives bins 0 and h): one share of the threaded split. z, x, w as there,
 * addressed with the full-length offsets; `single`: complex64 data and table.
 */
export function r2c_split_range(z: usize, x: usize, w: usize, h: i32, k0: i32, k1: i32, single: i32): void {
  for (let k = k0; k < k1; k++) {
    const m = h - k;
    if (single) {
      split1_c64(z, x, w, h, k);
      if (m !== k) split1_c64(z, x, w, h, m);
    } else {
      split1_c128(z, x, w, h, k);
      if (m !== k) split1_c128(z, x, w, h, m);
    }
  }
}

/** Z_k of the inverse split (c2r_join_c128 / _c64, the one-bin form) for k0 <= k < k1 <= h: one share. */
export function c2r_join_range(x: usize, z: usize, w: usize, h: i32, k0: i32, k1: i32, single: i32): void {
  for (let k = k0; k < k1; k++) {
    if (single) join1_c64(x, z, w, h, k);
    else join1_c128(x, z, w, h, k);
  }
}

// ---- radix 3 and 5 (complex64) ------------------------------------------------------------
// pass3_c128 / pass5_c128's butterflies on two complex numbers at once (f32x4), in pass8_c64's
// three pair layouts, the scalar code for the rest. Twiddles in the complex64 pair layout.

const C51F: f32 = <f32>C51;
const C52F: f32 = <f32>C52;

// biome-ignore lint/complexity/noStaticOnlyClass: AssemblyScript's @inline, which biome accepts only on methods
class Fly35 {
  /** One radix-3 butterfly on c0..c2 (two complex each); output j times w_j at o + j·os. rs = (−s, s, −s, s). */
  @inline static c3(c0: v128, c1: v128, c2: v128, o: usize, os: usize, rs: v128, w1: v128, w2: v128): void {
    const t1 = f32x4.add(c1, c2);
    const t2 = f32x4.sub(c1, c2);
    v128.store(o, f32x4.add(c0, t1));
    const av = fnma4(f32x4.splat(0.5), t1, c0);
    const bv = f32x4.mul(swap2(t2), rs);
    v128.store(o + os, cmul2(f32x4.add(av, bv), w1));
    v128.store(o + 2 * os, cmul2(f32x4.sub(av, bv), w2));
  }

  /** One radix-5 butterfly; r1 = (−s1, s1, …), r2 = (−s2, s2, …) as in pass5_c128. */
  @inline static c5(
    c0: v128,
    x1: v128,
    x2: v128,
    x3: v128,
    x4: v128,
    o: usize,
    os: usize,
    r1: v128,
    r2: v128,
    w1: v128,
    w2: v128,
    w3: v128,
    w4: v128,
  ): void {
    const c1v = f32x4.splat(C51F);
    const c2v = f32x4.splat(C52F);
    const t1 = f32x4.add(x1, x4);
    const t4 = swap2(f32x4.sub(x1, x4));
    const t2 = f32x4.add(x2, x3);
    const t3 = swap2(f32x4.sub(x2, x3));
    v128.store(o, f32x4.add(c0, f32x4.add(t1, t2)));
    const ca = sum24(c0, c1v, t1, c2v, t2);
    const cb = fma4(t4, r1, f32x4.mul(t3, r2));
    const da = sum24(c0, c2v, t1, c1v, t2);
    const db = fnma4(t3, r1, f32x4.mul(t4, r2));
    v128.store(o + os, cmul2(f32x4.add(ca, cb), w1));
    v128.store(o + 4 * os, cmul2(f32x4.sub(ca, cb), w4));
    v128.store(o + 2 * os, cmul2(f32x4.add(da, db), w2));
    v128.store(o + 3 * os, cmul2(f32x4.sub(da, db), w3));
  }
}

export function pass3_c64(ido: i32, l1: i32, batch: i32, cc: usize, cs: i32, ch: usize, hs: i32, tw: usize, bwd: i32): void {
  const istep = (<usize>cs) << 3;
  const ostep = (<usize>hs) << 3;
  const is = <usize>ido * istep;
  const os = <usize>ido * <usize>l1 * ostep;
  let k0 = 0;
  if (ASC_FEATURE_SIMD) {
    const s: f32 = bwd ? <f32>0.8660254037844386 : <f32>-0.8660254037844386;
    const rs = f32x4(-s, s, -s, s);
    if (batch >= 2 && (batch & 1) === 0) {
      const end = (<usize>batch) << 3;
      for (let k = 0; k < l1; k++) {
        for (let i = 0; i < ido; i++) {
          const a0 = cc + (<usize>i + <usize>ido * 3 * <usize>k) * istep;
          const o0 = ch + (<usize>i + <usize>ido * <usize>k) * ostep;
          const w1 = v128.load64_splat(tw32(tw, 3, i, 1));
          const w2 = v128.load64_splat(tw32(tw, 3, i, 2));
          for (let t: usize = 0; t < end; t += 16) {
            const a = a0 + t;
            Fly35.c3(v128.load(a), v128.load(a + is), v128.load(a + 2 * is), o0 + t, os, rs, w1, w2);
          }
        }
      }
      return;
    }
    if (batch === 1 && ido >= 2) {
      for (let k = 0; k < l1; k++) {
        const a0k = cc + <usize>ido * 3 * <usize>k * istep;
        const o0k = ch + <usize>ido * <usize>k * ostep;
        let i = 0;
        for (; i + 2 <= ido; i += 2) {
          const wp = tw + ((<usize>(i >> 1) * 2) << 4);
          const a = a0k + <usize>i * istep;
          Fly35.c3(
            v128.load(a),
            v128.load(a + is),
            v128.load(a + 2 * is),
            o0k + <usize>i * ostep,
            os,
            rs,
            v128.load(wp),
            v128.load(wp + 16),
          );
        }
        if (i < ido) scalar3_c64(i, k, ido, istep, ostep, is, os, cc, ch, tw, bwd);
      }
      return;
    }
    if (batch === 1 && ido === 1) {
      const one = f32x4(1.0, 0.0, 1.0, 0.0);
      const kstep = 3 * istep;
      let k = 0;
      for (; k + 2 <= l1; k += 2) {
        const a = cc + <usize>k * kstep;
        const b = a + kstep;
        Fly35.c3(
          v128.load64_lane(b, v128.load64_zero(a), 1),
          v128.load64_lane(b + is, v128.load64_zero(a + is), 1),
          v128.load64_lane(b + 2 * is, v128.load64_zero(a + 2 * is), 1),
          ch + <usize>k * ostep,
          os,
          rs,
          one,
          one,
        );
      }
      k0 = k;
    }
  }
  for (let k = k0; k < l1; k++) {
    for (let i = 0; i < ido; i++) {
      for (let t = 0; t < batch; t++) scalar3_c64(i, k, ido, istep, ostep, is, os, cc + ((<usize>t) << 3), ch + ((<usize>t) << 3), tw, bwd);
    }
  }
}

function scalar3_c64(
  i: i32,
  k: i32,
  ido: i32,
  istep: usize,
  ostep: usize,
  is: usize,
  os: usize,
  cc: usize,
  ch: usize,
  tw: usize,
  bwd: i32,
): void {
  const a = cc + (<usize>i + <usize>ido * 3 * <usize>k) * istep;
  const o = ch + (<usize>i + <usize>ido * <usize>k) * ostep;
  const s: f32 = bwd ? <f32>0.8660254037844386 : <f32>-0.8660254037844386;
  const c0r = load<f32>(a);
  const c0i = load<f32>(a + 4);
  const t1r = load<f32>(a + is) + load<f32>(a + 2 * is);
  const t1i = load<f32>(a + is + 4) + load<f32>(a + 2 * is + 4);
  const t2r = load<f32>(a + is) - load<f32>(a + 2 * is);
  const t2i = load<f32>(a + is + 4) - load<f32>(a + 2 * is + 4);
  store<f32>(o, c0r + t1r);
  store<f32>(o + 4, c0i + t1i);
  const ar = c0r - <f32>0.5 * t1r;
  const ai = c0i - <f32>0.5 * t1i;
  const br = -s * t2i;
  const bi = s * t2r;
  cstore32(o + os, ar + br, ai + bi, tw32(tw, 3, i, 1), i);
  cstore32(o + 2 * os, ar - br, ai - bi, tw32(tw, 3, i, 2), i);
}

export function pass5_c64(ido: i32, l1: i32, batch: i32, cc: usize, cs: i32, ch: usize, hs: i32, tw: usize, bwd: i32): void {
  const istep = (<usize>cs) << 3;
  const ostep = (<usize>hs) << 3;
  const is = <usize>ido * istep;
  const os = <usize>ido * <usize>l1 * ostep;
  let k0 = 0;
  if (ASC_FEATURE_SIMD) {
    const s1: f32 = <f32>(bwd ? S51 : -S51);
    const s2: f32 = <f32>(bwd ? S52 : -S52);
    const r1 = f32x4(-s1, s1, -s1, s1);
    const r2 = f32x4(-s2, s2, -s2, s2);
    if (batch >= 2 && (batch & 1) === 0) {
      const end = (<usize>batch) << 3;
      for (let k = 0; k < l1; k++) {
        for (let i = 0; i < ido; i++) {
          const a0 = cc + (<usize>i + <usize>ido * 5 * <usize>k) * istep;
          const o0 = ch + (<usize>i + <usize>ido * <usize>k) * ostep;
          const w1 = v128.load64_splat(tw32(tw, 5, i, 1));
          const w2 = v128.load64_splat(tw32(tw, 5, i, 2));
          const w3 = v128.load64_splat(tw32(tw, 5, i, 3));
          const w4 = v128.load64_splat(tw32(tw, 5, i, 4));
          for (let t: usize = 0; t < end; t += 16) {
            const a = a0 + t;
            Fly35.c5(
              v128.load(a),
              v128.load(a + is),
              v128.load(a + 2 * is),
              v128.load(a + 3 * is),
              v128.load(a + 4 * is),
              o0 + t,
              os,
              r1,
              r2,
              w1,
              w2,
              w3,
              w4,
            );
          }
        }
      }
      return;
    }
    if (batch === 1 && ido >= 2) {
      for (let k = 0; k < l1; k++) {
        const a0k = cc + <usize>ido * 5 * <usize>k * istep;
        const o0k = ch + <usize>ido * <usize>k * ostep;
        let i = 0;
        for (; i + 2 <= ido; i += 2) {
          const wp = tw + ((<usize>(i >> 1) * 4) << 4);
          const a = a0k + <usize>i * istep;
          Fly35.c5(
            v128.load(a),
            v128.load(a + is),
            v128.load(a + 2 * is),
            v128.load(a + 3 * is),
            v128.load(a + 4 * is),
            o0k + <usize>i * ostep,
            os,
            r1,
            r2,
            v128.load(wp),
            v128.load(wp + 16),
            v128.load(wp + 32),
            v128.load(wp + 48),
          );
        }
        if (i < ido) scalar5_c64(i, k, ido, istep, ostep, is, os, cc, ch, tw, bwd);
      }
      return;
    }
    if (batch === 1 && ido === 1) {
      const one = f32x4(1.0, 0.0, 1.0, 0.0);
      const kstep = 5 * istep;
      let k = 0;
      for (; k + 2 <= l1; k += 2) {
        const a = cc + <usize>k * kstep;
        const b = a + kstep;
        Fly35.c5(
          v128.load64_lane(b, v128.load64_zero(a), 1),
          v128.load64_lane(b + is, v128.load64_zero(a + is), 1),
          v128.load64_lane(b + 2 * is, v128.load64_zero(a + 2 * is), 1),
          v128.load64_lane(b + 3 * is, v128.load64_zero(a + 3 * is), 1),
          v128.load64_lane(b + 4 * is, v128.load64_zero(a + 4 * is), 1),
          ch + <usize>k * ostep,
          os,
          r1,
          r2,
          one,
          one,
          one,
          one,
        );
      }
      k0 = k;
    }
  }
  for (let k = k0; k < l1; k++) {
    for (let i = 0; i < ido; i++) {
      for (let t = 0; t < batch; t++) scalar5_c64(i, k, ido, istep, ostep, is, os, cc + ((<usize>t) << 3), ch + ((<usize>t) << 3), tw, bwd);
    }
  }
}

function scalar5_c64(
  i: i32,
  k: i32,
  ido: i32,
  istep: usize,
  ostep: usize,
  is: usize,
  os: usize,
  cc: usize,
  ch: usize,
  tw: usize,
  bwd: i32,
): void {
  const a = cc + (<usize>i + <usize>ido * 5 * <usize>k) * istep;
  const o = ch + (<usize>i + <usize>ido * <usize>k) * ostep;
  const s1: f32 = <f32>(bwd ? S51 : -S51);
  const s2: f32 = <f32>(bwd ? S52 : -S52);
  const c0r = load<f32>(a);
  const c0i = load<f32>(a + 4);
  const t1r = load<f32>(a + is) + load<f32>(a + 4 * is);
  const t1i = load<f32>(a + is + 4) + load<f32>(a + 4 * is + 4);
  const t4r = load<f32>(a + is) - load<f32>(a + 4 * is);
  const t4i = load<f32>(a + is + 4) - load<f32>(a + 4 * is + 4);
  const t2r = load<f32>(a + 2 * is) + load<f32>(a + 3 * is);
  const t2i = load<f32>(a + 2 * is + 4) + load<f32>(a + 3 * is + 4);
  const t3r = load<f32>(a + 2 * is) - load<f32>(a + 3 * is);
  const t3i = load<f32>(a + 2 * is + 4) - load<f32>(a + 3 * is + 4);
  store<f32>(o, c0r + (t1r + t2r));
  store<f32>(o + 4, c0i + (t1i + t2i));
  let ar = c0r + (C51F * t1r + C52F * t2r);
  let ai = c0i + (C51F * t1i + C52F * t2i);
  let br = -(s1 * t4i + s2 * t3i);
  let bi = s1 * t4r + s2 * t3r;
  cstore32(o + os, ar + br, ai + bi, tw32(tw, 5, i, 1), i);
  cstore32(o + 4 * os, ar - br, ai - bi, tw32(tw, 5, i, 4), i);
  ar = c0r + (C52F * t1r + C51F * t2r);
  ai = c0i + (C52F * t1i + C51F * t2i);
  br = -(s2 * t4i - s1 * t3i);
  bi = s2 * t4r - s1 * t3r;
  cstore32(o + 2 * os, ar + br, ai + bi, tw32(tw, 5, i, 2), i);
  cstore32(o + 3 * os, ar - br, ai - bi, tw32(tw, 5, i, 3), i);
}

/** out[k] = conj?(x[k]) · c[k], conjugated again when conjOut: chirp_c128 for complex64 (f32 arithmetic). */
export function chirp_c64(x: usize, c: usize, out: usize, n: i32, conjIn: i32, conjOut: i32): void {
  const end = (<usize>n) << 3;
  let o: usize = 0;
  if (ASC_FEATURE_SIMD) {
    const ci = conjIn ? f32x4(1.0, -1.0, 1.0, -1.0) : f32x4(1.0, 1.0, 1.0, 1.0);
    const co = conjOut ? f32x4(1.0, -1.0, 1.0, -1.0) : f32x4(1.0, 1.0, 1.0, 1.0);
    for (; o + 16 <= end; o += 16) v128.store(out + o, f32x4.mul(cmul2(f32x4.mul(v128.load(x + o), ci), v128.load(c + o)), co));
  }
  const si: f32 = conjIn ? -1.0 : 1.0;
  const so: f32 = conjOut ? -1.0 : 1.0;
  for (; o < end; o += 8) {
    const xr = load<f32>(x + o);
    const xi = si * load<f32>(x + o + 4);
    const cr = load<f32>(c + o);
    const cim = load<f32>(c + o + 4);
    store<f32>(out + o, xr * cr - xi * cim);
    store<f32>(out + o + 4, so * (xr * cim + xi * cr));
  }
}
