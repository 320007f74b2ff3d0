import { describe, expect, it } from 'vitest';
import { fromArray, zeros } from '../../src/core/index.js';
import { drawBoxes, mapToGray } from '../../src/match/index.js';

describe('drawBoxes', () => {
  it('drawBoxes(gray image, boxes, { thickness: 1 }) outlines each box in red on an RGB copy', () => {
    const img = zeros([6, 8], 'float32');
    img.data.fill(300); // clipped to 255
    const out = drawBoxes(img, [{ x: 1, y: 1, width: 4, height: 3 }], { thickness: 1 });
    expect(out.shape).toEqual([3, 6, 8]);
    const px = (y: number, x: number) => [0, 1, 2].map((c) => out.data[(c * 6 + y) * 8 + x]);
    for (const [y, x] of [
      [1, 1],
      [1, 4],
      [3, 1],
      [3, 4],
      [2, 1],
      [2, 4],
      [1, 2],
    ])
      expect(px(y, x)).toEqual([255, 0, 0]);
    expect(px(2, 2)).toEqual([255, 255, 255]); // inside stays
    expect(px(0, 0)).toEqual([255, 255, 255]);
    expect(img.data[0]).toBe(300); // the input is untouched
  });

  it('drawBoxes clips boxes that run past the edge', () => {
    const out = drawBoxes(zeros([3, 4, 4], 'float32'), [{ x: 2, y: 2, width: 5, height: 5 }], { color: [0, 0, 9], thickness: 1 });
    expect(out.data[(2 * 4 + 2) * 4 + 2]).toBe(9);
    expect(out.data[(2 * 4 + 3) * 4 + 3]).toBe(0);
  });
});

describe('mapToGray', () => {
  it('mapToGray(map) scales min → 0, max → 255, and invert swaps them', () => {
    const m = fromArray([-1, 0, 1, 0.5], 'float32', [2, 2]);
    expect([...mapToGray(m).data]).toEqual([0, 128, 255, 191]);
    expect([...mapToGray(m, true).data]).toEqual([255, 128, 0, 64]);
    expect(mapToGray(m).shape).toEqual([1, 2, 2]);
  });
});
