import { describe, expect, it } from 'vitest';
import { osBlockLength, osBlocks, osPlain, osPlan, overlapSaveBlocks } from '../../src/conv/oa.js';
import { zeros } from '../../src/core/index.js';
import { convolveRef } from '../../src/ref/convolve.js';
import { normErr, rand } from './helpers.js';

describe('overlapSaveBlocks', () => {
  it('osBlockLength(K) is the power of two >= 8K, at least 256', () => {
    expect([1, 32, 33, 1000].map(osBlockLength)).toEqual([256, 256, 512, 8192]);
    expect(osBlocks(37, 3000)).toBe(Math.ceil(3000 / (512 - 36)));
  });
  for (const dtype of ['float64', 'float32'] as const) {
    it(`overlapSaveBlocks(x, osPlan(k), start, out, 0, blocks) matches convolveRef 'full' and 'same' over many blocks (${dtype})`, () => {
      for (const [n, kn] of [
        [3001, 37],
        [1000, 1],
        [257, 40],
      ]) {
        const x = rand([n], dtype, n);
        const k = rand([kn], 'float64', kn);
        const plan = osPlan(k.data);
        for (const [mode, start] of [
          ['full', 0],
          ['same', Math.floor((kn - 1) / 2)],
        ] as const) {
          const want = convolveRef(x, k, { mode });
          const out = zeros(want.shape, 'float64');
          overlapSaveBlocks(x.data as Float64Array, plan, start, out.data, 0, osBlocks(kn, out.size));
          expect(normErr(out, want), `${n}/${kn} ${mode}`).toBeLessThan(1e-12);
        }
      }
    });
  }
  it('overlapSaveBlocks over block ranges [0, 3) and [3, end) gives the same bits as one call', () => {
    const x = rand([5000], 'float64', 1);
    const k = rand([50], 'float64', 2);
    const plan = osPlan(k.data);
    const blocks = osBlocks(50, 5049);
    const whole = new Float64Array(5049);
    overlapSaveBlocks(x.data as Float64Array, plan, 0, whole, 0, blocks);
    const parts = new Float64Array(5049);
    overlapSaveBlocks(x.data as Float64Array, plan, 0, parts, 3, blocks);
    overlapSaveBlocks(x.data as Float64Array, plan, 0, parts, 0, 3);
    expect(Array.from(parts)).toEqual(Array.from(whole));
  });
  for (const dtype of ['float64', 'float32'] as const) {
    it(`overlapSaveBlocks (wasm batches) matches osPlain on prime lengths, 1 tap and batch edges (${dtype})`, () => {
      for (const [n, kn, start] of [
        [100_003, 37, 0],
        [40_009, 1, 0],
        [300_007, 1000, 499],
        [7, 5, 2],
      ]) {
        const x = rand([n], dtype, n);
        const k = rand([kn], 'float64', kn);
        const plan = osPlan(k.data);
        const O = n + kn - 1 - start;
        const got = new Float64Array(O);
        const want = new Float64Array(O);
        overlapSaveBlocks(x.data as Float64Array, plan, start, got, 0, osBlocks(kn, O));
        osPlain(x.data as Float64Array, plan, start, want, 0, osBlocks(kn, O));
        let num = 0;
        let den = 0;
        for (let i = 0; i < O; i++) {
          num += (got[i] - want[i]) ** 2;
          den += want[i] ** 2;
        }
        expect(Math.sqrt(num / den), `${n}/${kn}`).toBeLessThan(1e-14);
      }
    });
  }
});
