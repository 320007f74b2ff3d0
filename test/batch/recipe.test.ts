import { describe, expect, it } from 'vitest';
import { canonicalJson, DEFAULT_PATTERN, parseRecipe, parseRecipeText } from '../../src/batch/recipe.js';
import { ArgumentError } from '../../src/core/errors.js';

/** The `arg` (JSON path) of the error `fn` throws. */
function pathOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ArgumentError);
    expect((err as ArgumentError).message.startsWith(`${(err as ArgumentError).arg}: `)).toBe(true);
    return (err as ArgumentError).arg;
  }
  throw new Error('expected an error');
}

describe('parseRecipe', () => {
  it('parseRecipe(valid) fills defaults and finds the output format', () => {
    const r = parseRecipe({
      steps: [
        { step: 'filter', options: { kernel: 'gaussian:2' } },
        { step: 'convert', options: { format: 'npy' } },
      ],
    });
    expect(r.json).toEqual({
      version: 1,
      steps: [
        { step: 'filter', options: { kernel: 'gaussian:2' } },
        { step: 'convert', options: { format: 'npy' } },
      ],
      output: DEFAULT_PATTERN,
      maxPixels: 100_000_000,
    });
    expect(r.format).toBe('npy');
    expect(r.steps.map((s) => s.step.name)).toEqual(['filter', 'convert']);
  });

  it('parseRecipe(an unknown step) names steps[i].step', () => {
    expect(pathOf(() => parseRecipe({ steps: [{ step: 'convert' }, { step: 'sharpen-all' }] }))).toBe('steps[1].step');
  });

  it('parseRecipe(a bad option value) names steps[i].options.key', () => {
    expect(pathOf(() => parseRecipe({ steps: [{ step: 'filter', options: { kernel: 'gaussian:-1' } }] }))).toBe('steps[0].options.kernel');
    expect(pathOf(() => parseRecipe({ steps: [{ step: 'filter', options: { kernel: 'box:3', boundary: 'torus' } }] }))).toBe(
      'steps[0].options.boundary',
    );
    expect(pathOf(() => parseRecipe({ steps: [{ step: 'convert', options: { bitDepth: 12 } }] }))).toBe('steps[0].options.bitDepth');
  });

  it('parseRecipe(an unknown option) names it', () => {
    expect(pathOf(() => parseRecipe({ steps: [{ step: 'convert' }, { step: 'filter', options: { kernel: 'box', sigma: 2 } }] }))).toBe(
      'steps[1].options.sigma',
    );
  });

  it('parseRecipe(a missing required option) names it', () => {
    expect(pathOf(() => parseRecipe({ steps: [{ step: 'filter', options: {} }] }))).toBe('steps[0].options.kernel');
  });

  it('parseRecipe(bad top level) names steps, output, maxPixels, version or the unknown key', () => {
    expect(pathOf(() => parseRecipe({ steps: [] }))).toBe('steps');
    expect(pathOf(() => parseRecipe({}))).toBe('steps');
    expect(pathOf(() => parseRecipe({ steps: [{ step: 'convert' }], output: '{dir}/out.png' }))).toBe('output');
    expect(pathOf(() => parseRecipe({ steps: [{ step: 'convert' }], output: '{stem}.jpg' }))).toBe('output');
    expect(pathOf(() => parseRecipe({ steps: [{ step: 'convert' }], maxPixels: 0 }))).toBe('maxPixels');
    expect(pathOf(() => parseRecipe({ steps: [{ step: 'convert' }], version: 2 }))).toBe('version');
    expect(pathOf(() => parseRecipe({ steps: [{ step: 'convert' }], stpes: [] }))).toBe('stpes');
    expect(pathOf(() => parseRecipe([1]))).toBe('(recipe)');
  });

  it('parseRecipeText(not JSON) names the file', () => {
    expect(pathOf(() => parseRecipeText('{"steps": [', 'blur.json'))).toBe('blur.json');
  });
});

describe('canonicalJson', () => {
  it('canonicalJson(value) sorts keys at every depth', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe('{"a":[{"c":3,"d":2}],"b":1}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });
});
