/**
 * The WebAssembly fast path (assembly/fft.ts) for complex128 work, beside the plain-TS passes
 * of plan.ts / real.ts which it must match (test/fft/wasm.test.ts). float32 data is widened
 * to float64 on the way in and rounded on the way out (TypedArray.set converts).
 *
 * Memory of the 'fft' family instance: [plan tables | data buffers]. Tables (twiddles, roots)
 * of recently used plans stay resident; the data buffers are carved per call.
 *
 * Large 1-D transforms (n >= FOUR_STEP_MIN) use the four-step algorithm (D. H. Bailey, "FFTs in
 * external or hierarchical memory", J. Supercomputing 4, 1990): n = n1·n2, n2 column FFTs of
 * length n1 done a block of columns at a time in cache, twiddles e^{−2πi·r·c/n}, then n1 row
 * FFTs of length n2 written transposed — two sweeps over memory instead of one per radix pass.
 */
import { defaultVariant, type WasmKernels, type WasmVariant, wasmKernels } from '../wasm/loader.js';
import {
  COLUMN_BLOCK,
  WasmBluestein,
  type WasmBluestein32,
  WasmFourStep,
  type WasmPlan,
  type WasmRadixPlan,
  type WasmRadixPlan32,
} from './wasmplans.js';

/** Exports of assembly/fft.ts; pointers are byte offsets into the family's memory, strides in complex. */
export interface FftExports {
  pass2_c128(ido: number, l1: number, batch: number, cc: number, cs: number, ch: number, hs: number, tw: number): void;
  pass3_c128(ido: number, l1: number, batch: number, cc: number, cs: number, ch: number, hs: number, tw: number, bwd: number): void;
  pass4_c128(ido: number, l1: number, batch: number, cc: number, cs: number, ch: number, hs: number, tw: number, bwd: number): void;
  pass5_c128(ido: number, l1: number, batch: number, cc: number, cs: number, ch: number, hs: number, tw: number, bwd: number): void;
  pass8_c128(ido: number, l1: number, batch: number, cc: number, cs: number, ch: number, hs: number, tw: number, bwd: number): void;
  passg_c128(
    p: number,
    ido: number,
    l1: number,
    batch: number,
    cc: number,
    cs: number,
    ch: number,
    hs: number,
    tw: number,
    bwd: number,
    roots: number,
    scratch: number,
  ): void;
  cmul_c128(a: number, b: number, out: number, n: number): void;
  cmul_c64(a: number, b: number, out: number, n: number): void;
  r2c_split_c128(z: number, x: number, w: number, h: number): void;
  c2r_join_c128(x: number, z: number, w: number, h: number): void;
  twiddle_block_c128(
    a: number,
    rows: number,
    batch: number,
    rs: number,
    c0: number,
    n: number,
    hi: number,
    lo: number,
    shift: number,
  ): void;
  scatter_c128(src: number, count: number, dst: number, os: number): void;
  copy_rows_c128(a: number, as: number, b: number, bs: number, rows: number, count: number): void;
  transpose_rows_c128(src: number, rows: number, count: number, dst: number, ds: number): void;
  scale_f64(a: number, count: number, s: number): void;
  chirp_c128(x: number, c: number, out: number, n: number, conjIn: number, conjOut: number): void;
  widen_f64(x: number, z: number, count: number): void;
  f32_to_f64(src: number, dst: number, count: number): void;
  f64_to_f32(src: number, dst: number, count: number): void;
  pass2_c64(ido: number, l1: number, batch: number, cc: number, cs: number, ch: number, hs: number, tw: number): void;
  pass4_c64(ido: number, l1: number, batch: number, cc: number, cs: number, ch: number, hs: number, tw: number, bwd: number): void;
  pass8_c64(ido: number, l1: number, batch: number, cc: number, cs: number, ch: number, hs: number, tw: number, bwd: number): void;
  pass3_c64(ido: number, l1: number, batch: number, cc: number, cs: number, ch: number, hs: number, tw: number, bwd: number): void;
  pass5_c64(ido: number, l1: number, batch: number, cc: number, cs: number, ch: number, hs: number, tw: number, bwd: number): void;
  chirp_c64(x: number, c: number, out: number, n: number, conjIn: number, conjOut: number): void;
  copy_rows_c64(a: number, as: number, b: number, bs: number, rows: number, count: number): void;
  r2c_split_c64(z: number, x: number, w: number, h: number): void;
  c2r_join_c64(x: number, z: number, w: number, h: number): void;
  scale_f32(a: number, count: number, s: number): void;
  widen_f32(x: number, z: number, count: number): void;
  twiddle_block_c64(a: number, rows: number, batch: number, rs: number, c0: number, n: number, hi: number, lo: number, shift: number): void;
  transpose_rows_c64(src: number, rows: number, count: number, dst: number, ds: number): void;
  r2c_split_range(z: number, x: number, w: number, h: number, k0: number, k1: number, single: number): void;
  c2r_join_range(x: number, z: number, w: number, h: number, k0: number, k1: number, single: number): void;
}

