import { describe, expect, it } from 'vitest';
import { paddedRows } from '../../src/conv/rows.js';
import { fromArray } from '../../src/core/index.js';
import { BOUNDARIES } from '../../src/ref/convBoundary.js';
import { convolveRef } from '../../src/ref/convolve.js';
import { normErr, rand } from './helpers.js';

describe('paddedRows', () => {
  it('paddedRows(x, kShape, mode, boundary, cval) + a valid correlation equals correlate(x, k, { mode, boundary })', () => {
    const x = rand([7, 9], 'float32', 1);
    for (const ks of [
      [3, 3],
      [4, 2],
      [9, 12],
    ]) {
      const k = rand(ks, 'float32', 2);
      for (const mode of ['full', 'same'] as const) {
        for (const boundary of BOUNDARIES) {
          const rows = paddedRows(x, ks, mode, boundary, 0.5);
          const buf = new Float32Array(rows.height * rows.width);
          // fill in two uneven strips, as the strip engine would
          const cut = Math.floor(rows.height / 3);
          rows.fill(buf.subarray(0, cut * rows.width), 0, cut);
          rows.fill(buf.subarray(cut * rows.width), cut, rows.height - cut);
          const padded = fromArray(buf, 'float32', [rows.height, rows.width]);
          const got = convolveRef(padded, k, { mode: 'valid', correlate: true });
          const want = convolveRef(x, k, { mode, boundary, cval: 0.5, correlate: true });
          expect(normErr(got, want), `${ks} ${mode} ${boundary}`).toBeLessThan(1e-6);
        }
      }
    }
  });
});
