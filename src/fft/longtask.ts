/**
 * The worker side of one long 1-D complex transform split over the pool (parallel.ts's
 * longAsync): the four-step algorithm (D. H. Bailey, "FFTs in external or hierarchical memory",
 * J. Supercomputing 4, 1990) on the input seen as A[j1][j2] = x[j1·n2 + j2], n = n1·n2:
 *
 * - phase 1, a share of columns j2 ∈ [lo, hi): bands of up to LONG_BAND neighbouring columns are
 *   gathered into wasm memory (row segments of 512 complex: whole pages, see wasmnd.ts ND_BLOCK),
 *   transformed down their columns (length n1) LONG_SUB columns at a time (middle passes in L2),
 *   multiplied by e^{∓2πi·k1·j2/n} and written back (in place, or from a shared input): Y[k1][j2];
 * - phase 2, a share of rows k1 ∈ [lo, hi): chunks of rows are copied in, each row transformed
 *   (length n2), the chunk transposed in wasm memory and written out as segments of the
 *   result: X[k1 + n1·k2] = Z[k1][k2] (the norm's scale applied here);
 * - real transforms (length 2n, via the complex transform of length n): phase 3 splits Z into the
 *   half spectrum (r2c), phase 0 joins a half spectrum into Z before phase 1 (c2r), a range of
 *   bins k and their mirrors n − k per share.
 *
 * Every column, row and bin is computed by the same kernels whatever the shares, so any number
 * of threads gives the same bits; they equal the radix passes of the sync call to rounding.
 * complex64 data whose n1 and n2 are powers of two runs the float32 kernels (twiddles from
 * float64 tables, rounded once), everything else float64. A leaf module: no pool imports.
 */
import { WorkerError } from '../core/errors.js';
import { factorize, useBluestein } from './factor.js';
import { cis2pi } from './twiddle.js';
import { newTableId, type WasmEngine, WasmFourStep, type WasmRadixPlan, WasmRadixPlan32, wasmEngine } from './wasm.js';

type Real = Float32Array | Float64Array;

// The three sizes below are per thread (each worker has its own copy); the task's `band`, `sub`
// and `rowBytes` override them for one call (measurements).

/** Columns gathered per band in phase 1 (a page of complex128 per row segment). */
export const LONG_BAND: { columns: number } = { columns: 512 };
/** Columns per sub-block of a band: the column passes between the first and the last run in L2 ([n1, sub] scratch). */
export const LONG_SUB: { columns: number } = { columns: 64 };
/** Bytes of rows per chunk in phase 2 (each row's passes run in L1; 4 MiB: segments out of 256 rows at 2^20, fewer calls than 1 MiB). */
export const LONG_ROW_BYTES: { bytes: number } = { bytes: 4 << 20 };

export interface LongStepArgs {
  /**
   * 1: columns (in place on src = dst), 2: rows (src → dst, transposed); for real transforms of
   * even length 2n: 3, the split of the half-length spectrum Z (n complex) into bins 0..n of
   * src → dst (bins k and n − k for k in [lo, hi) ⊂ [0, n/2 + 1), scaled); 0, the inverse join
   * of a half spectrum (n + 1 bins) into Z, k in [lo, hi) ⊂ [0, n).
   */
  long: 0 | 1 | 2 | 3;
  src: Real;
  dst: Real;
  /** The complex length (of a real transform: half its length, for every phase). */
  n: number;
  n1: number;
  inverse: boolean;
  /** Factor applied by phase 2 (c2c, c2r) or 3 (r2c). */
  scale: number;
  /** Columns (phase 1), rows (phase 2) or bins (phases 0 and 3) [lo, hi). */
  lo: number;
  hi: number;
  /** Bytes of a dst allocated for this call that this share accounts for (task.ts: chargeShare). */
  charge?: number;
  /** Overrides of LONG_BAND / LONG_SUB / LONG_ROW_BYTES (measurements). */
  band?: number;
  sub?: number;
  rowBytes?: number;
}

/**
 * The split n = n1·n2 of a long transform: n1 ≤ n2, n1 the largest product of n's prime factors
 * with n1² ≤ n; 0 when there is none or a factor would need Bluestein.
 */
export function longSplit(n: number): number {
  if (n < 4 || useBluestein(n)) return 0;
  const primes = factorize(n).flatMap((p) => (p === 4 ? [2, 2] : [p]));
  let n1 = 1;
  for (const p of primes) if (n1 * p * n1 * p <= n) n1 *= p;
  if (n1 < 2 || useBluestein(n1) || useBluestein(n / n1)) return 0;
  return n1;
}

