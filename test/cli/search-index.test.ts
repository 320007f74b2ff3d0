import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { command } from '../../src/cli/commands/search-index.js';
import { decodeIndexFile } from '../../src/search/index-file.js';
import { runIn } from '../match/cli.js';
import { tempDir } from './helpers.js';
import { galleryFolder } from './search-fixtures.js';

describe('convolab search-index', () => {
  it('search-index DIR --gallery FOLDER --features sobel writes a labelled index with thumbnails', async () => {
    const { root, folder } = galleryFolder(4);
    const dir = join(root, 'idx');
    const r = await runIn(command, [dir, '--gallery', folder, '--features', 'sobel', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ features: 'sobel', metric: 'cosine', count: 12, dim: 784 });
    const f = decodeIndexFile(readFileSync(join(dir, 'index.bin')));
    expect(f.header.classes).toEqual(['c0', 'c1', 'c2']);
    expect([...(f.labels ?? [])]).toEqual([0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2]);
    expect(f.header.gallery).toMatchObject({ kind: 'folder', files: expect.arrayContaining([join('c1', '005.png')]) });
    expect(f.thumbnails?.length).toBe(12 * 784);
  });

  it('search-index DIR --gallery FOLDER with a file that is not an image fails with exit 1 naming it', async () => {
    const { root, folder } = galleryFolder(1);
    writeFileSync(join(folder, 'c0', 'zz.png'), 'not a png');
    const r = await runIn(command, [join(root, 'idx'), '--gallery', folder]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/zz\.png/);
  });

  it('search-index DIR --features autoencoder without a model, or --metric dot, is refused', async () => {
    const dir = tempDir();
    const a = await runIn(command, [dir, '--features', 'autoencoder']);
    expect(a.code).toBe(1);
    expect(a.stderr).toMatch(/search-model\.json: no search model here/);
    const b = await runIn(command, [dir, '--metric', 'dot']);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/--metric: expected one of cosine, l2/);
  });
});
