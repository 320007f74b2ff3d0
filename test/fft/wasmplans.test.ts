import { describe, expect, it } from 'vitest';
import { fourStepSplit, WasmRadixPlan, WasmRadixPlan32, wasmFactors } from '../../src/fft/wasmplans.js';

describe('wasmplans', () => {
  it('wasmFactors(n) takes radix 8 first, then 4 / 2, then odd factors', () => {
    expect(wasmFactors(65536)).toEqual([8, 8, 8, 8, 8, 2]);
    expect(wasmFactors(100000)).toEqual([8, 4, 5, 5, 5, 5, 5]);
    expect(wasmFactors(12)).toEqual([4, 3]);
    expect(wasmFactors(7)).toEqual([7]);
  });
  it('new WasmRadixPlan(n) lays out (p − 1)·ido twiddles per stage, forward then backward', () => {
    const p = new WasmRadixPlan(32); // stages 8 (ido 4), 4 (ido 1)
    expect(p.stages.map((s) => [s.p, s.l1, s.ido])).toEqual([
      [8, 1, 4],
      [4, 8, 1],
    ]);
    expect(p.twBytes).toBe(16 * (7 * 4 + 3 * 1));
    // tw(i = 1, j = 1) = e^{−2πi/32} is complex entry i·(p − 1) + j − 1 = 7; conjugate in the backward half
    expect(p.tables[14]).toBeCloseTo(Math.cos((2 * Math.PI) / 32), 15);
    expect(p.tables[15]).toBeCloseTo(-Math.sin((2 * Math.PI) / 32), 15);
    expect(p.tables[p.twBytes / 8 + 15]).toBeCloseTo(Math.sin((2 * Math.PI) / 32), 15);
  });
  it('WasmRadixPlan32.fits(factors) accepts only 8s, 4s and 2s', () => {
    expect(WasmRadixPlan32.fits([4, 4, 2])).toBe(true);
    expect(WasmRadixPlan32.fits([8, 8, 4])).toBe(true);
    expect(WasmRadixPlan32.fits([4, 3])).toBe(false);
    expect(WasmRadixPlan32.fits([])).toBe(false);
  });
  it('WasmRadixPlan32.fitsSmooth(factors) accepts 8s, 5s, 4s, 3s and 2s', () => {
    expect(WasmRadixPlan32.fitsSmooth([8, 4, 5, 5, 5, 5, 5])).toBe(true);
    expect(WasmRadixPlan32.fitsSmooth([4, 3])).toBe(true);
    expect(WasmRadixPlan32.fitsSmooth([4, 7])).toBe(false);
    expect(WasmRadixPlan32.fitsSmooth([])).toBe(false);
  });
  it('new WasmRadixPlan32(n) on a 5-smooth n: stages 8s, then 4 / 2, then 3s and 5s', () => {
    const p = new WasmRadixPlan32(360);
    expect(p.stages.map((s) => [s.p, s.l1, s.ido])).toEqual([
      [8, 1, 45],
      [3, 8, 15],
      [3, 24, 5],
      [5, 72, 1],
    ]);
    expect(p.twBytes).toBe(8 * (2 * 23 * 7 + 2 * 8 * 2 + 2 * 3 * 2 + 2 * 1 * 4));
  });
  it('new WasmRadixPlan32(n, factors) runs radix 8 first whatever power-of-two factors it is given', () => {
    const p = new WasmRadixPlan32(2048, [4, 4, 4, 4, 4, 2]);
    expect(p.stages.map((s) => [s.p, s.l1, s.ido])).toEqual([
      [8, 1, 256],
      [8, 8, 32],
      [8, 64, 4],
      [4, 512, 1],
    ]);
    // pair layout: 2·ceil(ido / 2)·(p − 1) complex per stage
    expect(p.twBytes).toBe(8 * (256 * 7 + 32 * 7 + 4 * 7 + 2 * 3));
    expect(() => new WasmRadixPlan32(28, [4, 7])).toThrow(/factors/);
  });
  it('fourStepSplit(n) is 0 while the four-step path is off', () => {
    expect(fourStepSplit(2 ** 20)).toBe(0);
  });
});
