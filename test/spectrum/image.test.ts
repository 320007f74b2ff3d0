import { describe, expect, it } from 'vitest';
import { NDArray } from '../../src/core/ndarray.js';
import { imageShape, planesOf, selectPlane, stackPlanes, toDisplay } from '../../src/spectrum/image.js';

describe('imageShape / selectPlane / toDisplay / stackPlanes', () => {
  const rgb = new NDArray('float32', [3, 1, 2], Float32Array.from([10, 20, 30, 40, 50, 60]));

  it('imageShape([H, W]) is [1, H, W]; a 4-D array or a complex one throws naming image', () => {
    expect(imageShape(new NDArray('float64', [4, 5]))).toEqual([1, 4, 5]);
    expect(() => imageShape(new NDArray('float64', [1, 1, 4, 5]))).toThrow(/image: expected an image of shape \[H, W\] or \[C, H, W\]/);
    expect(() => imageShape(new NDArray('complex64', [4, 5]))).toThrow(/image: expected a real image/);
  });

  it('selectPlane(rgb) is the BT.601 luminance; { channel: 2 } the blue plane; { luminance: false } the first', () => {
    expect(Array.from(selectPlane(rgb).data)).toEqual([0.299 * 10 + 0.587 * 30 + 0.114 * 50, 0.299 * 20 + 0.587 * 40 + 0.114 * 60]);
    expect(Array.from(selectPlane(rgb, { channel: 2 }).data)).toEqual([50, 60]);
    expect(Array.from(selectPlane(rgb, { luminance: false }).data)).toEqual([10, 20]);
    expect(() => selectPlane(rgb, { channel: 1, luminance: true })).toThrow(/channel: give either channel or luminance/);
  });

  it('toDisplay(plane) maps min..max onto 0..255; stackPlanes keeps float32', () => {
    const d = toDisplay({ data: Float64Array.from([-1, 0, 1]), height: 1, width: 3 });
    expect(Array.from(d.data)).toEqual([0, 127.5, 255]);
    const s = stackPlanes(planesOf(rgb), rgb, false);
    expect([s.dtype, ...s.shape]).toEqual(['float32', 3, 1, 2]);
    expect(Array.from(s.data)).toEqual(Array.from(rgb.data));
  });
});
