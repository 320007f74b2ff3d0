import { afterAll, describe, expect, it } from 'vitest';
import { randomUniform } from '../../src/core/random.js';
import { sampleConvolve } from '../../src/diffusion/sample.js';
import { sampleConvolveAsync } from '../../src/diffusion/sample-async.js';
import { gaussian } from '../../src/filters/index.js';
import { destroyPools } from '../../src/parallel/get-pool.js';

// These tests start real Node workers from dist/parallel/: run `npx tsc -p tsconfig.build.json` first.
afterAll(destroyPools);

const K = [
  [1, -2, 0.5],
  [0, 3, -1],
];

describe('sampleConvolveAsync', () => {
  it('sampleConvolveAsync(x, k, { threads: 1 | 2 | 3 }) gives the same bits as sampleConvolve (float32 [C, H, W], float64 [H, W], odd sizes)', async () => {
    for (const x of [
      randomUniform([3, 37, 29], { seed: 1, dtype: 'float32', hi: 255 }),
      randomUniform([41, 1], { seed: 2, dtype: 'float64' }),
    ]) {
      const want = sampleConvolve(x, K, { samples: 9, seed: 4, boundary: 'wrap' });
      for (const threads of [1, 2, 3]) {
        const got = await sampleConvolveAsync(x, K, { samples: 9, seed: 4, boundary: 'wrap', threads });
        expect(got.mean.dtype).toBe(want.mean.dtype);
        expect(Array.from(got.mean.data)).toEqual(Array.from(want.mean.data));
        expect(Array.from(got.variance.data)).toEqual(Array.from(want.variance.data));
      }
    }
  });

  it('sampleConvolveAsync(1024², gaussian:2, { samples: 64, threads: 2 }) — measured against one thread', async () => {
    const big = randomUniform([1024, 1024], { seed: 1, dtype: 'float32', hi: 255 });
    const k = gaussian(2);
    await sampleConvolveAsync(big, k, { samples: 2, threads: 2 }); // start the workers
    const t0 = performance.now();
    const two = await sampleConvolveAsync(big, k, { samples: 64, seed: 1, threads: 2 });
    const ms2 = performance.now() - t0;
    const t1 = performance.now();
    const one = sampleConvolve(big, k, { samples: 64, seed: 1 });
    const ms1 = performance.now() - t1;
    console.log(`sampleConvolve 1024² × 64 samples: 1 thread ${ms1.toFixed(0)} ms, 2 workers ${ms2.toFixed(0)} ms`);
    expect(two.mean.data[12345]).toBe(one.mean.data[12345]);
    expect(ms2).toBeLessThan(10_000);
  });
});
