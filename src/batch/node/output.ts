/**
 * Writing one output atomically and idempotently: bytes go to a temporary file in
 * `OUT/.convolab-tmp/` (same file system), are fsync'd, then renamed into place, so an output is
 * either absent or complete. An existing output with the same bytes counts as written (a rerun or
 * a redelivered job); one with other bytes is kept unless `force`.
 */
import { mkdir, open, readdir, readFile, rename, rmdir, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { IOError } from '../../core/errors.js';

export const TEMP_DIR = '.convolab-tmp';

/** An output exists with other contents and `force` is off: redoing the item cannot help. */
export class OutputExistsError extends IOError {
  constructor(path: string) {
    super(`${path}: exists with other contents; not overwritten (use --force)`, path);
  }
}

let counter = 0;

/** `written` (new or replaced) or `same` (already there, byte for byte). */
export async function writeOutput(outDir: string, name: string, bytes: Uint8Array, force: boolean): Promise<'written' | 'same'> {
  const path = join(outDir, name);
  const existing = await readFile(path).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return undefined;
    throw new IOError(`${path}: cannot read the existing output (${err.message})`, path, { cause: err });
  });
  if (existing !== undefined) {
    if (Buffer.compare(existing, bytes) === 0) return 'same';
    if (!force) throw new OutputExistsError(path);
  }
  const tempDir = join(outDir, TEMP_DIR);
  const temp = join(tempDir, `${hostname()}~${process.pid}~${counter++}.tmp`);
  try {
    // Folders are made when missing (ENOENT), not before every item: a batch writes thousands of
    // files into few folders.
    const handle = await orMakeFolder(tempDir, () => open(temp, 'wx', 0o644));
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await orMakeFolder(dirname(path), () => rename(temp, path));
    await syncDir(dirname(path)); // the rename itself survives a power cut before the journal line is written
  } catch (err) {
    await unlink(temp).catch(() => {});
    throw new IOError(`${path}: cannot write (${(err as Error).message})`, path, { cause: err });
  }
  return 'written';
}

/** `action()`; when it fails with ENOENT, makes `folder` (and its parents) and tries once more. */
async function orMakeFolder<T>(folder: string, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    await mkdir(folder, { recursive: true });
    return await action();
  }
}

async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Removes temporary files left by processes of this host that are no longer running, then the
 * temporary folder itself when it is empty. Returns the number of files removed.
 */
export async function sweepTemp(outDir: string): Promise<number> {
  const tempDir = join(outDir, TEMP_DIR);
  const names = await readdir(tempDir).catch(() => [] as string[]);
  let removed = 0;
  for (const name of names) {
    const [host, pid] = name.split('~');
    if (host !== hostname() || pidAlive(Number(pid))) continue;
    await unlink(join(tempDir, name)).catch(() => {});
    removed++;
  }
  await rmdir(tempDir).catch(() => {}); // fails (and is left) unless empty
  return removed;
}

/** True when a process with this id exists (signal 0 probes without sending anything). */
export function pidAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
