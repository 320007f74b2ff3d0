/**
 * WB — batch throughput: n encoded PNGs (size × size RGB, seeded random pixels) through the
 * 3-step recipe gaussian:2 → sobel → gray, one `batch.process` pool task per image with a window
 * of 2 × threads in flight — the compute of `convolab batch` without its file I/O, so it runs in
 * a browser too. Compare `--threads 1` and `--threads 2` for scaling. The distributed overhead
 * (BullMQ workers vs the local pool) needs Redis: docs/batch.md, "Measuring", says how.
 */

import { parseRecipe, type RecipeJson } from '../../batch/recipe.js';
import { NDArray } from '../../core/ndarray.js';
import { Rng } from '../../core/rng.js';
import { encodePng } from '../../io/png.js';
import { createPool } from '../../parallel/get-pool.js';
import type { Pool } from '../../parallel/pool.js';
import type { CaseParams, SetupOptions, Workload } from '../workload.js';

export const BATCH_RECIPE = {
  steps: [
    { step: 'filter', options: { kernel: 'gaussian:2' } },
    { step: 'filter', options: { kernel: 'sobel' } },
    { step: 'convert', options: { color: 'gray' } },
  ],
};

interface State {
  pool: Pool;
  images: Uint8Array[]; // n PNG files
  recipe: RecipeJson;
}

/** Runs every image through the pool with at most `window` in flight; returns the total output bytes. */
export async function runWindowed(pool: Pool, images: readonly Uint8Array[], recipe: RecipeJson, window: number): Promise<number> {
  let next = 0;
  let total = 0;
  const lane = async () => {
    while (next < images.length) {
      const i = next++;
      const out = await pool.run<{ bytes: Uint8Array }>('batch.process', { bytes: images[i], recipe, name: `image ${i}` });
      total += out.bytes.length;
    }
  };
  await Promise.all(Array.from({ length: Math.min(window, images.length) }, lane));
  return total;
}

export const wBatch: Workload<State> = {
  id: 'WB',
  description: 'batch: n PNGs (size² RGB) through gaussian:2 → sobel → gray on the worker pool',
  params: ['n', 'size'],
  cases: [{ n: 200, size: 64 }],
  repeats: 3,
  parallel: true,
  setup(params: CaseParams, { seed, threads }: SetupOptions): State {
    const n = Number(params.n);
    const size = Number(params.size);
    const rng = new Rng(seed);
    const images = Array.from({ length: n }, () => {
      const image = new NDArray('float32', [3, size, size]);
      rng.fillUniform(image.data, 0, 255);
      for (let i = 0; i < image.data.length; i++) image.data[i] = Math.round(image.data[i]);
      return encodePng(image);
    });
    return { pool: createPool({ threads }), images, recipe: parseRecipe(BATCH_RECIPE).json };
  },
  run: (s) => runWindowed(s.pool, s.images, s.recipe, 2 * s.pool.size),
  teardown: (s) => s.pool.destroy(),
  work: (params) => ({ amount: Number(params.n), unit: 'images' }),
  anchors: [],
};
