import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { colsToNchw, nchwToCols } from '../../src/nn/im2col.js';
import { matmul } from '../../src/nn/matmul.js';

function rand(rng: Rng, n: number): Float64Array {
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = rng.random() * 2 - 1;
  return x;
}

// [n, mg (channels of the group), p, o0, cTot]: odd and prime sizes, SIMD tails, groups.
const CASES: Array<[number, number, number, number, number]> = [
  [1, 1, 1, 0, 1],
  [2, 3, 7, 0, 3],
  [3, 5, 13, 5, 11],
  [4, 8, 64, 8, 16],
  [2, 7, 576, 0, 7],
];

describe('matmul(float32) plan: colsToNchw / nchwToCols (wasm) match the TS loops of im2col.ts', () => {
  for (const [n, mg, p, o0, cTot] of CASES) {
    it(`plan.colsToNchw(${n}, ${mg}, ${p}, ${o0}, ${cTot}, out, bias) = colsToNchw + bias; other channels kept`, () => {
      const rng = new Rng(n * 1000 + mg * 10 + p);
      const c = rand(rng, mg * n * p);
      const bias = rand(rng, cTot);
      const before = rand(rng, n * cTot * p);
      const want = before.slice();
      colsToNchw(c, n, mg, p, o0, cTot, want, bias);
      const mm = matmul('float32', mg, n * p, 1, {}, 0, n * cTot * p);
      mm.c.set(c);
      const out = Float32Array.from(before);
      mm.colsToNchw(n, mg, p, o0, cTot, out, Float32Array.from(bias));
      for (let i = 0; i < out.length; i++) expect(Math.abs(out[i] - want[i])).toBeLessThan(1e-6);
    });

    it(`plan.nchwToCols(src, ${n}, ${mg}, ${p}, ${o0}, ${cTot}, 'a' | 'b', gb) = nchwToCols, gb += channel sums`, () => {
      const rng = new Rng(n * 999 + mg * 7 + p);
      const src = rand(rng, n * cTot * p);
      const want = new Float64Array(mg * n * p);
      nchwToCols(src, n, mg, p, o0, cTot, want);
      const gb0 = rand(rng, cTot);
      const wantGb = gb0.slice();
      for (let co = 0; co < mg; co++)
        for (let b = 0; b < n; b++) for (let q = 0; q < p; q++) wantGb[o0 + co] += src[(b * cTot + o0 + co) * p + q];
      for (const into of ['a', 'b'] as const) {
        const mm = into === 'a' ? matmul('float32', mg, 1, n * p, {}, 0, src.length) : matmul('float32', 1, n * p, mg, {}, 0, src.length);
        const gb = Float32Array.from(gb0);
        mm.nchwToCols(Float32Array.from(src), n, mg, p, o0, cTot, into, gb);
        const got = into === 'a' ? mm.a : mm.b;
        for (let i = 0; i < want.length; i++) expect(got[i]).toBe(Math.fround(want[i]));
        for (let i = 0; i < cTot; i++) expect(Math.abs(gb[i] - wantGb[i])).toBeLessThan(1e-5 * (1 + n * p));
      }
    });
  }

  it('matmul(float64) plan.colsToNchw / nchwToCols are the TS loops themselves', () => {
    const mm = matmul('float64', 2, 3, 1, {}, 0, 6);
    mm.c.set([1, 2, 3, 4, 5, 6]);
    const out = new Float64Array(6);
    mm.colsToNchw(1, 2, 3, 0, 2, out, new Float64Array([10, 20]));
    expect([...out]).toEqual([11, 12, 13, 24, 25, 26]);
    const gb = new Float64Array(2);
    const mw = matmul('float64', 2, 1, 3, {}, 0, 6); // a [2, 3]
    mw.nchwToCols(out, 1, 2, 3, 0, 2, 'a', gb);
    expect([...mw.a]).toEqual([11, 12, 13, 24, 25, 26]);
    expect([...gb]).toEqual([36, 75]);
  });
});
