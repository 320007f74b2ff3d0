import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArgumentError, DecodeError, LimitError, NDArray, ShapeError } from '../../src/core/index.js';
import { parseNpy } from '../../src/io/npy.js';
import { decodePng, encodePng, readPngHeader } from '../../src/io/png.js';
import { bogusPng, GOLDEN, golden } from './golden.js';

interface Case {
  name: string;
  depth: number;
  color_type: number;
  interlace: boolean;
  channels: number;
  height: number;
  width: number;
}
const cases: Case[] = JSON.parse(readFileSync(join(GOLDEN, 'png', 'cases.json'), 'utf8'));

describe('decodePng', () => {
  for (const c of cases) {
    const kind = `${c.depth}-bit colour type ${c.color_type}${c.interlace ? ' Adam7' : ''}`;
    it(`decodePng(${c.name}.png) gives the expected ${kind} pixels`, () => {
      const { image, header } = decodePng(golden('png', `${c.name}.png`), { name: c.name });
      const expected = parseNpy(golden('png', `${c.name}.npy`));
      expect(image.shape).toEqual([c.channels, c.height, c.width]);
      expect(image.shape).toEqual(expected.shape);
      expect(Array.from(image.data)).toEqual(Array.from(expected.data));
      expect([header.bitDepth, header.colorType, header.interlaced]).toEqual([c.depth, c.color_type, c.interlace]);
    });
  }

  it('decodePng keeps 16-bit samples as v / 257 on the 0..255 scale', () => {
    const { image, header } = decodePng(golden('png', 'gray16.png'));
    expect(header.bitDepth).toBe(16);
    const nonInteger = Array.from(image.data).filter((v) => !Number.isInteger(v));
    expect(nonInteger.length).toBeGreaterThan(0);
    expect(Math.max(...image.data)).toBe(255);
  });

  it('decodePng throws DecodeError for a truncated file', () => {
    const bytes = golden('png', 'rgb8_split.png');
    for (const cut of [7, 20, 60, bytes.length - 12, bytes.length - 1]) {
      expect(() => decodePng(bytes.subarray(0, cut), { name: 'cut.png' })).toThrow(DecodeError);
      expect(() => decodePng(bytes.subarray(0, cut), { name: 'cut.png' })).toThrow(/^cut\.png: /);
    }
  });

  it('decodePng throws DecodeError when a CRC does not match', () => {
    const bytes = golden('png', 'rgb8.png').slice();
    bytes[bytes.length - 20] ^= 0x40; // inside the IDAT data
    expect(() => decodePng(bytes, { name: 'crc.png' })).toThrow(/crc\.png: PNG chunk IDAT at byte \d+ fails its CRC check/);
  });

  it('decodePng throws LimitError from the header before allocating', () => {
    const bytes = bogusPng(50000, 50000);
    expect(() => decodePng(bytes, { name: 'huge.png' })).toThrow(LimitError);
    expect(() => decodePng(bytes, { name: 'huge.png' })).toThrow(
      'huge.png: image is 50000×50000 = 2500000000 pixels, over the limit of 100000000 pixels (maxPixels)',
    );
    expect(() => decodePng(golden('png', 'rgb8.png'), { maxPixels: 65 })).toThrow(LimitError);
  });

  it('decodePng throws DecodeError when the image data is too short', () => {
    expect(() => decodePng(bogusPng(40, 30), { name: 'short.png' })).toThrow(/short\.png: PNG image data is truncated/);
  });
});

describe('readPngHeader', () => {
  it('readPngHeader reports size, depth, colour type and decoded channels', () => {
    expect(readPngHeader(golden('png', 'pal4_trns.png'))).toEqual({
      width: 9,
      height: 6,
      bitDepth: 4,
      colorType: 3,
      interlaced: false,
      channels: 4,
    });
    expect(readPngHeader(golden('png', 'pal8.png')).channels).toBe(3);
    expect(readPngHeader(golden('png', 'graya16.png')).channels).toBe(2);
    expect(readPngHeader(bogusPng(50000, 50000))).toMatchObject({ width: 50000, height: 50000 });
  });

  it('readPngHeader throws DecodeError for a file that is not a PNG', () => {
    expect(() => readPngHeader(Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9]), 'x.png')).toThrow(/x\.png: not a PNG file/);
  });
});

describe('encodePng', () => {
  const random = (c: number, h: number, w: number, scale: number) => {
    const a = new NDArray('float32', [c, h, w]);
    for (let i = 0; i < a.data.length; i++) a.data[i] = ((i * 7919) % 256) * scale;
    return a;
  };

  for (const c of [1, 2, 3, 4]) {
    for (const bitDepth of [8, 16] as const) {
      it(`encodePng([${c}, H, W], { bitDepth: ${bitDepth} }) round-trips through decodePng`, () => {
        const a = random(c, 9, 14, bitDepth === 16 ? 0.999 : 1);
        const { image, header } = decodePng(encodePng(a, { bitDepth }));
        expect(header).toMatchObject({ bitDepth, channels: c, width: 14, height: 9 });
        const step = bitDepth === 16 ? 1 / 257 : 1;
        const expected = Array.from(a.data, (v) => Math.round(v / step) * step);
        expect(Array.from(image.data)).toEqual(Array.from(new Float32Array(expected)));
      });
    }
  }

  it('encodePng rounds and clips to 0..255', () => {
    const a = new NDArray('float32', [1, 1, 6], Float32Array.from([-5, 0.4, 0.6, 254.5, 300, Number.NaN]));
    expect(Array.from(decodePng(encodePng(a)).image.data)).toEqual([0, 0, 1, 255, 255, 0]);
    const b = new NDArray('float32', [1, 1, 3], Float32Array.from([1, 254, 400]));
    const { image } = decodePng(encodePng(b, { bitDepth: 16 }));
    expect(Array.from(image.data)).toEqual([1, 254, 255]);
  });

  it('encodePng refuses bad shapes and bit depths', () => {
    expect(() => encodePng(new NDArray('float32', [5, 2, 2]))).toThrow(ShapeError);
    expect(() => encodePng(new NDArray('float32', [1, 2, 2]), { bitDepth: 12 as 8 })).toThrow(ArgumentError);
  });
});
