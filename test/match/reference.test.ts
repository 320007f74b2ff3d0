import { describe, expect, it } from 'vitest';
import { fromArray } from '../../src/core/index.js';
import { matchTemplateRef } from '../../src/match/index.js';

describe('matchTemplateRef', () => {
  // image [1, 4], template [1, 2]: windows (1, 2), (2, 4), (4, 3) against (1, 2)
  const img = fromArray([1, 2, 4, 3], 'float64', [1, 4]);
  const tpl = fromArray([1, 2], 'float64', [1, 2]);
  const cases: Array<[string, number[]]> = [
    ['sqdiff', [0, 5, 10]],
    ['ccorr', [5, 10, 10]],
    ['ccorr_normed', [1, 10 / Math.sqrt(20 * 5), 10 / Math.sqrt(25 * 5)]],
    ['sqdiff_normed', [0, 5 / Math.sqrt(20 * 5), 10 / Math.sqrt(25 * 5)]],
    ['ccoeff', [0.5, 1, -0.5]],
    ['ccoeff_normed', [1, 1, -1]],
  ];
  for (const [method, want] of cases) {
    it(`matchTemplateRef(image, template, { method: '${method}' }) gives the hand-computed scores`, () => {
      const got = matchTemplateRef(img, tpl, { method: method as 'ccoeff' });
      expect(got.shape).toEqual([1, 3]);
      for (let i = 0; i < 3; i++) expect(got.data[i]).toBeCloseTo(want[i], 12);
    });
  }

  it('matchTemplateRef(image, template, { mask }) weights cells by mask²: a zero cell is ignored', () => {
    const mask = fromArray([1, 0], 'float64', [1, 2]);
    const got = matchTemplateRef(img, tpl, { method: 'sqdiff', mask });
    expect([...got.data]).toEqual([0, 1, 9]); // (I₀ − 1)² only
  });
});
