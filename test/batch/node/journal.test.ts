import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JOURNAL_FILE, Journal } from '../../../src/batch/node/journal.js';
import { tempDir } from '../helpers.js';

describe('Journal', () => {
  it('Journal.open(dir).record(entry) appends lines that a reopened journal reads back as done', async () => {
    const dir = tempDir();
    const j = await Journal.open(dir);
    await Promise.all([
      j.record({ t: 'done', id: 'b1', input: '/a.png', output: 'a.png' }),
      j.record({ t: 'failed', id: 'b2', input: '/b.png', error: { code: 'E_DECODE', message: 'bad' } }),
      j.record({ t: 'done', id: 'b3', input: '/c.png', output: 'c.png' }),
    ]);
    await j.close();
    const lines = readFileSync(join(dir, JOURNAL_FILE), 'utf8').trim().split('\n');
    expect(lines.map((l) => JSON.parse(l).id)).toEqual(['b1', 'b2', 'b3']);
    const again = await Journal.open(dir);
    expect([...again.done].sort()).toEqual(['b1', 'b3']);
    await again.close();
  });

  it('Journal.open(dir) ignores a line cut short by a crash and starts the next on a new line', async () => {
    const dir = tempDir();
    appendFileSync(join(dir, JOURNAL_FILE), '{"t":"done","id":"b1","input":"/a"}\n{"t":"done","id":"b2","inp');
    const j = await Journal.open(dir);
    expect([...j.done]).toEqual(['b1']);
    await j.record({ t: 'done', id: 'b3', input: '/c' });
    await j.close();
    const reopened = await Journal.open(dir);
    expect([...reopened.done].sort()).toEqual(['b1', 'b3']);
    await reopened.close();
  });

  it('Journal.open(dir) treats an item that failed after it was done as not done', async () => {
    const dir = tempDir();
    appendFileSync(join(dir, JOURNAL_FILE), '{"t":"done","id":"b1","input":"/a"}\n{"t":"failed","id":"b1","input":"/a"}\n');
    const j = await Journal.open(dir);
    expect(j.done.size).toBe(0);
    await j.close();
  });
});
