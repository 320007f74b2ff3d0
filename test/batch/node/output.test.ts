import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutputExistsError, pidAlive, sweepTemp, TEMP_DIR, writeOutput } from '../../../src/batch/node/output.js';
import { listFiles, tempDir } from '../helpers.js';

describe('writeOutput', () => {
  it('writeOutput(dir, name, bytes) creates folders and leaves no temporary file', async () => {
    const dir = tempDir();
    expect(await writeOutput(dir, 'a/b/c.png', new Uint8Array([1, 2, 3]), false)).toBe('written');
    expect([...readFileSync(join(dir, 'a/b/c.png'))]).toEqual([1, 2, 3]);
    expect(listFiles(dir)).toEqual(['a/b/c.png']);
  });

  it('writeOutput(existing identical) is "same"; different contents need force', async () => {
    const dir = tempDir();
    await writeOutput(dir, 'x.png', new Uint8Array([1]), false);
    expect(await writeOutput(dir, 'x.png', new Uint8Array([1]), false)).toBe('same');
    await expect(writeOutput(dir, 'x.png', new Uint8Array([2]), false)).rejects.toThrow(OutputExistsError);
    expect([...readFileSync(join(dir, 'x.png'))]).toEqual([1]);
    expect(await writeOutput(dir, 'x.png', new Uint8Array([2]), true)).toBe('written');
    expect([...readFileSync(join(dir, 'x.png'))]).toEqual([2]);
  });
});

describe('sweepTemp', () => {
  it('sweepTemp(dir) removes temporary files of dead processes of this host only, then the empty folder', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, TEMP_DIR));
    writeFileSync(join(dir, TEMP_DIR, `${hostname()}~999999999~0.tmp`), 'partial');
    writeFileSync(join(dir, TEMP_DIR, `${hostname()}~${process.pid}~0.tmp`), 'mine');
    writeFileSync(join(dir, TEMP_DIR, 'otherhost~1~0.tmp'), 'theirs');
    expect(await sweepTemp(dir)).toBe(1);
    expect(listFiles(dir)).toEqual([`${TEMP_DIR}/${hostname()}~${process.pid}~0.tmp`, `${TEMP_DIR}/otherhost~1~0.tmp`].sort());
    const empty = tempDir();
    mkdirSync(join(empty, TEMP_DIR));
    await sweepTemp(empty);
    expect(existsSync(join(empty, TEMP_DIR))).toBe(false);
  });

  it('pidAlive(pid) is true for this process and false for a free id', () => {
    expect(pidAlive(process.pid)).toBe(true);
    expect(pidAlive(999999999)).toBe(false);
    expect(pidAlive(0)).toBe(false);
  });
});
