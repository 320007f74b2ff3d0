import { describe, expect, it } from 'vitest';
import { checkLength, checkNorm, normScale, resolveAxes } from '../../src/fft/args.js';

describe('args', () => {
  it('normScale(norm, n, inverse) follows numpy', () => {
    expect(normScale('backward', 4, false)).toBe(1);
    expect(normScale('backward', 4, true)).toBe(0.25);
    expect(normScale('forward', 4, false)).toBe(0.25);
    expect(normScale('forward', 4, true)).toBe(1);
    expect(normScale('ortho', 4, true)).toBe(0.5);
  });
  it('checkNorm(undefined) is backward; checkNorm("x") throws naming norm', () => {
    expect(checkNorm(undefined)).toBe('backward');
    expect(() => checkNorm('x')).toThrow(/^norm: /);
  });
  it('checkLength(n) accepts positive integers only', () => {
    expect(checkLength(3)).toBe(3);
    expect(() => checkLength(0)).toThrow(/^n: /);
    expect(() => checkLength('3' as never, 's')).toThrow(/^s: /);
  });
  it('resolveAxes(shape, s, axes) follows numpy: all axes, the last len(s), or the given ones', () => {
    expect(resolveAxes([2, 3, 4], undefined, undefined)).toEqual({ s: [undefined, undefined, undefined], axes: [0, 1, 2] });
    expect(resolveAxes([2, 3, 4], [5, 6], undefined)).toEqual({ s: [5, 6], axes: [1, 2] });
    expect(resolveAxes([2, 3, 4], undefined, [-1, 0])).toEqual({ s: [undefined, undefined], axes: [2, 0] });
    expect(resolveAxes([2, 3, 4], undefined, undefined, [-2, -1]).axes).toEqual([1, 2]);
    expect(() => resolveAxes([2, 3], [1, 2, 3], undefined)).toThrow(/^s: /);
    expect(() => resolveAxes([2, 3], undefined, [])).toThrow(/^axes: /);
  });
});
