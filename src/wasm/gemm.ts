/**
 * Float32 GEMM on the WebAssembly kernel of assembly/gemm.ts (packed, register-blocked 6 x 8
 * f32x4 micro-kernel). Must match src/ref/gemm.ts (gemmRef) within float32 rounding:
 * |fast - ref| <= 1e-5 * sum_p |a_ip| |b_pj| (+ |c_ij| when accumulating).
 *
 * The operands are copied into the family's memory (one arena reservation, grown only for a
 * new largest problem), the kernel runs, and C is copied back.
 */
import { ArgumentError, ShapeError } from '../core/errors.js';
import type { GemmFlags } from '../ref/gemm.js';
import { type WasmVariant, wasmKernels } from './loader.js';

/** The exports of assembly/gemm.ts (byte pointers; strides in elements). */
export interface GemmExports {
  gemm_pack_a_bytes(): number;
  gemm_pack_b_bytes(): number;
  gemm_f32(
    m: number,
    n: number,
    k: number,
    aPtr: number,
    aRs: number,
    aCs: number,
    bPtr: number,
    bRs: number,
    bCs: number,
    cPtr: number,
    ldc: number,
    accumulate: number,
    packA: number,
    packB: number,
  ): void;
}

export interface GemmOptions extends GemmFlags {
  /** 'relaxed', 'simd' or 'scalar'; default: the most the engine supports. */
  variant?: WasmVariant;
}

/**
 * c[m, n] = op(a) * op(b) (+ c when `accumulate`), float32. `a` is [m, k] ([k, m] with
 * `transA`), `b` is [k, n] ([n, k] with `transB`). Returns `c`.
 */
export function gemmF32(
  m: number,
  n: number,
  k: number,
  a: Float32Array,
  b: Float32Array,
  c: Float32Array,
  opts: GemmOptions = {},
): Float32Array {
  for (const [name, v] of [
    ['m', m],
    ['n', n],
    ['k', k],
  ] as const) {
    if (!Number.isSafeInteger(v) || v < 0) throw new ArgumentError(`${name}: expected a non-negative integer, got ${v}`, name);
  }
  if (a.length < m * k) throw new ShapeError(`a: expected at least ${m * k} elements (m * k), got ${a.length}`, 'a');
  if (b.length < k * n) throw new ShapeError(`b: expected at least ${k * n} elements (k * n), got ${b.length}`, 'b');
  if (c.length < m * n) throw new ShapeError(`c: expected at least ${m * n} elements (m * n), got ${c.length}`, 'c');
  if (m === 0 || n === 0) return c;
  const kern = wasmKernels('gemm', opts.variant);
  const ex = kern.exports as unknown as GemmExports;
  const [pa, pb, ap, bp, cp] = kern.arena.layout([ex.gemm_pack_a_bytes(), ex.gemm_pack_b_bytes(), m * k * 4, k * n * 4, m * n * 4]);
  const heap = new Float32Array(kern.memory.buffer);
  heap.set(a.subarray(0, m * k), ap >> 2);
  heap.set(b.subarray(0, k * n), bp >> 2);
  if (opts.accumulate) heap.set(c.subarray(0, m * n), cp >> 2);
  const [aRs, aCs] = opts.transA ? [1, m] : [k, 1];
  const [bRs, bCs] = opts.transB ? [1, k] : [n, 1];
  ex.gemm_f32(m, n, k, ap, aRs, aCs, bp, bRs, bCs, cp, n, opts.accumulate ? 1 : 0, pa, pb);
  c.set(heap.subarray(cp >> 2, (cp >> 2) + m * n));
  return c;
}
