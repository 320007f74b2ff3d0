import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { dots, dotsRef } from '../../src/search/dots.js';

function rand(n: number, seed: number): Float32Array {
  const rng = new Rng(seed);
  return Float32Array.from({ length: n }, () => rng.normal());
}

/** The tolerance of dots.ts: 1e-5 * sum_p |q_ip| |g_jp|. */
function bound(q: Float32Array, g: Float32Array, i: number, j: number, d: number): number {
  let s = 0;
  for (let p = 0; p < d; p++) s += Math.abs(q[i * d + p] * g[j * d + p]);
  return 1e-5 * s + 1e-30;
}

describe('dots', () => {
  for (const variant of ['relaxed', 'simd', 'scalar'] as const) {
    for (const [nq, ng, d] of [
      [1, 1, 1],
      [3, 5, 7],
      [4, 9, 8],
      [9, 13, 11],
      [13, 17, 33],
      [5, 3, 784],
      [6, 2 * 84 + 5, 784], // gallery tiles of 84 rows (65536 / 784, a multiple of 4): two and a tail
    ]) {
      it(`dots(q [${nq}, ${d}], g [${ng}, ${d}], { variant: '${variant}' }) matches dotsRef`, () => {
        const q = rand(nq * d, nq + d);
        const g = rand(ng * d, ng + 100 * d);
        const want = dotsRef(q, nq, g, ng, d, new Float32Array(nq * ng));
        const got = dots(q, nq, g, ng, d, new Float32Array(nq * ng), { variant });
        for (let i = 0; i < nq; i++)
          for (let j = 0; j < ng; j++) expect(Math.abs(got[i * ng + j] - want[i * ng + j])).toBeLessThanOrEqual(bound(q, g, i, j, d));
      });
    }
  }

  for (const variant of ['relaxed', 'simd', 'scalar'] as const) {
    it(`dots(q [9, 100], g [1500, 100], { variant: '${variant}' }) gives each query the bits it gets alone (blocks of 4 queries, tiles of 652 gallery rows)`, () => {
      const [nq, ng, d] = [9, 1500, 100];
      const q = rand(nq * d, 5);
      const g = rand(ng * d, 6);
      const all = dots(q, nq, g, ng, d, new Float32Array(nq * ng), { variant });
      for (let i = 0; i < nq; i++) {
        const one = dots(q.subarray(i * d, (i + 1) * d), 1, g, ng, d, new Float32Array(ng), { variant });
        expect(all.subarray(i * ng, (i + 1) * ng)).toEqual(one);
      }
    });
  }

  it('dots(q, nq, g, ng, d, out, { galleryStatic: true }) reuses the resident gallery and sees a new one', () => {
    const d = 6;
    const q = rand(5 * d, 1);
    const g1 = rand(7 * d, 2);
    const g2 = rand(7 * d, 3);
    const a = dots(q, 5, g1, 7, d, new Float32Array(35), { galleryStatic: true });
    const b = dots(q, 5, g1, 7, d, new Float32Array(35), { galleryStatic: true });
    const c = dots(q, 5, g2, 7, d, new Float32Array(35), { galleryStatic: true });
    expect(b).toEqual(a);
    const want = dotsRef(q, 5, g2, 7, d, new Float32Array(35));
    for (let i = 0; i < 35; i++) expect(c[i]).toBeCloseTo(want[i], 4);
  });

  it('dots(q, nq, g, ng, d, shortOut) throws a ShapeError naming out', () => {
    expect(() => dots(new Float32Array(4), 2, new Float32Array(6), 3, 2, new Float32Array(5))).toThrow(/out: expected at least 6/);
    expect(() => dots(new Float32Array(4), -1, new Float32Array(6), 3, 2, new Float32Array(5))).toThrow(/nq: expected a non-negative/);
  });
});
