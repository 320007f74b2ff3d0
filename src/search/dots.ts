/**
 * Inner products of query rows with gallery rows, the core of brute-force kNN:
 * out[i, j] = q[i, :] . g[j, :], q [nq, d], g [ng, d], out [nq, ng], float32.
 *
 * `dotsRef` is the plain reference; `dots` runs assembly/knn.ts (`dots_f32`, four queries per
 * gallery load, f32x4) and must match it within float32 rounding:
 * |fast - ref| <= 1e-5 * sum_p |q_ip| |g_jp|.
 *
 * The gallery is copied into the kernel's memory; with `galleryStatic` (an index whose vectors
 * never change) the copy is kept and skipped on the next call with the same array. Queries go
 * in blocks so that the score scratch stays near 8 MiB.
 */
import { ArgumentError, ShapeError } from '../core/errors.js';
import { type WasmVariant, wasmKernels } from '../wasm/loader.js';

export interface KnnExports {
  dots_f32(qPtr: number, nq: number, gPtr: number, ng: number, d: number, outPtr: number): void;
}

export interface DotsOptions {
  /** 'relaxed' | 'simd' | 'scalar' (default: the most the engine supports), or 'ref' for the plain TS loop. */
  variant?: WasmVariant | 'ref';
  /** The gallery array is never modified: keep its copy in wasm memory between calls. */
  galleryStatic?: boolean;
}

/** The reference: a plain double loop, float64 accumulation rounded to float32. */
export function dotsRef(q: Float32Array, nq: number, g: Float32Array, ng: number, d: number, out: Float32Array): Float32Array {
  for (let i = 0; i < nq; i++) {
    for (let j = 0; j < ng; j++) {
      let s = 0;
      for (let p = 0; p < d; p++) s += q[i * d + p] * g[j * d + p];
      out[i * ng + j] = s;
    }
  }
  return out;
}

const SCRATCH_FLOATS = 2 << 20; // 8 MiB of scores per block
const resident = new WeakMap<object, { g: Float32Array; ng: number; d: number }>();

/** out [nq, ng] = q [nq, d] . g [ng, d]^T (see the file comment); returns `out`. */
export function dots(
  q: Float32Array,
  nq: number,
  g: Float32Array,
  ng: number,
  d: number,
  out: Float32Array,
  opts: DotsOptions = {},
): Float32Array {
  for (const [name, v] of [
    ['nq', nq],
    ['ng', ng],
    ['d', d],
  ] as const) {
    if (!Number.isSafeInteger(v) || v < 0) throw new ArgumentError(`${name}: expected a non-negative integer, got ${v}`, name);
  }
  if (q.length < nq * d) throw new ShapeError(`q: expected at least ${nq * d} values (nq * d), got ${q.length}`, 'q');
  if (g.length < ng * d) throw new ShapeError(`g: expected at least ${ng * d} values (ng * d), got ${g.length}`, 'g');
  if (out.length < nq * ng) throw new ShapeError(`out: expected at least ${nq * ng} values (nq * ng), got ${out.length}`, 'out');
  if (nq === 0 || ng === 0) return out;
  if (opts.variant === 'ref') return dotsRef(q, nq, g, ng, d, out);
  const kern = wasmKernels<KnnExports>('knn', opts.variant);
  const block = Math.min(nq, Math.max(4, Math.floor(SCRATCH_FLOATS / ng / 4) * 4));
  const [gp, qp, op] = kern.arena.layout([ng * d * 4, block * d * 4, block * ng * 4]);
  const heap = new Float32Array(kern.memory.buffer);
  const had = resident.get(kern);
  if (!(opts.galleryStatic && had !== undefined && had.g === g && had.ng === ng && had.d === d)) {
    heap.set(g.subarray(0, ng * d), gp >> 2);
    if (opts.galleryStatic) resident.set(kern, { g, ng, d });
    else resident.delete(kern);
  }
  for (let i0 = 0; i0 < nq; i0 += block) {
    const n = Math.min(block, nq - i0);
    heap.set(q.subarray(i0 * d, (i0 + n) * d), qp >> 2);
    kern.exports.dots_f32(qp, n, gp, ng, d, op);
    out.set(heap.subarray(op >> 2, (op >> 2) + n * ng), i0 * ng);
  }
  return out;
}
