import { describe, expect, it } from 'vitest';
import { checkQuality, quantTable, ZIGZAG } from '../../src/spectrum/quant.js';
import { golden } from './golden.js';

describe('quantTable(quality, which)', () => {
  for (const q of Object.keys(golden.quant_tables)) {
    it(`quantTable(${q}) equals the DQT tables cjpeg -quality ${q} writes`, () => {
      const t = golden.quant_tables[q] as Record<string, number[]>;
      expect(Array.from(quantTable(Number(q), 'luminance'))).toEqual(t['0']);
      expect(Array.from(quantTable(Number(q), 'chrominance'))).toEqual(t['1']);
    });
  }

  it('ZIGZAG starts 0, 1, 8, 16, 9, 2 and ends 63, and is a permutation of 0..63', () => {
    expect(ZIGZAG.slice(0, 6)).toEqual([0, 1, 8, 16, 9, 2]);
    expect(ZIGZAG[63]).toBe(63);
    expect([...ZIGZAG].sort((a, b) => a - b)).toEqual([...Array(64).keys()]);
  });

  it('checkQuality(0) and checkQuality(101) throw naming quality and the range 1..100', () => {
    expect(() => checkQuality(0)).toThrow(/quality: expected an integer 1..100, got 0/);
    expect(() => checkQuality(101)).toThrow(/quality: expected an integer 1..100/);
    expect(() => checkQuality(50.5)).toThrow(/quality/);
  });
});

describe('quantTable(quality, which, baseline)', () => {
  it('quantTable(10, "luminance", true) clamps entries to 255 like cjpeg -baseline', () => {
    const t = quantTable(10, 'luminance', true);
    expect(Math.max(...t)).toBe(255);
    expect(t[0]).toBe(80);
  });
});
