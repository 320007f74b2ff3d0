import { describe, expect, it } from 'vitest';
import { dog, gaussian, gaussian1d, log, unsharp } from '../../src/filters/index.js';
import { loadGolden, relErr } from '../conv/golden.js';

const g = loadGolden('scipy');

describe('gaussian', () => {
  it('gaussian1d(sigma, { truncate }) equals scipy.ndimage.gaussian_filter1d on an impulse', () => {
    const cases = g.kernels.filter((k) => k.kind === 'gaussian1d');
    expect(cases.length).toBe(4);
    for (const c of cases) {
      const want = g.array(c.file as string);
      const got = gaussian1d(c.sigma as number, { truncate: c.truncate as number });
      expect(got.shape).toEqual(want.shape);
      expect(relErr(got, want), `sigma ${c.sigma}`).toBeLessThan(1e-14);
    }
  });
  it('gaussian(2) is outer(g, g), 17×17, sums to 1', () => {
    const k = gaussian(2);
    expect(k.shape).toEqual([17, 17]);
    const g1 = gaussian1d(2).data;
    expect(k.data[3 * 17 + 5]).toBeCloseTo(g1[3] * g1[5], 16);
    expect(k.data.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
  });
  it('log(sigma) equals scipy.ndimage.gaussian_laplace on an impulse', () => {
    const cases = g.kernels.filter((k) => k.kind === 'log');
    expect(cases.length).toBe(2);
    for (const c of cases) {
      const want = g.array(c.file as string);
      const got = log(c.sigma as number);
      expect(got.shape).toEqual(want.shape);
      expect(relErr(got, want), `sigma ${c.sigma}`).toBeLessThan(1e-13);
    }
  });
  it('dog(1, 2) is gaussian(1) − gaussian(2) on the larger grid and sums to 0', () => {
    const k = dog(1, 2);
    expect(k.shape).toEqual([17, 17]);
    expect(k.data.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 14);
    expect(k.data[8 * 17 + 8]).toBeGreaterThan(0);
  });
  it('unsharp(1.5, 1) sums to 1 with centre 2.5 − 1.5·G(0)', () => {
    const k = unsharp(1.5, 1);
    const c = (k.data.length - 1) / 2;
    expect(k.data.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
    expect(k.data[c]).toBeCloseTo(2.5 - 1.5 * gaussian(1).data[c], 15);
  });
  it('gaussian(sigma <= 0) throws naming sigma', () => {
    expect(() => gaussian(0)).toThrow(/sigma: expected a positive number/);
    expect(() => gaussian1d(Number.NaN)).toThrow(/sigma/);
    expect(() => gaussian(1, { truncate: -1 })).toThrow(/truncate/);
  });
});
