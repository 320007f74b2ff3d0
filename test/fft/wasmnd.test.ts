/** The in-wasm N-D path (wasmnd.ts) against the generic per-line path (axis.ts with TS passes). */
import { afterAll, describe, expect, it } from 'vitest';
import { NDArray } from '../../src/core/ndarray.js';
import { fft, fft2, fftn, ifftn, irfft, irfft2, irfftn, rfft, rfft2, rfftn } from '../../src/fft/api.js';
import { setFftBackend } from '../../src/fft/backend.js';
import { ND_STREAM, ND_TWO, ndSupported } from '../../src/fft/wasmnd.js';
import { randomBuffer, relErr } from './helpers.js';

afterAll(() => setFftBackend('auto'));

const complexArr = (shape: number[], seed: number): NDArray =>
  new NDArray('complex128', shape, randomBuffer(2 * shape.reduce((a, b) => a * b, 1), seed));
const realArr = (shape: number[], seed: number, dtype: 'float64' | 'float32' = 'float64'): NDArray => {
  const d = randomBuffer(
    shape.reduce((a, b) => a * b, 1),
    seed,
  );
  return new NDArray(dtype, shape, dtype === 'float32' ? Float32Array.from(d) : (d as never));
};

const complex64 = (shape: number[], seed: number): NDArray =>
  new NDArray('complex64', shape, Float32Array.from(complexArr(shape, seed).data));

const CASES: [string, () => NDArray, (a: NDArray) => NDArray][] = [
  ['fft2 [32, 48]', () => complexArr([32, 48], 1), (a) => fft2(a)],
  ['fftn [6, 20, 36] all axes, ortho', () => complexArr([6, 20, 36], 2), (a) => fftn(a, { norm: 'ortho' })],
  ['ifftn [12, 30, 7] axes 0, 1', () => complexArr([12, 30, 7], 3), (a) => ifftn(a, { axes: [0, 1] })],
  ['fft [40, 100] axis 0 of a real array', () => realArr([40, 100], 4), (a) => fft(a, { axis: 0 })],
  ['rfft2 [64, 90]', () => realArr([64, 90], 5), (a) => rfft2(a)],
  ['rfft2 [33, 64] float32', () => realArr([33, 64], 6, 'float32'), (a) => rfft2(a)],
  ['rfftn [5, 12, 16] forward', () => realArr([5, 12, 16], 7), (a) => rfftn(a, { norm: 'forward' })],
  ['irfft2 [48, 33] → [48, 64]', () => complexArr([48, 33], 8), (a) => irfft2(a)],
  ['irfftn [6, 10, 9] ortho', () => complexArr([6, 10, 9], 9), (a) => irfftn(a, { norm: 'ortho' })],
  ['irfft [300, 17] rows', () => complexArr([300, 17], 10), (a) => irfft(a)],
  // float32 with power-of-two lengths: the complex64 kernels
  ['rfft2 [64, 128] float32', () => realArr([64, 128], 11, 'float32'), (a) => rfft2(a)],
  ['fft2 [16, 64] complex64', () => complex64([16, 64], 12), (a) => fft2(a)],
  ['fft [256, 19] complex64 axis 0 (odd column block)', () => complex64([256, 19], 13), (a) => fft(a, { axis: 0 })],
  ['irfft2 [32, 17] complex64, ortho', () => complex64([32, 17], 14), (a) => irfft2(a, { norm: 'ortho' })],
  ['fft2 [32, 32] float32 (widened)', () => realArr([32, 32], 15, 'float32'), (a) => fft2(a)],
  // column bands of 512 run in place with the row stride; an odd band's last column runs alone
  ['fft [64, 1027] complex64 axis 0 (bands 512, 512, 3)', () => complex64([64, 1027], 16), (a) => fft(a, { axis: 0 })],
  ['fft [24, 1030] complex128 axis 0 (bands 512, 512, 6)', () => complexArr([24, 1030], 17), (a) => fft(a, { axis: 0 })],
  ['rfft2 [512, 2048] float32 (radix-8 rows and columns, bands of 512)', () => realArr([512, 2048], 18, 'float32'), (a) => rfft2(a)],
  // the real split / join take bins k and h − k (complex128) or k, k + 1 (complex64) together
  // (1-D calls take the wasm path from 4096 points, N-D from 256)
  ['rfft [300, 18] float64 (h = 9: odd)', () => realArr([300, 18], 23), (a) => rfft(a)],
  ['irfft2 [32, 10] complex128 → [32, 18] (h = 9: odd)', () => complexArr([32, 10], 24), (a) => irfft2(a)],
  ['irfft [1400, 3] complex64 → [1400, 4] (h = 2: the scalar join)', () => complex64([1400, 3], 25), (a) => irfft(a)],
  ['irfft [80, 65] complex64 → [80, 128] (h = 64)', () => complex64([80, 65], 26), (a) => irfft(a)],
  // a first step along the last axis streams its input in chunks of 256 KiB of lines
  ['rfft2 [300, 256] float64 (3 chunks of lines)', () => realArr([300, 256], 20), (a) => rfft2(a)],
  ['irfft2 [300, 129] complex128 (3 chunks of lines)', () => complexArr([300, 129], 21), (a) => irfft2(a)],
  ['fft2 [300, 128] complex64 (2 chunks of lines)', () => complex64([300, 128], 22), (a) => fft2(a)],
  [
    'fftn [2, 8, 600] complex64 axes 0, 1 (length-8 and length-2 columns: one pass in place)',
    () => complex64([2, 8, 600], 19),
    (a) => fftn(a, { axes: [0, 1] }),
  ],
];

