/**
 * N-D transforms kept inside WebAssembly memory: the array is copied in once, every axis is
 * transformed there — contiguous lines one at a time, other axes a band of up to 512 neighbouring
 * columns at a time (in place, strided first and last passes; see ND_BLOCK) — scaled once and
 * copied out once. float32 data whose lengths are powers of two runs the complex64 kernels
 * (float32 arithmetic, like numpy); everything else is widened to float64. Handles lengths
 * without cropping or padding and radix plans; anything else takes the generic path (axis.ts),
 * which it must match (test/fft/wasmnd.test.ts).
 */
import { sizeOf } from '../core/shape.js';
import { complexPlan, realPlan } from './cache.js';
import { cis2pi } from './twiddle.js';
import { newTableId, type WasmEngine, WasmRadixPlan, WasmRadixPlan32 } from './wasm.js';

export type NdKind = 'c2c' | 'r2c' | 'c2r';

export interface NdStep {
  axis: number;
  kind: NdKind;
  /** Transform length (the real length for r2c / c2r). */
  n: number;
  inverse: boolean;
}

/**
 * Columns transformed together along a column axis: a band of up to `columns` neighbours runs in
 * place, the first pass reading and the last pass writing the array with its row stride, the
 * passes between in compact scratch [n, band] (two of them: ≤ BAND_BYTES each). Measured here
 * (rfft2 4096² float32, columns of the [4096, 2049] half spectrum): bands of 512 take 32 ms, where
 * copying 64-column blocks out and back took 100 ms — each short row segment of a block is a
 * TLB miss, expensive on this VM; a 512-column segment is a whole page. `columns` overrides.
 */
export const ND_BLOCK: { columns: number | undefined } = { columns: undefined };
const BAND = 512;
const BAND_BYTES = 32 << 20;
/**
 * Real lines of at least `min` points ping-pong between their input and one scratch (rowLines),
 * touching three line buffers instead of four. Measured (CPU, alternated, two runs): irfft(rfft(x))
 * of 2^21 float64 0 to −5 %, float32 −4 to −14 %, 2^23 float64 −3 to −4 % — small, against a ±4 %
 * order bias seen at 65536 where nothing changes. `on` is a switch for measurements.
 */
export const ND_TWO: { on: boolean; min: number } = { on: true, min: 1 << 18 };
/**
 * A first step along the last axis copies its input in a chunk of lines at a time into one small
 * buffer that stays in cache (`chunkBuffer`), rather than into the array's place in wasm memory
 * (which made the copy write the whole input out to memory once more). Measured (CPU time,
 * alternated in one process): rfft2 4096² float32 −4 %, float64 −5 %. A switch for measurements.
 */
export const ND_STREAM: { chunkBuffer: boolean } = { chunkBuffer: true };
/** Input bytes per chunk of lines when the first step runs along the last axis (copy in and passes in cache). */
export const ROW_CHUNK_BYTES = 256 << 10;
/** Columns per band for lines of n elements of `cb` bytes: at most BAND, the scratch under BAND_BYTES, at least 32. */
const bandFor = (n: number, cb: number, inner: number): number =>
  Math.min(inner, ND_BLOCK.columns ?? Math.max(32, Math.min(BAND, Math.floor(BAND_BYTES / (cb * n)))));

/** e^{−2πik/n}, k = 0..n/2, for the real split of an even length n, in float64 or float32. */
class SplitTable {
  readonly id = newTableId();
  readonly tables: Float64Array | Float32Array;
  constructor(n: number, f32: boolean) {
    const h = n / 2;
    const t = new Float64Array(2 * (h + 1));
    for (let k = 0; k <= h; k++) {
      cis2pi(k, n, t, 2 * k);
      t[2 * k + 1] = -t[2 * k + 1];
    }
    this.tables = f32 ? Float32Array.from(t) : t;
  }
}

function cached<V>(map: Map<string, V>, key: string, make: () => V): V {
  let v = map.get(key);
  if (v === undefined) {
    if (map.size > 64) map.clear();
    v = make();
    map.set(key, v);
  }
  return v;
}
const plans = new Map<string, WasmRadixPlan | WasmRadixPlan32>();
const splits = new Map<string, SplitTable>();

