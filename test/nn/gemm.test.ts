import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { gemmRef } from '../../src/ref/gemm.js';
import { gemmF32 } from '../../src/wasm/gemm.js';

function rand(rng: Rng, n: number): Float32Array {
  const x = new Float32Array(n);
  for (let i = 0; i < n; i++) x[i] = rng.random() * 2 - 1;
  return x;
}

const SIZES: Array<[number, number, number]> = [
  [1, 1, 1],
  [1, 7, 3],
  [6, 8, 5],
  [7, 9, 13],
  [13, 17, 257],
  [37, 31, 300],
  [121, 19, 11],
  [5, 2053, 3],
];

describe('gemmF32', () => {
  for (const variant of ['relaxed', 'simd', 'scalar'] as const) {
    for (const [m, n, k] of SIZES) {
      for (const transA of [false, true]) {
        for (const transB of [false, true]) {
          it(`gemmF32(${m}, ${n}, ${k}, {transA: ${transA}, transB: ${transB}, variant: ${variant}}) matches gemmRef`, () => {
            const rng = new Rng(m * 1000 + n * 10 + k);
            const a = rand(rng, m * k);
            const b = rand(rng, k * n);
            const c0 = rand(rng, m * n);
            for (const accumulate of [false, true]) {
              const want = gemmRef(m, n, k, a, b, c0.slice(), { transA, transB, accumulate });
              const got = gemmF32(m, n, k, a, b, c0.slice(), { transA, transB, accumulate, variant });
              let worst = 0;
              for (let i = 0; i < m * n; i++) worst = Math.max(worst, Math.abs(got[i] - want[i]) / (k + 1));
              expect(worst).toBeLessThan(2e-6);
            }
          });
        }
      }
    }
  }

  it('gemmF32(2, 2, 0, …) writes zeros, or leaves c when accumulating', () => {
    const c = new Float32Array([1, 2, 3, 4]);
    gemmF32(2, 2, 0, new Float32Array(0), new Float32Array(0), c, { accumulate: true });
    expect([...c]).toEqual([1, 2, 3, 4]);
    gemmF32(2, 2, 0, new Float32Array(0), new Float32Array(0), c);
    expect([...c]).toEqual([0, 0, 0, 0]);
  });

  it('gemmF32 rejects a short operand, naming it', () => {
    expect(() => gemmF32(2, 2, 2, new Float32Array(3), new Float32Array(4), new Float32Array(4))).toThrow(/a: expected at least 4/);
  });
});
