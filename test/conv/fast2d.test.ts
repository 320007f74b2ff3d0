import { describe, expect, it } from 'vitest';
import { alignShift, type Conv2dStridedExports, direct2dRows, direct2dRowsInPlace, separable2dRows } from '../../src/conv/fast2d.js';
import { NDArray as ND, type NDArray, zeros } from '../../src/core/index.js';
import { claimSlot, KERNEL_MEMORY, kernelMemoryOf, releaseSlot, SLOT_BYTES } from '../../src/core/kernel-memory.js';
import { BOUNDARIES, type ConvMode } from '../../src/ref/convBoundary.js';
import { convolveRef } from '../../src/ref/convolve.js';
import { sharedWasmModule, type WasmVariant } from '../../src/wasm/loader.js';
import { normErr, rand, tolOf } from './helpers.js';

// odd and prime sizes; widths with >= 2 SIMD blocks (16 f32 / 8 f64) plus vector and scalar tails
const SIZES: [number, number][] = [
  [1, 1],
  [5, 3],
  [13, 37],
  [31, 53],
];
const KERNELS: [number, number][] = [
  [1, 1],
  [3, 3],
  [2, 4],
  [7, 5],
];
const MODES: ConvMode[] = ['full', 'same', 'valid'];
const G = (mode: ConvMode, boundary: (typeof BOUNDARIES)[number]) => ({ mode, boundary, cval: 0.75 });

function outer(col: NDArray, row: NDArray): NDArray {
  const k = zeros([col.size, row.size], 'float64');
  for (let i = 0; i < col.size; i++) for (let j = 0; j < row.size; j++) k.data[i * row.size + j] = col.data[i] * row.data[j];
  return k;
}

describe('direct2dRows', () => {
  for (const variant of ['relaxed', 'simd', 'scalar'] as WasmVariant[]) {
    for (const dtype of ['float32', 'float64'] as const) {
      it(`direct2dRows(x, k, out, g, 0, oh, '${variant}') matches convolveRef for ${dtype}, every mode and boundary`, () => {
        let seed = 1;
        for (const [h, w] of SIZES) {
          for (const [kh, kw] of KERNELS) {
            const x = rand([h, w], dtype, seed++);
            const k = rand([kh, kw], dtype, seed++);
            for (const mode of MODES) {
              if (mode === 'valid' && (kh > h || kw > w)) continue;
              for (const boundary of BOUNDARIES) {
                const want = convolveRef(x, k, { mode, boundary, cval: 0.75 });
                const got = zeros(want.shape, dtype);
                expect(direct2dRows(x, k, got, G(mode, boundary), 0, want.shape[0], variant)).toBe(true);
                expect(normErr(got, want), `${h}x${w} * ${kh}x${kw} ${mode} ${boundary}`).toBeLessThan(tolOf(dtype));
              }
            }
          }
        }
      });
    }
  }
  it('direct2dRows over row ranges [0, a) and [a, oh) gives the same bits as one call (odd a, strips of 1 row)', () => {
    const x = rand([37, 41], 'float32', 5);
    const k = rand([5, 3], 'float32', 6);
    const whole = zeros([37, 41], 'float32');
    direct2dRows(x, k, whole, G('same', 'mirror'), 0, 37);
    const parts = zeros([37, 41], 'float32');
    for (const [a, b] of [
      [0, 11],
      [11, 12],
      [12, 37],
    ])
      direct2dRows(x, k, parts, G('same', 'mirror'), a, b);
    expect(Array.from(parts.data)).toEqual(Array.from(whole.data));
  });
  it("alignShift(at, src, q) is the shift in [0, q) that puts element at + shift in src's place within a word", () => {
    for (const q of [1, 2]) {
      for (let at = -3; at < 5; at++) {
        for (let src = -4; src < 6; src++) {
          const s = alignShift(at, src, q);
          expect(s >= 0 && s < q).toBe(true);
          expect((((at + s - src) % q) + q) % q).toBe(0);
        }
      }
    }
    expect(alignShift(17, 4, 2)).toBe(1);
  });
  it('direct2dRows(shared x, k, shared out, g, r0, r1) gives the same bits as ordinary buffers (odd and even widths, odd r0, five strips)', () => {
    // SharedArrayBuffer copies take the word-aligned path only when rows keep their alignment:
    // odd widths, even kernel widths and odd r0 exercise every placement of strip rows
    // x and out as views one element into their SharedArrayBuffers (a plane of an image)
    const view = (shape: readonly number[], dtype: 'float32' | 'float64'): NDArray => {
      const whole = zeros([shape[0] * shape[1] + 1], dtype, true);
      return new ND(dtype, shape, whole.data.subarray(1));
    };
    const shared = (a: NDArray): NDArray => {
      const s = view(a.shape, a.dtype as 'float32' | 'float64');
      s.data.set(a.data as Float32Array);
      return s;
    };
    let seed = 40;
    for (const dtype of ['float32', 'float64'] as const) {
      for (const [h, w] of [
        [61, 257],
        [20, 2048],
        [301, 2049], // ~60 rows per strip: five strips
      ] as [number, number][]) {
        for (const [kh, kw] of [
          [3, 3],
          [4, 2],
          [7, 7],
        ] as [number, number][]) {
          for (const mode of h > 100 ? (['same'] as ConvMode[]) : MODES) {
            const x = rand([h, w], dtype, seed++);
            const k = rand([kh, kw], dtype, seed++);
            const oh = mode === 'full' ? h + kh - 1 : mode === 'same' ? h : h - kh + 1;
            const ow = mode === 'full' ? w + kw - 1 : mode === 'same' ? w : w - kw + 1;
            const want = zeros([oh, ow], dtype);
            direct2dRows(x, k, want, G(mode, 'mirror'), 0, oh);
            if (w < 300) expect(normErr(want, convolveRef(x, k, { mode, boundary: 'mirror' }))).toBeLessThan(tolOf(dtype));
            const out = view([oh, ow], dtype);
            direct2dRows(shared(x), k, out, G(mode, 'mirror'), 0, 3);
            direct2dRows(shared(x), k, out, G(mode, 'mirror'), 3, oh);
            expect(out.data.buffer).toBeInstanceOf(SharedArrayBuffer);
            let differ = 0;
            for (let i = 0; i < want.data.length; i++) if (!Object.is(out.data[i], want.data[i])) differ++;
            expect(differ).toBe(0);
          }
        }
      }
    }
  });
  it('direct2dRows over many strips (100 x 2000 float64: ~32 rows per 1 MiB strip) matches convolveRef', () => {
    const x = rand([100, 2000], 'float64', 11);
    const k = rand([5, 3], 'float64', 12);
    for (const mode of ['same', 'full'] as const) {
      const want = convolveRef(x, k, { mode, boundary: 'mirror' });
      const got = zeros(want.shape, 'float64');
      direct2dRows(x, k, got, G(mode, 'mirror'), 0, want.shape[0]);
      expect(normErr(got, want), mode).toBeLessThan(1e-12);
      const part = zeros(want.shape, 'float64');
      direct2dRows(x, k, part, G(mode, 'mirror'), 0, 45);
      direct2dRows(x, k, part, G(mode, 'mirror'), 45, want.shape[0]);
      expect(Array.from(part.data)).toEqual(Array.from(got.data));
    }
  });
  it('direct2dRows(float32 x, float64 k) computes in float64 into a float64 out', () => {
    const x = rand([9, 19], 'float32', 7);
    const k = rand([3, 3], 'float64', 8);
    const want = convolveRef(x, k, { mode: 'same', boundary: 'reflect' });
    const got = zeros([9, 19], 'float64');
    direct2dRows(x, k, got, G('same', 'reflect'), 0, 9);
    expect(normErr(got, want)).toBeLessThan(1e-12);
  });
});

