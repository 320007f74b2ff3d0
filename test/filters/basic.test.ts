import { describe, expect, it } from 'vitest';
import { correlate } from '../../src/conv/index.js';
import { fromArray } from '../../src/core/index.js';
import { box, emboss, identity, laplacian, prewittX, scharrY, sharpen, sobelX, sobelY } from '../../src/filters/index.js';

const sum = (a: ArrayLike<number>) => Array.from(a).reduce((s, v) => s + v, 0);

describe('basic kernels', () => {
  it('box(n) is n×n of 1/n²', () => {
    const k = box(5);
    expect(k.shape).toEqual([5, 5]);
    expect([...new Set(k.data)]).toEqual([1 / 25]);
    expect(() => box(0)).toThrow(/n: expected an integer/);
  });
  it('identity(3) leaves an image unchanged under correlate(same)', () => {
    const x = fromArray([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], 'float64', [3, 4]);
    expect([...correlate(x, identity(3), { mode: 'same' }).data]).toEqual([...x.data]);
    expect(() => identity(4)).toThrow(/odd/);
  });
  it('correlate(ramp, sobelX()) is +8 per unit step to the right; sobelY is 0 on it', () => {
    const x = fromArray(
      Array.from({ length: 25 }, (_, i) => i % 5),
      'float64',
      [5, 5],
    );
    const gx = correlate(x, sobelX(), { mode: 'valid' });
    const gy = correlate(x, sobelY(), { mode: 'valid' });
    expect([...new Set(gx.data)]).toEqual([8]);
    expect([...new Set(gy.data)]).toEqual([0]);
  });
  it('derivative kernels sum to 0; sharpen and emboss sum to 1', () => {
    for (const k of [sobelX(), prewittX(), scharrY(), laplacian(4), laplacian(8)]) expect(sum(k.data)).toBe(0);
    expect(sum(sharpen().data)).toBe(1);
    expect(sum(emboss().data)).toBe(1);
    expect(laplacian(8).data[4]).toBe(-8);
    // biome-ignore lint/suspicious/noExplicitAny: bad value on purpose
    expect(() => laplacian(6 as any)).toThrow(/4 or 8/);
  });
});
