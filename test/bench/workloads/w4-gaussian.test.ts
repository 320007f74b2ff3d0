import { afterAll, describe, expect, it } from 'vitest';
import { w4 } from '../../../src/bench/workloads/w4-gaussian.js';
import { chooseMethod, convolve } from '../../../src/conv/index.js';
import { destroyPools } from '../../../src/parallel/get-pool.js';

afterAll(destroyPools);

describe('W4 Gaussian workload', () => {
  it('w4.run(setup({ size: 96, sigma: 5 })) blurs with the 41-tap float32 Gaussian, which auto runs as separable', async () => {
    const state = await w4.setup({ size: 96, sigma: 5, output: 'new' }, { seed: 3, threads: 1 });
    expect(state.k.shape).toEqual([41, 41]);
    expect(state.k.dtype).toBe('float32');
    expect(chooseMethod(state.x, state.k, { mode: 'same' }).method).toBe('separable');
    const want = convolve(state.x, state.k, { mode: 'same', boundary: 'mirror', method: 'direct' });
    expect(await w4.run(state)).toBeCloseTo(want.data[1], 5);
  });
});