interface Resident {
  id: number;
  offset: number;
}

/** One loaded family instance: its tables region and data buffers. */
export class WasmEngine {
  readonly k: WasmKernels<FftExports>;
  private tableCap = 1 << 20;
  private tableEnd = 0;
  private resident = new Map<number, Resident>();
  private view: Float64Array | undefined;

  constructor(k: WasmKernels<FftExports>) {
    this.k = k;
  }

  /** A float64 view of the whole memory, remade after growth. */
  f64(): Float64Array {
    if (this.view === undefined || this.view.buffer !== this.k.memory.buffer) this.view = new Float64Array(this.k.memory.buffer);
    return this.view;
  }

  /**
   * Copy `count` values of `src` from index `offset` into memory at byte offset `at` as float64.
   * float32 data is copied as is (a memcpy) and widened in place by the kernel: faster than a
   * converting set.
   */
  load(src: ArrayLike<number>, at: number, count: number, offset = 0): void {
    const whole = offset === 0 && src.length === count;
    if (src instanceof Float32Array) {
      new Float32Array(this.k.memory.buffer, at, count).set(whole ? src : src.subarray(offset, offset + count));
      this.k.exports.f32_to_f64(at, at, count);
    } else if (src instanceof Float64Array) {
      this.f64().set(whole ? src : src.subarray(offset, offset + count), at / 8);
    } else {
      const v = this.f64();
      for (let i = 0; i < count; i++) v[at / 8 + i] = src[offset + i];
    }
  }

  /** Copy `count` float64 values at byte offset `at` into `out` (float32 rounded by the kernel, in place). */
  store(at: number, out: Float32Array | Float64Array, count: number): void {
    if (out instanceof Float32Array) {
      this.k.exports.f64_to_f32(at, at, count);
      out.set(new Float32Array(this.k.memory.buffer, at, count));
    } else {
      out.set(this.f64().subarray(at / 8, at / 8 + count));
    }
  }

  /**
   * Byte offsets of several tables, all resident at once. Uploading one may restart the tables
   * region (when it is full), which evicts the others, so repeat until a pass changes nothing.
   */
  tablesFor(owners: readonly { id: number; tables: Float64Array | Float32Array }[]): number[] {
    for (;;) {
      const cap = this.tableCap;
      const offsets = owners.map((o) => this.table(o));
      if (cap === this.tableCap) return offsets;
    }
  }

  /** Byte offset of a table, uploading it when it is not resident (see tablesFor for several). */
  table(owner: { id: number; tables: Float64Array | Float32Array }): number {
    const hit = this.resident.get(owner.id);
    if (hit) return hit.offset;
    const bytes = owner.tables.byteLength;
    if (this.tableEnd + bytes > this.tableCap) {
      // start over with a region big enough; every plan re-uploads on its next use
      this.tableCap = Math.max(2 * this.tableCap, 2 * bytes);
      this.tableEnd = 0;
      this.resident.clear();
    }
    const offset = this.k.arena.base + this.tableEnd;
    this.tableEnd += Math.ceil(bytes / 16) * 16;
    this.k.arena.reserve(this.tableCap);
    if (owner.tables instanceof Float32Array) new Float32Array(this.k.memory.buffer, offset, owner.tables.length).set(owner.tables);
    else this.f64().set(owner.tables, offset / 8);
    this.resident.set(owner.id, { id: owner.id, offset });
    return offset;
  }

  /** Byte offsets of data buffers of the given byte sizes, above the tables region. */
  buffers(sizes: readonly number[]): number[] {
    const out: number[] = [];
    let end = this.tableCap;
    for (const s of sizes) {
      out.push(this.k.arena.base + end);
      end += Math.ceil(s / 16) * 16;
    }
    this.k.arena.reserve(end);
    return out;
  }

