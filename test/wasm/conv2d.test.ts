import { describe, expect, it } from 'vitest';
import { type NDArray, randomUniform, ShapeError, zeros } from '../../src/core/index.js';
import { correlate2dValidRef } from '../../src/ref/conv2d.js';
import { correlate2dValid, correlate2dValidRows, type RowSource } from '../../src/wasm/conv2d.js';
import { type WasmVariant, wasmKernels } from '../../src/wasm/loader.js';

const abs = (a: NDArray): NDArray => {
  const b = a.copy();
  for (let i = 0; i < b.data.length; i++) b.data[i] = Math.abs(b.data[i]);
  return b;
};

/** |got - ref| <= rtol * sum |x||k| over each output's window (the scale of its rounding error). */
function expectParity(got: NDArray, x: NDArray, k: NDArray, rtol: number): void {
  const ref = correlate2dValidRef(x, k);
  const scale = correlate2dValidRef(abs(x), abs(k));
  expect(got.dtype).toBe(ref.dtype);
  expect(got.shape).toEqual(ref.shape);
  let worst = 0;
  for (let i = 0; i < ref.data.length; i++) worst = Math.max(worst, Math.abs(got.data[i] - ref.data[i]) / scale.data[i]);
  expect(worst).toBeLessThanOrEqual(rtol);
}

const SIZES: [number, number][] = [
  [1, 1],
  [7, 13],
  [31, 37],
  [97, 101],
];
const KERNELS: [number, number][] = [
  [1, 1],
  [3, 3],
  [5, 4],
  [7, 7],
  [2, 9],
];
const CASES = [
  { dtype: 'float32', rtol: 1e-5 },
  { dtype: 'float64', rtol: 1e-12 },
] as const;

describe('correlate2dValid', () => {
  for (const variant of ['simd', 'scalar'] as WasmVariant[]) {
    for (const { dtype, rtol } of CASES) {
      it(`correlate2dValid(x, k, { variant: '${variant}' }) matches correlate2dValidRef for ${dtype}, sizes 1..97x101, kernels 1x1..7x7`, () => {
        let seed = 10;
        for (const [h, w] of SIZES) {
          for (const [kh, kw] of KERNELS) {
            if (kh > h || kw > w) continue;
            const x = randomUniform([h, w], { seed: seed++, dtype, lo: -1, hi: 1 });
            const k = randomUniform([kh, kw], { seed: seed++, dtype, lo: -1, hi: 1 });
            expectParity(correlate2dValid(x, k, { variant }), x, k, rtol);
          }
        }
      });
    }
    it(`correlate2dValid(x, k, { variant: '${variant}' }) covers every row/column tail: widths 1..40, heights 1..6`, () => {
      // f32 blocks are 16 (4 vectors) wide, then 4-wide vectors, then scalars; rows go in pairs.
      let seed = 1000;
      for (const dtype of ['float32', 'float64'] as const) {
        for (let outW = 1; outW <= 40; outW++) {
          for (let outH = 1; outH <= 6; outH++) {
            const k = randomUniform([2, 3], { seed: seed++, dtype, lo: -1, hi: 1 });
            const x = randomUniform([outH + 1, outW + 2], { seed: seed++, dtype, lo: -1, hi: 1 });
            expectParity(correlate2dValid(x, k, { variant }), x, k, dtype === 'float32' ? 1e-5 : 1e-12);
          }
        }
      }
    });
  }
  it('correlate2dValid(x, k, { stripBytes }) gives the same answer with strips of 1 row and of many rows', () => {
    const x = randomUniform([53, 67], { seed: 7, dtype: 'float32' });
    const k = randomUniform([5, 3], { seed: 8, dtype: 'float32' });
    const whole = correlate2dValid(x, k, { stripBytes: 1 << 24 });
    for (const stripBytes of [1, 4096, 20000]) expect(correlate2dValid(x, k, { stripBytes }).data).toEqual(whole.data);
    expectParity(whole, x, k, 1e-5);
    expect(() => correlate2dValid(x, k, { stripBytes: Number.NaN })).toThrow(/stripBytes: expected a positive number/);
  });
  it('correlate2dValid(x, k, { out }) writes into out and checks its dtype and shape', () => {
    const x = randomUniform([20, 30], { seed: 15, dtype: 'float32' });
    const k = randomUniform([3, 3], { seed: 16, dtype: 'float32' });
    const out = zeros([18, 28], 'float32');
    expect(correlate2dValid(x, k, { out })).toBe(out);
    expectParity(out, x, k, 1e-5);
    expect(() => correlate2dValid(x, k, { out: zeros([18, 28], 'float64') })).toThrow(/out: expected dtype float32/);
    expect(() => correlate2dValid(x, k, { out: zeros([28, 18], 'float32') })).toThrow(/out: expected shape \[18, 28\]/);
  });
  it('correlate2dValid(float32 x, float64 k) computes in float64', () => {
    const x = randomUniform([19, 23], { seed: 9, dtype: 'float32' });
    const k = randomUniform([3, 4], { seed: 10, dtype: 'float64' });
    expectParity(correlate2dValid(x, k), x, k, 1e-12);
  });
  it('correlate2dValid(x, k) with a kernel larger than x throws a ShapeError naming k', () => {
    const x = randomUniform([4, 4], { seed: 11, dtype: 'float32' });
    expect(() => correlate2dValid(x, randomUniform([3, 5], { seed: 12, dtype: 'float32' }))).toThrow(ShapeError);
  });
  it('correlate2dValid called 1,000 times on a 300x300 input does not grow WebAssembly memory after the first call', () => {
    const x = randomUniform([300, 300], { seed: 13, dtype: 'float32' });
    const k = randomUniform([7, 7], { seed: 14, dtype: 'float32' });
    const memory = wasmKernels('conv2d').memory;
    const first = correlate2dValid(x, k);
    const bytes = memory.buffer.byteLength;
    let last = first;
    for (let i = 0; i < 999; i++) last = correlate2dValid(x, k);
    expect(memory.buffer.byteLength).toBe(bytes);
    expect(last.data).toEqual(first.data);
  });
});

