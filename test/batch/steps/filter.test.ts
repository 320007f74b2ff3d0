import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Item } from '../../../src/batch/step.js';
import { filter, toByteRange } from '../../../src/batch/steps/filter.js';
import { fromArray, NDArray } from '../../../src/core/ndarray.js';

interface GoldenCase {
  options: Record<string, unknown>;
  shape: [number, number, number];
  expected: number[];
}
const golden = JSON.parse(readFileSync(new URL('../../golden/batch/filter.json', import.meta.url), 'utf8')) as { cases: GoldenCase[] };

/** The golden input: v[c, y, x] = (97c + 57y + 23x + 3xy) mod 256 (scripts/golden/batch.py). */
function goldenImage([C, H, W]: number[]): NDArray<'float32'> {
  const a = new NDArray('float32', [C, H, W]);
  for (let c = 0; c < C; c++)
    for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) a.data[(c * H + y) * W + x] = (97 * c + 57 * y + 23 * x + 3 * x * y) % 256;
  return a;
}

describe('filter step', () => {
  for (const g of golden.cases) {
    it(`filter.apply(item, ${JSON.stringify(g.options)}) matches scipy.ndimage.correlate + the output mapping`, () => {
      const options = filter.parse(g.options, 'steps[0].options');
      const item: Item = { image: goldenImage(g.shape), format: 'npy', bitDepth: 16 };
      const out = filter.apply(item, options, 'golden');
      expect(out.format).toBe('png');
      expect(out.bitDepth).toBe(8);
      expect(out.image.shape).toEqual(g.shape);
      let worst = 0;
      for (let i = 0; i < g.expected.length; i++) worst = Math.max(worst, Math.abs(out.image.data[i] - g.expected[i]));
      expect(worst).toBeLessThan(1e-3);
    });
  }

  it('filter.parse(options) defaults to boundary reflect, cval 0, output clip', () => {
    const o = filter.parse({ kernel: 'sobel' }, 'p');
    expect(o.boundary).toBe('reflect');
    expect(o.cval).toBe(0);
    expect(o.output).toBe('clip');
    expect(o.kernel.combine).toBe('magnitude');
    expect(filter.parse({ kernel: 'box:3', boundary: 'replicate' }, 'p').boundary).toBe('nearest');
    expect(filter.parse({ kernel: 'sobel-x', output: 'offset' }, 'p').offset).toBe(128);
    expect(() => filter.parse({ kernel: 'sobel-x', offset: 3 }, 'p')).toThrow('p.offset: applies only with "output": "offset"');
  });

  it('toByteRange(a, mode) clips, takes |a| or stretches min..max to 0..255, NaN to 0', () => {
    const a = fromArray([-10, 0, 100, 300, Number.NaN], 'float64');
    expect(Array.from(toByteRange(a, 'clip').data)).toEqual([0, 0, 100, 255, 0]);
    expect(Array.from(toByteRange(a, 'abs').data)).toEqual([10, 0, 100, 255, 0]);
    expect(Array.from(toByteRange(fromArray([-10, 0, 90], 'float64'), 'normalize').data)).toEqual([0, 25.5, 255]);
    expect(Array.from(toByteRange(fromArray([7, 7], 'float64'), 'normalize').data)).toEqual([0, 0]);
    const inf = fromArray([Number.NEGATIVE_INFINITY, 0, 10, Number.POSITIVE_INFINITY], 'float64');
    expect(Array.from(toByteRange(inf, 'normalize').data)).toEqual([0, 0, 255, 255]);
    expect(Array.from(toByteRange(fromArray([-200, -10, 10, 200], 'float64'), 'offset', 128).data)).toEqual([0, 118, 138, 255]);
  });
});
