import { afterAll, describe, expect, it } from 'vitest';
import { w7 } from '../../../src/bench/workloads/w7-conv1d.js';
import { chooseMethod, convolve } from '../../../src/conv/index.js';
import { destroyPools } from '../../../src/parallel/get-pool.js';

afterAll(destroyPools);

describe('W7 1-D workload', () => {
  it('w7.run(setup({ n: 50000, kernel: 1000 })) returns out[1] of the full convolution; auto picks oa', async () => {
    const state = await w7.setup({ n: 50000, kernel: 1000 }, { seed: 6, threads: 1 });
    expect(chooseMethod(state.x, state.k).method).toBe('oa');
    const want = convolve(state.x, state.k, { method: 'direct' });
    expect(await w7.run(state)).toBeCloseTo(want.data[1], 10);
    expect(w7.work({ n: 50000, kernel: 1000 }).amount).toBe(1e8);
  });
});
