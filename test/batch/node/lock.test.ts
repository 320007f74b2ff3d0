import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCK_FILE, lockOutDir } from '../../../src/batch/node/lock.js';
import { tempDir } from '../helpers.js';

describe('lockOutDir', () => {
  it('lockOutDir(dir) takes the lock and releases it', async () => {
    const dir = tempDir();
    const release = await lockOutDir(dir);
    expect(existsSync(join(dir, LOCK_FILE))).toBe(true);
    await release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });

  it('lockOutDir(dir) refuses a lock held by a live process and takes over a dead one’s', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, LOCK_FILE), '1\n'); // pid 1 is alive
    await expect(lockOutDir(dir)).rejects.toThrow(/another batch \(process 1\)/);
    writeFileSync(join(dir, LOCK_FILE), '999999999\n');
    const release = await lockOutDir(dir);
    await release();
  });
});
