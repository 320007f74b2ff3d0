import { describe, expect, it } from 'vitest';
import { applyHann, hann, radialTaper, removeMean } from '../../src/spectrum/window.js';

describe('hann(n) / applyHann / radialTaper / removeMean', () => {
  it('hann(5) is numpy.hanning(5) = [0, 0.5, 1, 0.5, 0]; hann(1) = [1]', () => {
    expect(Array.from(hann(5)).map((v) => Number(v.toFixed(12)))).toEqual([0, 0.5, 1, 0.5, 0]);
    expect(Array.from(hann(1))).toEqual([1]);
  });

  it('applyHann(plane) multiplies by hann(H) ⊗ hann(W)', () => {
    const p = applyHann({ data: new Float64Array(15).fill(2), height: 3, width: 5 });
    expect(p.data[1 * 5 + 2]).toBeCloseTo(2, 12);
    expect(p.data[1 * 5 + 1]).toBeCloseTo(1, 12);
    expect(p.data[0]).toBe(0);
  });

  it('radialTaper(plane) crops the centred square, is zero outside the inscribed disc and has zero weighted mean', () => {
    const data = Float64Array.from({ length: 10 * 16 }, (_, i) => i % 7);
    const t = radialTaper({ data, height: 10, width: 16 });
    expect([t.height, t.width]).toEqual([10, 10]);
    expect(t.data[0]).toBe(0);
    expect(t.data[9]).toBe(0);
    expect(Math.abs(t.data[4 * 10 + 4])).toBeGreaterThan(0);
  });

  it('removeMean(plane) has mean 0', () => {
    const p = removeMean({ data: Float64Array.from([1, 2, 3, 6]), height: 2, width: 2 });
    expect(Array.from(p.data)).toEqual([-2, -1, 0, 3]);
  });
});
