import { describe, expect, it } from 'vitest';
import { niceTicks, plotHistory } from '../../src/nn/plot.js';
import type { EpochInfo } from '../../src/nn/train.js';

const hist = (n: number): EpochInfo[] =>
  Array.from({ length: n }, (_, e) => ({
    epoch: e,
    loss: 1 / (e + 1),
    accuracy: 0.8 + (e * 0.15) / Math.max(1, n),
    valLoss: 0.9 / (e + 1),
    valAccuracy: 0.82 + (e * 0.1) / Math.max(1, n),
    seconds: 1,
    lr: 1e-3,
  }));

/** Pixel colours of img as 'r,g,b' strings, [H][W]. */
function colours(img: { shape: readonly number[]; data: ArrayLike<number> }): string[][] {
  const [, h, w] = img.shape;
  return Array.from({ length: h }, (_, y) =>
    Array.from({ length: w }, (_, x) => [0, 1, 2].map((k) => img.data[k * h * w + y * w + x]).join()),
  );
}
const TEXT = '40,40,40';
const count = (c: string[][], colour: string, x0: number, x1: number, y0: number, y1: number) => {
  let n = 0;
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (c[y][x] === colour) n++;
  return n;
};
/** Groups of text columns in rows [y0, y1) and columns [x0, x1), split by gaps of 3+ blank columns. */
function textGroups(c: string[][], x0: number, x1: number, y0: number, y1: number): number {
  let groups = 0;
  let gap = 99;
  for (let x = x0; x < x1; x++) {
    if (count(c, TEXT, x, x + 1, y0, y1) > 0) {
      if (gap >= 3) groups++;
      gap = 0;
    } else gap++;
  }
  return groups;
}

describe('plotHistory', () => {
  it('plotHistory(3 epochs) draws train (blue) and test (orange) curves on white, [3, H, W]', () => {
    const img = plotHistory(hist(3), 200, 100);
    expect(img.shape).toEqual([3, 100, 200]);
    const c = colours(img);
    expect(c[0][199]).toBe('255,255,255');
    expect(count(c, '31,119,180', 0, 200, 0, 100)).toBeGreaterThan(100);
    expect(count(c, '255,127,14', 0, 200, 0, 100)).toBeGreaterThan(100);
  });

  it('plotHistory(10 epochs) labels titles, y ticks, epochs 1..10 and a legend in text', () => {
    const img = plotHistory(hist(10)); // 720×280: panels of 360
    expect(img.shape).toEqual([3, 280, 720]);
    const c = colours(img);
    // titles "loss" / "accuracy" at scale 2 in the top band (rows 6..19)
    expect(count(c, TEXT, 0, 120, 6, 20)).toBeGreaterThan(60);
    expect(count(c, TEXT, 360, 520, 6, 20)).toBeGreaterThan(120);
    // y tick labels left of each axis (x < 40 in each panel), between title and axis
    expect(count(c, TEXT, 0, 30, 26, 252)).toBeGreaterThan(40);
    expect(count(c, TEXT, 360, 400, 26, 252)).toBeGreaterThan(60);
    // epoch numbers: 10 separate labels under each axis (rows 258..264), then "epoch" below
    expect(textGroups(c, 20, 360, 258, 265)).toBe(10);
    expect(textGroups(c, 380, 720, 258, 265)).toBe(10);
    expect(textGroups(c, 0, 360, 269, 276)).toBe(1);
    // legend in the loss panel's top-right: blue and orange swatches beside text
    expect(count(c, '31,119,180', 230, 348, 6, 20)).toBeGreaterThan(20);
    expect(count(c, '255,127,14', 230, 348, 6, 20)).toBeGreaterThan(20);
    expect(count(c, TEXT, 230, 348, 6, 20)).toBeGreaterThan(30);
  });

  it('plotHistory(57 epochs) labels every 5th epoch (1, 5, 10, …, 55) so numbers do not touch', () => {
    const c = colours(plotHistory(hist(57)));
    expect(textGroups(c, 10, 360, 258, 265)).toBe(12);
  });

  it('plotHistory([]) and plotHistory(1 epoch) keep their shape; one epoch sits mid-panel', () => {
    const empty = colours(plotHistory([], 200, 100));
    expect(count(empty, '31,119,180', 0, 200, 20, 100)).toBe(0); // only the legend swatch is blue
    expect(count(empty, TEXT, 0, 200, 0, 100)).toBeGreaterThan(50); // axes are still labelled
    const one = plotHistory(hist(1), 200, 100);
    expect(one.shape).toEqual([3, 100, 200]);
    const c = colours(one);
    const xs: number[] = [];
    for (let x = 0; x < 100; x++) if (count(c, '31,119,180', x, x + 1, 14, 100) > 0) xs.push(x);
    expect(xs.length).toBe(5); // one 5×5 dot, no line
    const mid = (xs[0] + xs[4]) / 2;
    expect(mid).toBeGreaterThan(40);
    expect(mid).toBeLessThan(70);
  });

  it('niceTicks(lo, hi) gives 3–5 round ticks covering [lo, hi]', () => {
    expect(niceTicks(0, 0.5455)).toEqual({ lo: 0, hi: 0.6000000000000001, step: 0.2, ticks: [0, 0.2, 0.4, 0.6000000000000001] });
    const acc = niceTicks(0.79, 1);
    expect(acc.step).toBeCloseTo(0.1, 12);
    expect(acc.lo).toBeCloseTo(0.7, 12);
    expect(acc.ticks.length).toBe(4);
    for (const [lo, hi] of [
      [0, 1],
      [0, 2.1],
      [0, 0.0031],
      [0.95, 1],
      [0.123, 0.987],
      [0, 17],
      [0, 1234],
      [0.5, 0.51],
    ]) {
      const t = niceTicks(lo, hi);
      expect(t.ticks.length, `${lo}..${hi}`).toBeGreaterThanOrEqual(3);
      expect(t.ticks.length, `${lo}..${hi}`).toBeLessThanOrEqual(5);
      expect(t.lo).toBeLessThanOrEqual(lo + 1e-12);
      expect(t.hi).toBeGreaterThanOrEqual(hi - 1e-12);
      const m = t.step / 10 ** Math.floor(Math.log10(t.step) + 1e-9);
      expect(
        [1, 2, 2.5, 5].some((r) => Math.abs(m - r) < 1e-9),
        `step ${t.step}`,
      ).toBe(true);
    }
  });
});
