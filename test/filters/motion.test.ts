import { describe, expect, it } from 'vitest';
import { motionBlur } from '../../src/filters/index.js';

const nonzero = (k: { data: Float64Array; shape: readonly number[] }) => {
  const w = k.shape[1];
  return [...k.data.keys()].filter((i) => k.data[i] > 0).map((i) => [Math.floor(i / w), i % w]);
};

describe('motionBlur', () => {
  it('motionBlur(5, 0) is the centre row, each 1/5', () => {
    const k = motionBlur(5, 0);
    expect(nonzero(k)).toEqual([0, 1, 2, 3, 4].map((c) => [2, c]));
    expect(k.data[2 * 5]).toBeCloseTo(0.2, 15);
  });
  it('motionBlur(5, 45) runs from bottom-left to top-right on screen', () => {
    const k = motionBlur(5, 45);
    expect(nonzero(k)).toEqual([
      [0, 4],
      [1, 3],
      [2, 2],
      [3, 1],
      [4, 0],
    ]);
  });
  it('motionBlur(3, 90) is the centre column; bad length throws', () => {
    expect(nonzero(motionBlur(3, 90))).toEqual([
      [0, 1],
      [1, 1],
      [2, 1],
    ]);
    expect(() => motionBlur(0)).toThrow(/length/);
  });
});
