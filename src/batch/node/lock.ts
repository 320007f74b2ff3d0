/**
 * One local batch per output folder: `OUT/.convolab-batch.lock` holds the running process's id.
 * A lock left by a process that no longer runs (killed) is taken over.
 */
import { open, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { IOError } from '../../core/errors.js';
import { pidAlive } from './output.js';

export const LOCK_FILE = '.convolab-batch.lock';

/** Takes the lock; resolves with a function that releases it. */
export async function lockOutDir(outDir: string): Promise<() => Promise<void>> {
  const path = join(outDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      return () => unlink(path).catch(() => {});
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new IOError(`${path}: cannot create the lock (${(err as Error).message})`, 'out', { cause: err });
      }
      const owner = Number((await readFile(path, 'utf8').catch(() => '')).trim());
      if (pidAlive(owner) && owner !== process.pid) {
        throw new IOError(`--out ${outDir}: another batch (process ${owner}) is writing there; wait for it or stop it`, 'out');
      }
      await unlink(path).catch(() => {}); // stale: its process is gone
    }
  }
  throw new IOError(`--out ${outDir}: cannot take the lock ${path}`, 'out');
}
