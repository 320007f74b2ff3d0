import { expect, describe as group, it } from 'vitest';
import { ArgumentError } from '../../src/core/errors.js';
import { fromArray } from '../../src/core/ndarray.js';
import { describe, heatStencil, toPropagator } from '../../src/diffusion/propagator.js';

const EDGE = [
  [-1, -1, -1],
  [-1, 8, -1],
  [-1, -1, -1],
];

group('toPropagator', () => {
  it("toPropagator(EDGE) (softmax, T = 1) reproduces the seed's hand-computed density", () => {
    const p = toPropagator(EDGE);
    // by hand: centre e^8 / (e^8 + 8 e^-1) = 1 / (1 + 8 e^-9); each neighbour e^-9 / (1 + 8 e^-9)
    const centre = 1 / (1 + 8 * Math.exp(-9));
    const side = Math.exp(-9) / (1 + 8 * Math.exp(-9));
    expect(centre).toBeCloseTo(0.99901369532464, 13);
    expect(side).toBeCloseTo(1.2328808441992e-4, 15);
    expect(p.kernel.data[4]).toBeCloseTo(centre, 15);
    for (const i of [0, 1, 2, 3, 5, 6, 7, 8]) expect(p.kernel.data[i]).toBeCloseTo(side, 17);
    expect(p.center).toEqual([1, 1]);
    expect(p.mean.x).toBeCloseTo(0, 15);
    expect(p.mean.y).toBeCloseTo(0, 15);
    expect(p.covariance.xx).toBeCloseTo(6 * side, 15); // 6 of the 8 neighbours are one column away
    expect(p.covariance.yy).toBeCloseTo(6 * side, 15);
    expect(p.covariance.xy).toBeCloseTo(0, 15);
    expect(p.entropy).toBeCloseTo(0.009863533472111845, 14); // numpy: -(p*log p).sum()
  });

  it('toPropagator(EDGE, { temperature }) spreads toward the uniform box as T grows', () => {
    const warm = toPropagator(EDGE, { temperature: 4 });
    expect(warm.kernel.data[4]).toBeCloseTo(Math.exp(2) / (Math.exp(2) + 8 * Math.exp(-0.25)), 14);
    const hot = toPropagator(EDGE, { temperature: 1e6 });
    for (const v of hot.kernel.data) expect(v).toBeCloseTo(1 / 9, 5);
    expect(hot.entropy).toBeCloseTo(Math.log(9), 5);
  });

  it("toPropagator(EDGE, { method: 'l1' }) is |k| / 16", () => {
    const p = toPropagator(EDGE, { method: 'l1' });
    expect([...p.kernel.data]).toEqual([1, 1, 1, 1, 8, 1, 1, 1, 1].map((v) => v / 16));
  });

  it("toPropagator(EDGE, { method: 'shift' }) subtracts the minimum: a point mass", () => {
    const p = toPropagator(EDGE, { method: 'shift' });
    expect([...p.kernel.data]).toEqual([0, 0, 0, 0, 1, 0, 0, 0, 0]);
    expect(p.entropy).toBe(0);
  });

  it('toPropagator(a one-sided kernel) reports its drift and covariance', () => {
    const p = toPropagator(fromArray([0, 0, 1, 0, 0, 3], 'float64', [2, 3]), { method: 'l1' });
    // centre (0, 1); taps at (0, +1) weight 1/4 and (1, +1) weight 3/4
    expect(p.mean).toEqual({ x: 1, y: 0.75 });
    expect(p.covariance.yy).toBeCloseTo(0.1875, 15);
    expect(p.covariance.xx).toBe(0);
  });

  it('toPropagator refuses a zero temperature, an all-zero kernel and a bad method', () => {
    expect(() => toPropagator(EDGE, { temperature: 0 })).toThrow(/temperature/);
    expect(() => toPropagator([[0, 0]], { method: 'l1' })).toThrow(ArgumentError);
    expect(() => toPropagator(EDGE, { method: 'nope' as never })).toThrow(/method/);
    expect(() => toPropagator([[1, 2], [3]])).toThrow(/rectangular/);
  });
});

group('heatStencil / describe', () => {
  it('heatStencil(r) has covariance 2r·I and mean 0', () => {
    const p = heatStencil(0.2);
    expect(p.covariance.xx).toBeCloseTo(0.4, 15);
    expect(p.covariance.yy).toBeCloseTo(0.4, 15);
    expect(p.kernel.data[4]).toBeCloseTo(0.2, 15);
    expect(() => heatStencil(0.3)).toThrow(/1\/4/);
  });

  it('describe(box 3×3) has covariance 2/3 and entropy ln 9', () => {
    const p = describe(fromArray(new Array(9).fill(1 / 9), 'float64', [3, 3]));
    expect(p.covariance.xx).toBeCloseTo(2 / 3, 15);
    expect(p.entropy).toBeCloseTo(Math.log(9), 14);
  });
});
