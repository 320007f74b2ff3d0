import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AbortError, NDArray } from '../../src/core/index.js';
import { fft, fft2, fftn, ifftn, irfft2, rfft, rfft2, rfftn } from '../../src/fft/api.js';
import {
  fft2Async,
  fftAsync,
  fftnAsync,
  ifftnAsync,
  irfft2Async,
  PARALLEL_MIN,
  rfft2Async,
  rfftAsync,
  rfftnAsync,
} from '../../src/fft/parallel.js';
import { destroyPools } from '../../src/parallel/get-pool.js';
import { randomBuffer, relErr } from './helpers.js';

// These tests start real Node workers from dist/parallel/: run `npx tsc -p tsconfig.build.json` first.
// small arrays so the tests stay quick: take the pool for any size
const defaultMin = PARALLEL_MIN.points;
beforeAll(() => {
  PARALLEL_MIN.points = 0;
});
afterAll(async () => {
  PARALLEL_MIN.points = defaultMin;
  await destroyPools();
});

const bits = (a: NDArray) => Array.from(a.data);

function rand(shape: number[], dtype: 'float32' | 'float64' | 'complex64' | 'complex128', seed: number): NDArray {
  const lanes = dtype.startsWith('complex') ? 2 : 1;
  const size = shape.reduce((p, d) => p * d, 1) * lanes;
  const b = randomBuffer(size, seed);
  return new NDArray(dtype, shape, dtype === 'float32' || dtype === 'complex64' ? Float32Array.from(b) : b);
}

describe('rfft2Async', () => {
  it('rfft2Async(a, { threads: 1 | 2 | 3 }) gives identical bits, equal to rfft2(a) (float32 and float64, 300 columns: a column tail)', async () => {
    for (const dtype of ['float32', 'float64'] as const) {
      const a = rand([128, 600], dtype, 1); // 301 bins: 3 column chunks of 128, the last 45 wide
      const sync = rfft2(a);
      const one = await rfft2Async(a, { threads: 1 });
      expect(one.dtype).toBe(dtype === 'float32' ? 'complex64' : 'complex128');
      expect(one.shape).toEqual([128, 301]);
      expect(bits(one)).toEqual(bits(sync));
      expect(bits(await rfft2Async(a, { threads: 2 }))).toEqual(bits(one));
      expect(bits(await rfft2Async(a, { threads: 3 }))).toEqual(bits(one));
    }
  });
  it('rfft2Async(a [32, 2048] float32, { threads: 2 }) equals rfft2(a) bit for bit (1025 columns: 512-wide bands, a lone last column)', async () => {
    const a = rand([32, 2048], 'float32', 6);
    expect(bits(await rfft2Async(a, { threads: 2 }))).toEqual(bits(rfft2(a)));
  });
  it('rfft2Async(a on a SharedArrayBuffer, { threads: 2 }) reads it where it is, leaves it unchanged and equals rfft2(a)', async () => {
    const plain = rand([64, 128], 'float32', 7);
    const shared = new Float32Array(new SharedArrayBuffer(plain.data.byteLength));
    shared.set(plain.data);
    const a = new NDArray('float32', [64, 128], shared);
    expect(bits(await rfft2Async(a, { threads: 2 }))).toEqual(bits(rfft2(plain)));
    expect(Array.from(shared)).toEqual(Array.from(plain.data));
    // 90 × 120 float32 runs in float64: the shared input is widened into a copy, not read in place
    const odd = rand([90, 120], 'float32', 9);
    const sharedOdd = new Float32Array(new SharedArrayBuffer(odd.data.byteLength));
    sharedOdd.set(odd.data);
    expect(bits(await rfft2Async(new NDArray('float32', [90, 120], sharedOdd), { threads: 2 }))).toEqual(bits(rfft2(odd)));
  });
  it('fftAsync(complex128 on a SharedArrayBuffer, { axis: 0, threads: 2 }) (a column step in place) leaves the input unchanged', async () => {
    const plain = rand([64, 40], 'complex128', 8);
    const shared = new Float64Array(new SharedArrayBuffer(plain.data.byteLength));
    shared.set(plain.data);
    const a = new NDArray('complex128', [64, 40], shared);
    expect(bits(await fftAsync(a, { axis: 0, threads: 2 }))).toEqual(bits(fft(plain, { axis: 0 })));
    expect(Array.from(shared)).toEqual(Array.from(plain.data));
  });
  it('rfft2Async(a, { threads: 2, norm: ortho }) on a non-power-of-two float32 image (float64 inside) matches rfft2', async () => {
    const a = rand([90, 120], 'float32', 2);
    const two = await rfft2Async(a, { threads: 2, norm: 'ortho' });
    expect(two.dtype).toBe('complex64');
    expect(bits(two)).toEqual(bits(rfft2(a, { norm: 'ortho' })));
  });
  it('rfft2Async(a, { threads: 2, signal }) rejects with an AbortError when aborted', async () => {
    const ctl = new AbortController();
    ctl.abort();
    await expect(rfft2Async(rand([256, 256], 'float32', 3), { threads: 2, signal: ctl.signal })).rejects.toBeInstanceOf(AbortError);
  });
});

