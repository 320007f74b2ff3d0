import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ArgumentError, DecodeError, LimitError, NDArray, ShapeError } from '../../src/core/index.js';
import { decodeImage, dropAlpha, readImageHeader, toGray } from '../../src/io/image.js';
import { parseNpy } from '../../src/io/npy.js';
import { bogusPng, GOLDEN, golden, maxAbsDiff, sample } from './golden.js';

const ROOT = join(import.meta.dirname, '..', '..');
const samples = JSON.parse(readFileSync(join(GOLDEN, 'samples.json'), 'utf8')) as Record<string, { shape: number[]; mean: number[] }>;

describe('readImageHeader', () => {
  it('readImageHeader reads the samples without decoding them', () => {
    expect(readImageHeader(sample('astronaut.png'))).toEqual({
      format: 'png',
      width: 512,
      height: 512,
      channels: 3,
      bitDepth: 8,
      colorType: 2,
    });
    expect(readImageHeader(sample('brick.png'))).toMatchObject({ format: 'png', channels: 1, colorType: 0 });
    expect(readImageHeader(sample('rocket.jpg'))).toEqual({ format: 'jpeg', width: 640, height: 427, channels: 3, bitDepth: 8 });
  });

  it('readImageHeader sniffs the magic bytes and refuses anything else', () => {
    expect(readImageHeader(golden('jpeg', 'gray.jpg'), 'mislabelled.png').format).toBe('jpeg');
    expect(() => readImageHeader(Uint8Array.from([0x47, 0x49, 0x46, 0x38]), 'anim.gif')).toThrow(DecodeError);
    expect(() => readImageHeader(Uint8Array.from([0x47, 0x49, 0x46, 0x38]), 'anim.gif')).toThrow(
      'anim.gif: not a PNG or JPEG image (first bytes: 47 49 46 38)',
    );
  });
});

describe('decodeImage', () => {
  for (const [file, ref] of Object.entries(samples)) {
    it(`decodeImage(${file}) has OpenCV's shape and channel means`, () => {
      const { image, format, channels, bitDepth } = decodeImage(sample(file), { name: file });
      expect(image.dtype).toBe('float32');
      expect(image.shape).toEqual(ref.shape);
      expect([format, channels, bitDepth]).toEqual([file.endsWith('.png') ? 'png' : 'jpeg', ref.shape[0], 8]);
      const plane = ref.shape[1] * ref.shape[2];
      for (let c = 0; c < ref.shape[0]; c++) {
        let sum = 0;
        for (let i = 0; i < plane; i++) sum += image.data[c * plane + i];
        // PNG is lossless: exact; JPEG decoders differ slightly
        expect(Math.abs(sum / plane - ref.mean[c])).toBeLessThan(file.endsWith('.png') ? 1e-9 : 0.25);
      }
    });
  }

  it('decodeImage throws LimitError naming the file, its size and the limit', () => {
    expect(() => decodeImage(bogusPng(50000, 50000), { name: 'huge.png' })).toThrow(LimitError);
    expect(() => decodeImage(bogusPng(50000, 50000), { name: 'huge.png' })).toThrow(
      'huge.png: image is 50000×50000 = 2500000000 pixels, over the limit of 100000000 pixels (maxPixels)',
    );
    expect(() => decodeImage(sample('rocket.jpg'), { name: 'rocket.jpg', maxPixels: 100_000 })).toThrow(
      /rocket\.jpg: image is 640×427 = 273280 pixels, over the limit of 100000 pixels/,
    );
    expect(() => decodeImage(sample('rocket.jpg'), { maxPixels: 0 })).toThrow(ArgumentError);
  });

  it('decodeImage of a 50000×50000 PNG header stays under 200 MB peak RSS (child process)', () => {
    // Transpile src/core and src/io to plain JS beside node_modules, then decode in a fresh node.
    const out = join(ROOT, 'node_modules', '.cache', 'convolab-io-rss');
    for (const dir of ['src/core', 'src/io']) {
      for (const file of readdirSync(join(ROOT, dir)).filter((f) => f.endsWith('.ts') && f !== 'node.ts')) {
        const js = ts.transpileModule(readFileSync(join(ROOT, dir, file), 'utf8'), {
          compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
        }).outputText;
        const dest = join(out, dir, file.replace(/\.ts$/, '.js'));
        mkdirSync(dirname(dest), { recursive: true });
        writeFileSync(dest, js);
      }
    }
    writeFileSync(join(out, 'package.json'), '{"type":"module"}');
    writeFileSync(join(out, 'huge.png'), bogusPng(50000, 50000));
    const script = `
      import { readFileSync } from 'node:fs';
      import { decodeImage } from './src/io/image.js';
      // VmHWM, not maxRSS alone: maxRSS survives execve, so it would start at this test runner's peak
      const peakKb = () => { try { return Number(/VmHWM:\\s+(\\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))[1]); } catch { return process.resourceUsage().maxRSS; } };
      const bytes = new Uint8Array(readFileSync('huge.png'));
      let error;
      try { decodeImage(bytes, { name: 'huge.png' }); } catch (e) { error = e; }
      console.log(JSON.stringify({ name: error?.name, message: error?.message, maxRssKb: peakKb() }));`;
    writeFileSync(join(out, 'child.mjs'), script);
    const result = JSON.parse(execFileSync(process.execPath, ['child.mjs'], { cwd: out, encoding: 'utf8' }));
    expect(result.name).toBe('LimitError');
    expect(result.message).toMatch(/^huge\.png: image is 50000×50000/);
    expect(result.maxRssKb / 1024).toBeLessThan(200);
  });

  it('decodeImage throws DecodeError for truncated PNG and corrupt JPEG', () => {
    const png = sample('chelsea.png');
    expect(() => decodeImage(png.subarray(0, png.length >> 1), { name: 'cut.png' })).toThrow(DecodeError);
    const jpg = sample('rocket.jpg').slice();
    jpg.fill(0x55, 3000, 6000);
    expect(() => decodeImage(jpg, { name: 'bad.jpg' })).toThrow(/^bad\.jpg: JPEG is corrupt/);
  });
});

