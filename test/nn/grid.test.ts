import { describe, expect, it } from 'vitest';
import { stackRows, tileGrid } from '../../src/nn/grid.js';

describe('grid', () => {
  it('tileGrid(3 tiles of 2x2, { cols: 2, scale: 2, gap: 1 }) lays out normalised tiles', () => {
    const tiles = [new Float32Array([0, 1, 2, 3]), new Float32Array([5, 5, 5, 5]), new Float32Array([-1, 0, 0, 1])];
    const g = tileGrid(tiles, 2, 2, { cols: 2, scale: 2, gap: 1 });
    expect(g.shape).toEqual([1, 9, 9]);
    const at = (y: number, x: number) => g.data[y * 9 + x];
    expect(at(0, 0)).toBe(0);
    expect(at(3, 3)).toBe(255);
    expect(at(0, 2)).toBe(85); // tile 0, tap (0, 1) = 1 of 0..3
    expect(at(0, 4)).toBe(255); // gap
    expect(at(0, 5)).toBe(128); // constant tile
    expect(at(5, 0)).toBe(0); // tile 2 min
    expect(at(8, 8)).toBe(255); // empty slot is background
  });

  it('stackRows stacks images left-aligned with a gap', () => {
    const a = tileGrid([new Float32Array([0, 1])], 1, 2, { gap: 0 });
    const b = tileGrid([new Float32Array([1, 0, 1])], 1, 3, { gap: 0 });
    const s = stackRows([a, b], 1, 7);
    expect(s.shape).toEqual([1, 3, 3]);
    expect([...s.data]).toEqual([0, 255, 7, 7, 7, 7, 255, 0, 255]);
  });
});
