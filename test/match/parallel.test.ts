import { afterAll, describe, expect, it } from 'vitest';
import { fromArray } from '../../src/core/index.js';
import { MATCH_METHODS, matchTemplate, matchTemplateAsync } from '../../src/match/index.js';
import { destroyPools } from '../../src/parallel/index.js';
import { maxDiff, randImage } from './helpers.js';

afterAll(() => destroyPools());

describe('matchTemplateAsync', () => {
  for (const threads of [1, 2, 3]) {
    it(`matchTemplateAsync(image, template, { threads: ${threads} }) equals matchTemplate for every method (1 and 3 channels)`, async () => {
      for (const [shape, tshape] of [
        [
          [67, 45],
          [9, 12],
        ],
        [
          [3, 40, 53],
          [3, 7, 5],
        ],
      ]) {
        const img = randImage(shape, 1);
        const tpl = randImage(tshape, 2);
        for (const method of MATCH_METHODS) {
          const want = matchTemplate(img, tpl, { method, engine: 'fft' });
          const got = await matchTemplateAsync(img, tpl, { method, engine: 'fft', threads });
          expect(got.shape).toEqual(want.shape);
          expect(got.dtype).toBe('float32');
          expect(maxDiff(got.data, want.data, true)).toBeLessThan(1e-6);
        }
      }
    });
  }

  it('matchTemplateAsync(one-channel uint8 / float64 image, { engine: fft, threads: 2 }) equals matchTemplate (tiled correlation, 2+ tiles)', async () => {
    for (const dtype of ['uint8', 'float64'] as const) {
      const img = randImage([301, 277], 5, dtype, true);
      const tpl = randImage([40, 33], 6, dtype, true);
      for (const method of ['ccoeff_normed', 'sqdiff', 'ccorr'] as const) {
        const want = matchTemplate(img, tpl, { method, engine: 'fft' });
        const got = await matchTemplateAsync(img, tpl, { method, engine: 'fft', threads: 2 });
        expect(got.dtype).toBe(dtype === 'float64' ? 'float64' : 'float32');
        expect(maxDiff(got.data, want.data, true), `${dtype} ${method}`).toBeLessThan(1e-6);
      }
    }
  });

  it('matchTemplateAsync(image, template, { mask, threads: 2 }) runs the masked path on the calling thread', async () => {
    const img = randImage([30, 30], 3, 'float64');
    const tpl = randImage([5, 6], 4, 'float64');
    const mask = fromArray(new Float64Array(30).fill(1), 'float64', [5, 6]);
    const got = await matchTemplateAsync(img, tpl, { mask, threads: 2 });
    expect(got.dtype).toBe('float64');
    expect(maxDiff(got.data, matchTemplate(img, tpl).data, true)).toBeLessThan(1e-9);
  });
});
