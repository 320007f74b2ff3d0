/** Small file helpers for the CLI: the first bytes of a file, and path sameness. */
import { open, realpath } from 'node:fs/promises';
import { resolve } from 'node:path';
import { IOError } from '../core/errors.js';

/** Up to `maxBytes` from the start of `path`, and the file's full size. */
export async function readHead(path: string, maxBytes: number, name = path): Promise<{ bytes: Uint8Array; size: number }> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, 'r');
  } catch (err) {
    throw ioError(name, err);
  }
  try {
    const { size } = await handle.stat();
    const bytes = new Uint8Array(Math.min(size, maxBytes));
    let filled = 0;
    while (filled < bytes.length) {
      const { bytesRead } = await handle.read(bytes, filled, bytes.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return { bytes: bytes.subarray(0, filled), size };
  } catch (err) {
    throw ioError(name, err);
  } finally {
    await handle.close();
  }
}

function ioError(path: string, err: unknown): IOError {
  const code = (err as NodeJS.ErrnoException).code;
  const why =
    code === 'ENOENT'
      ? 'no such file'
      : code === 'EISDIR'
        ? 'is a directory'
        : code === 'EACCES'
          ? 'permission denied'
          : String((err as Error).message ?? err);
  return new IOError(`${path}: cannot read (${why})`, path, { cause: err });
}

/** True when two paths name the same file (after resolving `..` and symbolic links where they exist). */
export async function samePath(a: string, b: string, cwd: string): Promise<boolean> {
  const ra = resolve(cwd, a);
  const rb = resolve(cwd, b);
  if (ra === rb) return true;
  const [ca, cb] = await Promise.all([realpath(ra).catch(() => ra), realpath(rb).catch(() => rb)]);
  return ca === cb;
}

/** `.npy` bytes start with `\x93NUMPY`. */
export function isNpy(bytes: Uint8Array): boolean {
  const magic = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59];
  return bytes.length >= 6 && magic.every((b, i) => bytes[i] === b);
}