describe('separable2dRows', () => {
  for (const variant of ['relaxed', 'simd', 'scalar'] as WasmVariant[]) {
    for (const dtype of ['float32', 'float64'] as const) {
      it(`separable2dRows(x, col, row, out, g, 0, oh, '${variant}') matches convolveRef with outer(col, row) for ${dtype}`, () => {
        let seed = 100;
        for (const [h, w] of SIZES) {
          // symmetric (folded) and general factors, odd and even lengths
          const factors: [number[], number[]][] = [
            [
              [0.25, 0.5, 0.25],
              [1, 2, 3, 2, 1],
            ],
            [[0.5], [2]],
            [rand([4], 'float64', seed++).data as unknown as number[], rand([6], 'float64', seed++).data as unknown as number[]],
            [rand([7], 'float64', seed++).data as unknown as number[], [1, -2, 5, 5, -2, 1]],
          ];
          const x = rand([h, w], dtype, seed++);
          for (const [c, r] of factors) {
            const col = new ND('float64', [c.length], Float64Array.from(c));
            const row = new ND('float64', [r.length], Float64Array.from(r));
            const k = outer(col, row);
            for (const mode of MODES) {
              if (mode === 'valid' && (col.size > h || row.size > w)) continue;
              for (const boundary of BOUNDARIES) {
                const want = convolveRef(x, k, { mode, boundary, cval: 0.75 });
                const got = zeros(want.shape, dtype);
                expect(separable2dRows(x, col.data, row.data, got, G(mode, boundary), 0, want.shape[0], variant)).toBe(true);
                expect(normErr(got, want), `${h}x${w} * ${c.length}x${r.length} ${mode} ${boundary}`).toBeLessThan(tolOf(dtype));
              }
            }
          }
        }
      });
    }
  }
  it('separable2dRows over row ranges gives the same bits as one call', () => {
    const x = rand([29, 45], 'float32', 9);
    const g = Float64Array.from([1, 4, 6, 4, 1], (v) => v / 16);
    const whole = zeros([29, 45], 'float32');
    separable2dRows(x, g, g, whole, G('same', 'nearest'), 0, 29);
    const parts = zeros([29, 45], 'float32');
    separable2dRows(x, g, g, parts, G('same', 'nearest'), 0, 14);
    separable2dRows(x, g, g, parts, G('same', 'nearest'), 14, 29);
    expect(Array.from(parts.data)).toEqual(Array.from(whole.data));
  });
  it('separable2dRows(shared x, col, row, shared out, g, r0, r1) gives the same bits as ordinary buffers (odd widths, odd r0)', () => {
    let seed = 60;
    for (const dtype of ['float32', 'float64'] as const) {
      for (const [h, w] of [
        [37, 129],
        [30, 128],
      ] as [number, number][]) {
        const x = rand([h, w], dtype, seed++);
        const xs = zeros([h, w], dtype, true);
        xs.data.set(x.data as Float32Array);
        const col = Float64Array.from([1, 4, 6, 4, 1], (v) => v / 16);
        const row = rand([6], 'float64', seed++).data as Float64Array;
        for (const mode of MODES) {
          const oh = mode === 'full' ? h + 4 : mode === 'same' ? h : h - 4;
          const ow = mode === 'full' ? w + 5 : mode === 'same' ? w : w - 5;
          const want = zeros([oh, ow], dtype);
          separable2dRows(x, col, row, want, G(mode, 'reflect'), 0, oh);
          const got = zeros([oh, ow], dtype, true);
          separable2dRows(xs, col, row, got, G(mode, 'reflect'), 0, 5);
          separable2dRows(xs, col, row, got, G(mode, 'reflect'), 5, oh);
          expect(Array.from(got.data), `${h}x${w} ${mode} ${dtype}`).toEqual(Array.from(want.data));
        }
      }
    }
  });
});

