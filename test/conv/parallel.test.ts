import { afterAll, describe, expect, it } from 'vitest';
import { fftTiles } from '../../src/conv/fft.js';
import { convolve, convolveAsync, correlate, correlateAsync } from '../../src/conv/index.js';
import { touchPages } from '../../src/conv/parallel.js';
import { AbortError, type NDArray, zeros } from '../../src/core/index.js';
import { KERNEL_MEMORY, kernelMemoryOf, SLOT_BYTES, SLOTS } from '../../src/core/kernel-memory.js';
import { destroyPools } from '../../src/parallel/get-pool.js';
import { convolveRef } from '../../src/ref/convolve.js';
import { runScript } from '../helpers/run-script.js';
import { normErr, rand, tolOf } from './helpers.js';

// These tests start real Node workers from dist/parallel/: run `npx tsc -p tsconfig.build.json` first.
afterAll(destroyPools);

const bits = (a: NDArray) => Array.from(a.data);

function gauss(n: number, s: number): NDArray {
  const k = zeros([n, n], 'float32');
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) k.data[i * n + j] = Math.exp(-((i - (n - 1) / 2) ** 2 + (j - (n - 1) / 2) ** 2) / (2 * s * s));
  return k;
}

describe('convolveAsync', () => {
  it('convolveAsync(x, k, { threads: 1 | 2 | 3 }) gives identical bits, matching convolveRef (direct, float32 and float64)', async () => {
    for (const dtype of ['float32', 'float64'] as const) {
      const x = rand([300, 53], dtype, 1); // 4 row chunks of >= 64 rows
      const k = rand([5, 3], dtype, 2);
      const opts = { mode: 'same', boundary: 'mirror', method: 'direct' } as const;
      const one = await convolveAsync(x, k, { ...opts, threads: 1 });
      expect(normErr(one, convolveRef(x, k, opts))).toBeLessThan(tolOf(dtype));
      expect(bits(await convolveAsync(x, k, { ...opts, threads: 2 }))).toEqual(bits(one));
      expect(bits(await convolveAsync(x, k, { ...opts, threads: 3 }))).toEqual(bits(one));
      expect(bits(convolve(x, k, opts))).toEqual(bits(one));
    }
  });
  it('convolveAsync(image [3, H, W], gaussian, { method: separable, threads: 2 }) splits each channel and matches 1 thread', async () => {
    const x = rand([3, 150, 37], 'float32', 3); // 2 chunks per channel
    const k = gauss(7, 1.5);
    const opts = { mode: 'full', boundary: 'constant', cval: 2, method: 'separable' } as const;
    const one = await convolveAsync(x, k, { ...opts, threads: 1 });
    const two = await convolveAsync(x, k, { ...opts, threads: 2 });
    expect(two.shape).toEqual([3, 156, 43]);
    expect(bits(two)).toEqual(bits(one));
    expect(normErr(two, convolve(x, k, { ...opts, method: 'direct' }))).toBeLessThan(1e-5);
  });
  it('correlateAsync(x, k, { out in a kernel memory, threads: 2 }) writes out in place (direct), the bits of 1 thread', async () => {
    const saved = KERNEL_MEMORY.minBytes;
    KERNEL_MEMORY.minBytes = 0; // every shared array in a kernel memory (core/kernel-memory.ts)
    try {
      for (const dtype of ['float32', 'float64'] as const) {
        const x = rand([3, 211, 67], dtype, 11); // 3 planes: out's planes are views at offsets
        const k = rand([5, 4], dtype, 12);
        const opts = { mode: 'same', boundary: 'reflect', method: 'direct' } as const;
        const one = await correlateAsync(x, k, { ...opts, threads: 1 });
        const out = zeros([3, 211, 67], dtype, true);
        const km = kernelMemoryOf(out.data.buffer);
        if (km === undefined) throw new Error('no kernel memory');
        expect(await correlateAsync(x, k, { ...opts, out, threads: 2 })).toBe(out);
        expect(bits(out)).toEqual(bits(one));
        // the workers' strips went through the slots, which are all free again
        expect(new Uint8Array(km.memory.buffer, km.slot0, SLOTS * SLOT_BYTES).some((v) => v !== 0)).toBe(true);
        expect(Array.from(new Int32Array(km.memory.buffer, km.flagsAt, SLOTS))).toEqual(new Array(SLOTS).fill(0));
        const fresh = await correlateAsync(x, k, { ...opts, threads: 2 }); // a new output: a plain SharedArrayBuffer
        expect(fresh.data.buffer).toBeInstanceOf(SharedArrayBuffer);
        expect(kernelMemoryOf(fresh.data.buffer)).toBeUndefined();
        expect(bits(fresh)).toEqual(bits(one));
      }
    } finally {
      KERNEL_MEMORY.minBytes = saved;
    }
  });
  it('convolveAsync(x, k, { out, threads: 2 }) fills an ordinary (non-shared) out and returns it', async () => {
    const x = rand([31, 29], 'float64', 4);
    const k = rand([3, 4], 'float64', 5);
    const out = zeros([31, 29], 'float64');
    const got = await correlateAsync(x, k, { mode: 'same', boundary: 'wrap', out, threads: 2 });
    expect(got).toBe(out);
    expect(bits(out)).toEqual(bits(correlate(x, k, { mode: 'same', boundary: 'wrap' })));
  });
  it('convolveAsync(3-D x, 3-D k, { threads: 2 }) runs on the calling thread and matches convolve', async () => {
    const x = rand([4, 5, 6], 'float64', 6);
    const k = rand([2, 3, 2], 'float64', 7);
    expect(bits(await convolveAsync(x, k, { threads: 2 }))).toEqual(bits(convolve(x, k)));
  });
  it('convolveAsync(x, k, { signal: aborted, threads: 2 }) rejects with an AbortError', async () => {
    const x = rand([64, 64], 'float32', 8);
    const k = rand([3, 3], 'float32', 9);
    await expect(convolveAsync(x, k, { method: 'direct', threads: 2, signal: AbortSignal.abort() })).rejects.toBeInstanceOf(AbortError);
  });
});

