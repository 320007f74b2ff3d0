/**
 * JPEG decode through jpeg-js (baseline and progressive Huffman JPEGs).
 *
 * The SOF marker is parsed here first, so the size limit is checked before jpeg-js allocates
 * anything. The EXIF orientation (APP1, tag 0x0112) is applied once, here — jpeg-js ignores it —
 * so the image comes out as a viewer shows it. Grayscale JPEGs decode to C = 1, colour to C = 3;
 * CMYK / YCCK (4-component) JPEGs are refused with a DecodeError.
 */
import jpegJs from 'jpeg-js';
import { DecodeError, LimitError } from '../core/errors.js';
import { NDArray } from '../core/ndarray.js';

export interface JpegHeader {
  /** Width as displayed, after the EXIF orientation (swapped with height for orientations 5..8). */
  width: number;
  height: number;
  /** Stored (encoded) width and height, before orientation. */
  storedWidth: number;
  storedHeight: number;
  /** Sample precision, 8 (12-bit JPEGs are refused on decode). */
  bitDepth: number;
  /** Components in the frame: 1 gray, 3 colour, 4 CMYK/YCCK. */
  components: number;
  /** Channels of the decoded image: 1 or 3. */
  channels: 1 | 3;
  /** EXIF orientation 1..8 (1 when absent). */
  orientation: number;
  progressive: boolean;
  /** The Adobe APP14 colour transform code, when that segment is present. */
  adobeTransform?: number;
  /** Colour model of a 3-component frame: YCbCr (JFIF, the default) or RGB (Adobe transform 0, or ids 'R','G','B'). */
  colorModel: 'gray' | 'ycbcr' | 'rgb' | 'cmyk';
}

/** Walk the marker segments up to the frame header (SOFn). Reads no entropy-coded data. */
export function readJpegHeader(bytes: Uint8Array, name = 'image'): JpegHeader {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) throw new DecodeError(`${name}: not a JPEG file (no SOI marker)`, name);
  let orientation = 1;
  let adobeTransform: number | undefined;
  let pos = 2;
  while (pos < bytes.length) {
    if (bytes[pos] !== 0xff) throw new DecodeError(`${name}: JPEG is corrupt (expected a marker at byte ${pos})`, name);
    while (bytes[pos] === 0xff) pos++; // fill bytes
    const marker = bytes[pos++];
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) continue; // no length
    if (marker === 0xd9 || marker === 0xda) break; // EOI / SOS before any frame header
    if (pos + 2 > bytes.length) break;
    const len = (bytes[pos] << 8) | bytes[pos + 1];
    if (len < 2 || pos + len > bytes.length)
      throw new DecodeError(`${name}: JPEG is truncated in marker 0xFF${hex(marker)} at byte ${pos - 2}`, name);
    const seg = bytes.subarray(pos + 2, pos + len);
    if (marker === 0xe1) orientation = exifOrientation(seg) ?? orientation;
    if (marker === 0xee && seg.length >= 12 && String.fromCharCode(...seg.subarray(0, 5)) === 'Adobe') adobeTransform = seg[11];
    const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isSof) {
      if (seg.length < 6) throw new DecodeError(`${name}: JPEG frame header is truncated`, name);
      const bitDepth = seg[0];
      const storedHeight = (seg[1] << 8) | seg[2];
      const storedWidth = (seg[3] << 8) | seg[4];
      const components = seg[5];
      if (marker !== 0xc0 && marker !== 0xc1 && marker !== 0xc2) {
        throw new DecodeError(
          `${name}: unsupported JPEG coding (SOF marker 0xFF${hex(marker)}: lossless, hierarchical or arithmetic)`,
          name,
        );
      }
      if (storedWidth === 0 || storedHeight === 0)
        throw new DecodeError(`${name}: JPEG has invalid size ${storedWidth}×${storedHeight}`, name);
      const swap = orientation >= 5;
      const ids = String.fromCharCode(...Array.from({ length: Math.min(components, 4) }, (_, k) => seg[6 + 3 * k] ?? 0));
      const colorModel = components === 1 ? 'gray' : components !== 3 ? 'cmyk' : adobeTransform === 0 || ids === 'RGB' ? 'rgb' : 'ycbcr';
      return {
        width: swap ? storedHeight : storedWidth,
        height: swap ? storedWidth : storedHeight,
        storedWidth,
        storedHeight,
        bitDepth,
        components,
        channels: components === 1 ? 1 : 3,
        orientation,
        progressive: marker === 0xc2,
        colorModel,
        adobeTransform,
      };
    }
    pos += len;
  }
  throw new DecodeError(`${name}: JPEG has no frame header (SOF marker); the file is truncated or corrupt`, name);
}

export interface DecodedJpeg {
  /** `[C, H, W]` float32 on 0..255, C = 1 (gray) or 3 (RGB), already oriented. */
  image: NDArray<'float32'>;
  header: JpegHeader;
}

