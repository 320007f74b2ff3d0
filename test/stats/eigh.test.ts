import { describe, expect, test } from 'vitest';
import { eigh } from '../../src/stats/eigh.js';
import { expectClose, golden } from './golden.js';

const g = golden('whiten.json');

/** Compare eigenvector columns up to sign. */
function expectSameVectors(actual: Float64Array, expected: number[], n: number, atol: number) {
  for (let j = 0; j < n; j++) {
    const a = Array.from({ length: n }, (_, i) => actual[i * n + j]);
    const e = Array.from({ length: n }, (_, i) => expected[i * n + j]);
    const sign = a.reduce((s, v, i) => s + v * e[i], 0) < 0 ? -1 : 1;
    expectClose(
      a.map((v) => v * sign),
      e,
      { atol },
    );
  }
}

describe('eigh', () => {
  test('eigh(cov, 4) matches numpy.linalg.eigh (ascending values, vectors up to sign)', () => {
    const r = eigh(Float64Array.from(g.cov), 4);
    expectClose(r.values, g.eigvals, { rtol: 1e-12, atol: 1e-12 });
    expectSameVectors(r.vectors, g.eigvecs, 4, 1e-10);
  });

  test('eigh(sym, 7) matches numpy on an indefinite symmetric matrix', () => {
    const r = eigh(Float64Array.from(g.sym), 7);
    expectClose(r.values, g.sym_eigvals, { rtol: 1e-12, atol: 1e-12 });
    expectSameVectors(r.vectors, g.sym_eigvecs, 7, 1e-10);
  });

  test('eigh reconstructs A = V Λ Vᵀ on a 40×40 matrix', () => {
    const n = 40;
    const a = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) a[i * n + j] = a[j * n + i] = Math.sin(i * 7 + j * 3) + (i === j ? 2 : 0);
    const { values, vectors } = eigh(a, n);
    let worst = 0;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let k = 0; k < n; k++) s += vectors[i * n + k] * values[k] * vectors[j * n + k];
        worst = Math.max(worst, Math.abs(s - a[i * n + j]));
      }
    }
    expect(worst).toBeLessThan(1e-12);
  });

  test('eigh refuses a non-symmetric matrix and a wrong size', () => {
    expect(() => eigh(Float64Array.of(1, 2, 3, 4), 2)).toThrow(/matrix: not symmetric at \(1, 0\)/);
    expect(() => eigh(Float64Array.of(1, 2, 3), 2)).toThrow(/expected 2×2 = 4 values/);
  });
});
