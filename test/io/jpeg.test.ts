import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DecodeError, LimitError } from '../../src/core/index.js';
import { decodeJpeg, readJpegHeader } from '../../src/io/jpeg.js';
import { parseNpy } from '../../src/io/npy.js';
import { GOLDEN, golden, maxAbsDiff, sample } from './golden.js';

/** Insert an APP1 EXIF segment with the given orientation right after SOI. */
function withOrientation(jpeg: Uint8Array, orientation: number): Uint8Array {
  const tiff = [0x49, 0x49, 0x2a, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, orientation, 0, 0, 0, 0, 0, 0, 0];
  const body = [0x45, 0x78, 0x69, 0x66, 0, 0, ...tiff];
  const app1 = [0xff, 0xe1, (body.length + 2) >> 8, (body.length + 2) & 255, ...body];
  return Uint8Array.from([...jpeg.subarray(0, 2), ...app1, ...jpeg.subarray(2)]);
}

describe('decodeJpeg', () => {
  it('decodeJpeg(rocket.jpg) matches OpenCV in shape, channel means and a crop', () => {
    const ref = JSON.parse(readFileSync(join(GOLDEN, 'samples.json'), 'utf8'))['rocket.jpg'];
    const { image, header } = decodeJpeg(sample('rocket.jpg'), { name: 'rocket.jpg' });
    expect(image.shape).toEqual([3, 427, 640]);
    expect(image.shape).toEqual(ref.shape);
    expect(header.orientation).toBe(1);
    const plane = 427 * 640;
    for (let c = 0; c < 3; c++) {
      let sum = 0;
      for (let i = 0; i < plane; i++) sum += image.data[c * plane + i];
      expect(Math.abs(sum / plane - ref.mean[c])).toBeLessThan(0.25);
    }
    const crop = parseNpy(golden('jpeg', 'rocket_crop.npy'));
    const [y0, x0, n] = ref.crop;
    const mine: number[] = [];
    for (let c = 0; c < 3; c++)
      for (let y = y0; y < y0 + n; y++) for (let x = x0; x < x0 + n; x++) mine.push(image.data[c * plane + y * 640 + x]);
    expect(maxAbsDiff(mine, crop.data)).toBeLessThanOrEqual(4); // libjpeg's fancy chroma upsampling
  });

  for (let o = 1; o <= 8; o++) {
    it(`decodeJpeg applies EXIF orientation ${o} once, as PIL's exif_transpose`, () => {
      const bytes = golden('jpeg', `orient${o}.jpg`);
      const expected = parseNpy(golden('jpeg', `orient${o}.npy`));
      const { image, header } = decodeJpeg(bytes);
      expect(header.orientation).toBe(o);
      expect(image.shape).toEqual(o >= 5 ? [3, 24, 16] : [3, 16, 24]);
      expect(image.shape).toEqual(expected.shape);
      expect(maxAbsDiff(image.data, expected.data)).toBeLessThanOrEqual(2);
    });
  }

  it('decodeJpeg of an orientation-6 file is the plain image turned 90° clockwise', () => {
    const plain = decodeJpeg(golden('jpeg', 'orient1.jpg')).image; // [3, 16, 24]
    const turned = decodeJpeg(withOrientation(golden('jpeg', 'gray.jpg'), 6)).image;
    const grayPlain = decodeJpeg(golden('jpeg', 'gray.jpg')).image; // [1, 12, 20]
    expect(plain.shape).toEqual([3, 16, 24]);
    expect(turned.shape).toEqual([1, 20, 12]);
    // turned[Y, X] = plain[h - 1 - X, Y]
    for (let Y = 0; Y < 20; Y++) for (let X = 0; X < 12; X++) expect(turned.data[Y * 12 + X]).toBe(grayPlain.data[(11 - X) * 20 + Y]);
  });

  it('decodeJpeg gives one channel for a grayscale JPEG', () => {
    const { image, header } = decodeJpeg(golden('jpeg', 'gray.jpg'));
    expect(header.components).toBe(1);
    expect(image.shape).toEqual([1, 12, 20]);
    expect(maxAbsDiff(image.data, parseNpy(golden('jpeg', 'gray.npy')).data)).toBeLessThanOrEqual(2);
  });

  it('decodeJpeg refuses a CMYK JPEG clearly', () => {
    expect(readJpegHeader(golden('jpeg', 'cmyk.jpg')).components).toBe(4);
    expect(() => decodeJpeg(golden('jpeg', 'cmyk.jpg'), { name: 'cmyk.jpg' })).toThrow(
      'cmyk.jpg: 4-component (CMYK/YCCK) JPEGs are not supported; convert the file to RGB',
    );
  });

  it('decodeJpeg decodes a progressive JPEG', () => {
    const { image, header } = decodeJpeg(golden('jpeg', 'progressive.jpg'));
    expect(header.progressive).toBe(true);
    expect(maxAbsDiff(image.data, parseNpy(golden('jpeg', 'progressive.npy')).data)).toBeLessThanOrEqual(2);
  });

  it('decodeJpeg throws DecodeError naming the file for truncated or corrupt data', () => {
    const b = sample('rocket.jpg');
    const garbled = b.slice();
    for (let i = 2000; i < 2400; i++) garbled[i] = (i * 37) & 255;
    const noSof = b.slice(0, 200);
    for (const bad of [b.subarray(0, b.length >> 1), garbled, noSof, Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00])]) {
      expect(() => decodeJpeg(bad, { name: 'bad.jpg' })).toThrow(DecodeError);
      expect(() => decodeJpeg(bad, { name: 'bad.jpg' })).toThrow(/^bad\.jpg: /);
    }
  });

  it('decodeJpeg throws LimitError from the frame header before decoding', () => {
    const b = sample('rocket.jpg').slice();
    const h = readJpegHeader(b);
    expect([h.width, h.height]).toEqual([640, 427]);
    expect(() => decodeJpeg(b, { name: 'r.jpg', maxPixels: 640 * 427 - 1 })).toThrow(LimitError);
    expect(() => decodeJpeg(b, { name: 'r.jpg', maxPixels: 1000 })).toThrow(
      'r.jpg: image is 640×427 = 273280 pixels, over the limit of 1000 pixels (maxPixels)',
    );
  });
});

describe('readJpegHeader', () => {
  it('readJpegHeader reports the displayed size after EXIF orientation', () => {
    const h = readJpegHeader(golden('jpeg', 'orient6.jpg'));
    expect(h).toMatchObject({ width: 16, height: 24, storedWidth: 24, storedHeight: 16, orientation: 6, components: 3 });
  });

  it('readJpegHeader throws DecodeError for a non-JPEG', () => {
    expect(() => readJpegHeader(Uint8Array.from([1, 2, 3, 4]), 'x.jpg')).toThrow(/x\.jpg: not a JPEG file/);
  });
});