/** Decode a JPEG; `maxPixels` is checked from the frame header before jpeg-js runs. */
export function decodeJpeg(bytes: Uint8Array, opts: { name?: string; maxPixels?: number } = {}): DecodedJpeg {
  const name = opts.name ?? 'image';
  const maxPixels = opts.maxPixels ?? 100_000_000;
  const header = readJpegHeader(bytes, name);
  const { storedWidth: w, storedHeight: h } = header;
  if (w * h > maxPixels) {
    throw new LimitError(
      `${name}: image is ${header.width}×${header.height} = ${w * h} pixels, over the limit of ${maxPixels} pixels (maxPixels)`,
      name,
    );
  }
  if (header.components !== 1 && header.components !== 3) {
    throw new DecodeError(`${name}: ${header.components}-component (CMYK/YCCK) JPEGs are not supported; convert the file to RGB`, name);
  }
  if (header.bitDepth !== 8) throw new DecodeError(`${name}: ${header.bitDepth}-bit JPEGs are not supported (8-bit only)`, name);
  if (!hasEndMarker(bytes)) throw new DecodeError(`${name}: JPEG is truncated (no end-of-image marker)`, name);
  let rgb: Uint8Array;
  try {
    // colorTransform: false returns the raw components (jpeg-js truncates its own YCbCr → RGB
    // conversion, darkening images by 0.5 on average); we convert with rounding, as libjpeg does.
    // jpeg-js still converts when an Adobe segment asks for it (transform code ≠ 0).
    const decoded = jpegJs.decode(bytes, {
      useTArray: true,
      formatAsRGBA: false,
      colorTransform: false,
      tolerantDecoding: true, // skips only blocks past the frame edge; corrupt data still throws
      maxResolutionInMP: (w * h) / 1e6 + 1,
      maxMemoryUsageInMB: Math.max(512, Math.ceil((w * h * 24) / 2 ** 20)),
    });
    if (decoded.width !== w || decoded.height !== h)
      throw new Error(`decoded size ${decoded.width}×${decoded.height} differs from the header`);
    rgb = decoded.data; // [H, W, 3] interleaved; gray is replicated into all three
  } catch (err) {
    throw new DecodeError(`${name}: JPEG is corrupt or unsupported (${(err as Error).message})`, name, { cause: err });
  }
  const convertedByJpegJs = header.adobeTransform !== undefined && header.adobeTransform !== 0;
  if (header.colorModel === 'ycbcr' && !convertedByJpegJs) ycbcrToRgb(rgb);
  return { image: orient(rgb, w, h, header.channels, header.orientation), header };
}

/**
 * JFIF YCbCr → RGB in place (https://www.w3.org/Graphics/JPEG/jfif3.pdf), rounded and clamped
 * to 0..255 like libjpeg's tables.
 */
function ycbcrToRgb(px: Uint8Array): void {
  for (let i = 0; i < px.length; i += 3) {
    const y = px[i];
    const cb = px[i + 1] - 128;
    const cr = px[i + 2] - 128;
    px[i] = clamp255(Math.round(y + 1.402 * cr));
    px[i + 1] = clamp255(Math.round(y - 0.344136 * cb - 0.714136 * cr));
    px[i + 2] = clamp255(Math.round(y + 1.772 * cb));
  }
}

function clamp255(v: number): number {
  return Math.min(255, Math.max(0, v));
}

/**
 * Planar `[C, H', W']` from interleaved RGB `[h, w, 3]`, applying EXIF orientation
 * (https://www.cipa.jp/std/documents/e/DC-008-2012_E.pdf, tag 0x0112):
 * 1 as stored, 2 mirror, 3 rotate 180°, 4 flip, 5 transpose, 6 rotate 90° CW, 7 transverse, 8 rotate 90° CCW.
 */
export function orient(rgb: Uint8Array, w: number, h: number, channels: 1 | 3, orientation: number): NDArray<'float32'> {
  const swap = orientation >= 5 && orientation <= 8;
  const W = swap ? h : w;
  const H = swap ? w : h;
  const out = new NDArray('float32', [channels, H, W]);
  const dst = out.data;
  const plane = H * W;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let X: number;
      let Y: number;
      switch (orientation) {
        case 2:
          [X, Y] = [w - 1 - x, y];
          break;
        case 3:
          [X, Y] = [w - 1 - x, h - 1 - y];
          break;
        case 4:
          [X, Y] = [x, h - 1 - y];
          break;
        case 5:
          [X, Y] = [y, x];
          break;
        case 6:
          [X, Y] = [h - 1 - y, x];
          break;
        case 7:
          [X, Y] = [h - 1 - y, w - 1 - x];
          break;
        case 8:
          [X, Y] = [y, w - 1 - x];
          break;
        default:
          [X, Y] = [x, y];
      }
      const s = 3 * (y * w + x);
      const d = Y * W + X;
      for (let c = 0; c < channels; c++) dst[c * plane + d] = rgb[s + c];
    }
  }
  return out;
}

/** EXIF orientation from an APP1 segment body (`Exif\0\0` + TIFF), or undefined. */
function exifOrientation(seg: Uint8Array): number | undefined {
  if (seg.length < 14 || String.fromCharCode(...seg.subarray(0, 4)) !== 'Exif' || seg[4] !== 0 || seg[5] !== 0) return undefined;
  const tiff = seg.subarray(6);
  const view = new DataView(tiff.buffer, tiff.byteOffset, tiff.byteLength);
  const order = String.fromCharCode(tiff[0], tiff[1]);
  if (order !== 'II' && order !== 'MM') return undefined;
  const le = order === 'II';
  const ifd = view.getUint32(4, le);
  if (ifd + 2 > tiff.length) return undefined;
  const count = view.getUint16(ifd, le);
  for (let i = 0; i < count; i++) {
    const e = ifd + 2 + 12 * i;
    if (e + 12 > tiff.length) return undefined;
    if (view.getUint16(e, le) === 0x0112) {
      const v = view.getUint16(e + 8, le);
      return v >= 1 && v <= 8 ? v : undefined;
    }
  }
  return undefined;
}

/** True when an EOI marker (FF D9) appears; files cut short lose it. */
function hasEndMarker(bytes: Uint8Array): boolean {
  for (let i = bytes.length - 2; i >= 2; i--) if (bytes[i] === 0xff && bytes[i + 1] === 0xd9) return true;
  return false;
}

function hex(b: number): string {
  return b.toString(16).toUpperCase().padStart(2, '0');
}
