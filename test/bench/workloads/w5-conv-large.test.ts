import { afterAll, describe, expect, it } from 'vitest';
import { w5 } from '../../../src/bench/workloads/w5-conv-large.js';
import { chooseMethod, convolve } from '../../../src/conv/index.js';
import { destroyPools } from '../../../src/parallel/get-pool.js';

afterAll(destroyPools);

describe('W5 large-kernel workload', () => {
  it('w5.run(setup({ size: 128, kernel: 63 })) matches direct; auto picks fft for the case', async () => {
    const state = await w5.setup({ size: 128, kernel: 63, boundary: 'constant' }, { seed: 4, threads: 1 });
    expect(chooseMethod(state.x, state.k, { mode: 'same' }).method).toBe('fft');
    const want = convolve(state.x, state.k, { mode: 'same', method: 'direct' });
    expect(Math.abs((await w5.run(state)) as number) - Math.abs(want.data[1])).toBeLessThan(1e-3);
  });
});