  /**
   * Run a radix plan on `batch` transforms: from `src` (element stride ss) to `dst` (stride ds),
   * ping-ponging two compact scratch buffers s1, s2 (n·batch complex each). src may equal dst.
   */
  radix(
    plan: WasmRadixPlan,
    tables: number,
    batch: number,
    src: number,
    ss: number,
    dst: number,
    ds: number,
    bwd: boolean,
    s1: number,
    s2: number,
    gscratch: number,
  ): void {
    const x = this.k.exports;
    const stages = plan.stages;
    const tw = tables + (bwd ? plan.twBytes : 0);
    const roots = tables + 2 * plan.twBytes;
    const b = bwd ? 1 : 0;
    let from = src;
    let fs = ss;
    const last = stages.length - 1;
    if (last < 0) {
      // n = 1: a copy
      for (let t = 0; t < batch; t++) {
        const v = this.f64();
        v[dst / 8 + 2 * t] = v[src / 8 + 2 * t];
        v[dst / 8 + 2 * t + 1] = v[src / 8 + 2 * t + 1];
      }
      return;
    }
    for (let s = 0; s <= last; s++) {
      const st = stages[s];
      const to = s === last ? dst : s % 2 === 0 ? s1 : s2;
      const ts = s === last ? ds : batch;
      const t = tw + st.tb;
      const { p, l1, ido } = st;
      if (p === 4) x.pass4_c128(ido, l1, batch, from, fs, to, ts, t, b);
      else if (p === 8) x.pass8_c128(ido, l1, batch, from, fs, to, ts, t, b);
      else if (p === 2) x.pass2_c128(ido, l1, batch, from, fs, to, ts, t);
      else if (p === 3) x.pass3_c128(ido, l1, batch, from, fs, to, ts, t, b);
      else if (p === 5) x.pass5_c128(ido, l1, batch, from, fs, to, ts, t, b);
      else x.passg_c128(p, ido, l1, batch, from, fs, to, ts, t, b, roots + st.rb, gscratch);
      from = to;
      fs = ts;
    }
  }

  /**
   * Bluestein in float32 for complex64 (plan.ts runBluestein, float32 arithmetic): chirp, FFT_m
   * with the complex64 passes, product with the kernel spectrum, inverse FFT_m, chirp.
   */
  bluestein32(bs: WasmBluestein32, input: Float32Array, out: Float32Array, bwd: boolean): void {
    const { n, radix } = bs;
    const m = radix.n;
    const [tb, tr] = this.tablesFor([bs, radix]);
    const [x, a, s1, s2] = this.buffers([8 * n, 8 * m, 8 * m, 8 * m]);
    const buf = this.k.memory.buffer;
    new Float32Array(buf, x, 2 * n).set(input.length === 2 * n ? input : input.subarray(0, 2 * n));
    const k = this.k.exports;
    const chirp = tb;
    const kernel = tb + 8 * n;
    k.chirp_c64(x, chirp, a, n, bwd ? 1 : 0, 0);
    new Float32Array(buf, a + 8 * n, 2 * (m - n)).fill(0);
    this.radix32(radix, tr, 1, a, 1, a, 1, false, s1, s2);
    k.cmul_c64(a, kernel, a, m);
    this.radix32(radix, tr, 1, a, 1, a, 1, true, s1, s2);
    k.chirp_c64(a, chirp, x, n, 0, bwd ? 1 : 0);
    out.set(new Float32Array(buf, x, 2 * n));
  }

  /** complex64 in and out with float32 arithmetic (5-smooth lengths). */
  c2c32(plan: WasmRadixPlan32, input: Float32Array, out: Float32Array, bwd: boolean): void {
    const n = plan.n;
    const tables = this.table(plan);
    const two = WasmEngine.twoBuffers && plan.stages.length > 1;
    const [a, s1, s2, o4] = this.buffers(two ? [8 * n, 8 * n] : [8 * n, 8 * n, 8 * n, 8 * n]);
    const buf = this.k.memory.buffer;
    new Float32Array(buf, a, 2 * n).set(input.length === 2 * n ? input : input.subarray(0, 2 * n));
    // two buffers: as in c2c
    const o = two ? (plan.stages.length % 2 === 1 ? s1 : a) : o4;
    this.radix32(plan, tables, 1, a, 1, o, 1, bwd, s1, two ? a : s2);
    out.set(new Float32Array(buf, o, 2 * n));
  }

