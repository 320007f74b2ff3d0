/**
 * Node-only file helpers (node:fs). Outputs are written atomically: a temporary file in the
 * same directory, fsync, then rename — a failed write never leaves a partial file behind.
 * All functions are synchronous (awaiting them is harmless).
 */
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { ArgumentError, IOError } from '../core/errors.js';
import { astype, type NDArray } from '../core/ndarray.js';
import { type DecodedImage, decodeImage } from './image.js';
import { encodeNpy, parseNpy } from './npy.js';
import { encodePng } from './png.js';

function describe(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'ENOTDIR') return 'a parent path is not a directory';
  if (code === 'ENOSPC') return 'no space left on device';
  return (err as Error)?.message ?? String(err);
}

/** The whole file as bytes; IOError naming `path` when it is missing or unreadable. */
export function readFileBytes(path: string): Uint8Array {
  try {
    const buf = readFileSync(path);
    return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  } catch (err) {
    throw new IOError(`${path}: cannot read (${describe(err)})`, path, { cause: err });
  }
}

let counter = 0;

/** Write `bytes` to `path` atomically (temp file in the same directory, fsync, rename). */
export function writeFileAtomic(path: string, bytes: Uint8Array): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now().toString(36)}${counter++}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx', 0o644);
    let off = 0;
    while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, path);
  } catch (err) {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {}
    }
    try {
      unlinkSync(tmp);
    } catch {}
    throw new IOError(`${path}: cannot write (${describe(err)})`, path, { cause: err });
  }
}

export function readNpyFile(path: string): NDArray {
  return parseNpy(readFileBytes(path), path);
}

export function writeNpyFile(path: string, array: NDArray): void {
  writeFileAtomic(path, encodeNpy(array));
}

/** Read a PNG or JPEG (sniffed from its bytes) as `[C, H, W]` float32 on 0..255. */
export function readImageFile(path: string, opts: { maxPixels?: number } = {}): DecodedImage {
  return decodeImage(readFileBytes(path), { ...opts, name: path });
}

/**
 * Write an image `[C, H, W]` on 0..255 by the extension of `path`: `.png` (8- or 16-bit,
 * rounded and clipped) or `.npy` (`[C, H, W]` float32 as is). Anything else is an ArgumentError.
 */
export function writeImageFile(path: string, image: NDArray, opts: { bitDepth?: 8 | 16 } = {}): void {
  const ext = extname(path).toLowerCase();
  if (ext === '.png') writeFileAtomic(path, encodePng(image, opts));
  else if (ext === '.npy') writeFileAtomic(path, encodeNpy(image.dtype === 'float32' ? image : astype(image, 'float32')));
  else throw new ArgumentError(`${path}: cannot write images as "${ext || '(no extension)'}"; use .png or .npy`, 'path');
}
