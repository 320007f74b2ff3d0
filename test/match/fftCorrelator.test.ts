import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/index.js';
import { DirectCorrelator, FftCorrelator, sourceOf, type Term } from '../../src/match/index.js';
import { asPlanes } from '../../src/match/planes.js';
import { maxDiff, randImage } from './helpers.js';

/** Σ_terms correlate(src, k, 'valid') by plain loops. */
function reference(terms: Term[], H: number, W: number, h: number, w: number): Float64Array {
  const out = new Float64Array((H - h + 1) * (W - w + 1));
  for (const { src, kernel } of terms) {
    const { data, offset } = src.plane;
    for (let y = 0; y <= H - h; y++) {
      for (let x = 0; x <= W - w; x++) {
        let s = 0;
        for (let i = 0; i < h; i++) {
          for (let j = 0; j < w; j++) {
            const v = data[offset + (y + i) * W + x + j];
            s += (src.square ? v * v : v) * kernel[i * w + j];
          }
        }
        out[y * (W - w + 1) + x] += s;
      }
    }
  }
  return out;
}

describe('FftCorrelator', () => {
  const sizes: Array<[number, number, number, number]> = [
    [1, 1, 1, 1],
    [13, 17, 3, 5],
    [31, 29, 31, 1],
    [37, 41, 11, 7],
    [64, 50, 9, 50],
  ];
  for (const [H, W, h, w] of sizes) {
    for (const cacheSources of [false, true]) {
      it(`new FftCorrelator(${H}, ${W}, ${h}, ${w}, ${cacheSources}).sum(terms) equals plain loops for 1 and 3 terms, squared sources`, () => {
        const img = asPlanes(randImage([3, H, W], H * W, 'float64'), 'img');
        const rng = new Rng(h * w);
        const kern = () => Float64Array.from({ length: h * w }, () => rng.normal());
        const terms: Term[] = img.planes.map((p, c) => ({ src: sourceOf(p, c === 1), kernel: kern() }));
        const corr = new FftCorrelator(H, W, h, w, cacheSources);
        for (const ts of [terms.slice(0, 1), terms]) {
          const want = reference(ts, H, W, h, w);
          expect(maxDiff(corr.sum(ts), want, true)).toBeLessThan(1e-12);
          expect(maxDiff(new DirectCorrelator(H, W, h, w).sum(ts), want, true)).toBeLessThan(1e-12);
        }
        expect(corr.N).toBeGreaterThanOrEqual(H);
        expect(corr.g.M).toBeGreaterThanOrEqual(W);
      });
    }
  }

  it('FftCorrelator.sumRows(terms, emit) hands out the rows of sum(terms) in order', () => {
    const img = asPlanes(randImage([20, 30], 1, 'float32'), 'img');
    const terms = [{ src: sourceOf(img.planes[0]), kernel: new Float64Array(12).fill(1) }];
    const corr = new FftCorrelator(20, 30, 3, 4);
    const all = corr.sum(terms);
    const ys: number[] = [];
    corr.sumRows(terms, (y, row) => {
      ys.push(y);
      expect(maxDiff(row, all.subarray(y * 27, (y + 1) * 27), true)).toBe(0);
    });
    expect(ys).toEqual(Array.from({ length: 18 }, (_, i) => i));
  });
});