  /** radix() for the complex64 kernels. */
  radix32(
    plan: WasmRadixPlan32,
    tables: number,
    batch: number,
    src: number,
    ss: number,
    dst: number,
    ds: number,
    bwd: boolean,
    s1: number,
    s2: number,
  ): void {
    const x = this.k.exports;
    const stages = plan.stages;
    const tw = tables + (bwd ? plan.twBytes : 0);
    const b = bwd ? 1 : 0;
    let from = src;
    let fs = ss;
    const last = stages.length - 1;
    for (let s = 0; s <= last; s++) {
      const st = stages[s];
      const to = s === last ? dst : s % 2 === 0 ? s1 : s2;
      const ts = s === last ? ds : batch;
      if (st.p === 8) x.pass8_c64(st.ido, st.l1, batch, from, fs, to, ts, tw + st.tb, b);
      else if (st.p === 4) x.pass4_c64(st.ido, st.l1, batch, from, fs, to, ts, tw + st.tb, b);
      else if (st.p === 5) x.pass5_c64(st.ido, st.l1, batch, from, fs, to, ts, tw + st.tb, b);
      else if (st.p === 3) x.pass3_c64(st.ido, st.l1, batch, from, fs, to, ts, tw + st.tb, b);
      else x.pass2_c64(st.ido, st.l1, batch, from, fs, to, ts, tw + st.tb);
      from = to;
      fs = ts;
    }
  }

  /** out = unnormalised FFT (or inverse) of input, 2n scalars each; may alias. */
  c2c(plan: WasmPlan, input: Float64Array | Float32Array, out: Float64Array | Float32Array, bwd: boolean): void {
    if (plan instanceof WasmFourStep) {
      this.fourStep(plan, input, out, bwd);
      return;
    }
    if (plan instanceof WasmBluestein) {
      this.bluestein(plan, input, out, bwd);
      return;
    }
    const n = plan.n;
    const tables = this.table(plan);
    if (WasmEngine.twoBuffers && plan.stages.length > 1) {
      // two buffers instead of four: the passes ping-pong between a and s1, the input's buffer
      // reused once the first pass has read it (half the memory touched per call)
      const [a, s1, g] = this.buffers([16 * n, 16 * n, 32 * plan.maxP]);
      this.load(input, a, 2 * n);
      const o = plan.stages.length % 2 === 1 ? s1 : a;
      this.radix(plan, tables, 1, a, 1, o, 1, bwd, s1, a, g);
      this.store(o, out, 2 * n);
      return;
    }
    const [a, s1, s2, o, g] = this.buffers([16 * n, 16 * n, 16 * n, 16 * n, 32 * plan.maxP]);
    this.load(input, a, 2 * n);
    this.radix(plan, tables, 1, a, 1, o, 1, bwd, s1, s2, g);
    this.store(o, out, 2 * n);
  }

  /** Single transforms ping-pong between two buffers (see c2c); a switch for measurements. */
  static twoBuffers = true;

  /**
   * Bluestein: X_k = w_k Σ_j (x_j w_j) conj(w_{k−j}), w_k = e^{−πik²/n}, as a circular convolution
   * of length m (forward FFT, product with the precomputed kernel spectrum, inverse FFT).
   * The inverse transform conjugates input and output. Reference: plan.ts runBluestein.
   */
  private bluestein(bs: WasmBluestein, input: Float64Array | Float32Array, out: Float64Array | Float32Array, bwd: boolean): void {
    const { n, radix } = bs;
    const m = radix.n;
    const [tb, tr] = this.tablesFor([bs, radix]);
    const [x, a, s1, s2, g] = this.buffers([16 * n, 16 * m, 16 * m, 16 * m, 32 * radix.maxP]);
    this.load(input, x, 2 * n);
    const k = this.k.exports;
    const chirp = tb;
    const kernel = tb + 16 * n;
    k.chirp_c128(x, chirp, a, n, bwd ? 1 : 0, 0);
    this.f64().fill(0, (a + 16 * n) / 8, (a + 16 * m) / 8);
    this.radix(radix, tr, 1, a, 1, a, 1, false, s1, s2, g);
    k.cmul_c128(a, kernel, a, m);
    this.radix(radix, tr, 1, a, 1, a, 1, true, s1, s2, g);
    k.chirp_c128(a, chirp, x, n, 0, bwd ? 1 : 0);
    this.store(x, out, 2 * n);
  }