describe('correlate2dValidRows', () => {
  it('correlate2dValidRows(rows, k, dtype, { out }) reads a virtual input strip by strip and matches the reference', () => {
    const [h, w] = [41, 29];
    const value = (r: number, c: number): number => Math.sin(r * 0.7 + c * 1.3) + (r % 3) - (c % 5) * 0.25;
    const x = zeros([h, w], 'float64');
    for (let r = 0; r < h; r++) for (let c = 0; c < w; c++) x.data[r * w + c] = value(r, c);
    const calls: [number, number][] = [];
    const rows: RowSource = {
      height: h,
      width: w,
      fill(dst, row, n) {
        calls.push([row, n]);
        for (let i = 0; i < n; i++) for (let c = 0; c < w; c++) dst[i * w + c] = value(row + i, c);
      },
    };
    const k = randomUniform([4, 3], { seed: 17, lo: -1, hi: 1 });
    const out = correlate2dValidRows(rows, k, 'float64', { out: zeros([38, 27], 'float64'), stripBytes: 2000 });
    expectParity(out, x, k, 1e-12);
    // 2000 bytes = 250 float64: strips of floor((250 - 3 * 29) / (29 + 27)) = 2 output rows,
    // each reading 2 + kh - 1 = 5 input rows, starting 2 rows apart.
    expect(calls.slice(0, 3)).toEqual([
      [0, 5],
      [2, 5],
      [4, 5],
    ]);
    expect(calls.length).toBe(19);
    expect(calls.at(-1)).toEqual([36, 5]);
  });
  it('correlate2dValidRows rejects an out of the wrong shape and a kernel taller than the input', () => {
    const rows: RowSource = { height: 5, width: 5, fill: (dst) => dst.fill(1) };
    const k = randomUniform([3, 3], { seed: 18, dtype: 'float32' });
    expect(() => correlate2dValidRows(rows, k, 'float32', { out: zeros([2, 2], 'float32') })).toThrow(/out: expected shape \[3, 3\]/);
    expect(() => correlate2dValidRows({ ...rows, height: 2 }, k, 'float32', { out: zeros([0, 3], 'float32') })).toThrow(ShapeError);
  });
});
