import { describe, expect, it } from 'vitest';
import { rows2dTask, tiles2dTask } from '../../src/conv/task2d.js';
import { tileKernelSpectrum } from '../../src/conv/tiles.js';
import { type NDArray, zeros } from '../../src/core/index.js';
import { chargeGc, chargeShare } from '../../src/core/kernel-memory.js';
import { convolveRef } from '../../src/ref/convolve.js';
import { normErr, rand } from './helpers.js';

describe('rows2dTask', () => {
  it('rows2dTask({ plan: direct, r0, r1 }) writes exactly rows [r0, r1) of x ⊛ k', () => {
    const x = rand([12, 10], 'float32', 1);
    const k = rand([3, 3], 'float32', 2);
    const want = convolveRef(x, k, { mode: 'same', boundary: 'reflect' });
    const out = zeros([12, 10], 'float32');
    out.data.fill(-7);
    const g = { mode: 'same', boundary: 'reflect', cval: 0 } as const;
    const plan = { method: 'direct', k: Float64Array.from(k.data), kShape: [3, 3] } as const;
    expect(
      rows2dTask({
        x: x.data as Float32Array,
        xShape: [12, 10],
        out: out.data as Float32Array,
        oShape: [12, 10],
        g,
        plan: { ...plan, kShape: [3, 3] },
        r0: 4,
        r1: 9,
      }),
    ).toBe(5);
    for (let r = 0; r < 12; r++) {
      const row = Array.from(out.data.subarray(r * 10, r * 10 + 10));
      if (r < 4 || r >= 9) expect(row).toEqual(new Array(10).fill(-7));
      else for (let c = 0; c < 10; c++) expect(row[c]).toBeCloseTo(want.data[r * 10 + c], 5);
    }
  });
  it('rows2dTask({ plan: separable }) matches convolveRef with the outer product', () => {
    const x = rand([9, 23], 'float64', 3);
    const col = Float64Array.from([1, 2, 1]);
    const row = Float64Array.from([1, 0, -1, 2]);
    const k = zeros([3, 4], 'float64');
    for (let i = 0; i < 3; i++) for (let j = 0; j < 4; j++) k.data[i * 4 + j] = col[i] * row[j];
    const want = convolveRef(x, k, { mode: 'full', boundary: 'nearest' });
    const out = zeros(want.shape, 'float64');
    const g = { mode: 'full', boundary: 'nearest', cval: 0 } as const;
    rows2dTask({
      x: x.data as Float64Array,
      xShape: [9, 23],
      out: out.data as Float64Array,
      oShape: [11, 26],
      g,
      plan: { method: 'separable', col, row },
      r0: 0,
      r1: 11,
    });
    expect(normErr(out, want)).toBeLessThan(1e-12);
  });
});

describe('tiles2dTask', () => {
  it('tiles2dTask({ t0, t1 }) writes the tiles of a tiled FFT convolution in the output precision', () => {
    const x = rand([40, 50], 'float32', 5);
    const k = rand([5, 5], 'float32', 6);
    const want = convolveRef(x, k, { mode: 'same' });
    const out = zeros([40, 50], 'float32');
    const args = tileArgs(x, k, out);
    const { plan } = args;
    expect(tiles2dTask({ ...args, t0: 0, t1: 20 })).toBe(20);
    expect(normErr(out, want)).toBeLessThan(1e-5);
    // with the caller's spectrum (tileKernelSpectrum, scaled by 1/(B0·B1)): the same bits
    const spec = tileKernelSpectrum(k, plan.B, 'float32').data as Float32Array;
    const out2 = zeros([40, 50], 'float32');
    tiles2dTask({ ...args, k: new Float64Array(0), out: out2.data as Float32Array, t0: 0, t1: 20, spec });
    expect(Array.from(out2.data)).toEqual(Array.from(out.data));
  });
  it('tiles2dTask({ t0, t1, claim }) computes the tiles it claims from the shared counter and returns how many', () => {
    const x = rand([40, 50], 'float64', 7);
    const k = rand([5, 5], 'float64', 8);
    const out = zeros([40, 50], 'float64');
    const args = { ...tileArgs(x, k, out), t0: 0, t1: 20 };
    const claim = new Int32Array(new SharedArrayBuffer(4));
    claim[0] = 15; // tiles 0..14 taken by others
    expect(tiles2dTask({ ...args, claim })).toBe(5);
    expect(tiles2dTask({ ...args, claim })).toBe(0);
    const want = zeros([40, 50], 'float64');
    tiles2dTask({ ...args, out: want.data as Float64Array, t0: 15 });
    expect(Array.from(out.data)).toEqual(Array.from(want.data));
  });
});

describe('chargeGc', () => {
  it('chargeGc(bytes) charges an untouched ordinary buffer of that size and returns its bytes (0 when none can be had)', () => {
    expect(chargeGc(64 << 20)).toBe(64 << 20);
    expect(chargeGc(0)).toBe(0);
    expect(chargeGc(2 ** 60)).toBe(0); // beyond any address space: no throw
  });
  it('rows2dTask({ fresh: true }) writes the same rows as without the flag', () => {
    const x = rand([20, 33], 'float32', 7);
    const k = Float64Array.from([1, -2, 0.5, 3, 1, -1, 2, 0, 1]);
    const run = (fresh: boolean) => {
      const out = zeros([20, 33], 'float32', true);
      rows2dTask({
        x: x.data as Float32Array,
        xShape: [20, 33],
        out: out.data as Float32Array,
        oShape: [20, 33],
        g: { mode: 'same', boundary: 'mirror', cval: 0 },
        plan: { method: 'direct', k, kShape: [3, 3] },
        r0: 3,
        r1: 17,
        fresh,
      });
      return Array.from(out.data);
    };
    const plain = run(false);
    expect(plain.slice(3 * 33, 17 * 33).some((v) => v !== 0)).toBe(true);
    expect(run(true)).toEqual(plain);
  });
});

describe('chargeShare', () => {
  it('chargeShare(bytes) owes shares under 33 MiB and charges them together once they reach it', () => {
    chargeShare(33 << 20); // settle whatever an earlier call left owed
    expect(chargeShare(10 << 20)).toBe(0);
    expect(chargeShare(10 << 20)).toBe(0);
    expect(chargeShare(10 << 20)).toBe(0);
    expect(chargeShare(10 << 20)).toBe(40 << 20);
    expect(chargeShare(1)).toBe(0);
  });
});

/** tiles2dTask's arguments for x [40, 50] ⊛ k [5, 5], same, in 4 × 5 tiles of 12² (16² blocks), into `out`. */
function tileArgs(x: NDArray, k: NDArray, out: NDArray) {
  return {
    xp: x.data as Float32Array | Float64Array,
    xShape: [40, 50] as [number, number],
    k: Float64Array.from(k.data),
    kShape: [5, 5] as [number, number],
    plan: { B: [16, 16] as [number, number], T: [12, 12] as [number, number], tiles: [4, 5] as [number, number] },
    start: [2, 2] as [number, number],
    out: out.data as Float32Array | Float64Array,
    oShape: [40, 50] as [number, number],
  };
}
