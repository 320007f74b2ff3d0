import { describe, expect, it } from 'vitest';
import { convolve, correlate, flipConj } from '../../src/conv/index.js';
import { ArgumentError, DTypeError, fromArray, ShapeError, zeros } from '../../src/core/index.js';
import { convolveRef } from '../../src/ref/convolve.js';
import { loadGolden, relErr } from './golden.js';
import { normErr, rand, tolOf } from './helpers.js';

describe('convolve / correlate vs golden files', () => {
  for (const part of ['scipy', 'cv2'] as const) {
    const g = loadGolden(part);
    it(`convolve(x, k, opts) and correlate(x, k, opts) match ${part} with method direct and auto`, () => {
      for (const c of g.cases) {
        const x = g.array(c.x);
        const k = g.array(c.k);
        const want = g.array(c.out);
        const fn = c.fn.endsWith('correlate') || c.fn === 'cv2.filter2D' ? correlate : convolve;
        for (const method of ['direct', 'auto'] as const) {
          const got = fn(x, k, { mode: c.mode, boundary: c.boundary, cval: c.cval, method });
          expect(got.shape, c.name).toEqual(want.shape);
          expect(relErr(got, want), `${c.name} ${method}`).toBeLessThan(tolOf(got.dtype));
        }
      }
    });
  }
});

describe('convolve', () => {
  it('convolve(x, k, { method: "separable" }) agrees with direct for a separable kernel, every boundary', () => {
    const x = rand([23, 19], 'float64', 1);
    const col = [1, 4, 6, 4, 1];
    const row = [-1, 0, 2, 0.5];
    const k = zeros([5, 4], 'float64');
    for (let i = 0; i < 5; i++) for (let j = 0; j < 4; j++) k.data[i * 4 + j] = col[i] * row[j];
    for (const mode of ['full', 'same', 'valid'] as const) {
      for (const boundary of ['constant', 'reflect', 'mirror', 'nearest', 'wrap'] as const) {
        const opts = { mode, boundary, cval: 2.5 };
        const want = convolve(x, k, { ...opts, method: 'direct' });
        expect(normErr(convolve(x, k, { ...opts, method: 'separable' }), want), `${mode} ${boundary}`).toBeLessThan(1e-12);
        expect(normErr(correlate(x, k, { ...opts, method: 'separable' }), correlate(x, k, { ...opts, method: 'direct' }))).toBeLessThan(
          1e-12,
        );
      }
    }
    const x32 = rand([31, 30], 'float32', 2);
    const want32 = convolveRef(x32, k, { mode: 'same', boundary: 'mirror' });
    expect(normErr(convolve(x32, k, { mode: 'same', boundary: 'mirror', method: 'separable' }), want32)).toBeLessThan(1e-5);
  });
  it('convolve(x, k, { method: "separable" }) refuses a rank-2 kernel', () => {
    expect(() => convolve(rand([8, 8], 'float64', 1), rand([3, 3], 'float64', 2), { method: 'separable' })).toThrow(/rank-1/);
  });
  it('convolve([C, H, W] image, 2-D kernel) gives one feature map per channel', () => {
    const img = rand([3, 9, 8], 'float32', 5);
    const k = rand([3, 3], 'float32', 6);
    const y = convolve(img, k, { mode: 'same', boundary: 'mirror' });
    expect(y.shape).toEqual([3, 9, 8]);
    for (let c = 0; c < 3; c++) {
      const plane = fromArray(img.data.subarray(c * 72, (c + 1) * 72), 'float32', [9, 8]);
      const want = convolveRef(plane, k, { mode: 'same', boundary: 'mirror' });
      const got = fromArray(y.data.subarray(c * 72, (c + 1) * 72), 'float32', [9, 8]);
      expect(normErr(got, want)).toBeLessThan(1e-5);
    }
  });
  it('correlate([C_in, H, W], [C_out, C_in, kh, kw]) sums over input channels', () => {
    const img = rand([2, 7, 6], 'float64', 7);
    const bank = rand([3, 2, 3, 2], 'float64', 8);
    const y = correlate(img, bank, { mode: 'valid' });
    expect(y.shape).toEqual([3, 5, 5]);
    for (let co = 0; co < 3; co++) {
      const want = zeros([5, 5], 'float64');
      for (let ci = 0; ci < 2; ci++) {
        const x = fromArray(img.data.subarray(ci * 42, (ci + 1) * 42), 'float64', [7, 6]);
        const k = fromArray(bank.data.subarray((co * 2 + ci) * 6, (co * 2 + ci + 1) * 6), 'float64', [3, 2]);
        const part = convolveRef(x, k, { mode: 'valid', correlate: true });
        for (let i = 0; i < 25; i++) want.data[i] += part.data[i];
      }
      expect(normErr(fromArray(y.data.subarray(co * 25, (co + 1) * 25), 'float64', [5, 5]), want)).toBeLessThan(1e-12);
    }
  });
  it('correlate(x, k) == convolve(x, flip(conj(k))) for complex data', () => {
    const x = rand([5, 6], 'complex128', 9);
    const k = rand([2, 3], 'complex128', 10);
    expect(normErr(correlate(x, k, { mode: 'same' }), convolve(x, flipConj(k), { mode: 'same' }))).toBeLessThan(1e-14);
  });
  it('convolve(float32, float64) keeps the input precision (float32); uint8 input is accepted', () => {
    expect(convolve(rand([4], 'float32', 1), rand([2], 'float64', 2)).dtype).toBe('float32');
    expect(convolve(rand([4], 'float64', 1), rand([2], 'float32', 2)).dtype).toBe('float64');
    expect(convolve(rand([4], 'float32', 1), rand([2], 'complex64', 2)).dtype).toBe('complex64');
    const u = fromArray([1, 2, 3], 'uint8');
    expect([...convolve(u, fromArray([1, 1], 'float32')).data]).toEqual([1, 3, 5, 3]);
  });
  it('convolve(x, k, { out }) writes into out and checks its shape and dtype', () => {
    const out = zeros([5], 'float64');
    out.data.fill(9);
    const y = convolve(fromArray([1, 2, 3], 'float64'), fromArray([1, 1, 1], 'float64'), { mode: 'full', out });
    expect(y).toBe(out);
    expect([...out.data]).toEqual([1, 3, 6, 5, 3]);
    expect(() => convolve(fromArray([1, 2, 3], 'float64'), fromArray([1, 1], 'float64'), { out })).toThrow(ShapeError);
    expect(() => convolve(fromArray([1, 2, 3], 'float64'), fromArray([1, 1, 1], 'float64'), { out: zeros([5], 'float32') })).toThrow(
      DTypeError,
    );
  });
});

