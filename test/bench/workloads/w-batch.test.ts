import { describe, expect, it } from 'vitest';
import { processBytes } from '../../../src/batch/process.js';
import { parseRecipe } from '../../../src/batch/recipe.js';
import { BATCH_RECIPE, runWindowed, wBatch } from '../../../src/bench/workloads/w-batch.js';

describe('WB batch workload', () => {
  it('wBatch.run(setup({n: 6, size: 16})) processes every image: total bytes equal processBytes’', async () => {
    const state = wBatch.setup({ n: 6, size: 16 }, { seed: 1, threads: 2 }) as Awaited<ReturnType<typeof wBatch.setup>>;
    try {
      const recipe = parseRecipe(BATCH_RECIPE);
      const expected = state.images.reduce((s, b, i) => s + processBytes(b, recipe, `image ${i}`).bytes.length, 0);
      expect(await wBatch.run(state)).toBe(expected);
      expect(await runWindowed(state.pool, state.images.slice(0, 2), state.recipe, 8)).toBe(
        processBytes(state.images[0], recipe, 'a').bytes.length + processBytes(state.images[1], recipe, 'b').bytes.length,
      );
      expect(wBatch.work({ n: 6, size: 16 })).toEqual({ amount: 6, unit: 'images' });
    } finally {
      await wBatch.teardown?.(state);
    }
  });
});
