/** The float → 8-bit policy (src/cli/output8bit.ts): clip, abs, normalize, offset, and the flag parsing. */
import { describe, expect, it } from 'vitest';
import { byteMappingGiven, byteMappingOption, toByteRange } from '../../src/cli/output8bit.js';
import { fromArray } from '../../src/core/ndarray.js';

const signed = fromArray([-300, -10, 0, 10.4, 300, Number.NaN], 'float64', [2, 3]);

describe('toByteRange', () => {
  it('toByteRange(a, clip) cuts to 0..255 and maps NaN to 0, keeping the shape as float32', () => {
    const out = toByteRange(signed, { kind: 'clip' });
    expect(out.dtype).toBe('float32');
    expect(out.shape).toEqual([2, 3]);
    expect([...out.data]).toEqual([0, 0, 0, Math.fround(10.4), 255, 0]);
  });

  it('toByteRange(a, abs) takes |v| before cutting', () => {
    expect([...toByteRange(signed, { kind: 'abs' }).data]).toEqual([255, 10, 0, Math.fround(10.4), 255, 0]);
  });

  it('toByteRange(a, offset 128) shows signed values as gray ± v', () => {
    expect([...toByteRange(signed, { kind: 'offset', offset: 128 }).data]).toEqual([0, 118, 128, Math.fround(138.4), 255, 0]);
  });

  it('toByteRange(a, normalize) stretches the finite min..max to 0..255; ±Inf go to the ends, constants to 0', () => {
    expect([
      ...toByteRange(fromArray([-2, 0, 2, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY], 'float64'), { kind: 'normalize' }).data,
    ]).toEqual([0, 127.5, 255, 255, 0]);
    expect([...toByteRange(fromArray([7, 7], 'float32'), { kind: 'normalize' }).data]).toEqual([0, 0]);
  });

  it('toByteRange(complex) throws naming the output', () => {
    expect(() => toByteRange(fromArray([1, 2], 'complex64', [1]), { kind: 'clip' })).toThrow(/write \.npy instead/);
  });
});

describe('byteMappingOption', () => {
  it('byteMappingOption({}) is clip; --offset V parses V; two flags are a usage error', () => {
    expect(byteMappingOption({})).toEqual({ kind: 'clip' });
    expect(byteMappingOption({ abs: true })).toEqual({ kind: 'abs' });
    expect(byteMappingOption({ offset: '128' })).toEqual({ kind: 'offset', offset: 128 });
    expect(() => byteMappingOption({ offset: 'gray' })).toThrow('option --offset: expected a number, got "gray"');
    expect(() => byteMappingOption({ abs: true, normalize: true })).toThrow('options --abs, --normalize exclude each other');
    expect(byteMappingGiven({})).toBe(false);
    expect(byteMappingGiven({ clip: true })).toBe(true);
  });
});
