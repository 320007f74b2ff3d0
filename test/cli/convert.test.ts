import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { arrayToPngImage } from '../../src/cli/commands/convert.js';
import { fromArray } from '../../src/core/ndarray.js';
import { decodeImage } from '../../src/io/image.js';
import { encodeNpy, parseNpy } from '../../src/io/npy.js';
import { cli, ensureBuilt, ROOT, tempDir } from './helpers.js';

beforeAll(ensureBuilt);

describe('convolab convert', () => {
  it('convert png → npy → png round-trips the pixels exactly', () => {
    const dir = tempDir();
    const npy = join(dir, 'a.npy');
    const png = join(dir, 'a.png');
    expect(cli(['convert', 'samples/astronaut.png', '-o', npy]).code).toBe(0);
    const r = cli(['convert', npy, '-o', png, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ format: 'png', shape: [3, 512, 512], dtype: 'uint8' });
    const array = parseNpy(readFileSync(npy));
    expect(array.dtype).toBe('float32');
    expect(array.shape).toEqual([3, 512, 512]);
    const original = decodeImage(readFileSync(join(ROOT, 'samples/astronaut.png'))).image;
    const back = decodeImage(readFileSync(png)).image;
    expect(Buffer.from(array.data.buffer).equals(Buffer.from(original.data.buffer))).toBe(true);
    expect(Buffer.from(back.data.buffer).equals(Buffer.from(original.data.buffer))).toBe(true);
  });

  it('convert jpeg → png keeps the size', () => {
    const png = join(tempDir(), 'r.png');
    expect(cli(['convert', 'samples/rocket.jpg', '-o', png]).code).toBe(0);
    const header = JSON.parse(cli(['info', png, '--json']).stdout);
    const source = JSON.parse(cli(['info', 'samples/rocket.jpg', '--json']).stdout);
    expect(header.shape).toEqual(source.shape);
  });

  it('convert npy [H, W] float64 → png clips to 0..255', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'g.npy'), encodeNpy(fromArray([-5, 0, 100.4, 300], 'float64', [2, 2])));
    expect(cli(['convert', join(dir, 'g.npy'), '-o', join(dir, 'g.png')]).code).toBe(0);
    const img = decodeImage(readFileSync(join(dir, 'g.png'))).image;
    expect(img.shape).toEqual([1, 2, 2]);
    expect([...img.data]).toEqual([0, 0, 100, 255]);
  });

  it('convert a truncated PNG exits 1, names the file, writes nothing', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'cut.png'), readFileSync(join(ROOT, 'samples/astronaut.png')).subarray(0, 5000));
    const r = cli(['convert', join(dir, 'cut.png'), '-o', join(dir, 'out.npy')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('cut.png');
    expect(readdirSync(dir)).toEqual(['cut.png']);
  });

  it('convert a corrupt JPEG exits 1, names the file, writes nothing', () => {
    const dir = tempDir();
    const bytes = Uint8Array.from(readFileSync(join(ROOT, 'samples/rocket.jpg')));
    bytes.fill(0x00, 400, 4000); // wipe the tables and frame header after SOI
    writeFileSync(join(dir, 'bad.jpg'), bytes);
    const r = cli(['convert', join(dir, 'bad.jpg'), '-o', join(dir, 'out.png')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('bad.jpg');
    expect(readdirSync(dir)).toEqual(['bad.jpg']);
  });

  it('convert a missing input exits 1 naming it', () => {
    const dir = tempDir();
    const r = cli(['convert', 'no-such.png', '-o', join(dir, 'x.npy')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no-such.png');
    expect(existsSync(join(dir, 'x.npy'))).toBe(false);
  });

  it('convert IN -o IN is refused with exit 2', () => {
    const r = cli(['convert', 'samples/astronaut.png', '-o', './samples/../samples/astronaut.png']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('same file');
  });

  it('convert IN -o out.bmp is a usage error naming the extension', () => {
    const r = cli(['convert', 'samples/astronaut.png', '-o', join(tempDir(), 'out.bmp')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('".bmp"');
  });

  it('convert --max-pixels 1000 refuses a larger image with exit 1', () => {
    const dir = tempDir();
    const r = cli(['convert', 'samples/astronaut.png', '-o', join(dir, 'a.npy'), '--max-pixels', '1000']);
    expect(r.code).toBe(1);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('convert --bit-depth 12 is a usage error', () => {
    expect(cli(['convert', 'samples/astronaut.png', '-o', join(tempDir(), 'a.png'), '--bit-depth', '12']).code).toBe(2);
  });
});

describe('arrayToPngImage', () => {
  it('arrayToPngImage(int32 [2, 1, 2]) casts to float32 [2, 1, 2] and clips', () => {
    const img = arrayToPngImage(fromArray([-1, 7, 256, 128], 'int32', [2, 1, 2]), 'a.npy');
    expect(img.dtype).toBe('float32');
    expect(img.shape).toEqual([2, 1, 2]);
    expect([...img.data]).toEqual([0, 7, 255, 128]);
  });

  it('arrayToPngImage([5, 2, 2]) throws naming the file and the shape', () => {
    expect(() => arrayToPngImage(fromArray(new Array(20).fill(1), 'float32', [5, 2, 2]), 'five.npy')).toThrow(
      /five\.npy: shape \[5, 2, 2\]/,
    );
  });

  it('arrayToPngImage(NaN) maps NaN to 0', () => {
    expect([...arrayToPngImage(fromArray([Number.NaN, 3], 'float64', [1, 2]), 'n.npy').data]).toEqual([0, 3]);
  });
});
