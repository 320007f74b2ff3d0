import { describe, expect, it } from 'vitest';
import { convolveDirect } from '../../src/conv/direct.js';
import { type DType, zeros } from '../../src/core/index.js';
import { BOUNDARIES, type ConvMode } from '../../src/ref/convBoundary.js';
import { convolveRef } from '../../src/ref/convolve.js';
import { normErr, rand, tolOf } from './helpers.js';

const cases: [number[], number[]][] = [
  [[1], [1]],
  [[13], [4]],
  [[17], [7]],
  [
    [7, 11],
    [3, 3],
  ],
  [
    [9, 5],
    [2, 4],
  ],
  [
    [6, 7],
    [5, 5],
  ],
  [
    [4, 5, 6],
    [3, 2, 3],
  ],
  [
    [3, 4, 2, 5],
    [2, 3, 1, 2],
  ],
];

describe('convolveDirect', () => {
  for (const dtype of ['float64', 'float32', 'complex128', 'complex64'] as DType[]) {
    it(`convolveDirect(x, k, out, p) matches convolveRef for ${dtype}, every mode and boundary`, () => {
      let seed = 1;
      for (const [xs, ks] of cases) {
        const x = rand(xs, dtype, seed++);
        const k = rand(ks, dtype, seed++);
        for (const mode of ['full', 'same', 'valid'] as ConvMode[]) {
          for (const boundary of BOUNDARIES) {
            if (mode === 'valid' && (boundary !== 'constant' || xs.some((n, d) => n < ks[d]))) continue;
            const want = convolveRef(x, k, { mode, boundary, cval: 0.75 });
            const got = convolveDirect(x, k, zeros(want.shape, want.dtype), { mode, boundary, cval: 0.75 });
            expect(normErr(got, want), `${xs}/${ks} ${mode} ${boundary}`).toBeLessThan(tolOf(dtype));
          }
        }
      }
    });
  }
  it('convolveDirect(real x, complex k) promotes to complex and matches convolveRef', () => {
    const x = rand([6, 7], 'float32', 3);
    const k = rand([3, 2], 'complex128', 4);
    const want = convolveRef(x, k, { mode: 'same', boundary: 'wrap' });
    const got = convolveDirect(x, k, zeros(want.shape, want.dtype), { mode: 'same', boundary: 'wrap', cval: 0 });
    expect(want.dtype).toBe('complex128');
    expect(normErr(got, want)).toBeLessThan(1e-12);
  });
});
