import { describe, expect, it } from 'vitest';
import { NDArray } from '../../src/core/ndarray.js';
import { axialDistance, orientation } from '../../src/spectrum/orientation.js';
import { rotate } from '../../src/spectrum/rotate.js';
import { grating, noiseImage, sample } from './helpers.js';

describe('orientation(image)', () => {
  it('orientation(grating(128, 128, θ, 0.2)) is within 1° of θ for every θ in 0..179', () => {
    let worst = 0;
    for (let a = 0; a < 180; a++) {
      const o = orientation(grating(128, 128, a, 0.2));
      worst = Math.max(worst, axialDistance(o.angle, a));
      expect(o.angle).toBeGreaterThanOrEqual(0);
      expect(o.angle).toBeLessThan(180);
    }
    expect(worst).toBeLessThan(1);
  });

  it('orientation(grating(96, 160, θ, 0.07)) on a non-square, low-frequency grating is within 1° (θ = 0..179 step 7)', () => {
    for (let a = 0; a < 180; a += 7) expect(axialDistance(orientation(grating(96, 160, a, 0.07)).angle, a)).toBeLessThan(1);
  });

  it('orientation(vertical stripes) is 0° and horizontal stripes 90° (rows run downward)', () => {
    const vertical = new NDArray('float32', [1, 64, 64]);
    const horizontal = new NDArray('float32', [1, 64, 64]);
    for (let y = 0; y < 64; y++)
      for (let x = 0; x < 64; x++) {
        vertical.data[y * 64 + x] = x % 8 < 4 ? 255 : 0;
        horizontal.data[y * 64 + x] = y % 8 < 4 ? 255 : 0;
      }
    expect(axialDistance(orientation(vertical).angle, 0)).toBeLessThan(0.5);
    expect(axialDistance(orientation(horizontal).angle, 90)).toBeLessThan(0.5);
    expect(axialDistance(orientation(grating(64, 64, 45, 0.15)).angle, 45)).toBeLessThan(1);
  });

  it('orientation(sum of gratings at 30° and 100°) reports both as peaks, confidence ~½ each', () => {
    const a = grating(128, 128, 30, 0.2);
    const b = grating(128, 128, 100, 0.11);
    for (let i = 0; i < a.data.length; i++) a.data[i] += b.data[i];
    const o = orientation(a);
    const angles = o.peaks
      .slice(0, 2)
      .map((p) => p.angle)
      .sort((x, y) => x - y);
    expect(axialDistance(angles[0], 30)).toBeLessThan(1);
    expect(axialDistance(angles[1], 100)).toBeLessThan(1);
    expect(o.confidence).toBeGreaterThan(0.4);
    expect(o.confidence).toBeLessThan(0.6);
  });

  it('orientation(white noise) has low confidence and coherence; the histogram sums to 1', () => {
    const o = orientation(noiseImage(1, 128, 128, 7));
    expect(o.confidence).toBeLessThan(0.2);
    expect(o.coherence).toBeLessThan(0.1);
    expect(o.histogram.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
  });

  it('orientation(brick.png) turns by the rotation angle when the photo is rotated by 20°', () => {
    const brick = sample('brick.png');
    const o0 = orientation(brick).angle;
    const o1 = orientation(rotate(brick, 20)).angle;
    expect(axialDistance(o1, o0 + 20)).toBeLessThan(2);
  });

  it('orientation(x, { bins: 0 }) throws naming bins', () => {
    expect(() => orientation(noiseImage(1, 16, 16), { bins: 0 })).toThrow(/bins: expected a positive integer/);
  });
});
