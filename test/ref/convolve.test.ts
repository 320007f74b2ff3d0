import { describe, expect, it } from 'vitest';
import { ArgumentError, fromArray, ShapeError } from '../../src/core/index.js';
import { convolveRef } from '../../src/ref/convolve.js';
import { loadGolden, relErr } from '../conv/golden.js';

describe('convolveRef vs golden files', () => {
  for (const part of ['scipy', 'cv2'] as const) {
    const g = loadGolden(part);
    it(`convolveRef(x, k, opts) matches ${part} on ${g.cases.length} cases`, () => {
      expect(g.cases.length).toBeGreaterThan(20);
      for (const c of g.cases) {
        const x = g.array(c.x);
        const k = g.array(c.k);
        const want = g.array(c.out);
        const correlate = c.fn.endsWith('correlate') || c.fn === 'cv2.filter2D';
        const got = convolveRef(x, k, { mode: c.mode, boundary: c.boundary, cval: c.cval, correlate });
        expect(got.shape, c.name).toEqual(want.shape);
        expect(got.dtype, c.name).toBe(want.dtype);
        const tol = got.dtype === 'float32' || got.dtype === 'complex64' ? 1e-5 : 1e-12;
        expect(relErr(got, want), c.name).toBeLessThan(tol);
      }
    });
  }
});

describe('convolveRef', () => {
  it('convolveRef([1,2,3], [0,1,0.5]) is numpy.convolve', () => {
    const y = convolveRef(fromArray([1, 2, 3], 'float64'), fromArray([0, 1, 0.5], 'float64'));
    expect([...y.data]).toEqual([0, 1, 2.5, 4, 1.5]);
  });
  it('convolveRef(x, k, { mode: "same", boundary: "reflect101" }) equals boundary "mirror"', () => {
    const x = fromArray([1, 5, 2, 8], 'float64');
    const k = fromArray([1, 2, 3], 'float64');
    const a = convolveRef(x, k, { mode: 'same', boundary: 'reflect101' });
    const b = convolveRef(x, k, { mode: 'same', boundary: 'mirror' });
    expect([...a.data]).toEqual([...b.data]);
    // mirror pads 5|1 5 2 8|2 ; same output[0] = 1*1 + 2*5... flipped kernel [3,2,1] over [5,1,5]
    expect(a.data[0]).toBe(3 * 5 + 2 * 1 + 1 * 5);
  });
  it('convolveRef(x, k, { mode: "full", boundary: "wrap" }) pads k-1 on each side', () => {
    const y = convolveRef(fromArray([1, 2], 'float64'), fromArray([1, 1, 1], 'float64'), { mode: 'full', boundary: 'wrap' });
    // padded: 1 2 | 1 2 | 1 2 → sums of 3 → [4, 5, 4, 5]
    expect([...y.data]).toEqual([4, 5, 4, 5]);
  });
  it('convolveRef(x, k, { boundary: "constant", cval: 2, mode: "same" }) fills with cval', () => {
    const y = convolveRef(fromArray([1, 1, 1], 'float64'), fromArray([1, 1, 1], 'float64'), { mode: 'same', cval: 2 });
    expect([...y.data]).toEqual([4, 3, 4]);
  });
  it('convolveRef rejects unknown mode and boundary names, listing the valid ones', () => {
    const x = fromArray([1, 2, 3], 'float64');
    // biome-ignore lint/suspicious/noExplicitAny: testing a bad name
    expect(() => convolveRef(x, x, { mode: 'middle' as any })).toThrow(/full, same, valid/);
    // biome-ignore lint/suspicious/noExplicitAny: testing a bad name
    expect(() => convolveRef(x, x, { boundary: 'zero' as any })).toThrow(ArgumentError);
    // biome-ignore lint/suspicious/noExplicitAny: testing a bad name
    expect(() => convolveRef(x, x, { boundary: 'zero' as any })).toThrow(/constant, reflect, mirror, nearest, wrap/);
  });
  it('convolveRef(x, k, { mode: "valid" }) swaps when k covers x and throws when neither fits', () => {
    const x = fromArray([1, 2], 'float64');
    const k = fromArray([1, 0, -1], 'float64');
    expect([...convolveRef(x, k, { mode: 'valid' }).data]).toEqual([...convolveRef(k, x, { mode: 'valid' }).data]);
    const a = fromArray([1, 2, 3, 4, 5, 6], 'float64', [2, 3]);
    const b = fromArray([1, 2, 3, 4, 5, 6], 'float64', [3, 2]);
    expect(() => convolveRef(a, b, { mode: 'valid' })).toThrow(ShapeError);
  });
  it('convolveRef rejects rank mismatch and empty kernels', () => {
    const x = fromArray([1, 2, 3, 4], 'float64', [2, 2]);
    expect(() => convolveRef(x, fromArray([1], 'float64'))).toThrow(ShapeError);
    expect(() => convolveRef(x, fromArray([], 'float64', [0, 2]))).toThrow(/non-empty kernel/);
  });
});