/** Whether the float32 kernels take both lengths (powers of two). */
export const longSingle = (n: number, n1: number): boolean =>
  WasmRadixPlan32.fits(factorize(n1)) && WasmRadixPlan32.fits(factorize(n / n1));

interface LongPlans {
  tw: WasmFourStep;
  cols: WasmRadixPlan | WasmRadixPlan32;
  rows: WasmRadixPlan | WasmRadixPlan32;
}

const cache = new Map<string, LongPlans>();

function plansFor(n: number, n1: number, single: boolean): LongPlans {
  const key = `${single ? 32 : 64}:${n}:${n1}`;
  let p = cache.get(key);
  if (p === undefined) {
    if (cache.size > 8) cache.clear();
    const tw = new WasmFourStep(n, n1);
    p = single ? { tw, cols: new WasmRadixPlan32(n1), rows: new WasmRadixPlan32(n / n1) } : { tw, cols: tw.cols, rows: tw.rows };
    cache.set(key, p);
  }
  return p;
}

function radix(
  e: WasmEngine,
  single: boolean,
  plan: WasmRadixPlan | WasmRadixPlan32,
  t: number,
  batch: number,
  src: number,
  dst: number,
  bwd: boolean,
  s1: number,
  s2: number,
  g: number,
): void {
  if (single) e.radix32(plan as WasmRadixPlan32, t, batch, src, batch, dst, batch, bwd, s1, s2);
  else e.radix(plan as WasmRadixPlan, t, batch, src, batch, dst, batch, bwd, s1, s2, g);
}

/** e^{−2πik/(2h)}, k = 0..h: the real split's table for complex length h (float64 or float32). */
const splits = new Map<string, { id: number; tables: Float64Array | Float32Array }>();
function splitTable(h: number, single: boolean): { id: number; tables: Float64Array | Float32Array } {
  const key = `${single ? 32 : 64}:${h}`;
  let t = splits.get(key);
  if (t === undefined) {
    if (splits.size > 8) splits.clear();
    const w = new Float64Array(2 * (h + 1));
    for (let k = 0; k <= h; k++) {
      cis2pi(k, 2 * h, w, 2 * k);
      w[2 * k + 1] = -w[2 * k + 1];
    }
    t = { id: newTableId(), tables: single ? Float32Array.from(w) : w };
    splits.set(key, t);
  }
  return t;
}

/** Phases 0 and 3: the inverse join or the split of a real transform, on the bins [lo, hi) and their mirrors. */
function realStep(e: WasmEngine, a: LongStepArgs, single: boolean): number {
  const h = a.n;
  const cb = single ? 8 : 16;
  const k = e.k.exports;
  const w = e.table(splitTable(h, single));
  // z and x at their full-length offsets: only the pages of the share's ranges are touched
  const [z, x] = e.buffers([cb * (h + 1), cb * (h + 1)]);
  const mem = (at: number, from: number, to: number): Real =>
    single
      ? new Float32Array(e.k.memory.buffer, at + cb * from, 2 * (to - from))
      : new Float64Array(e.k.memory.buffer, at + cb * from, 2 * (to - from));
  const load = (at: number, from: number, to: number) => {
    if (to > from) mem(at, from, to).set(a.src.subarray(2 * from, 2 * to));
  };
  const save = (at: number, from: number, to: number) => {
    if (to > from) a.dst.set(mem(at, from, to), 2 * from);
  };
  const { lo, hi } = a;
  if (a.long === 3) {
    // Z_k and Z_{h−k} (Z_h = Z_0) → X_k and X_{h−k}
    load(z, lo, hi);
    load(z, h - hi + 1, Math.min(h, h - lo + 1));
    k.r2c_split_range(z, x, w, h, lo, hi, single ? 1 : 0);
    // the mirrors h − k, less bin h/2 when the share holds it (its own mirror: not scaled twice)
    const mLo = Math.max(h - hi + 1, hi);
    const mHi = h - lo + 1;
    if (a.scale !== 1) {
      if (single) {
        k.scale_f32(x + cb * lo, 2 * (hi - lo), a.scale);
        if (mHi > mLo) k.scale_f32(x + cb * mLo, 2 * (mHi - mLo), a.scale);
      } else {
        k.scale_f64(x + cb * lo, 2 * (hi - lo), a.scale);
        if (mHi > mLo) k.scale_f64(x + cb * mLo, 2 * (mHi - mLo), a.scale);
      }
    }
    save(x, lo, hi);
    save(x, mLo, mHi);
    return hi - lo;
  }
  // X_k and X_{h−k} → Z_k (the half spectrum has h + 1 bins)
  load(x, lo, hi);
  load(x, h - hi + 1, h - lo + 1);
  k.c2r_join_range(x, z, w, h, lo, hi, single ? 1 : 0);
  save(z, lo, hi);
  return hi - lo;
}