describe('convolveAsync (1-D overlap-save)', () => {
  it("convolveAsync(long x, k, { method: 'oa', threads: 1 | 2 }) gives identical bits, matching convolveRef", async () => {
    const x = rand([20011], 'float64', 11);
    const k = rand([101], 'float64', 12);
    const one = await convolveAsync(x, k, { method: 'oa', threads: 1 });
    const two = await convolveAsync(x, k, { method: 'oa', threads: 2 });
    expect(normErr(one, convolveRef(x, k))).toBeLessThan(1e-12);
    expect(bits(two)).toEqual(bits(one));
    const same = await convolveAsync(x, k, { method: 'oa', mode: 'same', boundary: 'reflect', threads: 2 });
    expect(normErr(same, convolveRef(x, k, { mode: 'same', boundary: 'reflect' }))).toBeLessThan(1e-12);
  });
});

describe('convolveAsync (tiled FFT)', () => {
  it('convolveAsync(x, 63², { threads: 2 }) returns an ordinary new output on the FFT paths, a shared one on the row paths', async () => {
    const x = rand([300, 300], 'float32', 15);
    const k = rand([63, 63], 'float32', 16);
    const fft = await convolveAsync(x, k, { mode: 'same', threads: 2 });
    expect(fft.data.buffer).toBeInstanceOf(ArrayBuffer); // filled from a pooled shared buffer
    expect(normErr(fft, convolveRef(x, k, { mode: 'same' }))).toBeLessThan(1e-5);
    const again = await convolveAsync(x, k, { mode: 'same', threads: 2 }); // the pooled buffers again
    expect(again.data).not.toBe(fft.data);
    expect(bits(again)).toEqual(bits(fft));
    const direct = await convolveAsync(x, rand([3, 3], 'float32', 17), { mode: 'same', threads: 2 });
    expect(direct.data.buffer).toBeInstanceOf(SharedArrayBuffer); // written by the workers in place
  });
  it('convolveAsync(x spanning 1e0…1e30, 63², { threads: 2 }) starts as FFT, is rejected by the scan and gives the direct bits', async () => {
    const x = zeros([200, 200], 'float64');
    for (let i = 0; i < x.size; i++) x.data[i] = 10 ** ((i % 31) - 0.5 * (i % 7)); // 1e-3 … 1e30
    const k = rand([63, 63], 'float64', 18);
    const two = await convolveAsync(x, k, { mode: 'same', threads: 2 });
    expect(bits(two)).toEqual(bits(convolve(x, k, { mode: 'same', method: 'direct' })));
    expect(bits(two)).toEqual(bits(await convolveAsync(x, k, { mode: 'same', threads: 1 })));
  });
  it('convolveAsync(x, 63², { threads: 1 | 2 | 3 }) (auto: tiled FFT, tiles claimed from a shared counter) gives identical bits', async () => {
    for (const dtype of ['float32', 'float64'] as const) {
      const [H, W, KH, KW] = [701, 523, 63, 61];
      const x = rand([H, W], dtype, 21);
      const k = rand([KH, KW], dtype, 22);
      const plane = fftTiles(x, k, zeros([H, W], dtype), { mode: 'same', boundary: 'constant', cval: 0 });
      expect(plane?.plan.tiles).toEqual([4, 3]); // 12 tiles: more than threads
      const one = await convolveAsync(x, k, { mode: 'same', threads: 1 });
      expect(bits(await convolveAsync(x, k, { mode: 'same', threads: 2 }))).toEqual(bits(one));
      expect(bits(await convolveAsync(x, k, { mode: 'same', threads: 3 }))).toEqual(bits(one));
      // without Atomics.waitAsync (some browsers) the plane is copied whole once every tile is in
      const atomics = Atomics as unknown as { waitAsync?: unknown };
      const waitAsync = atomics.waitAsync;
      delete atomics.waitAsync;
      try {
        expect(bits(await convolveAsync(x, k, { mode: 'same', threads: 2 }))).toEqual(bits(one));
      } finally {
        atomics.waitAsync = waitAsync;
      }
      // spot checks against the direct sum (same: out[i, j] = Σ x[i + 31 − a, j + 30 − b] k[a, b])
      for (const [i, j] of [
        [0, 0],
        [350, 261],
        [700, 522],
        [13, 500],
        [690, 7],
      ]) {
        let want = 0;
        for (let a = 0; a < KH; a++) {
          for (let b = 0; b < KW; b++) {
            const r = i + (KH >> 1) - a;
            const c = j + (KW >> 1) - b;
            if (r >= 0 && r < H && c >= 0 && c < W) want += x.data[r * W + c] * k.data[a * KW + b];
          }
        }
        expect(Math.abs(one.data[i * W + j] - want)).toBeLessThan(dtype === 'float32' ? 1e-3 : 1e-9);
      }
    }
  });
  it('convolveAsync(x, 63², { signal, threads: 2 }) aborted while its tiles run rejects with an AbortError (or had finished)', async () => {
    const x = rand([701, 523], 'float32', 23);
    const k = rand([63, 61], 'float32', 24);
    const want = bits(await convolveAsync(x, k, { mode: 'same', threads: 2 }));
    for (const ms of [0, 2, 5]) {
      const ctl = new AbortController();
      const run = convolveAsync(x, k, { mode: 'same', threads: 2, signal: ctl.signal });
      setTimeout(() => ctl.abort(), ms);
      const got = await run.then(
        (y) => bits(y),
        (e: unknown) => e,
      );
      if (Array.isArray(got)) expect(got).toEqual(want);
      else expect(got).toBeInstanceOf(AbortError);
    }
    expect(bits(await convolveAsync(x, k, { mode: 'same', threads: 2 }))).toEqual(want); // the pool still works
  });
  it('touchPages(a) writes 0 once per 4 KiB page and returns how many', () => {
    const a = new Float32Array(3000);
    a[1] = 5;
    expect(touchPages(a)).toBe(3);
    expect(touchPages(new Float64Array(1024))).toBe(2);
    expect(Array.from(a.subarray(0, 2))).toEqual([0, 5]);
  });
  it("convolveAsync(image [2, 300, 300], 15², { method: 'fft', threads: 1 | 2 }) splits tiles and gives identical bits", async () => {
    const x = rand([2, 300, 300], 'float32', 13);
    const k = rand([15, 15], 'float32', 14);
    const opts = { method: 'fft', mode: 'same', boundary: 'nearest' } as const;
    const plane = fftTiles(rand([300, 300], 'float32', 1), k, zeros([300, 300], 'float32'), { mode: 'same', boundary: 'nearest', cval: 0 });
    expect(plane?.plan.tiles).toEqual([6, 6]); // 36 tiles of 64² per channel
    const one = await convolveAsync(x, k, { ...opts, threads: 1 });
    const two = await convolveAsync(x, k, { ...opts, threads: 2 });
    expect(bits(two)).toEqual(bits(one));
    expect(normErr(two, convolve(x, k, { ...opts, method: 'direct' }))).toBeLessThan(1e-5);
  });
});

