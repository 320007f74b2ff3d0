import { afterAll, describe, expect, it } from 'vitest';
import { processBytes } from '../../src/batch/process.js';
import { parseRecipe } from '../../src/batch/recipe.js';
import { processTask } from '../../src/batch/task.js';
import { DecodeError } from '../../src/core/errors.js';
import { decodeImage } from '../../src/io/image.js';
import { encodePng } from '../../src/io/png.js';
import { createPool } from '../../src/parallel/get-pool.js';
import { inlineContext } from '../../src/parallel/task.js';
import { tinyImage } from './helpers.js';

const recipe = parseRecipe({ steps: [{ step: 'filter', options: { kernel: 'sharpen', boundary: 'mirror' } }] });
const pool = createPool({ threads: 2 });
afterAll(() => pool.destroy());

describe('processTask', () => {
  it('processTask(args, inline) equals processBytes', () => {
    const bytes = encodePng(tinyImage(9));
    const out = processTask({ bytes, recipe: recipe.json, name: 'a.png' }, inlineContext('batch.process'));
    expect(Buffer.from(out.bytes).equals(Buffer.from(processBytes(bytes, recipe, 'a.png').bytes))).toBe(true);
  });

  it("pool.run('batch.process', args) on a worker thread gives the same bytes; errors keep their class", async () => {
    const bytes = encodePng(tinyImage(10));
    const expected = processBytes(bytes, recipe, 'b.png').bytes;
    const out = await pool.run<{ bytes: Uint8Array; shape: number[] }>('batch.process', {
      bytes: bytes.slice(),
      recipe: recipe.json,
      name: 'b.png',
    });
    expect(Buffer.from(out.bytes).equals(Buffer.from(expected))).toBe(true);
    expect(out.shape).toEqual([3, 12, 10]);
    expect(decodeImage(out.bytes).image.shape).toEqual([3, 12, 10]);
    await expect(pool.run('batch.process', { bytes: new Uint8Array(4), recipe: recipe.json, name: 'c.png' })).rejects.toThrow(DecodeError);
  });
});
