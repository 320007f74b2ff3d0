import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { command, contactSheet } from '../../src/cli/commands/search.js';
import { command as indexCommand } from '../../src/cli/commands/search-index.js';
import { command as trainCommand } from '../../src/cli/commands/search-train.js';
import { NDArray } from '../../src/core/ndarray.js';
import { decodeImage } from '../../src/io/image.js';
import { crc32, encodePng } from '../../src/io/png.js';
import { runIn } from '../match/cli.js';
import { galleryFolder, garmentPng } from './search-fixtures.js';

let dir = '';
let images: Uint8Array[] = [];

beforeAll(async () => {
  const g = galleryFolder(4);
  dir = join(g.root, 'idx');
  images = g.images;
  const r = await runIn(indexCommand, [dir, '--gallery', g.folder, '--features', 'pixels']);
  if (r.code !== 0) throw new Error(r.stderr);
});

describe('convolab search', () => {
  it('search DIR QUERY.png --json finds the recoloured garment itself first', async () => {
    const q = join(dir, 'q.png');
    writeFileSync(q, garmentPng(images[5], [0.2, 0.9, 0.5])); // class c1, tinted green
    const r = await runIn(command, [dir, q, '--json', '--top', '3']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.inverted).toBe(true);
    expect(doc.matches).toHaveLength(3);
    expect(doc.matches[0]).toMatchObject({ rank: 1, index: 5, class: 'c1', label: 1 });
    expect(doc.matches[0].score).toBeGreaterThan(0.98);
    expect(doc.matches[1].score).toBeLessThanOrEqual(doc.matches[0].score);
  });

  it('search DIR QUERY.png -o sheet.png writes the contact sheet (query + k matches)', async () => {
    const q = join(dir, 'q2.png');
    writeFileSync(q, garmentPng(images[0]));
    const out = join(dir, 'sheet.png');
    const r = await runIn(command, [dir, q, '--top', '4', '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^1\. c0\/000\.png c0 score=1\.0000$/);
    const sheet = decodeImage(readFileSync(out)).image;
    expect(sheet.shape.slice(1)).toEqual([28 * 3 + 8, 5 * (28 * 3 + 4) + 4]);
  });

  it('search DIR not-an-image.png fails with exit 1 and names the file', async () => {
    const q = join(dir, 'bad.png');
    writeFileSync(q, 'hello');
    const r = await runIn(command, [dir, q]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad\.png/);
  });

  it('search DIR huge.png (header claims 200000 x 200000) is refused before decoding', async () => {
    const png = encodePng(new NDArray('float32', [1, 4, 4]));
    const dv = new DataView(png.buffer, png.byteOffset);
    dv.setUint32(16, 200000);
    dv.setUint32(20, 200000);
    dv.setUint32(29, crc32(png, 12, 29));
    const q = join(dir, 'huge.png');
    writeFileSync(q, png);
    const r = await runIn(command, [dir, q]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/pixel|limit/i);
    const small = await runIn(command, [dir, join(dir, 'q2.png'), '--max-pixels', '100']);
    expect(small.code).toBe(1);
  });

  it('search DIR with a corrupt index.bin fails with exit 1 naming the index', async () => {
    const bytes = readFileSync(join(dir, 'index.bin'));
    const broken = join(dir, '..', 'broken');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(broken, { recursive: true });
    writeFileSync(join(broken, 'index.bin'), bytes.subarray(0, bytes.length - 100));
    const r = await runIn(command, [broken, join(dir, 'q2.png')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/index\.bin: truncated/);
  });

  it('search MODEL_DIR QUERY with autoencoder features works, and refuses an index built with other weights', async () => {
    const g = galleryFolder(3);
    const model = join(g.root, 'model');
    expect((await runIn(trainCommand, ['--out', model, '--limit', '3', '--epochs', '1', '--dim', '8'])).code).toBe(0);
    expect((await runIn(indexCommand, [model, '--gallery', g.folder])).code).toBe(0);
    const q = join(model, 'q.png');
    writeFileSync(q, garmentPng(g.images[4]));
    const r = await runIn(command, [model, q, '--json', '--top', '2']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.features).toBe('autoencoder');
    expect(doc.matches[0].index).toBe(4);
    expect((await runIn(trainCommand, ['--out', model, '--limit', '3', '--epochs', '1', '--dim', '8', '--seed', '9'])).code).toBe(0);
    const stale = await runIn(command, [model, q]);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toMatch(/built with other model weights/);
  });

  it('search DIR QUERY -o out.txt is a usage error', async () => {
    const r = await runIn(command, [dir, join(dir, 'q2.png'), '-o', 'x.txt']);
    expect(r.code).toBe(2);
  });

  it('contactSheet(tiles, 2) places each 28 x 28 tile scaled, 4-px gaps', () => {
    const a = new Float32Array(784).fill(255);
    const s = contactSheet([a, new Float32Array(784)], 2);
    expect(s.shape).toEqual([1, 64, 2 * 60 + 4]);
    expect(s.data[4 * 124 + 4]).toBe(255);
    expect(s.data[4 * 124 + 64]).toBe(0);
    expect(s.data[0]).toBe(96);
  });
});
