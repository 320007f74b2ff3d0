import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ArgumentError, fromArray, IOError, NDArray } from '../../src/core/index.js';
import { readFileBytes, readImageFile, readNpyFile, writeFileAtomic, writeImageFile, writeNpyFile } from '../../src/io/node.js';
import { GOLDEN, SAMPLES } from './golden.js';

const dir = mkdtempSync(join(tmpdir(), 'convolab-io-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readFileBytes', () => {
  it('readFileBytes returns the bytes, or an IOError naming the path', () => {
    writeFileSync(join(dir, 'a.bin'), Uint8Array.from([1, 2, 3]));
    expect(Array.from(readFileBytes(join(dir, 'a.bin')))).toEqual([1, 2, 3]);
    const missing = join(dir, 'missing.npy');
    expect(() => readFileBytes(missing)).toThrow(IOError);
    expect(() => readFileBytes(missing)).toThrow(`${missing}: cannot read (no such file or directory)`);
    expect(() => readFileBytes(dir)).toThrow(/cannot read \(is a directory\)/);
  });
});

describe('writeFileAtomic', () => {
  it('writeFileAtomic replaces the file and leaves no temporary behind', () => {
    const path = join(dir, 'out.bin');
    writeFileSync(path, 'old contents');
    writeFileAtomic(path, Uint8Array.from([9, 8, 7]));
    expect(Array.from(readFileSync(path))).toEqual([9, 8, 7]);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('writeFileAtomic failing throws IOError and leaves neither a partial file nor a temporary', () => {
    const target = join(dir, 'occupied');
    mkdirSync(target); // rename onto a non-empty directory fails after the data was written
    writeFileSync(join(target, 'keep'), 'x');
    expect(() => writeFileAtomic(target, new Uint8Array(1000))).toThrow(IOError);
    expect(readdirSync(target)).toEqual(['keep']);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const nowhere = join(dir, 'no', 'such', 'dir', 'x.npy');
    expect(() => writeFileAtomic(nowhere, new Uint8Array(4))).toThrow(`${nowhere}: cannot write (no such file or directory)`);
    expect(existsSync(join(dir, 'no'))).toBe(false);
  });
});

describe('readNpyFile', () => {
  it('readNpyFile / writeNpyFile round-trip and name the file in errors', () => {
    const a = fromArray([1, -2, 3.5, 4], 'float64', [2, 2]);
    const path = join(dir, 'a.npy');
    writeNpyFile(path, a);
    const b = readNpyFile(path);
    expect([b.dtype, b.shape, Array.from(b.data)]).toEqual(['float64', [2, 2], [1, -2, 3.5, 4]]);
    const numpyFile = join(GOLDEN, 'npy', 'f8_le.npy');
    writeNpyFile(path, readNpyFile(numpyFile));
    expect(readFileSync(path)).toEqual(readFileSync(numpyFile)); // byte-identical to np.save
    writeFileSync(join(dir, 'bad.npy'), 'not numpy');
    expect(() => readNpyFile(join(dir, 'bad.npy'))).toThrow(`${join(dir, 'bad.npy')}: not a valid .npy file`);
  });
});

describe('readImageFile', () => {
  it('readImageFile decodes by content and names the file in errors', () => {
    const { image, format } = readImageFile(join(SAMPLES, 'brick.png'));
    expect([format, image.shape]).toEqual(['png', [1, 512, 512]]);
    const path = join(SAMPLES, 'coffee.png');
    expect(() => readImageFile(path, { maxPixels: 1000 })).toThrow(`${path}: image is 600×400 = 240000 pixels, over the limit of 1000`);
  });
});

describe('writeImageFile', () => {
  it('writeImageFile writes PNG (8/16-bit) and .npy by extension, refusing others', () => {
    const img = new NDArray('float32', [3, 2, 2], Float32Array.from([0, 10.4, 20.6, 300, 1, 2, 3, 4, 5, 6, 7, -8]));
    writeImageFile(join(dir, 'x.PNG'), img);
    expect(Array.from(readImageFile(join(dir, 'x.PNG')).image.data)).toEqual([0, 10, 21, 255, 1, 2, 3, 4, 5, 6, 7, 0]);
    writeImageFile(join(dir, 'x16.png'), img, { bitDepth: 16 });
    expect(readImageFile(join(dir, 'x16.png')).bitDepth).toBe(16);
    writeImageFile(join(dir, 'x.npy'), fromArray([1, 2, 3], 'float64', [1, 1, 3]));
    const back = readNpyFile(join(dir, 'x.npy'));
    expect([back.dtype, back.shape, Array.from(back.data)]).toEqual(['float32', [1, 1, 3], [1, 2, 3]]);
    expect(() => writeImageFile(join(dir, 'x.jpg'), img)).toThrow(ArgumentError);
    expect(() => writeImageFile(join(dir, 'x.jpg'), img)).toThrow(/x\.jpg: cannot write images as "\.jpg"; use \.png or \.npy/);
    expect(existsSync(join(dir, 'x.jpg'))).toBe(false);
  });
});
