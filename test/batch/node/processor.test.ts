import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutputExistsError } from '../../../src/batch/node/output.js';
import process, { classify } from '../../../src/batch/node/processor.js';
import { parseRecipe } from '../../../src/batch/recipe.js';
import { DecodeError, IOError, LimitError } from '../../../src/core/errors.js';
import { tempDir } from '../helpers.js';

describe('processor', () => {
  it('classify(err) makes decode, limit, argument and output-exists errors unrecoverable; plain I/O errors retryable', () => {
    expect(classify(new DecodeError('a.png: bad', 'a.png'))).toMatchObject({ name: 'UnrecoverableError', message: 'E_DECODE: a.png: bad' });
    expect(classify(new LimitError('big', 'b')).name).toBe('UnrecoverableError');
    expect(classify(new OutputExistsError('/o/x.png')).name).toBe('UnrecoverableError');
    expect(classify(new IOError('/in/a.png: cannot read (EIO)', 'a')).name).toBe('Error');
    expect(classify('boom')).toMatchObject({ name: 'Error', message: 'boom' });
  });

  it('process(job) with a corrupt input rejects with an UnrecoverableError naming it', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.png'), 'xx');
    const data = {
      input: join(dir, 'bad.png'),
      outDir: dir,
      output: 'o.png',
      recipe: parseRecipe({ steps: [{ step: 'convert' }] }).json,
      force: false,
    };
    await expect(process({ data })).rejects.toMatchObject({ name: 'UnrecoverableError', message: expect.stringContaining('bad.png') });
  });
});
