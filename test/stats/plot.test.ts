import { describe, expect, test } from 'vitest';
import { COLORS, plot } from '../../src/stats/plot.js';

const pixel = (img: { data: Float32Array; shape: readonly number[] }, x: number, y: number) => {
  const [, H, W] = img.shape;
  return [0, 1, 2].map((k) => img.data[(k * H + y) * W + x]);
};

describe('plot', () => {
  test('plot({ lines }) returns a white [3, H, W] raster with the line drawn in its colour', () => {
    const img = plot({ width: 100, height: 50, lines: [{ y: [0, 0, 0], color: COLORS.forecast }] });
    expect(img.shape).toEqual([3, 50, 100]);
    expect(pixel(img, 99, 0)).toEqual([255, 255, 255]);
    // y range [-1, 1] with margins top 10, bottom 20: y = 0 lands on row 20
    expect(pixel(img, 60, 20)).toEqual([...COLORS.forecast]);
    expect(pixel(img, 60, 25)).toEqual([255, 255, 255]);
    expect(pixel(img, 60, 30)).toEqual([...COLORS.axis]); // the x axis
  });

  test('plot({ bars, bands }) draws stems from zero and fills the band', () => {
    const img = plot({
      width: 120,
      height: 60,
      bars: { y: [1, -0.5, 0.2], color: COLORS.bars },
      bands: [{ lower: [-0.3, -0.3, -0.3], upper: [0.3, 0.3, 0.3], color: COLORS.ciBand }],
    });
    let barPixels = 0;
    let bandPixels = 0;
    for (let y = 0; y < 60; y++) {
      for (let x = 0; x < 120; x++) {
        const p = pixel(img, x, y);
        if (p[0] === COLORS.bars[0] && p[1] === COLORS.bars[1]) barPixels++;
        if (p[0] === COLORS.ciBand[0] && p[2] === COLORS.ciBand[2]) bandPixels++;
      }
    }
    expect(barPixels).toBeGreaterThan(50);
    expect(bandPixels).toBeGreaterThan(50);
  });
});
