import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AbortError, NDArray } from '../../src/core/index.js';
import { fft, fft2, fftn, ifft, ifftn, irfft, irfft2, rfft, rfft2, rfftn } from '../../src/fft/api.js';
import {
  fft2Async,
  fftAsync,
  fftnAsync,
  ifftAsync,
  ifftnAsync,
  irfft2Async,
  irfftAsync,
  PARALLEL_MIN,
  rfft2Async,
  rfftAsync,
  rfftnAsync,
} from '../../src/fft/parallel.js';
import { destroyPools } from '../../src/parallel/get-pool.js';
import { runScript } from '../helpers/run-script.js';
import { randomBuffer, relErr } from './helpers.js';

// These tests start real Node workers from dist/parallel/: run `npx tsc -p tsconfig.build.json` first.
// small arrays so the tests stay quick: take the pool for any size
const defaultMin = { ...PARALLEL_MIN };
beforeAll(() => {
  PARALLEL_MIN.points = 0;
  PARALLEL_MIN.long = 0;
  PARALLEL_MIN.long32 = 0;
});
afterAll(async () => {
  Object.assign(PARALLEL_MIN, defaultMin);
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

describe('fftAsync (one long line: the four-step split)', () => {
  const sizes = [1 << 20, (1 << 18) * 3, 5 ** 8];
  it('fftAsync(complex128 n = 2^20, 2^18·3, 5^8, { threads: 2 | 3 }) equals fft to rounding; 2 and 3 threads give the same bits', async () => {
    for (const n of sizes) {
      const a = rand([n], 'complex128', n);
      const sync = fft(a);
      const one = await fftAsync(a, { threads: 1 }); // the sync call itself
      expect(bits(one)).toEqual(bits(sync));
      const two = await fftAsync(a, { threads: 2 });
      expect(two.dtype).toBe('complex128');
      expect(two.shape).toEqual([n]);
      expect(two.data.buffer instanceof SharedArrayBuffer).toBe(true);
      expect(relErr(two.data, sync.data), `n=${n}`).toBeLessThan(1e-14);
      expect(bits(await fftAsync(a, { threads: 3 }))).toEqual(bits(two));
    }
  });
  it('fftAsync(complex64 n = 2^20 (float32 kernels), 2^18·3, 5^8 (float64 inside), { threads: 2 | 3 }) equals fft to float32 rounding', async () => {
    for (const n of sizes) {
      const a = rand([n], 'complex64', n + 1);
      const sync = fft(a);
      const two = await fftAsync(a, { threads: 2 });
      expect(two.dtype).toBe('complex64');
      expect(two.data).toBeInstanceOf(Float32Array);
      // the sync call runs float32 kernels at every length here (api.ts oneSingleLine), the split
      // only for powers of two (float64 inside otherwise): both within float32 rounding
      expect(relErr(two.data, sync.data), `n=${n}`).toBeLessThan(1e-6);
      expect(bits(await fftAsync(a, { threads: 3 }))).toEqual(bits(two));
    }
  });
  it('fftAsync of tones at 2^20 (exactly known spectrum) is within 1e-12 (float64) and 5e-6 (float32) relative', async () => {
    const n = 1 << 20;
    const x = new Float64Array(2 * n);
    const X = new Float64Array(2 * n);
    for (const [m, amp] of [
      [3, 1],
      [70001, 0.5],
      [n - 5, 2],
    ]) {
      for (let j = 0; j < n; j++) {
        const t = (2 * Math.PI * ((m * j) % n)) / n;
        x[2 * j] += amp * Math.cos(t);
        x[2 * j + 1] += amp * Math.sin(t);
      }
      X[2 * m] = amp * n;
    }
    expect(relErr((await fftAsync(new NDArray('complex128', [n], x), { threads: 2 })).data, X)).toBeLessThan(1e-12);
    expect(relErr((await fftAsync(new NDArray('complex64', [n], Float32Array.from(x)), { threads: 2 })).data, X)).toBeLessThan(5e-6);
  });
  it('ifftAsync(fftAsync(a)) returns a for every norm, and matches ifft / fft with that norm', async () => {
    const n = (1 << 18) * 3;
    const a = rand([n], 'complex128', 21);
    for (const norm of ['backward', 'ortho', 'forward'] as const) {
      const f = await fftAsync(a, { threads: 2, norm });
      expect(relErr(f.data, fft(a, { norm }).data), norm).toBeLessThan(1e-14);
      const back = await ifftAsync(f, { threads: 2, norm });
      expect(relErr(back.data, ifft(f, { norm }).data), norm).toBeLessThan(1e-14);
      expect(relErr(back.data, a.data), norm).toBeLessThan(1e-14);
    }
    const a32 = rand([1 << 20], 'complex64', 22);
    const back32 = await ifftAsync(await fftAsync(a32, { threads: 2, norm: 'ortho' }), { threads: 2, norm: 'ortho' });
    expect(relErr(back32.data, a32.data)).toBeLessThan(5e-6);
  });
  it('fftAsync(a on a SharedArrayBuffer, { threads: 2 }) reads it where it is and leaves it unchanged', async () => {
    const plain = rand([1 << 16], 'complex128', 23);
    const shared = new Float64Array(new SharedArrayBuffer(plain.data.byteLength));
    shared.set(plain.data);
    const two = await fftAsync(new NDArray('complex128', [1 << 16], shared), { threads: 2 });
    expect(relErr(two.data, fft(plain).data)).toBeLessThan(1e-14);
    expect(Array.from(shared)).toEqual(Array.from(plain.data));
  });
  it('fftAsync(a complex64 line, { threads: 2 }) under PARALLEL_MIN.long32 runs the sync call, a complex128 one of the same length is split', async () => {
    PARALLEL_MIN.long32 = 1 << 17;
    try {
      const single = rand([1 << 16], 'complex64', 27);
      const r = await fftAsync(single, { threads: 2 });
      expect(r.data.buffer instanceof SharedArrayBuffer).toBe(false);
      expect(bits(r)).toEqual(bits(fft(single)));
      const double = rand([1 << 16], 'complex128', 28);
      const d = await fftAsync(double, { threads: 2 });
      expect(d.data.buffer instanceof SharedArrayBuffer).toBe(true);
      expect(relErr(d.data, fft(double).data)).toBeLessThan(1e-14);
    } finally {
      PARALLEL_MIN.long32 = 0;
    }
  });
  it('fftAsync(a long line, { threads: 2 }) under PARALLEL_MIN.long, prime or real runs the sync call (an ordinary buffer back)', async () => {
    const a = rand([1 << 16], 'complex128', 24);
    PARALLEL_MIN.long = 1 << 17;
    PARALLEL_MIN.points = 1 << 21;
    try {
      const r = await fftAsync(a, { threads: 2 });
      expect(r.data.buffer instanceof SharedArrayBuffer).toBe(false);
      expect(bits(r)).toEqual(bits(fft(a)));
    } finally {
      PARALLEL_MIN.long = 0;
      PARALLEL_MIN.points = 0;
    }
    const prime = rand([65537], 'complex128', 25);
    expect(bits(await fftAsync(prime, { threads: 2 }))).toEqual(bits(fft(prime)));
    const real = rand([1 << 16], 'float64', 26);
    expect(bits(await fftAsync(real, { threads: 2 }))).toEqual(bits(fft(real)));
  });
  it('fftAsync(2^20, { threads: 2, signal }) aborted while its tasks run rejects with an AbortError; the pool still works', async () => {
    const a = rand([1 << 20], 'complex128', 27);
    const ctl = new AbortController();
    const p = fftAsync(a, { threads: 2, signal: ctl.signal });
    ctl.abort();
    await expect(p).rejects.toBeInstanceOf(AbortError);
    const small = rand([1 << 14], 'complex128', 28);
    expect(relErr((await fftAsync(small, { threads: 2 })).data, fft(small).data)).toBeLessThan(1e-14);
  });
});

describe('rfftAsync / irfftAsync (one long real line: the four-step on the half-length complex transform)', () => {
  it('rfftAsync(float64 and float32 n = 2^20, 2^18·3, 2·5^8, { threads: 2 | 3, norm }) equals rfft to rounding; irfftAsync inverts it', async () => {
    for (const n of [1 << 20, (1 << 18) * 3, 2 * 5 ** 8]) {
      for (const dtype of ['float64', 'float32'] as const) {
        const a = rand([n], dtype, n + 3);
        const tol = dtype === 'float64' ? 1e-14 : n === 1 << 20 ? 1e-6 : 1e-7;
        for (const norm of n === 1 << 20 ? (['backward', 'forward'] as const) : (['ortho'] as const)) {
          const sync = rfft(a, { norm });
          const two = await rfftAsync(a, { threads: 2, norm });
          expect(two.dtype).toBe(dtype === 'float64' ? 'complex128' : 'complex64');
          expect(two.shape).toEqual([n / 2 + 1]);
          expect(relErr(two.data, sync.data), `${n} ${dtype} ${norm}`).toBeLessThan(tol);
          expect(bits(await rfftAsync(a, { threads: 3, norm }))).toEqual(bits(two));
          const back = await irfftAsync(two, { threads: 2, norm, n });
          expect(back.dtype).toBe(dtype);
          expect(back.shape).toEqual([n]);
          expect(relErr(back.data, irfft(two, { norm, n }).data), `${n} ${dtype} ${norm}`).toBeLessThan(tol);
          expect(relErr(back.data, a.data)).toBeLessThan(dtype === 'float64' ? 1e-14 : 5e-6);
          expect(bits(await irfftAsync(two, { threads: 3, norm, n }))).toEqual(bits(back));
        }
      }
    }
  });
  it('rfftAsync(odd n) and irfftAsync(a, { n: odd }) run the sync call', async () => {
    const a = rand([100001], 'float64', 31);
    expect(bits(await rfftAsync(a, { threads: 2 }))).toEqual(bits(rfft(a)));
    const spec = rfft(a);
    expect(bits(await irfftAsync(spec, { threads: 2, n: 100001 }))).toEqual(bits(irfft(spec, { n: 100001 })));
  });
});

describe('rfft2Async (memory)', () => {
  it('rfft2Async(2048² float32, { threads: 2 }) 24 times with fresh outputs peaks under 8x input + output bytes', () => {
    // scripts/mem-fft.mjs in a child process, so the peak RSS is its own. The fresh shared outputs
    // used to pile up dead (V8 does not count shared memory): 10x after 16 calls, growing with each.
    // The fixed part: the pooled input copy, the live output, each worker's transform state.
    const m = runScript<{ ratio: number; calls: number; rss_mb: number[] }>('mem-fft.mjs', ['--size', '2048', '--calls', '24']);
    expect(m.calls).toBe(24);
    expect(m.ratio).toBeGreaterThan(1); // the input and one output at least
    expect(m.ratio, `RSS after each call (MB): ${m.rss_mb}`).toBeLessThanOrEqual(8);
  }, 120_000);

  it('scripts/w2-bound.mjs reports the one-thread, side-by-side and threaded rfft2 medians (a smoke run, no timing asserted)', () => {
    const m = runScript<{ size: number; one: number; pair: number[]; bound: number; threaded: number }>('w2-bound.mjs', [
      '--size',
      '64',
      '--calls',
      '1',
    ]);
    expect(m.size).toBe(64);
    expect(m.pair).toHaveLength(2);
    for (const v of [m.one, ...m.pair, m.threaded]) expect(v).toBeGreaterThanOrEqual(0);
    expect(Math.abs(m.bound - Math.max(...m.pair) / 2)).toBeLessThanOrEqual(0.06); // both rounded to 0.1 ms
  }, 60_000);
});
