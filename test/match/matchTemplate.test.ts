import { describe, expect, it } from 'vitest';
import { fromArray, Rng, ShapeError, zeros } from '../../src/core/index.js';
import { readImageFile } from '../../src/io/node.js';
import { findPeaks, MATCH_METHODS, matchTemplate, matchTemplateRef } from '../../src/match/index.js';
import { crop, maxDiff, randImage } from './helpers.js';

describe('matchTemplate', () => {
  for (const method of MATCH_METHODS) {
    for (const engine of ['fft', 'direct'] as const) {
      it(`matchTemplate(image, template, { method: '${method}', engine: '${engine}' }) equals the per-window reference (1 and 3 channels, odd sizes)`, () => {
        for (const [shape, tshape] of [
          [
            [23, 31],
            [5, 7],
          ],
          [
            [3, 19, 17],
            [3, 4, 9],
          ],
          [
            [1, 1],
            [1, 1],
          ],
          [
            [9, 13],
            [9, 13],
          ],
        ]) {
          const img = randImage(shape, 1, 'float64');
          const tpl = randImage(tshape, 2, 'float64');
          const got = matchTemplate(img, tpl, { method, engine });
          const ref = matchTemplateRef(img, tpl, { method });
          expect(got.shape).toEqual(ref.shape);
          expect(maxDiff(got.data, ref.data, true)).toBeLessThan(1e-9);
        }
      });
      it(`matchTemplate(image, template, { method: '${method}', mask, engine: '${engine}' }) equals the weighted reference`, () => {
        const img = randImage([3, 21, 18], 3, 'float64');
        const tpl = randImage([3, 6, 5], 4, 'float64');
        const weights = randImage([6, 5], 5, 'float64').data.map((v) => v / 255);
        const binary = fromArray(
          Uint8Array.from(weights, (v) => (v > 0.4 ? 255 : 0)),
          'uint8',
          [6, 5],
        );
        for (const mask of [fromArray(weights, 'float64', [6, 5]), binary]) {
          const got = matchTemplate(img, tpl, { method, mask, engine });
          const ref = matchTemplateRef(img, tpl, { method, mask });
          expect(maxDiff(got.data, ref.data, true)).toBeLessThan(1e-8);
        }
      });
    }
  }

  it('matchTemplate(image, crop) scores 1 at the crop and keeps float32 in float32 out', () => {
    const img = randImage([3, 40, 50], 7);
    const tpl = crop(img, 11, 23, 8, 9);
    const r = matchTemplate(img, tpl);
    expect(r.dtype).toBe('float32');
    expect(r.shape).toEqual([33, 42]);
    expect(r.data[11 * 42 + 23]).toBeCloseTo(1, 5);
    expect(Math.max(...r.data)).toBeLessThanOrEqual(1);
  });

  it('matchTemplate(sample photo + noise σ = 20, template cut from the clean photo) finds it at the right place', () => {
    const photo = readImageFile(new URL('../../samples/astronaut.png', import.meta.url).pathname).image; // [3, H, W]
    const tpl = crop(photo, 140, 210, 48, 40);
    const noisy = photo.copy();
    const rng = new Rng(20);
    for (let i = 0; i < noisy.data.length; i++) noisy.data[i] += rng.normal(0, 20);
    for (const method of ['ccoeff_normed', 'ccorr_normed', 'sqdiff'] as const) {
      const map = matchTemplate(noisy, tpl, { method });
      const [best] = findPeaks(map, { mode: method === 'sqdiff' ? 'min' : 'max' });
      expect([best.x, best.y]).toEqual([210, 140]);
    }
  });

  it('matchTemplate + findPeaks(map, { top, minDistance }) returns each planted copy once', () => {
    const img = randImage([120, 160], 11);
    const tpl = randImage([12, 10], 12);
    const spots = [
      [7, 3],
      [90, 15],
      [40, 60],
      [130, 100],
      [66, 101],
    ];
    const rng = new Rng(3);
    for (const [x, y] of spots) {
      for (let i = 0; i < 12; i++) for (let j = 0; j < 10; j++) img.data[(y + i) * 160 + x + j] = tpl.data[i * 10 + j] + rng.normal(0, 20);
    }
    const map = matchTemplate(img, tpl);
    const found = findPeaks(map, { top: 5, minDistance: 10 });
    expect(found.map((p) => [p.x, p.y]).sort((a, b) => a[0] - b[0])).toEqual([...spots].sort((a, b) => a[0] - b[0]));
    expect(Math.min(...found.map((p) => p.score))).toBeGreaterThan(0.9);
    // without suppression the next best pixels are neighbours of the same copies
    const raw = findPeaks(map, { top: 6, threshold: 0.9 });
    expect(raw).toHaveLength(5);
  });

  it('matchTemplate(flat image, template) gives 0, not NaN, for the normalised methods', () => {
    const img = zeros([20, 20], 'float32').reshape([20, 20]);
    img.data.fill(100);
    for (let i = 0; i < 20; i++) img.data[i] = i; // first row varies, the rest is flat
    const tpl = randImage([4, 4], 3);
    const tv = Array.from(tpl.data as Float32Array);
    const tSum = tv.reduce((a, v) => a + v, 0);
    const tNorm = Math.sqrt(tv.reduce((a, v) => a + v * v, 0));
    for (const method of ['ccoeff_normed', 'ccorr_normed'] as const) {
      const r = matchTemplate(img, tpl, { method });
      expect(r.data.every((v) => Number.isFinite(v) && v >= -1 && v <= 1)).toBe(true);
      // a flat window of 100s: ccoeff_normed 0, ccorr_normed Σ T / (4 ‖T‖)
      expect(r.data[5 * 17 + 5]).toBeCloseTo(method === 'ccoeff_normed' ? 0 : tSum / (4 * tNorm), 6);
    }
    const flatT = zeros([4, 4], 'float32');
    flatT.data.fill(9);
    expect([...matchTemplate(img, flatT, { method: 'ccoeff_normed' }).data].every((v) => v === 0)).toBe(true);
    const zeroI = zeros([10, 10], 'float32');
    const r = matchTemplate(zeroI, tpl, { method: 'sqdiff_normed' });
    expect([...r.data].every((v) => v === 1)).toBe(true);
  });

  it('matchTemplate rejects a template larger than the image, a channel mismatch and a wrong mask shape', () => {
    const img = randImage([3, 10, 10], 1);
    expect(() => matchTemplate(img, randImage([3, 11, 4], 2))).toThrow(ShapeError);
    expect(() => matchTemplate(img, randImage([3, 11, 4], 2))).toThrow(/larger than the image/);
    expect(() => matchTemplate(img, randImage([4, 4], 2))).toThrow(/channel/);
    expect(() => matchTemplate(img, randImage([3, 4, 4], 2), { mask: zeros([4, 5], 'float32') })).toThrow(/mask: expected shape/);
    expect(() => matchTemplate(img, randImage([3, 4, 4], 2), { mask: zeros([4, 4], 'float32') })).toThrow(/every weight is zero/);
    expect(() => matchTemplate(img, randImage([3, 4, 4], 2), { method: 'nope' as 'ccorr' })).toThrow(/method: expected one of/);
  });
});
