import { describe, expect, it } from 'vitest';
import type { Item } from '../../../src/batch/step.js';
import { convert } from '../../../src/batch/steps/convert.js';
import { fromArray } from '../../../src/core/ndarray.js';

const rgba = (): Item => ({
  image: fromArray([10, 20, 30, 40, 50, 60, 255, 128], 'float32', [4, 1, 2]),
  format: 'png',
  bitDepth: 8,
});

describe('convert step', () => {
  it('convert.apply(item, {format, bitDepth}) sets how the item is written', () => {
    const o = convert.parse({ format: 'npy' }, 'p');
    expect(convert.outputFormat?.(o)).toBe('npy');
    const out = convert.apply(rgba(), o, 'x');
    expect(out.format).toBe('npy');
    expect(out.image.shape).toEqual([4, 1, 2]);
    expect(convert.apply(rgba(), convert.parse({ bitDepth: 16 }, 'p'), 'x').bitDepth).toBe(16);
  });

  it('convert.apply(item, {color: "gray"}) gives BT.601 luma, {color: "drop-alpha"} three channels', () => {
    const gray = convert.apply(rgba(), convert.parse({ color: 'gray' }, 'p'), 'x');
    expect(gray.image.shape).toEqual([1, 1, 2]);
    expect(gray.image.data[0]).toBeCloseTo(0.299 * 10 + 0.587 * 30 + 0.114 * 50, 4);
    expect(convert.apply(rgba(), convert.parse({ color: 'drop-alpha' }, 'p'), 'x').image.shape).toEqual([3, 1, 2]);
  });

  it('convert.parse(bad) names the option path', () => {
    expect(() => convert.parse({ format: 'jpg' }, 'steps[2].options')).toThrow(
      'steps[2].options.format: expected one of "png", "npy", got "jpg"',
    );
  });
});
