import { describe, expect, it } from 'vitest';
import { conv1dKernels } from '../../src/wasm/conv1d.js';
import type { WasmVariant } from '../../src/wasm/loader.js';

/** out[t] = Σ_j k[j] x[t + j] in float64 (the reference of both passes). */
function corrRef(x: ArrayLike<number>, k: ArrayLike<number>, n: number): number[] {
  return Array.from({ length: n }, (_, t) => {
    let s = 0;
    for (let j = 0; j < k.length; j++) s += k[j] * x[t + j];
    return s;
  });
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32 - 0.5;
  };
}

const expectClose = (got: ArrayLike<number>, want: number[], scale: number, rtol: number, what: string) => {
  let worst = 0;
  for (let i = 0; i < want.length; i++) worst = Math.max(worst, Math.abs(got[i] - want[i]) / scale);
  expect(worst, what).toBeLessThanOrEqual(rtol);
};

describe('conv1d kernels', () => {
  for (const variant of ['relaxed', 'simd', 'scalar'] as WasmVariant[]) {
    for (const [dtype, rtol] of [
      ['float32', 1e-6],
      ['float64', 1e-14],
    ] as const) {
      it(`corr_rows_${dtype === 'float32' ? 'f32' : 'f64'} and _sym ('${variant}') match the reference: n 1..40, 3 rows, kw 1..9, strides with padding`, () => {
        const kern = conv1dKernels(variant);
        const e = kern.exports;
        const bytes = dtype === 'float32' ? 4 : 8;
        const Arr = dtype === 'float32' ? Float32Array : Float64Array;
        const next = rng(1);
        for (let kw = 1; kw <= 9; kw++) {
          for (let n = 1; n <= 40; n++) {
            const inStride = n + kw + 3;
            const outStride = n + 5;
            const [kOff, inOff, outOff] = kern.arena.layout([kw * bytes, 3 * inStride * bytes, 3 * outStride * bytes]);
            const heap = new Arr(kern.memory.buffer);
            const half = Array.from({ length: Math.ceil(kw / 2) }, next);
            const sym = Array.from({ length: kw }, (_, j) => half[Math.min(j, kw - 1 - j)]);
            for (let i = 0; i < 3 * inStride; i++) heap[inOff / bytes + i] = next();
            for (const [k, fn] of [
              [Array.from({ length: kw }, next), dtype === 'float32' ? e.corr_rows_f32 : e.corr_rows_f64],
              [sym, dtype === 'float32' ? e.corr_rows_sym_f32 : e.corr_rows_sym_f64],
            ] as const) {
              heap.set(k, kOff / bytes);
              heap.fill(7, outOff / bytes, outOff / bytes + 3 * outStride);
              fn(inOff, inStride, 3, n, kOff, kw, outOff, outStride);
              const kk = Array.from(heap.subarray(kOff / bytes, kOff / bytes + kw));
              for (let r = 0; r < 3; r++) {
                const x = heap.subarray(inOff / bytes + r * inStride, inOff / bytes + (r + 1) * inStride);
                const got = heap.subarray(outOff / bytes + r * outStride, outOff / bytes + r * outStride + outStride);
                expectClose(got, corrRef(x, kk, n), kw, rtol, `kw ${kw} n ${n} row ${r}`);
                expect(got[n]).toBe(7); // nothing written past n
              }
            }
          }
        }
      });
      it(`corr_col_${dtype === 'float32' ? 'f32' : 'f64'} and _sym ('${variant}') read rows through the pointer table: kh 1..8, n 1..40, 1 and 3 output rows`, () => {
        const kern = conv1dKernels(variant);
        const e = kern.exports;
        const bytes = dtype === 'float32' ? 4 : 8;
        const Arr = dtype === 'float32' ? Float32Array : Float64Array;
        const next = rng(2);
        for (const m of [1, 3]) {
          for (let kh = 1; kh <= 8; kh++) {
            for (let n = 1; n <= 40; n++) {
              const rows = kh + m - 1;
              const [kOff, rowsOff, tableOff, outOff] = kern.arena.layout([kh * bytes, rows * 48 * bytes, rows * 4, m * 48 * bytes]);
              const heap = new Arr(kern.memory.buffer);
              const table = new Uint32Array(kern.memory.buffer, tableOff, rows);
              // rows in scrambled order, as a ring holds them
              for (let i = 0; i < rows; i++) table[i] = rowsOff + ((i * 3) % rows) * 48 * bytes;
              for (let i = 0; i < rows * 48; i++) heap[rowsOff / bytes + i] = next();
              const half = Array.from({ length: Math.ceil(kh / 2) }, next);
              const sym = Array.from({ length: kh }, (_, j) => half[Math.min(j, kh - 1 - j)]);
              for (const [k, fn] of [
                [Array.from({ length: kh }, next), dtype === 'float32' ? e.corr_col_f32 : e.corr_col_f64],
                [sym, dtype === 'float32' ? e.corr_col_sym_f32 : e.corr_col_sym_f64],
              ] as const) {
                heap.set(k, kOff / bytes);
                heap.fill(7, outOff / bytes, outOff / bytes + m * 48);
                fn(tableOff, kh, kOff, n, outOff, m, 48);
                const kk = Array.from(heap.subarray(kOff / bytes, kOff / bytes + kh));
                for (let o = 0; o < m; o++) {
                  const want = Array.from({ length: n }, (_, t) => {
                    let s = 0;
                    for (let i = 0; i < kh; i++) s += kk[i] * heap[table[o + i] / bytes + t];
                    return s;
                  });
                  const got = heap.subarray(outOff / bytes + o * 48, outOff / bytes + (o + 1) * 48);
                  expectClose(got, want, kh, rtol, `m ${m} kh ${kh} n ${n} row ${o}`);
                  expect(got[n]).toBe(7);
                }
              }
            }
          }
        }
      });
    }
  }
});