describe('toGray', () => {
  it("toGray matches OpenCV's cvtColor(RGB2GRAY) on float pixels", () => {
    const { image } = decodeImage(sample('chelsea.png'));
    const crop = new NDArray('float32', [3, 16, 16]);
    for (let c = 0; c < 3; c++)
      for (let y = 0; y < 16; y++)
        for (let x = 0; x < 16; x++) crop.data[c * 256 + y * 16 + x] = image.data[c * 300 * 451 + (100 + y) * 451 + 200 + x];
    const gray = toGray(crop);
    expect(gray.shape).toEqual([1, 16, 16]);
    expect(maxAbsDiff(gray.data, parseNpy(golden('chelsea_crop_gray.npy')).data)).toBeLessThan(1e-4);
  });

  it('toGray ignores alpha and passes gray through', () => {
    const rgba = new NDArray('float32', [4, 1, 2], Float32Array.from([100, 0, 50, 0, 10, 255, 7, 7]));
    expect(Array.from(toGray(rgba).data)).toEqual(Array.from(new Float32Array([0.299 * 100 + 0.587 * 50 + 0.114 * 10, 0.114 * 255])));
    const ga = new NDArray('float32', [2, 1, 2], Float32Array.from([3, 4, 9, 9]));
    expect(Array.from(toGray(ga).data)).toEqual([3, 4]);
    expect(() => toGray(new NDArray('float32', [5, 1, 1]))).toThrow(ShapeError);
  });
});

describe('dropAlpha', () => {
  it('dropAlpha removes the last channel of gray+alpha and RGBA only', () => {
    const rgba = new NDArray('float32', [4, 1, 2], Float32Array.from([1, 2, 3, 4, 5, 6, 7, 8]));
    const rgb = dropAlpha(rgba);
    expect([rgb.shape, Array.from(rgb.data)]).toEqual([
      [3, 1, 2],
      [1, 2, 3, 4, 5, 6],
    ]);
    expect(dropAlpha(new NDArray('uint8', [2, 2, 2])).shape).toEqual([1, 2, 2]);
    const three = new NDArray('float32', [3, 1, 1], Float32Array.from([1, 2, 3]));
    const same = dropAlpha(three);
    expect(same.shape).toEqual([3, 1, 1]);
    expect(same.data).not.toBe(three.data);
  });
});