/** The kernels and element sizes of one precision. */
interface Precision {
  /** Bytes per complex element. */
  cb: number;
  plan(n: number): WasmRadixPlan | WasmRadixPlan32;
  split(n: number): SplitTable;
  radix(
    e: WasmEngine,
    plan: WasmRadixPlan | WasmRadixPlan32,
    tables: number,
    batch: number,
    src: number,
    ss: number,
    dst: number,
    ds: number,
    bwd: boolean,
    s: Scratch,
  ): void;
}

interface Scratch {
  s1: number;
  s2: number;
  g: number;
}

const F64: Precision = {
  cb: 16,
  plan: (n) => cached(plans, `64:${n}`, () => new WasmRadixPlan(n)),
  split: (n) => cached(splits, `64:${n}`, () => new SplitTable(n, false)),
  radix: (e, plan, t, b, src, ss, dst, ds, bwd, s) => e.radix(plan as WasmRadixPlan, t, b, src, ss, dst, ds, bwd, s.s1, s.s2, s.g),
};

const F32: Precision = {
  cb: 8,
  plan: (n) => cached(plans, `32:${n}`, () => new WasmRadixPlan32(n, complexPlan(n).factors)),
  split: (n) => cached(splits, `32:${n}`, () => new SplitTable(n, true)),
  radix: (e, plan, t, b, src, ss, dst, ds, bwd, s) => e.radix32(plan as WasmRadixPlan32, t, b, src, ss, dst, ds, bwd, s.s1, s.s2),
};

/** Whether the wasm N-D path can run these steps on `shape` (no crop / pad, radix plans, even real lengths). */
export function ndSupported(shape: readonly number[], steps: readonly NdStep[]): boolean {
  const s = [...shape];
  for (const st of steps) {
    const len = s[st.axis];
    if (st.kind === 'c2c') {
      if (len !== st.n || complexPlan(st.n).bluestein) return false;
    } else {
      if (st.n % 2 !== 0 || st.axis !== s.length - 1) return false;
      if (st.kind === 'r2c' ? len !== st.n : len !== st.n / 2 + 1) return false;
      if (realPlan(st.n).inner.bluestein) return false;
      s[st.axis] = st.kind === 'r2c' ? st.n / 2 + 1 : st.n;
    }
  }
  return sizeOf(shape) > 0;
}

/** Elements between neighbouring points of step i's axis (the product of the later dimensions, as they are when it runs). */
function innerOf(shape: readonly number[], steps: readonly NdStep[], i: number): number {
  const dims = [...shape];
  for (let j = 0; j < i; j++) dims[steps[j].axis] = stepOut(steps[j]);
  return sizeOf(dims.slice(steps[i].axis + 1));
}

const stepOut = (st: NdStep): number => (st.kind === 'r2c' ? st.n / 2 + 1 : st.n);

/** The complex length each step's kernels run. */
const lineLength = (st: NdStep): number => (st.kind === 'c2c' ? st.n : st.n / 2);

/**
 * Run `steps` on `src` (shape, lanes 1 real / 2 complex) and return the result scaled by
 * `scale` in a new array from `alloc`. Call only when ndSupported() holds.
 */
export function runNd<T extends Float32Array | Float64Array>(
  engine: WasmEngine,
  src: ArrayLike<number> & { length: number },
  srcLanes: 1 | 2,
  shape: readonly number[],
  steps: readonly NdStep[],
  scale: number,
  alloc: (size: number) => T,
): { data: T; shape: number[]; lanes: 1 | 2 } {
  const single =
    src instanceof Float32Array &&
    alloc(0) instanceof Float32Array &&
    steps.every((st) => WasmRadixPlan32.fits(complexPlan(lineLength(st)).factors));
  const load = (at: number, count: number, offset: number) => {
    if (single) new Float32Array(engine.k.memory.buffer, at, count).set((src as Float32Array).subarray(offset, offset + count));
    else engine.load(src, at, count, offset);
  };
  const r = runNdIn(engine, single, load, srcLanes, shape, steps, scale);
  const out = alloc(r.count);
  if (single) out.set(new Float32Array(engine.k.memory.buffer, r.at, r.count));
  else engine.store(r.at, out, r.count);
  return { data: out, shape: r.shape, lanes: r.lanes };
}

