import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { type Dataset, fillBatch, permutation, shareDataset } from '../../src/nn/data.js';

const ds: Dataset = {
  count: 2,
  sampleShape: [1, 2, 3],
  images: new Uint8Array([0, 51, 102, 153, 204, 255, 255, 0, 0, 0, 0, 0]),
  labels: new Uint8Array([0, 1]),
  classes: ['a', 'b'],
};

describe('data', () => {
  it('fillBatch(uint8 data, order) scales to [0, 1] in the given order', () => {
    const out = new Float32Array(12);
    fillBatch(ds, [1, 0], 0, 2, out);
    expect(out[0]).toBe(1);
    expect(Array.from(out.subarray(6), (v) => Math.round(v * 255))).toEqual([0, 51, 102, 153, 204, 255]);
  });

  it('fillBatch with flip mirrors rows and with shift fills zeros', () => {
    const out = new Float32Array(6);
    // Find a seed whose first draw flips without shifting.
    fillBatch(ds, [0], 0, 1, out, { flip: true }, { random: () => 0.1, int: () => 0 } as unknown as Rng);
    expect(Array.from(out, (v) => Math.round(v * 255))).toEqual([102, 51, 0, 255, 204, 153]);
    fillBatch(ds, [0], 0, 1, out, { shift: 1 }, { random: () => 0.9, int: () => 2 } as unknown as Rng); // dy = dx = +1
    expect(Array.from(out, (v) => Math.round(v * 255))).toEqual([0, 0, 0, 0, 0, 51]);
  });

  it('permutation(n, rng) is a seeded permutation', () => {
    const p = permutation(10, new Rng(1));
    expect([...p].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect([...permutation(10, new Rng(1))]).toEqual([...p]);
  });

  it('shareDataset copies into SharedArrayBuffers', () => {
    const s = shareDataset(ds);
    expect(s.images.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect([...s.labels]).toEqual([0, 1]);
    expect(shareDataset(s).images).toBe(s.images);
  });
});
