import { describe, expect, it } from 'vitest';
import { category, SymbolTally } from '../../src/spectrum/entropy.js';
import { ZIGZAG } from '../../src/spectrum/quant.js';

describe('SymbolTally', () => {
  it('category(v) is JPEG’s SSSS: 0, 1, 2, 2, 3 … and 11 for ±1024', () => {
    expect([0, 1, -1, 2, 3, -3, 4, 7, 1024, -1024].map(category)).toEqual([0, 1, 1, 2, 2, 2, 3, 3, 11, 11]);
  });

  it('addComponent(q, 2) codes DC differences, (run, size) symbols, ZRL and EOB', () => {
    const q = new Int32Array(128);
    q[0] = 5; // block 0: DC 5 → diff 5 (size 3)
    q[ZIGZAG[1]] = -2; // run 0, size 2
    q[ZIGZAG[20]] = 1; // run 18 → ZRL + (2, 1); then EOB
    q[64] = 5; // block 1: DC diff 0, all AC zero → EOB
    const t = new SymbolTally();
    t.addComponent(q, 2);
    expect(t.dc[3]).toBe(1);
    expect(t.dc[0]).toBe(1);
    expect(t.ac[0x02]).toBe(1);
    expect(t.ac[0xf0]).toBe(1);
    expect(t.ac[0x21]).toBe(1);
    expect(t.ac[0x00]).toBe(2);
    expect(t.rawBits).toBe(3 + 2 + 1);
    // DC: two symbols, p = ½ each → 2 bits; AC: 5 symbols, EOB twice → 2·log2(5/2) + 3·log2(5)
    expect(t.bits()).toBeCloseTo(2 + 2 * Math.log2(2.5) + 3 * Math.log2(5) + 6, 12);
  });
});
