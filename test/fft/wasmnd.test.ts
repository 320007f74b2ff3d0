/** The in-wasm N-D path (wasmnd.ts) against the generic per-line path (axis.ts with TS passes). */
import { afterAll, describe, expect, it } from 'vitest';
import { NDArray } from '../../src/core/ndarray.js';
import { fft, fft2, fftn, ifftn, irfft, irfft2, irfftn, rfft2, rfftn } from '../../src/fft/api.js';
import { setFftBackend } from '../../src/fft/backend.js';
import { ndSupported } from '../../src/fft/wasmnd.js';
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
];

describe.each(['wasm', 'wasm-scalar'] as const)('%s N-D path', (backend) => {
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
