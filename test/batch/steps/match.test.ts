import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recipeOf } from '../../../src/batch/process.js';
import { parseRecipe } from '../../../src/batch/recipe.js';
import { match } from '../../../src/batch/steps/match.js';
import type { NDArray } from '../../../src/core/ndarray.js';
import { encodePng } from '../../../src/io/png.js';
import { tempDir, tinyImage } from '../helpers.js';

const env = { readFile: (p: string) => readFileSync(p) };

/** A 3-channel image with the template pasted at (x, y). */
function scene(template: NDArray<'float32'>, x: number, y: number): NDArray<'float32'> {
  const image = tinyImage(77, 3, 30, 40);
  const [C, h, w] = template.shape;
  for (let c = 0; c < C; c++)
    for (let r = 0; r < h; r++) for (let q = 0; q < w; q++) image.data[(c * 30 + y + r) * 40 + x + q] = template.data[(c * h + r) * w + q];
  return image;
}

describe('match step', () => {
  it('match.apply(scene) finds the pasted template at its top-left corner with score ≈ 1', () => {
    const dir = tempDir();
    const template = tinyImage(5, 3, 7, 9);
    writeFileSync(join(dir, 't.png'), encodePng(template));
    const o = match.parse({ template: join(dir, 't.png'), top: 2 }, 'p', env);
    const out = match.apply({ image: scene(template, 21, 13), format: 'png', bitDepth: 8 }, o, 'x');
    const matches = out.info?.matches as { x: number; y: number; score: number }[];
    expect(matches[0].x).toBe(21);
    expect(matches[0].y).toBe(13);
    expect(matches[0].score).toBeCloseTo(1, 4);
    expect(matches[1].score).toBeLessThan(0.9);
    expect(out.image.shape).toEqual([3, 30, 40]); // boxes drawn on the image
    const map = match.apply({ image: scene(template, 21, 13), format: 'png', bitDepth: 8 }, { ...o, draw: 'map' }, 'x');
    expect(map.image.shape).toEqual([1, 24, 32]);
    expect(map.image.data[13 * 32 + 21]).toBeCloseTo(255, 3);
  });

  it('match.parse(missing template | no file system) names steps[i].options.template', () => {
    expect(() => match.parse({ template: '/nowhere/t.png' }, 'steps[1].options', env)).toThrow(
      'steps[1].options.template: /nowhere/t.png: cannot read the template (no such file)',
    );
    expect(() => match.parse({ template: 't.png' }, 's', {})).toThrow('s.template: t.png: reading a template needs a file system');
    expect(() => match.parse({}, 's', env)).toThrow('s.template: missing');
  });

  it('parseRecipe(match recipe, env) stores the resolved template path; recipeOf(json) reads it again in a worker', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 't.png'), encodePng(tinyImage(5, 1, 4, 4)));
    const r = parseRecipe(
      { steps: [{ step: 'match', options: { template: 't.png', method: 'sqdiff' } }] },
      { ...env, resolvePath: (p) => join(dir, p) },
    );
    expect(r.json.steps[0].options.template).toBe(join(dir, 't.png'));
    expect((recipeOf(r.json).steps[0].options as { template: NDArray }).template.shape).toEqual([1, 4, 4]);
  });
});
