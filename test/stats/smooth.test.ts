import { describe, expect, test } from 'vitest';
import { convolve } from '../../src/conv/index.js';
import { fromArray } from '../../src/core/index.js';
import { ewm, ewmKernel, gaussianKernel, gaussianSmooth, movingAverage, sma, smaKernel, wma, wmaKernel } from '../../src/stats/smooth.js';
import { expectClose, golden } from './golden.js';

const g = golden('smooth.json');
const tol = { atol: 1e-12, rtol: 1e-12 };

describe('smooth', () => {
  test('sma(x, w, { align: causal }) equals pandas rolling(w).mean() where pandas has a value', () => {
    for (const r of g.rolling) {
      const y = sma(g.x, r.window, { align: 'causal' });
      const w = r.window;
      expectClose(y.slice(w - 1), r.causal.slice(w - 1), tol);
      expectClose(sma(g.x, w, { boundary: 'valid' }), r.causal.slice(w - 1), tol);
    }
  });

  test('sma(x, w) centred equals pandas rolling(w, center=True).mean() in the interior', () => {
    for (const r of g.rolling) {
      const y = sma(g.x, r.window);
      const lo = Math.floor(r.window / 2);
      const hi = g.x.length - Math.floor((r.window - 1) / 2);
      expectClose(y.slice(lo, hi), r.centered.slice(lo, hi), tol);
    }
  });

  test('wma(x, w, { align: causal }) weights the newest sample by w, the oldest by 1', () => {
    for (const r of g.rolling)
      expectClose(wma(g.x, r.window, { align: 'causal' }).slice(r.window - 1), r.wma_causal.slice(r.window - 1), tol);
    expect(Array.from(wmaKernel(3))).toEqual([3 / 6, 2 / 6, 1 / 6]);
  });

  test('gaussianSmooth(x, sigma, { boundary }) matches scipy.ndimage.gaussian_filter1d', () => {
    for (const c of g.gaussian) expectClose(gaussianSmooth(g.x, c.sigma, { boundary: c.mode }), c.y, tol);
  });

  test('ewm(x, alpha, { adjust }) matches pandas ewm(alpha, adjust).mean()', () => {
    for (const c of g.ewm) expectClose(ewm(g.x, c.alpha, { adjust: c.adjust }), c.y, tol);
  });

  test('ewmKernel(alpha) convolved causally approximates the IIR ewm once past its length', () => {
    const k = ewmKernel(0.3);
    const fir = movingAverage(g.x, k, { align: 'causal' });
    const iir = ewm(g.x, 0.3);
    expectClose(fir.slice(k.length), iir.slice(k.length), { atol: 1e-5 });
  });

  test('movingAverage(x, k, { boundary: constant, cval }) pads with cval', () => {
    expect(Array.from(movingAverage([1, 2, 3], [1, 1, 1], { boundary: 'constant', cval: 10 }))).toEqual([13, 6, 15]);
    expect(Array.from(movingAverage([1, 2, 3], [1, 1], { align: 'causal', boundary: 'nearest' }))).toEqual([2, 3, 5]);
  });

  test('smaKernel / gaussianKernel sum to 1 and refuse bad sizes', () => {
    expect(smaKernel(4).reduce((a, b) => a + b)).toBeCloseTo(1, 15);
    expect(gaussianKernel(2).length).toBe(17);
    expect(() => smaKernel(0)).toThrow(/window: expected an integer >= 1/);
    expect(() => ewm([1, 2], 1.5)).toThrow(/alpha/);
  });
});

describe('smooth vs the convolution engine', () => {
  test("movingAverage(x, k, { boundary }) equals convolve(x, k, { mode: 'same', boundary }) for every boundary, odd and even kernels", () => {
    const x = fromArray(g.x.slice(0, 23), 'float64');
    for (const k of [
      [0.2, 0.5, 0.3],
      [1, -2, 0.5, 4],
      [0.1, 0.2, 0.3, 0.4, 0.5],
    ]) {
      for (const boundary of ['constant', 'reflect', 'mirror', 'nearest', 'wrap'] as const) {
        const want = convolve(x, fromArray(k, 'float64'), { mode: 'same', boundary, cval: 0.5 }).data as Float64Array;
        expectClose(movingAverage(x, k, { boundary, cval: 0.5 }), want, { atol: 1e-12, rtol: 1e-12 });
      }
    }
  });
});
