import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processItem } from '../../../src/batch/node/item.js';
import { processBytes } from '../../../src/batch/process.js';
import { parseRecipe } from '../../../src/batch/recipe.js';
import { IOError } from '../../../src/core/errors.js';
import { encodePng } from '../../../src/io/png.js';
import { tempDir, tinyImage } from '../helpers.js';

const recipe = parseRecipe({ steps: [{ step: 'filter', options: { kernel: 'box:5' } }] });

describe('processItem', () => {
  it('processItem(data) writes the output; a second delivery finds it identical ("same")', async () => {
    const dir = tempDir();
    const input = join(dir, 'a.png');
    writeFileSync(input, encodePng(tinyImage(5)));
    const data = { input, outDir: join(dir, 'out'), output: 'x/a.png', recipe: recipe.json, force: false };
    expect(await processItem(data)).toEqual({ output: 'x/a.png', outcome: 'written' });
    expect(await processItem(data)).toEqual({ output: 'x/a.png', outcome: 'same' });
    expect(readFileSync(join(dir, 'out/x/a.png')).equals(processBytes(readFileSync(input), recipe, input).bytes)).toBe(true);
  });

  it('processItem(missing input | output = input) throws an IOError', async () => {
    const dir = tempDir();
    await expect(
      processItem({ input: join(dir, 'no.png'), outDir: dir, output: 'o.png', recipe: recipe.json, force: false }),
    ).rejects.toThrow(IOError);
    writeFileSync(join(dir, 'a.png'), encodePng(tinyImage(5)));
    await expect(
      processItem({ input: join(dir, 'a.png'), outDir: dir, output: 'a.png', recipe: recipe.json, force: true }),
    ).rejects.toThrow(/would overwrite the input/);
  });
});