describe('direct2dRowsInPlace', () => {
  // `out` at the start of a kernel memory (core/kernel-memory.ts), the conv2d shared-memory build over it
  function inPlaceOut(shape: [number, number], dtype: 'float32' | 'float64') {
    const saved = KERNEL_MEMORY.minBytes;
    KERNEL_MEMORY.minBytes = 0;
    try {
      const out = zeros(shape, dtype, true);
      const km = kernelMemoryOf(out.data.buffer);
      if (km === undefined) throw new Error('no kernel memory');
      const module = sharedWasmModule('conv2d');
      if (module === undefined) throw new Error('no shared-memory build of conv2d');
      const exports = new WebAssembly.Instance(module, { env: { memory: km.memory } }).exports as unknown as Conv2dStridedExports;
      return { out, km, exports };
    } finally {
      KERNEL_MEMORY.minBytes = saved;
    }
  }
  for (const dtype of ['float32', 'float64'] as const) {
    it(`direct2dRowsInPlace(x, k, out, g, r0, r1, slot) writes the bits of direct2dRows into out (${dtype})`, () => {
      let seed = 40;
      for (const [h, w] of [...SIZES, [67, 131] as [number, number]]) {
        for (const [kh, kw] of [...KERNELS, [9, 9] as [number, number]]) {
          const x = rand([h, w], dtype, seed++);
          const k = rand([kh, kw], dtype, seed++);
          for (const [mode, boundary] of [
            ['same', 'mirror'],
            ['full', 'constant'],
            ['valid', 'wrap'],
            ['same', 'nearest'],
          ] as const) {
            const g = G(mode, boundary);
            if (mode === 'valid' && (kh > h || kw > w)) continue; // the callers swap the operands (validSwapNeeded)
            const shape = convolveRef(x, k, g).shape as [number, number];
            const want = zeros(shape, dtype);
            expect(direct2dRows(x, k, want, g, 0, shape[0])).toBe(true);
            const { out, km, exports } = inPlaceOut(shape, dtype);
            const at = claimSlot(km);
            const split = shape[0] >> 1; // two row ranges, as two tasks would
            const place = { exports, memory: km.memory, at, bytes: SLOT_BYTES };
            expect(direct2dRowsInPlace(x, k, out, g, 0, split, place)).toBe(true);
            expect(direct2dRowsInPlace(x, k, out, g, split, shape[0], place)).toBe(true);
            releaseSlot(km, at);
            expect(Array.from(out.data), `${h}x${w} * ${kh}x${kw} ${mode} ${boundary}`).toEqual(Array.from(want.data));
          }
        }
      }
    });
  }
  it('direct2dRowsInPlace(x, k, out, g, 0, oh, a slot too small) returns false and writes nothing', () => {
    const x = rand([20, 4000], 'float64', 3);
    const k = rand([5, 5], 'float64', 4);
    const { out, km, exports } = inPlaceOut([20, 4000], 'float64');
    const at = claimSlot(km);
    expect(direct2dRowsInPlace(x, k, out, G('same', 'reflect'), 0, 20, { exports, memory: km.memory, at, bytes: 4 * 4000 * 8 })).toBe(
      false,
    );
    releaseSlot(km, at);
    expect(out.data.every((v) => v === 0)).toBe(true);
  });
});
