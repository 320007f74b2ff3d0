import { describe, expect, it } from 'vitest';
import { plotHistory } from '../../src/nn/plot.js';

describe('plotHistory', () => {
  it('plotHistory(3 epochs) draws train (blue) and test (orange) curves on white, [3, H, W]', () => {
    const h = [0, 1, 2].map((e) => ({
      epoch: e,
      loss: 1 / (e + 1),
      accuracy: 0.8 + e * 0.05,
      valLoss: 0.9 / (e + 1),
      valAccuracy: 0.82 + e * 0.03,
      seconds: 1,
      lr: 1e-3,
    }));
    const img = plotHistory(h, 200, 100);
    expect(img.shape).toEqual([3, 100, 200]);
    const px = (x: number, y: number) => [0, 1, 2].map((k) => img.data[k * 20000 + y * 200 + x]);
    expect(px(199, 0)).toEqual([255, 255, 255]);
    let blue = 0;
    let orange = 0;
    for (let i = 0; i < 20000; i++) {
      const c = [img.data[i], img.data[20000 + i], img.data[40000 + i]].join();
      if (c === '31,119,180') blue++;
      if (c === '255,127,14') orange++;
    }
    expect(blue).toBeGreaterThan(100);
    expect(orange).toBeGreaterThan(100);
  });
});