/** Runs one share of one phase; returns the number of columns, rows or bins done. */
export function longStepTask(a: LongStepArgs): number {
  const e = wasmEngine();
  if (e === null) throw new WorkerError('fft.ndStep: the WebAssembly FFT kernels are not available in this worker');
  const single = a.src instanceof Float32Array;
  if (a.long === 0 || a.long === 3) return realStep(e, a, single);
  const { n, n1, inverse: bwd } = a;
  const n2 = n / n1;
  const cb = single ? 8 : 16;
  const lanes = 2;
  const k = e.k.exports;
  const P = plansFor(n, n1, single);
  const maxP = Math.max(8, P.tw.cols.maxP, P.tw.rows.maxP);
  const view = (at: number, count: number): Real =>
    single ? new Float32Array(e.k.memory.buffer, at, count) : new Float64Array(e.k.memory.buffer, at, count);
  if (a.long === 1) {
    const [tc, tt] = e.tablesFor([P.cols, P.tw]);
    const B = Math.max(2, (a.band ?? LONG_BAND.columns) & ~1);
    const S = Math.max(2, (a.sub ?? LONG_SUB.columns) & ~1);
    const bytes = cb * n1 * Math.min(B, a.hi - a.lo);
    const sbytes = cb * n1 * Math.min(S, B);
    const [c, o, s1, s2, g] = e.buffers([bytes, bytes, sbytes, sbytes, 32 * maxP]);
    const size = P.tw.hiCount + (1 << P.tw.shift);
    const hi = tt + (bwd ? 16 * size : 0);
    const lo = hi + 16 * P.tw.hiCount;
    for (let c0 = a.lo; c0 < a.hi; c0 += B) {
      const cw = Math.min(B, a.hi - c0);
      const vc = view(c, n1 * cw * lanes);
      for (let r = 0; r < n1; r++) {
        const from = (r * n2 + c0) * lanes;
        vc.set(a.src.subarray(from, from + cw * lanes), r * cw * lanes);
      }
      // down the columns a sub-block at a time: the first pass reads the band with its row
      // stride, the middle passes run in compact [n1, sub] scratch in L2, the last pass writes
      // the band and the twiddles follow while it is in cache (cw and sub are even for complex64:
      // powers of two, so columns pair up)
      for (let j = 0; j < cw; j += S) {
        const w = Math.min(S, cw - j);
        const from = c + cb * j;
        const to = o + cb * j;
        if (single) e.radix32(P.cols as WasmRadixPlan32, tc, w, from, cw, to, cw, bwd, s1, s2);
        else e.radix(P.cols as WasmRadixPlan, tc, w, from, cw, to, cw, bwd, s1, s2, g);
        if (single) k.twiddle_block_c64(to, n1, w, cw, c0 + j, n, hi, lo, P.tw.shift);
        else k.twiddle_block_c128(to, n1, w, cw, c0 + j, n, hi, lo, P.tw.shift);
      }
      const vo = view(o, n1 * cw * lanes);
      for (let r = 0; r < n1; r++) a.dst.set(vo.subarray(r * cw * lanes, (r + 1) * cw * lanes), (r * n2 + c0) * lanes);
    }
    return a.hi - a.lo;
  }
  const tr = e.table(P.rows);
  const R = Math.max(1, Math.min(a.hi - a.lo, Math.floor((a.rowBytes ?? LONG_ROW_BYTES.bytes) / (cb * n2))));
  const [x, t, s1, s2, g] = e.buffers([cb * R * n2, cb * R * n2, cb * n2, cb * n2, 32 * maxP]);
  for (let r0 = a.lo; r0 < a.hi; r0 += R) {
    const nr = Math.min(R, a.hi - r0);
    view(x, nr * n2 * lanes).set(a.src.subarray(r0 * n2 * lanes, (r0 + nr) * n2 * lanes));
    for (let r = 0; r < nr; r++) radix(e, single, P.rows, tr, 1, x + cb * r * n2, t + cb * r * n2, bwd, s1, s2, g);
    if (single) k.transpose_rows_c64(t, nr, n2, x, nr);
    else k.transpose_rows_c128(t, nr, n2, x, nr);
    if (a.scale !== 1) {
      if (single) k.scale_f32(x, nr * n2 * lanes, a.scale);
      else k.scale_f64(x, nr * n2 * lanes, a.scale);
    }
    const vx = view(x, nr * n2 * lanes);
    const seg = nr * lanes;
    for (let k2 = 0; k2 < n2; k2++) a.dst.set(vx.subarray(k2 * seg, (k2 + 1) * seg), (k2 * n1 + r0) * lanes);
  }
  return a.hi - a.lo;
}
