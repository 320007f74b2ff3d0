import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countInputs, inputSource, listInputs } from '../../../src/batch/node/inputs.js';
import { IOError } from '../../../src/core/errors.js';
import { tempDir } from '../helpers.js';

async function rels(spec: string, cwd: string, exclude?: string): Promise<string[]> {
  const out: string[] = [];
  for await (const item of listInputs(await inputSource(spec, cwd), exclude)) out.push(item.rel);
  return out.sort();
}

function tree(): string {
  const dir = tempDir();
  for (const f of ['a.png', 'b.JPG', 'notes.txt', '.hidden.png', 'x/c.png', 'x/y/d.jpeg', 'out/e.png']) {
    mkdirSync(join(dir, f, '..'), { recursive: true });
    writeFileSync(join(dir, f), 'x');
  }
  return dir;
}

describe('listInputs', () => {
  it('listInputs(folder) walks every subfolder, images only, hidden files and the output folder skipped', async () => {
    const dir = tree();
    expect(await rels('.', dir, join(dir, 'out'))).toEqual(['a.png', 'b.JPG', 'x/c.png', 'x/y/d.jpeg']);
    expect(await countInputs(await inputSource(dir, '/'), join(dir, 'out'))).toBe(4);
  });

  it('listInputs(glob) matches below the glob base', async () => {
    const dir = tree();
    expect(await rels('x/**/*.{png,jpeg}', dir)).toEqual(['c.png', 'y/d.jpeg']);
    expect(await rels('*.png', dir)).toEqual(['a.png']);
  });

  it('listInputs(manifest) reads one path per line, relative to the manifest, skipping blanks and #', async () => {
    const dir = tree();
    writeFileSync(join(dir, 'list.txt'), '# inputs\na.png\n\n  x/c.png  \r\n/elsewhere/z.png\n');
    const items = [];
    for await (const item of listInputs(await inputSource('list.txt', dir))) items.push(item);
    expect(items).toEqual([
      { path: join(dir, 'a.png'), rel: 'a.png' },
      { path: join(dir, 'x/c.png'), rel: 'x/c.png' },
      { path: '/elsewhere/z.png', rel: 'z.png' },
    ]);
  });

  it('inputSource(missing) throws an IOError naming --input', async () => {
    await expect(inputSource('nope/', tempDir())).rejects.toThrow(IOError);
    await expect(inputSource('nope/', tempDir())).rejects.toThrow('--input nope/: no such file or folder');
  });
});
