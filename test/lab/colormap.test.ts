import { describe, expect, it } from 'vitest';
import { colormapLUT, resolveRange, toPlanes, toRGBA } from '../../lab/src/components/colormap.js';
import { fromArray } from '../../src/index.js';

describe('colormapLUT(name)', () => {
  it('colormapLUT("gray") runs 0..255 on every channel', () => {
    const lut = colormapLUT('gray');
    expect(lut.length).toBe(768);
    expect(Array.from(lut.slice(0, 3))).toEqual([0, 0, 0]);
    expect(Array.from(lut.slice(128 * 3, 128 * 3 + 3))).toEqual([128, 128, 128]);
    expect(Array.from(lut.slice(765))).toEqual([255, 255, 255]);
  });

  it('colormapLUT("viridis") starts at #440154 and ends at #fde725', () => {
    const lut = colormapLUT('viridis');
    expect(Array.from(lut.slice(0, 3))).toEqual([0x44, 0x01, 0x54]);
    expect(Array.from(lut.slice(765))).toEqual([0xfd, 0xe7, 0x25]);
  });

  it('colormapLUT("jet") throws a RangeError naming colormap', () => {
    expect(() => colormapLUT('jet' as never)).toThrow(/colormap: expected one of gray, viridis, magma, coolwarm, got "jet"/);
  });
});

describe('resolveRange(data, range)', () => {
  it('resolveRange([-2, 1, 3], "auto" | "symmetric" | [0, 10])', () => {
    expect(resolveRange([-2, 1, 3], 'auto')).toEqual([-2, 3]);
    expect(resolveRange([-2, 1, 3], 'symmetric')).toEqual([-3, 3]);
    expect(resolveRange([-2, 1, 3], [0, 10])).toEqual([0, 10]);
  });

  it('resolveRange of constant data widens to a unit interval; of empty data is [0, 1]', () => {
    expect(resolveRange([5, 5], 'auto')).toEqual([4.5, 5.5]);
    expect(resolveRange([], 'auto')).toEqual([0, 1]);
  });
});

describe('toPlanes(src) and toRGBA(planes, colormap, range)', () => {
  it('toPlanes([[1, 2], [3, 4]]) is one 2×2 plane; a ragged array throws naming the row', () => {
    const p = toPlanes([
      [1, 2],
      [3, 4],
    ]);
    expect([p.width, p.height, p.channels]).toEqual([2, 2, 1]);
    expect(Array.from(p.data)).toEqual([1, 2, 3, 4]);
    expect(() => toPlanes([[1, 2], [3]])).toThrow(/row 1 has 1 values, expected 2/);
  });

  it('toPlanes rejects complex arrays and 4-D shapes', () => {
    expect(() => toPlanes(fromArray([1, 0], 'complex64', [1]))).toThrow(/expected a real array, got complex64/);
    expect(() => toPlanes(fromArray([1], 'float32', [1, 1, 1, 1]))).toThrow(/expected shape \[H, W\] or \[C, H, W\]/);
  });

  it('toRGBA of a [H, W] ramp in gray maps min → 0 and max → 255, opaque', () => {
    const { rgba, lo, hi } = toRGBA(toPlanes(fromArray([10, 20, 30], 'float32', [1, 3])), 'gray');
    expect([lo, hi]).toEqual([10, 30]);
    expect(Array.from(rgba)).toEqual([0, 0, 0, 255, 128, 128, 128, 255, 255, 255, 255, 255]);
  });

  it('toRGBA of a [3, 1, 2] image uses the 0..255 scale per channel by default and clamps', () => {
    const img = fromArray([0, 300, 100, 50, 255, -5], 'float32', [3, 1, 2]);
    expect(Array.from(toRGBA(toPlanes(img)).rgba)).toEqual([0, 100, 255, 255, 255, 50, 0, 255]);
  });

  it('toRGBA maps NaN to the colormap start', () => {
    const { rgba } = toRGBA(toPlanes(fromArray([Number.NaN, 0, 1], 'float32', [1, 3])), 'gray', [0, 1]);
    expect(Array.from(rgba.slice(0, 4))).toEqual([0, 0, 0, 255]);
  });
});
