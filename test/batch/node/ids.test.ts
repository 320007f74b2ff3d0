import { describe, expect, it } from 'vitest';
import { itemId, recipeKey } from '../../../src/batch/node/ids.js';
import { parseRecipe } from '../../../src/batch/recipe.js';

describe('ids', () => {
  it('recipeKey(json) is equal for equal recipes and differs when an option changes', () => {
    const a = parseRecipe({ steps: [{ step: 'filter', options: { kernel: 'box:3', boundary: 'wrap' } }] }).json;
    const b = parseRecipe({ steps: [{ step: 'filter', options: { boundary: 'wrap', kernel: 'box:3' } }] }).json;
    const c = parseRecipe({ steps: [{ step: 'filter', options: { kernel: 'box:5', boundary: 'wrap' } }] }).json;
    expect(recipeKey(a)).toBe(recipeKey(b));
    expect(recipeKey(a)).not.toBe(recipeKey(c));
  });

  it('itemId(key, path) is "b" + 32 hex digits, stable, and depends on both', () => {
    const id = itemId('k', '/a.png');
    expect(id).toMatch(/^b[0-9a-f]{32}$/);
    expect(itemId('k', '/a.png')).toBe(id);
    expect(itemId('k', '/b.png')).not.toBe(id);
    expect(itemId('k2', '/a.png')).not.toBe(id);
  });
});