describe('correlateAsync (memory)', () => {
  it('correlateAsync(4096² x, 3², { threads: 2 }) 12 times with fresh outputs peaks under 3x input + output bytes', () => {
    // scripts/mem-w3.mjs in a child process, so the peak RSS is its own; dead shared outputs
    // used to stay mapped (V8 does not count them towards GC): 6x after 12 calls
    const m = runScript<{ ratio: number; calls: number }>('mem-w3.mjs', ['--calls', '12']);
    expect(m.calls).toBe(12);
    expect(m.ratio).toBeGreaterThan(1); // the input and one output at least
    expect(m.ratio).toBeLessThanOrEqual(3);
  }, 120_000);

  it('scripts/fresh-pages.mjs reports a fresh and a reused shared output written by two workers (a smoke run, no timing asserted)', () => {
    const m = runScript<{ mb: number; calls: number; fresh: number; reused: number }>(
      'fresh-pages.mjs',
      ['--mb', '2', '--calls', '2'],
      60_000,
      {
        dist: false,
      },
    );
    expect(m).toMatchObject({ mb: 2, calls: 2 });
    expect(m.fresh).toBeGreaterThanOrEqual(0);
    expect(m.reused).toBeGreaterThanOrEqual(0);
  }, 60_000);
});

describe('convolveAsync (memory, FFT paths)', () => {
  // scripts/mem-conv-fft.mjs in a child process, so the peak RSS is its own. Each call used to
  // send new shared buffers (input copy, kernel spectrum, output) to the workers, which held them
  // until they collected: 12.5x (2-D tiles) and 11.2x (1-D overlap-save) after 12 calls. The
  // bound leaves room for the fixed part: the pooled input copy and output, each worker's
  // transform state, and the dead outputs V8 lets pile up before it collects (as with 1 thread).
  const measure = (kind: '1d' | '2d') =>
    runScript<{ ratio: number; calls: number; kind: string }>('mem-conv-fft.mjs', [kind, '12'], 180_000);
  it("convolveAsync(2048² x, 63², { method: 'fft', threads: 2 }) 12 times with fresh outputs peaks under 8x input + output bytes", () => {
    const m = measure('2d');
    expect(m.calls).toBe(12);
    expect(m.ratio).toBeGreaterThan(1); // the input and one output at least
    expect(m.ratio).toBeLessThanOrEqual(8);
  }, 180_000);
  it("convolveAsync(4 M x, 1000 taps, { method: 'oa', threads: 2 }) 12 times with fresh outputs peaks under 6x input + output bytes", () => {
    const m = measure('1d');
    expect(m.calls).toBe(12);
    expect(m.ratio).toBeGreaterThan(1);
    expect(m.ratio).toBeLessThanOrEqual(6);
  }, 180_000);
});
