import { describe, expect, it } from 'vitest';
import { processBytes, recipeOf } from '../../src/batch/process.js';
import { parseRecipe } from '../../src/batch/recipe.js';
import { DecodeError, LimitError } from '../../src/core/errors.js';
import { decodeImage } from '../../src/io/image.js';
import { parseNpy } from '../../src/io/npy.js';
import { encodePng } from '../../src/io/png.js';
import { bombPng, tinyImage, truncatedPng } from './helpers.js';

describe('processBytes', () => {
  it('processBytes(png, identity filter) returns the same pixels as a PNG', () => {
    const image = tinyImage(3);
    const out = processBytes(encodePng(image), parseRecipe({ steps: [{ step: 'filter', options: { kernel: 'identity' } }] }), 'a.png');
    expect(out.format).toBe('png');
    expect(out.shape).toEqual([3, 12, 10]);
    expect(Array.from(decodeImage(out.bytes).image.data)).toEqual(Array.from(image.data));
  });

  it('processBytes(png, [box:3, convert npy + gray]) writes float32 .npy of the luma of the blur', () => {
    const image = tinyImage(4, 3, 5, 6);
    const recipe = parseRecipe({
      steps: [
        { step: 'filter', options: { kernel: 'box:3', boundary: 'nearest' } },
        { step: 'convert', options: { format: 'npy', color: 'gray' } },
      ],
    });
    const a = parseNpy(processBytes(encodePng(image), recipe, 'a.png').bytes);
    expect(a.dtype).toBe('float32');
    expect(a.shape).toEqual([1, 5, 6]);
    // pixel (2, 3) is interior: the mean of its 3×3 neighbourhood per channel, then luma
    const mean = (c: number) => {
      let s = 0;
      for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) s += image.data[c * 30 + (2 + dy) * 6 + 3 + dx];
      return s / 9;
    };
    expect(a.data[2 * 6 + 3]).toBeCloseTo(0.299 * mean(0) + 0.587 * mean(1) + 0.114 * mean(2), 3);
  });

  it('processBytes(corrupt | bomb) throws DecodeError | LimitError naming the input', () => {
    const recipe = parseRecipe({ steps: [{ step: 'convert' }] });
    expect(() => processBytes(new Uint8Array([1, 2, 3]), recipe, 'junk.png')).toThrow(DecodeError);
    expect(() => processBytes(truncatedPng(1), recipe, 'half.png')).toThrow(/half\.png/);
    expect(() => processBytes(bombPng(), recipe, 'bomb.png')).toThrow(LimitError);
    expect(() => processBytes(bombPng(), recipe, 'bomb.png')).toThrow(/bomb\.png/);
  });
});

describe('recipeOf', () => {
  it('recipeOf(json) parses once per distinct recipe', () => {
    const json = parseRecipe({ steps: [{ step: 'convert' }] }).json;
    expect(recipeOf(json)).toBe(recipeOf(structuredClone(json)));
    expect(recipeOf({ ...json, maxPixels: 5 }).json.maxPixels).toBe(5);
  });
});