describe('irfft2Async', () => {
  it('irfft2Async(rfft2(a), { threads: 2 }) returns a and equals irfft2 bit for bit', async () => {
    const a = rand([64, 256], 'float64', 4);
    const spec = rfft2(a);
    const two = await irfft2Async(spec, { threads: 2 });
    expect(two.shape).toEqual([64, 256]);
    expect(bits(two)).toEqual(bits(irfft2(spec)));
    expect(relErr(two.data, a.data)).toBeLessThan(1e-14);
  });
});

describe('fftnAsync', () => {
  it('fftnAsync(complex [6, 32, 40], { threads: 1 | 2 }) equals fftn bit for bit; ifftnAsync inverts it', async () => {
    for (const dtype of ['complex64', 'complex128'] as const) {
      const a = rand([6, 32, 40], dtype, 5);
      const one = await fftnAsync(a, { threads: 1 });
      expect(bits(one)).toEqual(bits(fftn(a)));
      expect(bits(await fftnAsync(a, { threads: 2 }))).toEqual(bits(one));
      const back = await ifftnAsync(one, { threads: 2 });
      expect(bits(back)).toEqual(bits(ifftn(one)));
      expect(relErr(back.data, a.data)).toBeLessThan(dtype === 'complex64' ? 1e-6 : 1e-14);
    }
  });
  it('fftnAsync(real [48, 20], { axes: [0], threads: 2 }) transforms columns of real input like fftn', async () => {
    const a = rand([48, 200], 'float64', 6);
    const two = await fftnAsync(a, { axes: [0], threads: 2 });
    expect(bits(two)).toEqual(bits(fftn(a, { axes: [0] })));
  });
  it('rfftnAsync(a [4, 16, 64], { threads: 2 }) and fft2Async match rfftn / fft2', async () => {
    const a = rand([4, 16, 64], 'float32', 7);
    expect(bits(await rfftnAsync(a, { threads: 2 }))).toEqual(bits(rfftn(a)));
    expect(bits(await fft2Async(a, { threads: 2 }))).toEqual(bits(fft2(a)));
  });
});

describe('fftAsync', () => {
  it('fftAsync(batch of 64 rows × 128, { threads: 2 }) and rfftAsync split the rows and match fft / rfft', async () => {
    const a = rand([64, 128], 'complex128', 8);
    expect(bits(await fftAsync(a, { threads: 2 }))).toEqual(bits(fft(a)));
    const r = rand([64, 128], 'float32', 9);
    expect(bits(await rfftAsync(r, { threads: 2 }))).toEqual(bits(rfft(r)));
  });
  it('fftAsync(a, { n: 100, threads: 2 }) (padding: not on the N-D path) runs synchronously and matches fft', async () => {
    const a = rand([64, 90], 'complex128', 10);
    expect(bits(await fftAsync(a, { n: 100, threads: 2 }))).toEqual(bits(fft(a, { n: 100 })));
  });
  it('rfft2Async(a 64×64, { threads: 2 }) under PARALLEL_MIN points runs the sync call (an ordinary buffer back)', async () => {
    PARALLEL_MIN.points = 1 << 21;
    try {
      const a = rand([64, 64], 'float64', 11);
      const r = await rfft2Async(a, { threads: 2 });
      expect(r.data.buffer instanceof SharedArrayBuffer).toBe(false);
      expect(bits(r)).toEqual(bits(rfft2(a)));
      PARALLEL_MIN.points = 0;
      expect((await rfft2Async(a, { threads: 2 })).data.buffer instanceof SharedArrayBuffer).toBe(true);
    } finally {
      PARALLEL_MIN.points = 0;
    }
  });
  it('fftAsync(small a, { threads: 2, signal: aborted }) rejects with an AbortError on the sync path too', async () => {
    const ctl = new AbortController();
    ctl.abort();
    await expect(fftAsync(rand([4, 8], 'complex128', 12), { threads: 2, signal: ctl.signal })).rejects.toBeInstanceOf(AbortError);
  });
  it('fftAsync(a, { threads: 0 }) throws an ArgumentError naming threads', async () => {
    await expect(fftAsync(rand([64, 128], 'complex128', 1), { threads: 0 })).rejects.toThrow(/threads/);
  });
});
