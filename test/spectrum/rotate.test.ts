import { describe, expect, it } from 'vitest';
import { NDArray } from '../../src/core/ndarray.js';
import { rotate } from '../../src/spectrum/rotate.js';

describe('rotate(image, angle)', () => {
  const img = new NDArray('float64', [2, 5, 5]);
  for (let i = 0; i < img.data.length; i++) img.data[i] = i;

  it('rotate(img, 0) is the image; rotate(img, 90) turns it counter-clockwise on screen', () => {
    expect(Array.from(rotate(img, 0).data)).toEqual(Array.from(img.data));
    const r = rotate(img, 90);
    // CCW on screen: the right column becomes the top row
    for (let c = 0; c < 2; c++) {
      for (let x = 0; x < 5; x++) expect(r.data[c * 25 + x]).toBeCloseTo(img.data[c * 25 + x * 5 + 4], 9);
    }
  });

  it('rotate(img, 45, { fill: -1 }) fills the corners from outside with -1 and keeps float32', () => {
    const f = new NDArray('float32', [1, 9, 9]).copy();
    f.data.fill(3);
    const r = rotate(f, 45, { fill: -1 });
    expect(r.dtype).toBe('float32');
    expect(r.data[0]).toBe(-1);
    expect(r.data[4 * 9 + 4]).toBe(3);
  });

  it('rotate(img, NaN) throws naming angle', () => {
    expect(() => rotate(img, Number.NaN)).toThrow(/angle: expected a finite number/);
  });
});