describe('convolve bad input', () => {
  const x = rand([6, 6], 'float64', 1);
  it('convolve(x, k with NaN / Inf) throws unless allowNonFinite', () => {
    const k = fromArray([1, Number.NaN, 0, 1], 'float64', [2, 2]);
    expect(() => convolve(x, k)).toThrow(/non-finite value \(NaN\) at flat index 1/);
    expect(() => convolve(x, fromArray([Number.POSITIVE_INFINITY], 'float64', [1, 1]))).toThrow(ArgumentError);
    expect(Number.isNaN(convolve(x, k, { allowNonFinite: true }).data[1])).toBe(true);
  });
  it('convolve(2-D x, 1-D k) throws ShapeError naming both shapes', () => {
    expect(() => convolve(x, fromArray([1, 2], 'float64'))).toThrow(ShapeError);
    expect(() => convolve(x, fromArray([1, 2], 'float64'))).toThrow(/kernel rank 1 .* input rank 2/);
    expect(() => correlate(rand([2, 5, 5], 'float64', 1), rand([1, 3, 2, 2], 'float64', 2))).toThrow(/expects 3 input channels/);
  });
  it('convolve(x, empty k) throws ShapeError', () => {
    expect(() => convolve(x, zeros([0, 3], 'float64'))).toThrow(/k: expected a non-empty array/);
    expect(() => convolve(zeros([0], 'float64'), fromArray([1], 'float64'))).toThrow(ShapeError);
  });
  it('convolve(x, k, bad names) lists the valid modes, boundaries and methods', () => {
    const k = rand([3, 3], 'float64', 2);
    // biome-ignore lint/suspicious/noExplicitAny: bad names on purpose
    const bad = (o: any) => () => convolve(x, k, o);
    expect(bad({ mode: 'middle' })).toThrow(/expected one of full, same, valid/);
    expect(bad({ boundary: 'zeros' })).toThrow(
      /constant, reflect, mirror, nearest, wrap, reflect101 \(= mirror\), replicate \(= nearest\)/,
    );
    expect(bad({ method: 'winograd' })).toThrow(/auto, direct, separable, fft, oa/);
    expect(bad({ threads: 0 })).toThrow(/threads/);
  });
  it('convolve(x, bigger k, { mode: "valid" }) swaps like scipy, and throws when neither fits', () => {
    const small = rand([3, 4], 'float64', 3);
    const big = rand([5, 6], 'float64', 4);
    expect(normErr(convolve(small, big, { mode: 'valid' }), convolve(big, small, { mode: 'valid' }))).toBeLessThan(1e-15);
    expect(convolve(small, big, { mode: 'valid' }).shape).toEqual([3, 3]);
    expect(() => convolve(rand([3, 6], 'float64', 1), rand([5, 4], 'float64', 2), { mode: 'valid' })).toThrow(/at least as large/);
  });
});
