import { describe, expect, it } from 'vitest';
import { ArgumentError, fromArray, ShapeError, zeros } from '../../src/core/index.js';
import { findPeaks, parabola } from '../../src/match/index.js';

/** A [H, W] map with Gaussian bumps of the given heights at fractional centres. */
function bumps(H: number, W: number, list: Array<[x: number, y: number, height: number]>, sigma = 1.5) {
  const m = zeros([H, W], 'float64');
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      for (const [bx, by, h] of list) m.data[y * W + x] += h * Math.exp(-((x - bx) ** 2 + (y - by) ** 2) / (2 * sigma * sigma));
    }
  }
  return m;
}

describe('findPeaks', () => {
  it('findPeaks(map, { top: 3 }) returns the three bumps best first', () => {
    const m = bumps(30, 40, [
      [5, 6, 0.5],
      [30, 20, 0.9],
      [18, 10, 0.7],
    ]);
    expect(findPeaks(m, { top: 3 })).toEqual([
      { x: 30, y: 20, score: m.data[20 * 40 + 30] },
      { x: 18, y: 10, score: m.data[10 * 40 + 18] },
      { x: 5, y: 6, score: m.data[6 * 40 + 5] },
    ]);
  });

  it('findPeaks(map, { top, minDistance }) suppresses a weaker peak nearer than minDistance', () => {
    const m = bumps(
      30,
      40,
      [
        [10, 10, 1],
        [14, 12, 0.8],
        [30, 20, 0.6],
      ],
      0.7,
    );
    expect(findPeaks(m, { top: 3 }).map((p) => [p.x, p.y])).toEqual([
      [10, 10],
      [14, 12],
      [30, 20],
    ]);
    expect(findPeaks(m, { top: 3, minDistance: 5 }).map((p) => [p.x, p.y])).toEqual([
      [10, 10],
      [30, 20],
    ]);
    // Chebyshev: 4 apart in x is enough when minDistance is 4
    expect(findPeaks(m, { top: 3, minDistance: 4 }).map((p) => [p.x, p.y])).toEqual([
      [10, 10],
      [14, 12],
      [30, 20],
    ]);
  });

  it("findPeaks(map, { mode: 'min', threshold }) finds minima at or below the threshold", () => {
    const m = bumps(20, 20, [
      [4, 4, -2],
      [15, 12, -1],
    ]);
    for (let i = 0; i < m.data.length; i++) m.data[i] += 3;
    const p = findPeaks(m, { mode: 'min', top: 5, threshold: 1.5 });
    expect(p.map((q) => [q.x, q.y])).toEqual([[4, 4]]);
    expect(p[0].score).toBeCloseTo(1, 12);
  });

  it('findPeaks(map, { subpixel: true }) recovers a fractional centre within 0.1 px', () => {
    const m = bumps(25, 25, [[11.3, 7.8, 1]], 2);
    const [p] = findPeaks(m, { subpixel: true });
    expect(Math.abs(p.x - 11.3)).toBeLessThan(0.1);
    expect(Math.abs(p.y - 7.8)).toBeLessThan(0.1);
    expect(p.score).toBeGreaterThanOrEqual(m.data[8 * 25 + 11]);
    expect(p.score).toBeLessThanOrEqual(1.001);
  });

  it('parabola(a, b, c) gives the vertex of an exact parabola and no offset on a flat triple', () => {
    const f = (t: number) => 2 - 3 * (t - 0.2) ** 2;
    const [d, gain] = parabola(f(-1), f(0), f(1));
    expect(d).toBeCloseTo(0.2, 12);
    expect(f(0) + gain).toBeCloseTo(2, 12);
    expect(parabola(1, 1, 1)).toEqual([0, 0]);
    expect(parabola(Number.NaN, 1, 0)).toEqual([0, 0]);
  });

  it('findPeaks rejects a non-2-D map and bad options', () => {
    expect(() => findPeaks(fromArray([1, 2, 3], 'float32'))).toThrow(ShapeError);
    const m = zeros([3, 3], 'float32');
    expect(() => findPeaks(m, { top: 0 })).toThrow(ArgumentError);
    expect(() => findPeaks(m, { minDistance: -1 })).toThrow(/minDistance/);
    expect(() => findPeaks(m, { mode: 'up' as 'max' })).toThrow(/mode/);
  });
});
