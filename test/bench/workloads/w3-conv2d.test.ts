import { afterAll, describe, expect, it } from 'vitest';
import { w3 } from '../../../src/bench/workloads/w3-conv2d.js';
import { correlate } from '../../../src/conv/index.js';
import { destroyPools } from '../../../src/parallel/get-pool.js';

afterAll(destroyPools);

describe('W3 conv2d workload', () => {
  it("w3.run(setup({ size: 64, kernel: 3, output: 'reuse' })) returns out[1] of the mirror-border same correlation", async () => {
    for (const output of ['new', 'reuse']) {
      const params = { size: 64, kernel: 3, boundary: 'mirror', output };
      const state = await w3.setup(params, { seed: 5, threads: 2 });
      expect(state.x.data.buffer).toBeInstanceOf(SharedArrayBuffer); // the workers read it in place
      expect(state.out === undefined).toBe(output === 'new');
      const want = correlate(state.x, state.k, { mode: 'same', boundary: 'mirror' });
      expect(await w3.run(state)).toBe(want.data[1]);
    }
    expect(w3.work({ size: 64, kernel: 3 })).toEqual({ amount: 2 * 64 * 64 * 9, unit: 'FLOP' });
    expect(w3.anchors.map((a) => a.name)).toEqual(['cv2.filter2D', 'scipy.ndimage.convolve']);
  });
});