/**
 * runNd with the copies in and out left to the caller: `fill(at, count, offset)` writes input
 * scalars offset..offset+count (float32 when `single`, else float64) at byte offset `at` — the
 * whole input at once, or a chunk of lines at a time when the first step runs along the last
 * axis — and the result is left
 * in wasm memory at `at` (count scalars, scaled), valid until the engine's next call.
 */
export function runNdIn(
  engine: WasmEngine,
  single: boolean,
  fill: (at: number, count: number, offset: number) => void,
  srcLanes: 1 | 2,
  shape: readonly number[],
  steps: readonly NdStep[],
  scale: number,
): { at: number; count: number; shape: number[]; lanes: 1 | 2 } {
  const P = single ? F32 : F64;
  const cb = P.cb;
  const rb = cb / 2; // bytes per real
  // sizes of every intermediate, to size the two data regions
  const dims = [...shape];
  let maxScalars = sizeOf(dims) * 2;
  let maxLine = 1;
  for (const st of steps) {
    if (st.kind === 'r2c') dims[st.axis] = st.n / 2 + 1;
    if (st.kind === 'c2r') dims[st.axis] = st.n;
    maxScalars = Math.max(maxScalars, sizeOf(dims) * 2);
    maxLine = Math.max(maxLine, st.n);
  }
  const k = engine.k.exports;
  const stepPlans = steps.map((st) => P.plan(lineLength(st)));
  const maxP = Math.max(...stepPlans.map((p) => (p instanceof WasmRadixPlan ? p.maxP : 8)));
  // the widest band any column step runs (scratch for its middle passes)
  const band = Math.max(1, ...steps.map((st, i) => (st.kind === 'c2c' ? bandFor(st.n, cb, innerOf(shape, steps, i)) : 1)));
  const bandBytes = cb * maxLine * band;
  const total = sizeOf(shape) * srcLanes;
  const first = steps[0];
  // a first step along the last axis takes its input a chunk of lines at a time into one small
  // buffer, each chunk transformed while it is still in cache; anything else is copied in whole
  const streamed = first.axis === shape.length - 1 && !(first.kind === 'c2c' && srcLanes === 1);
  const firstOuter = sizeOf(shape.slice(0, -1));
  const lineScalars = total / firstOuter; // scalars per input line
  const chunk = Math.min(firstOuter, Math.max(1, Math.floor(ROW_CHUNK_BYTES / (rb * lineScalars))));
  // (a line longer than a chunk is copied into its place, as a whole array is)
  const chunked = streamed && ND_STREAM.chunkBuffer && rb * lineScalars <= ROW_CHUNK_BYTES;
  // upload every table first (an upload may restart the tables region and move the data region)
  engine.tablesFor(steps.flatMap((st, i) => (st.kind === 'c2c' ? [stepPlans[i]] : [stepPlans[i], P.split(st.n)])));
  const [X, Y, c, s1, s2, g, inBuf] = engine.buffers([
    rb * maxScalars,
    rb * maxScalars,
    cb * maxLine,
    bandBytes,
    bandBytes,
    32 * maxP,
    chunked ? rb * lineScalars * chunk : 0,
  ]);
  const scratch: Scratch = { s1, s2, g };
  let lanes = srcLanes;
  let cur = X;
  let other = Y;
  const cdims = [...shape];
  /**
   * Lines l0..l1 of a step along the last axis (inner = 1); r2c / c2r write `other`, c2c writes
   * `cur` (in place). Input line l is at `from` + (l − l0) lines when given (the streamed chunk),
   * else in `cur`.
   */
  const rowLines = (st: NdStep, plan: WasmRadixPlan | WasmRadixPlan32, tables: number, l0: number, l1: number, from?: number) => {
    const n = st.n;
    const h = n / 2;
    /** Byte offset of input line l, lineBytes long in `cur`. */
    const src = (l: number, lineBytes: number) => (from === undefined ? cur + lineBytes * l : from + lineBytes * (l - l0));
    if (st.kind === 'c2c') {
      for (let l = l0; l < l1; l++) P.radix(engine, plan, tables, 1, src(l, cb * n), 1, cur + cb * l * n, 1, st.inverse, scratch);
      return;
    }
    const w = engine.table(P.split(n));
    const two = ND_TWO.on && n >= ND_TWO.min;
    for (let l = l0; l < l1; l++) {
      if (st.kind === 'r2c') {
        // the line's input is free once the first pass read it: the passes ping-pong between it and
        // s1 (a line of 2^20 points touches three buffers instead of four)
        const line = src(l, rb * n);
        P.radix(engine, plan, tables, 1, line, 1, c, 1, false, two ? { ...scratch, s2: line } : scratch);
        if (single) k.r2c_split_c64(c, other + cb * l * (h + 1), w, h);
        else k.r2c_split_c128(c, other + cb * l * (h + 1), w, h);
      } else {
        if (single) k.c2r_join_c64(src(l, cb * (h + 1)), c, w, h);
        else k.c2r_join_c128(src(l, cb * (h + 1)), c, w, h);
        P.radix(engine, plan, tables, 1, c, 1, other + rb * l * n, 1, true, two ? { ...scratch, s2: c } : scratch);
      }
    }
  };
  /** A c2c step down columns (inner > 1), in place: bands of neighbouring columns (see ND_BLOCK). */
  const columnBands = (st: NdStep, plan: WasmRadixPlan | WasmRadixPlan32, tables: number, outer: number, inner: number) => {
    const n = st.n;
    const band = bandFor(n, cb, inner);
    for (let o = 0; o < outer; o++) {
      const base = cur + cb * o * n * inner;
      for (let c0 = 0; c0 < inner; c0 += band) {
        const nb = Math.min(band, inner - c0);
        // complex64 kernels pair neighbouring columns: an odd band's last column runs alone
        const even = single ? nb & ~1 : nb;
        const at = base + cb * c0;
        if (even > 0) P.radix(engine, plan, tables, even, at, inner, at, inner, st.inverse, scratch);
        if (even < nb) {
          const col = at + cb * even;
          k.copy_rows_c64(col, inner, c, 1, n, 1);
          P.radix(engine, plan, tables, 1, c, 1, c, 1, st.inverse, scratch);
          k.copy_rows_c64(c, 1, col, inner, n, 1);
        }
      }
    }
  };
  if (!streamed) fill(X, total, 0);
  for (let i = 0; i < steps.length; i++) {
    const st = steps[i];
    const plan = stepPlans[i];
    const tables = engine.table(plan);
    const outer = sizeOf(cdims.slice(0, st.axis));
    const inner = sizeOf(cdims.slice(st.axis + 1));
    if (st.kind === 'c2c' && lanes === 1) {
      if (single) k.widen_f32(cur, other, sizeOf(cdims));
      else k.widen_f64(cur, other, sizeOf(cdims));
      [cur, other] = [other, cur];
      lanes = 2;
    }
    if (i === 0 && streamed) {
      for (let l0 = 0; l0 < outer; l0 += chunk) {
        const l1 = Math.min(outer, l0 + chunk);
        if (chunked) {
          fill(inBuf, (l1 - l0) * lineScalars, l0 * lineScalars);
          rowLines(st, plan, tables, l0, l1, inBuf);
        } else {
          fill(X + rb * l0 * lineScalars, (l1 - l0) * lineScalars, l0 * lineScalars);
          rowLines(st, plan, tables, l0, l1);
        }
      }
    } else if (inner === 1) {
      rowLines(st, plan, tables, 0, outer);
    } else {
      columnBands(st, plan, tables, outer, inner);
    }
    if (st.kind !== 'c2c') {
      lanes = st.kind === 'r2c' ? 2 : 1;
      cdims[st.axis] = st.kind === 'r2c' ? st.n / 2 + 1 : st.n;
      [cur, other] = [other, cur];
    }
  }
  const count = sizeOf(cdims) * lanes;
  if (scale !== 1) {
    if (single) k.scale_f32(cur, count, scale);
    else k.scale_f64(cur, count, scale);
  }
  return { at: cur, count, shape: cdims, lanes };
}
