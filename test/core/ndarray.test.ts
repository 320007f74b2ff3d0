import { describe, expect, it } from 'vitest';
import { astype, fromArray, NDArray, ShapeError, zeros } from '../../src/core/index.js';

describe('NDArray', () => {
  it('zeros([2, 3], "complex64") stores 12 interleaved float32 scalars', () => {
    const a = zeros([2, 3], 'complex64');
    expect(a.data).toBeInstanceOf(Float32Array);
    expect(a.data.length).toBe(12);
    expect(a.size).toBe(6);
    expect(a.strides).toEqual([3, 1]);
  });
  it('zeros(shape, dtype, true) is backed by a SharedArrayBuffer', () => {
    expect(zeros([4], 'float64', true).data.buffer).toBeInstanceOf(SharedArrayBuffer);
  });
  it('new NDArray rejects data whose length does not match the shape', () => {
    expect(() => new NDArray('float32', [2, 2], new Float32Array(3))).toThrow(ShapeError);
    expect(() => new NDArray('float32', [2, 2], new Float32Array(3))).toThrow(/data: length 3/);
  });
  it('new NDArray rejects negative or fractional dimensions', () => {
    expect(() => zeros([2, -1], 'float32')).toThrow(/non-negative integers/);
    expect(() => zeros([1.5], 'float32')).toThrow(ShapeError);
  });
  it('reshape keeps the data and refuses a size change', () => {
    const a = fromArray([1, 2, 3, 4, 5, 6], 'float64');
    const b = a.reshape([2, 3]);
    expect(b.data).toBe(a.data);
    expect(() => a.reshape([4, 2])).toThrow(/cannot reshape/);
  });
  it('astype(float32 → complex64) sets im = 0 and refuses complex → real', () => {
    const c = astype(fromArray([1, 2], 'float32'), 'complex64');
    expect([...c.data]).toEqual([1, 0, 2, 0]);
    expect(() => astype(c, 'float32')).toThrow(/cannot cast complex/);
  });
});

describe('errors', () => {
  it('new ShapeError(msg, arg) carries name, code and arg that survive minification', async () => {
    const { ShapeError: SE, ConvolabError } = await import('../../src/core/errors.js');
    const e = new SE('x: bad', 'x');
    expect(e).toBeInstanceOf(ConvolabError);
    expect(e.name).toBe('ShapeError');
    expect(e.code).toBe('E_SHAPE');
    expect(e.arg).toBe('x');
  });
});
