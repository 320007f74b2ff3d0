/**
 * N-D transforms kept inside WebAssembly memory: the array is copied in once, every axis is
 * transformed there — contiguous lines one at a time, other axes a block of neighbouring columns
 * at a time (copied into a compact [n, block] scratch, so each pass runs in cache) — scaled once
 * and copied out once. float32 data whose lengths are powers of two runs the complex64 kernels
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
 * Columns transformed together by the block passes: wider blocks touch fewer pages per sweep
 * down a long column (measured best: 32 up to length 2048, 64 beyond); `columns` overrides.
 */
export const ND_BLOCK: { columns: number | undefined } = { columns: undefined };
const blockFor = (maxLine: number): number => ND_BLOCK.columns ?? (maxLine > 2048 ? 64 : 32);

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
  const load = (at: number, count: number) => {
    if (single) new Float32Array(engine.k.memory.buffer, at, count).set(src as Float32Array);
    else engine.load(src, at, count);
  };
  const r = runNdIn(engine, single, load, srcLanes, shape, steps, scale);
  const out = alloc(r.count);
  if (single) out.set(new Float32Array(engine.k.memory.buffer, r.at, r.count));
  else engine.store(r.at, out, r.count);
  return { data: out, shape: r.shape, lanes: r.lanes };
}

/**
 * runNd with the copies in and out left to the caller: `fill(at, count)` writes the input
 * (count scalars at byte offset `at`, float32 when `single`, else float64) and the result is left
 * in wasm memory at `at` (count scalars, scaled), valid until the engine's next call.
 */
export function runNdIn(
  engine: WasmEngine,
  single: boolean,
  fill: (at: number, count: number) => void,
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
  const maxP = Math.max(...stepPlans.map((p) => (p instanceof WasmRadixPlan ? p.maxP : 4)));
  const block = blockFor(maxLine);
  const blockBytes = cb * maxLine * block;
  // upload every table first (an upload may restart the tables region and move the data region)
  engine.tablesFor(steps.flatMap((st, i) => (st.kind === 'c2c' ? [stepPlans[i]] : [stepPlans[i], P.split(st.n)])));
  const [X, Y, c, s1, s2, g] = engine.buffers([rb * maxScalars, rb * maxScalars, blockBytes, blockBytes, blockBytes, 32 * maxP]);
  const scratch: Scratch = { s1, s2, g };
  fill(X, sizeOf(shape) * srcLanes);
  let lanes = srcLanes;
  let cur = X;
  let other = Y;
  const cdims = [...shape];
  for (let i = 0; i < steps.length; i++) {
    const st = steps[i];
    const plan = stepPlans[i];
    const tables = engine.table(plan);
    const outer = sizeOf(cdims.slice(0, st.axis));
    const inner = sizeOf(cdims.slice(st.axis + 1));
    if (st.kind === 'c2c') {
      if (lanes === 1) {
        if (single) k.widen_f32(cur, other, sizeOf(cdims));
        else k.widen_f64(cur, other, sizeOf(cdims));
        [cur, other] = [other, cur];
        lanes = 2;
      }
      const n = st.n;
      if (inner === 1) {
        for (let l = 0; l < outer; l++) P.radix(engine, plan, tables, 1, cur + cb * l * n, 1, cur + cb * l * n, 1, st.inverse, scratch);
      } else {
        for (let o = 0; o < outer; o++) {
          const base = cur + cb * o * n * inner;
          for (let c0 = 0; c0 < inner; c0 += block) {
            const nb = Math.min(block, inner - c0);
            if (single) k.copy_rows_c64(base + cb * c0, inner, c, nb, n, nb);
            else k.copy_rows_c128(base + cb * c0, inner, c, nb, n, nb);
            P.radix(engine, plan, tables, nb, c, nb, c, nb, st.inverse, scratch);
            if (single) k.copy_rows_c64(c, nb, base + cb * c0, inner, n, nb);
            else k.copy_rows_c128(c, nb, base + cb * c0, inner, n, nb);
          }
        }
      }
    } else {
      const n = st.n;
      const h = n / 2;
      const w = engine.table(P.split(n));
      if (st.kind === 'r2c') {
        for (let l = 0; l < outer; l++) {
          P.radix(engine, plan, tables, 1, cur + rb * l * n, 1, c, 1, false, scratch);
          if (single) k.r2c_split_c64(c, other + cb * l * (h + 1), w, h);
          else k.r2c_split_c128(c, other + cb * l * (h + 1), w, h);
        }
        lanes = 2;
        cdims[st.axis] = h + 1;
      } else {
        for (let l = 0; l < outer; l++) {
          if (single) k.c2r_join_c64(cur + cb * l * (h + 1), c, w, h);
          else k.c2r_join_c128(cur + cb * l * (h + 1), c, w, h);
          P.radix(engine, plan, tables, 1, c, 1, other + rb * l * n, 1, true, scratch);
        }
        lanes = 1;
        cdims[st.axis] = n;
      }
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
