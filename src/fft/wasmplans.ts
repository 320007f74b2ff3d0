/**
 * Host-written tables of the WebAssembly FFT kernels (assembly/fft.ts): radix plans for
 * complex128 and complex64, Bluestein's chirp and kernel spectrum, and the four-step split.
 * Each owner has an `id` and a `tables` array the engine (wasm.ts) keeps resident in memory.
 */
import { ArgumentError } from '../core/errors.js';
import { factorize } from './factor.js';
import { cis2pi } from './twiddle.js';

/**
 * 1-D transforms at least this long use the four-step algorithm. Measured on this machine it
 * only ties the radix passes at 2^20 (both memory-bound), so it is off by default (Infinity).
 */
export const FOUR_STEP_MIN = Number.POSITIVE_INFINITY;
/** Columns transformed together (one batch) in column passes. */
export const COLUMN_BLOCK = 16;

interface WasmStage {
  p: number;
  l1: number;
  ido: number;
  /** Byte offset of the stage's twiddles within one direction's table. */
  tb: number;
  /** Byte offset of the stage's roots (generic odd radix) within the roots table. */
  rb: number;
}

let nextId = 1;

/** A fresh id for a table owner (plans and other host-written tables). */
export function newTableId(): number {
  return nextId++;
}

/**
 * The passes of the radix kernels (complex128 and complex64): radix 8 while 8 divides n (fewer
 * sweeps over memory than radix 4), then a 4 or a 2, then the odd factors.
 */
export function wasmFactors(n: number): number[] {
  const out: number[] = [];
  let m = n;
  while (m % 8 === 0) {
    out.push(8);
    m /= 8;
  }
  return [...out, ...factorize(m)];
}

/** Tables of a mixed-radix plan of length n in the kernel layout (radix passes only). */
export class WasmRadixPlan {
  readonly id = nextId++;
  readonly n: number;
  readonly stages: WasmStage[];
  /** [forward twiddles | backward twiddles | roots], float64. */
  readonly tables: Float64Array;
  readonly twBytes: number;
  readonly maxP: number;

  constructor(n: number, factors: readonly number[] = wasmFactors(n)) {
    this.n = n;
    const stages: WasmStage[] = [];
    let l1 = 1;
    let tw = 0;
    let rb = 0;
    for (const p of factors) {
      const ido = n / (l1 * p);
      stages.push({ p, l1, ido, tb: tw * 16, rb: rb * 16 });
      tw += (p - 1) * ido;
      if (p > 5 && p !== 8) rb += p;
      l1 *= p;
    }
    this.stages = stages;
    this.maxP = Math.max(1, ...factors);
    this.twBytes = tw * 16;
    this.tables = new Float64Array(4 * tw + 2 * rb);
    const cs = [0, 0];
    const back = 2 * tw;
    for (const st of stages) {
      const base = st.tb / 8;
      for (let i = 0; i < st.ido; i++) {
        for (let j = 1; j < st.p; j++) {
          cis2pi(j * st.l1 * i, n, cs);
          const at = base + 2 * (i * (st.p - 1) + j - 1);
          this.tables[at] = cs[0];
          this.tables[at + 1] = -cs[1];
          this.tables[back + at] = cs[0];
          this.tables[back + at + 1] = cs[1];
        }
      }
      if (st.p > 5 && st.p !== 8) for (let q = 0; q < st.p; q++) cis2pi(q, st.p, this.tables, 4 * tw + st.rb / 8 + 2 * q);
    }
  }
}

/** The four-step split n = n1·n2 (n1 <= n2, both near √n) and its exact twiddle tables. */
export class WasmFourStep {
  readonly id = nextId++;
  readonly n: number;
  readonly cols: WasmRadixPlan; // length n1
  readonly rows: WasmRadixPlan; // length n2
  /** [hi (forward) | lo (forward) | hi (backward) | lo (backward)]: e^{∓2πi q/n} = hi[q >> shift]·lo[q & mask]. */
  readonly tables: Float64Array;
  readonly shift: number;
  readonly hiCount: number;

  constructor(n: number, n1: number) {
    this.n = n;
    this.cols = new WasmRadixPlan(n1);
    this.rows = new WasmRadixPlan(n / n1);
    this.shift = Math.ceil(Math.log2(Math.sqrt(n)));
    const lo = 1 << this.shift;
    this.hiCount = Math.ceil(n / lo);
    const size = this.hiCount + lo;
    this.tables = new Float64Array(4 * size);
    for (let d = 0; d < 2; d++) {
      const sg = d === 0 ? -1 : 1;
      const base = 2 * size * d;
      for (let h = 0; h < this.hiCount; h++) {
        cis2pi(h * lo, n, this.tables, base + 2 * h);
        this.tables[base + 2 * h + 1] *= sg;
      }
      for (let l = 0; l < lo; l++) {
        cis2pi(l, n, this.tables, base + 2 * (this.hiCount + l));
        this.tables[base + 2 * (this.hiCount + l) + 1] *= sg;
      }
    }
  }
}