  /**
   * The four-step transform (see the file comment). Column blocks are copied into a compact
   * scratch [n1, B] before their passes (power-of-two strides would thrash caches and TLB);
   * rows are transformed R at a time into [R, n2] and written out transposed as R-wide strips.
   */
  private fourStep(fs: WasmFourStep, input: Float64Array | Float32Array, out: Float64Array | Float32Array, bwd: boolean): void {
    const { n, cols, rows } = fs;
    const n1 = cols.n;
    const n2 = rows.n;
    const B = COLUMN_BLOCK;
    const R = COLUMN_BLOCK;
    const [tc, tr, tt] = this.tablesFor([cols, rows, fs]);
    const block = 16 * Math.max(n1 * B, n2 * R);
    const [a, o, c, s1, s2, g] = this.buffers([16 * n, 16 * n, block, block, block, 32 * Math.max(cols.maxP, rows.maxP)]);
    this.load(input, a, 2 * n);
    const x = this.k.exports;
    const size = fs.hiCount + (1 << fs.shift);
    const hi = tt + (bwd ? 16 * size : 0);
    const lo = hi + 16 * fs.hiCount;
    // 1. columns: a[r][c] (r < n1, c < n2) → FFT over r, times e^{∓2πi·r·c/n}, in place
    for (let c0 = 0; c0 < n2; c0 += B) {
      const nb = Math.min(B, n2 - c0);
      x.copy_rows_c128(a + 16 * c0, n2, c, nb, n1, nb);
      this.radix(cols, tc, nb, c, nb, c, nb, bwd, s1, s2, g);
      x.twiddle_block_c128(c, n1, nb, nb, c0, n, hi, lo, fs.shift);
      x.copy_rows_c128(c, nb, a + 16 * c0, n2, n1, nb);
    }
    // 2. rows: FFT over c of row r → Z[r][k2]; X[r + n1·k2] = Z[r][k2], written R rows at a time
    for (let r0 = 0; r0 < n1; r0 += R) {
      const nr = Math.min(R, n1 - r0);
      for (let t = 0; t < nr; t++) this.radix(rows, tr, 1, a + 16 * (r0 + t) * n2, 1, c + 16 * t * n2, 1, bwd, s1, s2, g);
      x.transpose_rows_c128(c, nr, n2, o + 16 * r0, n1);
    }
    this.store(o, out, 2 * n);
  }
}

/**
 * out[k] = a[k] · b[k] for n interleaved complex numbers, each product and sum rounded to
 * float32 when `single` (the arithmetic of cmul_c64, bit for bit) or in float64 (cmul_c128).
 * The plain reference of those kernels; out may be a.
 */
export function cmulPlain(
  a: Float32Array | Float64Array,
  b: Float32Array | Float64Array,
  out: Float32Array | Float64Array,
  n: number,
  single: boolean,
): void {
  const f = single ? Math.fround : (v: number) => v;
  for (let i = 0; i < 2 * n; i += 2) {
    const ar = a[i];
    const ai = a[i + 1];
    const br = b[i];
    const bi = b[i + 1];
    out[i] = f(f(ar * br) - f(ai * bi));
    out[i + 1] = f(f(ar * bi) + f(ai * br));
  }
}

export {
  FOUR_STEP_MIN,
  fourStepSplit,
  newTableId,
  WasmBluestein,
  WasmBluestein32,
  WasmFourStep,
  type WasmPlan,
  WasmRadixPlan,
  WasmRadixPlan32,
  wasmFactors,
} from './wasmplans.js';

const engines = new Map<WasmVariant, WasmEngine>();
/** When loading last failed, per variant: a browser main thread refuses synchronous compiles until `initWasm()` ran. */
const failedAt = new Map<WasmVariant, number>();
const RETRY_MS = 1000;

/**
 * The engine for a variant, or null when the 'fft' family is not built or not loadable here
 * (then the TS passes run). After a failure, loading is retried at most once a second, so a
 * later `await initWasm()` in a browser switches FFTs to WebAssembly.
 */
export function wasmEngine(variant?: WasmVariant): WasmEngine | null {
  let key: WasmVariant;
  try {
    key = variant ?? defaultVariant();
  } catch {
    return null;
  }
  const e = engines.get(key);
  if (e !== undefined) return e;
  const failed = failedAt.get(key);
  if (failed !== undefined && Date.now() - failed < RETRY_MS) return null;
  try {
    const engine = new WasmEngine(wasmKernels<FftExports>('fft', key));
    engines.set(key, engine);
    return engine;
  } catch {
    failedAt.set(key, Date.now());
    return null;
  }
}