describe.each(['wasm', 'wasm-simd', 'wasm-scalar'] as const)('%s N-D path', (backend) => {
  for (const [name, make, f] of CASES) {
    it(`${name} matches the generic TS path`, () => {
      const a = make();
      setFftBackend('ts');
      const want = f(a);
      setFftBackend(backend);
      const got = f(a);
      expect(got.shape).toEqual(want.shape);
      expect(got.dtype).toBe(want.dtype);
      expect(relErr(got.data, want.data)).toBeLessThan(want.dtype === 'complex64' || want.dtype === 'float32' ? 1e-6 : 1e-14);
    });
  }
});

describe('ND_TWO', () => {
  it('rfft / irfft of a 2^18 line (float64 and float32) give the same bits with ND_TWO on and off', () => {
    setFftBackend('auto');
    try {
      for (const dtype of ['float64', 'float32'] as const) {
        const x = randomBuffer(1 << 18, 9);
        const a = new NDArray(dtype, [1 << 18], dtype === 'float32' ? Float32Array.from(x) : x);
        const run = (on: boolean) => {
          ND_TWO.on = on;
          const f = rfft(a);
          return [...f.data, ...irfft(f).data];
        };
        expect(run(true)).toEqual(run(false));
      }
    } finally {
      ND_TWO.on = true;
    }
  });
});

describe('ND_STREAM', () => {
  it('rfft2 / irfft2 / fft2 / rfft give the same bits with the streamed chunk buffer on and off (partial last chunk, a line longer than a chunk)', () => {
    setFftBackend('auto');
    const cases: [NDArray, (a: NDArray) => NDArray][] = [
      [realArr([300, 256], 30), (a) => rfft2(a)],
      [realArr([300, 512], 31, 'float32'), (a) => rfft2(a)],
      [complexArr([300, 129], 32), (a) => irfft2(a)],
      [complex64([300, 128], 33), (a) => fft2(a)],
      [complexArr([70, 96], 34), (a) => fft2(a, { norm: 'ortho' })],
      [realArr([3, 40000], 35), (a) => rfft(a)], // 320 KB lines: copied into place
    ];
    try {
      for (const [a, f] of cases) {
        const run = (on: boolean) => {
          ND_STREAM.chunkBuffer = on;
          return Array.from(f(a).data);
        };
        const on = run(true);
        expect(on, `shape ${a.shape}`).toEqual(run(false));
        setFftBackend('ts');
        expect(relErr(Float64Array.from(on), Float64Array.from(f(a).data)), `shape ${a.shape} vs ts`).toBeLessThan(1e-6);
        setFftBackend('auto');
      }
    } finally {
      ND_STREAM.chunkBuffer = true;
      setFftBackend('auto');
    }
  });
});

describe('ndSupported', () => {
  it('ndSupported(shape, steps) refuses crop / pad, odd real lengths and Bluestein lengths', () => {
    expect(ndSupported([8, 8], [{ axis: 0, kind: 'c2c', n: 8, inverse: false }])).toBe(true);
    expect(ndSupported([8, 8], [{ axis: 0, kind: 'c2c', n: 16, inverse: false }])).toBe(false);
    expect(ndSupported([8, 9], [{ axis: 1, kind: 'r2c', n: 9, inverse: false }])).toBe(false);
    expect(ndSupported([8, 1009], [{ axis: 1, kind: 'c2c', n: 1009, inverse: false }])).toBe(false);
    expect(ndSupported([8, 5], [{ axis: 1, kind: 'c2r', n: 8, inverse: true }])).toBe(true);
    expect(ndSupported([0, 8], [{ axis: 1, kind: 'c2c', n: 8, inverse: false }])).toBe(false);
  });
});