/**
 * A plan for the complex64 kernels (pass8_c64 / pass4_c64 / pass2_c64 / pass3_c64 / pass5_c64):
 * radix 8 while 8 divides n, then a 4 or a 2, then 3s and 5s (wasmFactors); twiddles computed in
 * float64 and rounded once to float32, in the pair layout of assembly/fft.ts, forward then backward.
 */
export class WasmRadixPlan32 {
  readonly id = nextId++;
  readonly n: number;
  readonly stages: WasmStage[];
  readonly tables: Float32Array;
  readonly twBytes: number;

  /** `factors`: any 5-smooth factorisation of n (see fitsSmooth); the passes run wasmFactors(n). */
  constructor(n: number, factors: readonly number[] = wasmFactors(n)) {
    if (!WasmRadixPlan32.fitsSmooth(factors))
      throw new ArgumentError(`factors: expected 8s, 5s, 4s, 3s and 2s (a 5-smooth length), got [${factors.join(', ')}]`, 'factors');
    this.n = n;
    const stages: WasmStage[] = [];
    let l1 = 1;
    let tw = 0; // complex entries
    for (const p of wasmFactors(n)) {
      const ido = n / (l1 * p);
      stages.push({ p, l1, ido, tb: tw * 8, rb: 0 });
      tw += 2 * Math.ceil(ido / 2) * (p - 1);
      l1 *= p;
    }
    this.stages = stages;
    this.twBytes = tw * 8;
    this.tables = new Float32Array(4 * tw);
    const cs = [0, 0];
    for (const st of stages) {
      const base = st.tb / 4;
      for (let i = 0; i < st.ido; i++) {
        for (let j = 1; j < st.p; j++) {
          cis2pi(j * st.l1 * i, n, cs);
          const at = base + 4 * ((i >> 1) * (st.p - 1) + j - 1) + 2 * (i & 1);
          this.tables[at] = cs[0];
          this.tables[at + 1] = -cs[1];
          this.tables[2 * tw + at] = cs[0];
          this.tables[2 * tw + at + 1] = cs[1];
        }
      }
    }
  }

  /**
   * Powers of two (8s, 4s and 2s): the lengths the N-D, threaded and convolution paths run in
   * float32 (their callers test this one; widening them to 5-smooth lengths is their choice).
   */
  static fits(factors: readonly number[]): boolean {
    return factors.length > 0 && factors.every((p) => p === 8 || p === 4 || p === 2);
  }

  /** 5-smooth lengths (8s, 5s, 4s, 3s and 2s): every length the complex64 kernels can run (1-D plans use it). */
  static fitsSmooth(factors: readonly number[]): boolean {
    return factors.length > 0 && factors.every((p) => p === 8 || p === 5 || p === 4 || p === 3 || p === 2);
  }
}

/** Bluestein's tables for the wasm path: [chirp e^{−πik²/n} (n) | FFT_m of the wrapped conjugate chirp / m (m)]. */
export class WasmBluestein {
  readonly id = nextId++;
  readonly n: number;
  readonly radix: WasmRadixPlan;
  readonly tables: Float64Array;

  constructor(n: number, chirp: Float64Array, kernel: Float64Array) {
    this.n = n;
    this.radix = new WasmRadixPlan(kernel.length / 2);
    this.tables = new Float64Array(chirp.length + kernel.length);
    this.tables.set(chirp);
    this.tables.set(kernel, chirp.length);
  }
}

/**
 * Bluestein for complex64 (float32 kernels): its convolution length m must be 5-smooth. The
 * chirp and the kernel spectrum are computed in float64 (plan.ts) and rounded once to float32.
 */
export class WasmBluestein32 {
  readonly id = nextId++;
  readonly n: number;
  readonly radix: WasmRadixPlan32;
  /** [chirp e^{−πik²/n} (n) | FFT_m of the wrapped conjugate chirp / m (m)], float32. */
  readonly tables: Float32Array;

  constructor(n: number, chirp: Float64Array, kernel: Float64Array) {
    this.n = n;
    this.radix = new WasmRadixPlan32(kernel.length / 2);
    this.tables = new Float32Array(chirp.length + kernel.length);
    this.tables.set(chirp);
    this.tables.set(kernel, chirp.length);
  }
}

export type WasmPlan = WasmRadixPlan | WasmFourStep | WasmBluestein;

/** A split n = n1·n2 with n1 a divisor near √n made of small factors, or 0 when there is none. */
export function fourStepSplit(n: number): number {
  if (n < FOUR_STEP_MIN) return 0;
  const factors = factorize(n).flatMap((p) => (p === 4 ? [2, 2] : [p]));
  if (Math.max(...factors) > 7) return 0;
  let n1 = 1;
  for (const p of factors) if (n1 * p * n1 * p <= n) n1 *= p;
  return n1 > 1 ? n1 : 0;
}
