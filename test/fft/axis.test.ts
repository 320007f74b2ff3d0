import { describe, expect, it } from 'vitest';
import { alongAxis, type LineOp } from '../../src/fft/axis.js';

/** A line op that writes the line reversed and doubled (so gathering, padding and scattering show). */
const reverse = (n: number, outLen = n): LineOp => ({
  inLanes: 1,
  outLanes: 1,
  n,
  outLen,
  run(line, out) {
    for (let t = 0; t < outLen; t++) out[t] = 2 * (line[n - 1 - t] ?? 0);
  },
});

describe('axis', () => {
  it('alongAxis(src, [2, 3], 0, op) gathers columns and scatters results', () => {
    const src = Float64Array.from([1, 2, 3, 4, 5, 6]); // [[1, 2, 3], [4, 5, 6]]
    const out = alongAxis(src, [2, 3], 0, reverse(2), (s) => new Float64Array(s));
    expect(Array.from(out)).toEqual([8, 10, 12, 2, 4, 6]);
  });
  it('alongAxis(src, shape, 1, op) zero-pads lines to op.n and crops', () => {
    const src = Float32Array.from([1, 2, 3, 4, 5, 6]);
    const padded = alongAxis(src, [2, 3], 1, reverse(4), (s) => new Float64Array(s));
    expect(Array.from(padded)).toEqual([0, 6, 4, 2, 0, 12, 10, 8]);
    const cropped = alongAxis(src, [2, 3], 1, reverse(2), (s) => new Float32Array(s));
    expect(Array.from(cropped)).toEqual([4, 2, 10, 8]);
  });
  it('alongAxis keeps complex pairs together over many columns (blocked gather)', () => {
    const shape = [3, 20];
    const src = Float64Array.from({ length: 120 }, (_, i) => i);
    const copy: LineOp = { inLanes: 2, outLanes: 2, n: 3, outLen: 3, run: (l, o) => o.set(l) };
    expect(Array.from(alongAxis(src, shape, 0, copy, (s) => new Float64Array(s)))).toEqual(Array.from(src));
  });
});
