/**
 * Image files: sniff PNG / JPEG by magic bytes, read headers, decode to `[C, H, W]` float32 on 0..255
 * under a pixel limit, and the two colour helpers the rest of convolab needs.
 */
import { ArgumentError, DecodeError, ShapeError } from '../core/errors.js';
import { NDArray } from '../core/ndarray.js';
import { decodeJpeg, readJpegHeader } from './jpeg.js';
import { decodePng, PNG_SIGNATURE, readPngHeader } from './png.js';

export type ImageFormat = 'png' | 'jpeg';

export interface ImageHeader {
  format: ImageFormat;
  /** Width and height of the decoded image (for JPEG: after the EXIF orientation). */
  width: number;
  height: number;
  /** Channels of the decoded image: 1 gray, 2 gray+alpha, 3 RGB, 4 RGBA. */
  channels: number;
  /** Bits per stored sample (PNG 1..16, JPEG 8). */
  bitDepth: number;
  /** PNG colour type (0, 2, 3, 4, 6); absent for JPEG. */
  colorType?: number;
}

export interface DecodedImage {
  /** `[C, H, W]` float32 on the 0..255 scale (16-bit PNG: `v / 257`, not rounded). */
  image: NDArray<'float32'>;
  format: ImageFormat;
  bitDepth: number;
  channels: number;
}

export const DEFAULT_MAX_PIXELS = 100_000_000;

/** The format from the first bytes, or undefined. */
export function sniffImageFormat(bytes: Uint8Array): ImageFormat | undefined {
  if (bytes.length >= 8 && PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return 'png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  return undefined;
}

function formatOf(bytes: Uint8Array, name: string): ImageFormat {
  const format = sniffImageFormat(bytes);
  if (!format) {
    const head = Array.from(bytes.subarray(0, 8), (b) => b.toString(16).padStart(2, '0')).join(' ');
    throw new DecodeError(`${name}: not a PNG or JPEG image (first bytes: ${head || 'none'})`, name);
  }
  return format;
}

/** Size, channels and bit depth from the header alone; no pixel data is decoded. */
export function readImageHeader(bytes: Uint8Array, name = 'image'): ImageHeader {
  if (formatOf(bytes, name) === 'png') {
    const h = readPngHeader(bytes, name);
    return { format: 'png', width: h.width, height: h.height, channels: h.channels, bitDepth: h.bitDepth, colorType: h.colorType };
  }
  const h = readJpegHeader(bytes, name);
  return { format: 'jpeg', width: h.width, height: h.height, channels: h.channels, bitDepth: h.bitDepth };
}

/**
 * Decode a PNG or JPEG (sniffed by magic bytes, not by name). The pixel limit is checked from the
 * header before any pixel buffer exists; over it, a LimitError names the file, its size and the limit.
 */
export function decodeImage(bytes: Uint8Array, opts: { maxPixels?: number; name?: string } = {}): DecodedImage {
  const name = opts.name ?? 'image';
  const maxPixels = opts.maxPixels ?? DEFAULT_MAX_PIXELS;
  if (!(maxPixels > 0)) throw new ArgumentError(`maxPixels: expected a positive number, got ${maxPixels}`, 'maxPixels');
  if (formatOf(bytes, name) === 'png') {
    const { image, header } = decodePng(bytes, { name, maxPixels });
    return { image, format: 'png', bitDepth: header.bitDepth, channels: header.channels };
  }
  const { image, header } = decodeJpeg(bytes, { name, maxPixels });
  return { image, format: 'jpeg', bitDepth: header.bitDepth, channels: header.channels };
}

function checkImage(image: NDArray, arg: string): [number, number, number] {
  if (image.shape.length !== 3 || image.shape[0] < 1 || image.shape[0] > 4) {
    throw new ShapeError(`${arg}: expected an image of shape [C, H, W] with C = 1..4, got [${image.shape.join(', ')}]`, arg);
  }
  if (image.dtype !== 'float32' && image.dtype !== 'float64' && image.dtype !== 'uint8') {
    throw new ArgumentError(`${arg}: expected a float32, float64 or uint8 image, got ${image.dtype}`, arg);
  }
  return image.shape as [number, number, number];
}

/**
 * Luma `[1, H, W]` float32 by ITU-R BT.601: `0.299 R + 0.587 G + 0.114 B`, as OpenCV's
 * `cvtColor(RGB2GRAY)` computes it for float images. Alpha is dropped; a 1- or 2-channel
 * image gives its gray channel.
 */
export function toGray(image: NDArray): NDArray<'float32'> {
  const [C, H, W] = checkImage(image, 'image');
  const n = H * W;
  const src = image.data;
  const out = new NDArray('float32', [1, H, W]);
  const dst = out.data;
  if (C <= 2) {
    for (let i = 0; i < n; i++) dst[i] = src[i];
    return out;
  }
  for (let i = 0; i < n; i++) dst[i] = 0.299 * src[i] + 0.587 * src[n + i] + 0.114 * src[2 * n + i];
  return out;
}

/** The image without its alpha channel: 2 → 1 and 4 → 3 channels; 1 or 3 channels come back as a copy. */
export function dropAlpha<D extends 'float32' | 'float64' | 'uint8'>(image: NDArray<D>): NDArray<D> {
  const [C, H, W] = checkImage(image, 'image');
  const keep = C === 2 || C === 4 ? C - 1 : C;
  return new NDArray(image.dtype, [keep, H, W], image.data.slice(0, keep * H * W) as NDArray<D>['data']);
}
