import { describe, expect, it } from 'vitest';
import { convolveTiles, TILES32, tileKernelSpectrum, tilePlan, tilesNd, tilesOf } from '../../src/conv/tiles.js';
import { NDArray, zeros } from '../../src/core/index.js';
import { convolveRef } from '../../src/ref/convolve.js';
import { normErr, rand, tolOf } from './helpers.js';

describe('convolveTiles', () => {
  it('tilePlan(K, O) picks power-of-two blocks of at least 2K that cover O', () => {
    const p = tilePlan([63, 63], [2048, 2048]);
    expect(p.B).toEqual([512, 512]);
    expect(p.T).toEqual([450, 450]);
    expect(p.tiles).toEqual([5, 5]);
    const q = tilePlan([5, 40], [100, 30]);
    expect(q.B[0]).toBeGreaterThanOrEqual(10);
    expect(q.B[1]).toBeGreaterThanOrEqual(80);
    expect(q.tiles[0] * q.T[0]).toBeGreaterThanOrEqual(100);
    expect(q.tiles[1] * q.T[1]).toBeGreaterThanOrEqual(30);
  });
  for (const dtype of ['float64', 'float32'] as const) {
    it(`convolveTiles(x, K, spectrum, plan, start, out, 0, tiles) matches convolveRef full / same / valid (${dtype}, odd sizes, non-square kernels)`, () => {
      let seed = 1;
      for (const [xs, ks] of [
        [
          [97, 131],
          [7, 3],
        ],
        [
          [61, 47],
          [13, 13],
        ],
        [
          [40, 200],
          [1, 9],
        ],
      ] as [number[], number[]][]) {
        const x = rand(xs, dtype, seed++);
        const k = rand(ks, dtype, seed++);
        for (const mode of ['full', 'same', 'valid'] as const) {
          const want = convolveRef(x, k, { mode });
          const start = ks.map((kn) => (mode === 'full' ? 0 : mode === 'same' ? kn - 1 - Math.floor(kn / 2) : kn - 1));
          // small blocks force many tiles, with partial tiles at the edges
          const B: [number, number] = [
            Math.max(16, 2 ** Math.ceil(Math.log2(2 * ks[0]))),
            Math.max(16, 2 ** Math.ceil(Math.log2(2 * ks[1]))),
          ];
          const plan = {
            B,
            T: [B[0] - ks[0] + 1, B[1] - ks[1] + 1] as [number, number],
            tiles: [Math.ceil(want.shape[0] / (B[0] - ks[0] + 1)), Math.ceil(want.shape[1] / (B[1] - ks[1] + 1))] as [number, number],
          };
          const out = zeros(want.shape, dtype);
          convolveTiles(x, ks, tileKernelSpectrum(k, B, dtype), plan, start, out, 0, plan.tiles[0] * plan.tiles[1]);
          expect(normErr(out, want), `${xs} * ${ks} ${mode}`).toBeLessThan(tolOf(dtype));
        }
      }
    });
  }
  it('tileKernelSpectrum(k, B, dtype) is the spectrum / (B0·B1), kept for a kernel with the same values', () => {
    const k = rand([5, 7], 'float64', 11);
    const a = tileKernelSpectrum(k, [16, 32], 'float64');
    expect(a.shape).toEqual([16, 17]);
    // the DC bin: sum(k) / (16·32)
    const sum = (k.data as Float64Array).reduce((s, v) => s + v, 0);
    expect(a.data[0]).toBeCloseTo(sum / 512, 14);
    expect(a.data[1]).toBe(0);
    expect(a.data.buffer).toBeInstanceOf(SharedArrayBuffer); // the workers read it where it is
    expect(tileKernelSpectrum(rand([5, 7], 'float32', 11), [16, 32], 'float64')).not.toBe(a); // float32 values differ
    const copy = zeros([5, 7], 'float64');
    copy.data.set(k.data);
    expect(tileKernelSpectrum(copy, [16, 32], 'float64')).toBe(a); // same values: kept
    expect(tileKernelSpectrum(copy, [16, 64], 'float64')).not.toBe(a);
    expect(tileKernelSpectrum(copy, [16, 32], 'float32')).not.toBe(a);
    copy.data[3] += 1; // changed in place: transformed again
    const b = tileKernelSpectrum(copy, [16, 32], 'float64');
    expect(b).not.toBe(a);
    expect(b.data[0]).toBeCloseTo((sum + 1) / 512, 14);
  });
  it('convolveTiles over tile ranges gives the same bits as one call', () => {
    const x = rand([70, 90], 'float64', 9);
    const k = rand([5, 7], 'float64', 10);
    const plan = { B: [16, 32] as [number, number], T: [12, 26] as [number, number], tiles: [6, 4] as [number, number] };
    const spec = tileKernelSpectrum(k, plan.B, 'float64');
    const whole = zeros([70, 90], 'float64');
    convolveTiles(x, [5, 7], spec, plan, [2, 3], whole, 0, 24);
    const parts = zeros([70, 90], 'float64');
    convolveTiles(x, [5, 7], spec, plan, [2, 3], parts, 7, 24);
    convolveTiles(x, [5, 7], spec, plan, [2, 3], parts, 0, 7);
    expect(Array.from(parts.data)).toEqual(Array.from(whole.data));
  });
  it('convolveTiles(..., t0, t1, claim) computes the tiles it claims from the shared counter, the bits of one call', () => {
    for (const dtype of ['float32', 'float64'] as const) {
      const x = rand([70, 90], dtype, 11);
      const k = rand([5, 7], dtype, 12);
      const plan = { B: [16, 32] as [number, number], T: [12, 26] as [number, number], tiles: [6, 4] as [number, number] };
      const spec = tileKernelSpectrum(k, plan.B, dtype);
      const whole = zeros([70, 90], dtype);
      expect(convolveTiles(x, [5, 7], spec, plan, [2, 3], whole, 0, 24)).toBe(24);
      // another thread has claimed tiles 3..9 of [3, 24) (counter at 7): this one computes 10..23
      const claim = new Int32Array(new SharedArrayBuffer(4));
      claim[0] = 7;
      const parts = zeros([70, 90], dtype);
      expect(convolveTiles(x, [5, 7], spec, plan, [2, 3], parts, 3, 24, claim)).toBe(14);
      expect(claim[0]).toBe(22); // 14 tiles + the claim that found none left
      expect(convolveTiles(x, [5, 7], spec, plan, [2, 3], parts, 3, 24, claim)).toBe(0);
      expect(Array.from(parts.data.subarray(0, 90 * 12))).toEqual(new Array(90 * 12).fill(0)); // tile row 0: 0..3 not computed
      convolveTiles(x, [5, 7], spec, plan, [2, 3], parts, 0, 10);
      expect(Array.from(parts.data)).toEqual(Array.from(whole.data));
    }
  });
  it('tilesOf(t0, t1, claim) yields t0 + each claimed count until t1; tilesOf(t0, t1) yields the range', () => {
    expect([...tilesOf(2, 6)]).toEqual([2, 3, 4, 5]);
    const claim = new Int32Array(new SharedArrayBuffer(4));
    claim[0] = 1;
    expect([...tilesOf(2, 6, claim)]).toEqual([3, 4, 5]);
    expect(claim[0]).toBe(5);
    expect([...tilesOf(2, 6, claim)]).toEqual([]);
  });
  for (const dtype of ['float32', 'float64'] as const) {
    it(`convolveTiles (wasm blocks) matches tilesNd (rfftn / irfftn) on prime sizes and edge tiles (${dtype})`, () => {
      for (const [xs, ks, B] of [
        [
          [131, 97],
          [13, 7],
          [64, 32],
        ],
        [
          [150, 101],
          [41, 37],
          [128, 64],
        ],
        [
          [5, 509],
          [3, 31],
          [8, 128],
        ],
      ] as [number[], number[], [number, number]][]) {
        const x = rand(xs, dtype, xs[0]);
        const k = rand(ks, dtype, ks[1]);
        const T: [number, number] = [B[0] - ks[0] + 1, B[1] - ks[1] + 1];
        const O = [xs[0] + ks[0] - 1, xs[1] + ks[1] - 1];
        const plan = { B, T, tiles: [Math.ceil(O[0] / T[0]), Math.ceil(O[1] / T[1])] as [number, number] };
        const spec = tileKernelSpectrum(k, B, dtype);
        const got = zeros(O, dtype);
        const want = zeros(O, dtype);
        const n = plan.tiles[0] * plan.tiles[1];
        convolveTiles(x, ks, spec, plan, [0, 0], got, 0, n);
        tilesNd(x, ks, spec, plan, [0, 0], want, 0, n);
        expect(normErr(got, want), `${xs} * ${ks}`).toBeLessThan(tolOf(dtype) / 10);
        expect(normErr(got, convolveRef(x, k, { mode: 'full' }))).toBeLessThan(tolOf(dtype));
      }
    });
  }
  it('convolveTiles with TILES32 on (zero rows skipped, kept rows only) gives the bits of the runNdIn blocks (float32, edge tiles, offsets)', () => {
    for (const [xs, ks, B, start] of [
      [
        [131, 97],
        [13, 7],
        [64, 32],
        [0, 0],
      ],
      [
        [150, 101],
        [41, 37],
        [128, 64],
        [20, 18],
      ],
      [
        [5, 509],
        [3, 31],
        [8, 128],
        [1, 15],
      ],
      [
        [97, 61],
        [1, 1],
        [4, 4],
        [0, 0],
      ],
    ] as [number[], number[], [number, number], [number, number]][]) {
      const x = rand(xs, 'float32', xs[0] + 1);
      const k = rand(ks, 'float32', ks[1] + 2);
      const T: [number, number] = [B[0] - ks[0] + 1, B[1] - ks[1] + 1];
      const O = [xs[0] + ks[0] - 1 - start[0], xs[1] + ks[1] - 1 - start[1]];
      const plan = { B, T, tiles: [Math.ceil(O[0] / T[0]), Math.ceil(O[1] / T[1])] as [number, number] };
      const spec = tileKernelSpectrum(k, B, 'float32');
      const n = plan.tiles[0] * plan.tiles[1];
      const run = (on: boolean) => {
        const out = zeros(O, 'float32');
        TILES32.on = on;
        try {
          convolveTiles(x, ks, spec, plan, start, out, 0, n);
        } finally {
          TILES32.on = true;
        }
        return Array.from(out.data, (v) => v + 0); // (+0 and −0 alike: a skipped zero row may differ in the sign of a zero)
      };
      const got = run(true);
      expect(got, `${xs} * ${ks}`).toEqual(run(false));
      TILES32.band = 2; // column bands of any width: the same bits
      try {
        expect(run(true), `${xs} * ${ks} band 2`).toEqual(got);
      } finally {
        TILES32.band = 64;
      }
      const ref = convolveRef(x, k, { mode: 'full' });
      const want = zeros(O, 'float32');
      for (let i = 0; i < O[0]; i++)
        for (let j = 0; j < O[1]; j++) want.data[i * O[1] + j] = ref.data[(i + start[0]) * ref.shape[1] + j + start[1]];
      expect(normErr(new NDArray('float32', O, Float32Array.from(got)), want)).toBeLessThan(tolOf('float32'));
    }
  });
});
