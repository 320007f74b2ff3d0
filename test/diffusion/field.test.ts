import { describe, expect, it } from 'vitest';
import { fromArray, NDArray } from '../../src/core/ndarray.js';
import { compensatedSum, fromPlanes, mass, toPlanes } from '../../src/diffusion/field.js';

describe('field', () => {
  it('compensatedSum([1e16, 1, −1e16]) keeps the 1 that plain summation loses', () => {
    expect(compensatedSum([1e16, 1, -1e16])).toBe(1);
    expect(mass(fromArray([1, 2, 3.5], 'float32'))).toBe(6.5);
  });

  it('toPlanes / fromPlanes round-trip [C, H, W] float32 and refuse other ranks', () => {
    const u = new NDArray(
      'float32',
      [2, 2, 3],
      Float32Array.from({ length: 12 }, (_, i) => i),
    );
    const f = toPlanes(u);
    expect([f.planes.length, f.H, f.W, f.dtype]).toEqual([2, 2, 3, 'float32']);
    expect([...fromPlanes(f.planes, f).data]).toEqual([...u.data]);
    expect(() => toPlanes(fromArray([1, 2], 'float64'))).toThrow(/\[H, W\]/);
    expect(() => toPlanes(fromArray([1, 2], 'complex128'))).toThrow(/real/);
  });
});
