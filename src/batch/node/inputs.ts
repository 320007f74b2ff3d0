/**
 * The items of a batch, streamed: a folder (walked with `fs.opendir`, one directory handle at a
 * time, images only), a glob, or a manifest (one path per line, read line by line). Nothing is
 * listed into memory beyond the folders still to visit.
 */
import { createReadStream } from 'node:fs';
import { opendir, stat } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { createInterface } from 'node:readline';
import { IOError } from '../../core/errors.js';
import { globToRegExp, isGlob, splitGlob } from './glob.js';

export interface InputItem {
  /** Absolute path. */
  path: string;
  /** Path relative to the input root, `/`-separated (what `{dir}` and `{stem}` come from). */
  rel: string;
}

export interface InputSource {
  kind: 'dir' | 'glob' | 'manifest';
  /** The folder relative names are taken from (the folder, the glob's base, the manifest's folder). */
  root: string;
  /** For a glob: the pattern below `root`; for a manifest: the file. */
  pattern?: RegExp;
  manifest?: string;
}

export const IMAGE_EXTENSIONS = ['.png', '.jpg', '.jpeg'];

/** What `--input SPEC` names: a folder, a glob (has `* ? [ {`), else a manifest file. */
export async function inputSource(spec: string, cwd: string): Promise<InputSource> {
  if (isGlob(spec)) {
    const { base, pattern } = splitGlob(spec.split(sep).join('/'));
    return { kind: 'glob', root: resolve(cwd, base), pattern: globToRegExp(pattern) };
  }
  const path = resolve(cwd, spec);
  const info = await stat(path).catch((err: NodeJS.ErrnoException) => {
    throw new IOError(`--input ${spec}: ${err.code === 'ENOENT' ? 'no such file or folder' : err.message}`, 'input', { cause: err });
  });
  if (info.isDirectory()) return { kind: 'dir', root: path };
  return { kind: 'manifest', root: dirname(path), manifest: path };
}

/** The items of `source`; paths under `exclude` (the output folder) are skipped. */
export async function* listInputs(source: InputSource, exclude?: string): AsyncGenerator<InputItem> {
  if (source.kind === 'manifest') {
    yield* readManifest(source.manifest as string, source.root);
    return;
  }
  const isImage = (rel: string) => IMAGE_EXTENSIONS.some((e) => rel.toLowerCase().endsWith(e));
  const accept = source.kind === 'glob' ? (rel: string) => (source.pattern as RegExp).test(rel) : isImage;
  yield* walk(source.root, accept, exclude);
}

async function* walk(root: string, accept: (rel: string) => boolean, exclude?: string): AsyncGenerator<InputItem> {
  const pending = [root];
  while (pending.length > 0) {
    const folder = pending.pop() as string;
    let dir: Awaited<ReturnType<typeof opendir>>;
    try {
      dir = await opendir(folder);
    } catch (err) {
      throw new IOError(`${folder}: cannot list (${(err as Error).message})`, 'input', { cause: err });
    }
    for await (const entry of dir) {
      if (entry.name.startsWith('.')) continue; // hidden files, the journal, temporary files
      const path = resolve(folder, entry.name);
      if (path === exclude) continue;
      if (entry.isDirectory()) pending.push(path);
      else if (entry.isFile() || entry.isSymbolicLink()) {
        const rel = relative(root, path).split(sep).join('/');
        if (accept(rel)) yield { path, rel };
      }
    }
  }
}

async function* readManifest(file: string, root: string): AsyncGenerator<InputItem> {
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Number.POSITIVE_INFINITY });
  try {
    for await (const raw of lines) {
      const line = raw.trim();
      if (line === '' || line.startsWith('#')) continue;
      const path = resolve(root, line);
      const inside = relative(root, path);
      const rel = inside.startsWith('..') || isAbsolute(inside) ? path.split(sep).pop() || line : inside;
      yield { path, rel: rel.split(sep).join('/') };
    }
  } catch (err) {
    throw new IOError(`${file}: cannot read the manifest (${(err as Error).message})`, 'input', { cause: err });
  }
}

/** The number of items (a second streaming pass, for the progress bar's ETA). */
export async function countInputs(source: InputSource, exclude?: string): Promise<number> {
  let n = 0;
  for await (const _ of listInputs(source, exclude)) n++;
  return n;
}
