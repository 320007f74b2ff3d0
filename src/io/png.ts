/**
 * PNG decode and encode (https://www.w3.org/TR/png-3/), inflate/deflate by fflate.
 *
 * Decodes bit depths 1/2/4/8/16, colour types gray, gray+alpha, RGB, RGBA and palette
 * (with tRNS alpha), Adam7 interlacing and all five filters; every chunk's CRC is checked.
 * Output is a float32 `[C, H, W]` image on the 0..255 scale:
 * - depths below 8 are scaled to 0..255 (a 1-bit 1 is 255, a 4-bit 15 is 255);
 * - **16-bit samples stay 16-bit**: each is stored as `v / 257` (a float on 0..255, not rounded),
 *   and `bitDepth` reports 16, so `encodePng(image, { bitDepth: 16 })` round-trips exactly;
 * - palette images expand to RGB, or RGBA when a tRNS chunk is present;
 * - tRNS on gray / RGB images (a single transparent colour) is ignored: channels stay 1 / 3.
 */
import { unzlibSync, zlibSync } from 'fflate';
import { ArgumentError, DecodeError, LimitError, ShapeError } from '../core/errors.js';
import { NDArray } from '../core/ndarray.js';

export const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export interface PngHeader {
  width: number;
  height: number;
  /** Bits per sample (per palette index for colour type 3). */
  bitDepth: 1 | 2 | 4 | 8 | 16;
  /** 0 gray, 2 RGB, 3 palette, 4 gray+alpha, 6 RGBA. */
  colorType: 0 | 2 | 3 | 4 | 6;
  interlaced: boolean;
  /** Channels of the decoded image (palette: 3, or 4 with tRNS). */
  channels: 1 | 2 | 3 | 4;
}

/** Samples per pixel as stored, by colour type. */
const STORED_SAMPLES: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
const ALLOWED_DEPTHS: Record<number, number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };

/** Adam7 passes: [x0, y0, dx, dy]. */
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
];

interface Chunk {
  type: string;
  data: Uint8Array;
}

/** Read the signature, IHDR and (to count channels) the chunks up to the first IDAT. No pixel memory is used. */
export function readPngHeader(bytes: Uint8Array, name = 'image'): PngHeader {
  let channels: PngHeader['channels'] | undefined;
  let ihdr: Omit<PngHeader, 'channels'> | undefined;
  for (const chunk of chunks(bytes, name)) {
    if (!ihdr) {
      if (chunk.type !== 'IHDR') throw new DecodeError(`${name}: PNG does not start with an IHDR chunk`, name);
      ihdr = parseIhdr(chunk.data, name);
      if (ihdr.colorType !== 3) break;
      channels = 3;
    } else if (chunk.type === 'tRNS') {
      channels = 4;
    } else if (chunk.type === 'IDAT' || chunk.type === 'IEND') {
      break;
    }
  }
  if (!ihdr) throw new DecodeError(`${name}: PNG has no IHDR chunk`, name);
  const stored = STORED_SAMPLES[ihdr.colorType] as 1 | 2 | 3 | 4;
  return { ...ihdr, channels: channels ?? stored };
}

export interface DecodedPng {
  /** `[C, H, W]` float32 on 0..255. */
  image: NDArray<'float32'>;
  header: PngHeader;
}

/** Decode a PNG. `maxPixels` is checked from IHDR before any pixel buffer is allocated. */
export function decodePng(bytes: Uint8Array, opts: { name?: string; maxPixels?: number } = {}): DecodedPng {
  const name = opts.name ?? 'image';
  const maxPixels = opts.maxPixels ?? 100_000_000;
  const header = readPngHeader(bytes, name);
  const { width, height, bitDepth, colorType } = header;
  if (width * height > maxPixels) {
    throw new LimitError(
      `${name}: image is ${width}×${height} = ${width * height} pixels, over the limit of ${maxPixels} pixels (maxPixels)`,
      name,
    );
  }
  let palette: Uint8Array | undefined;
  let trns: Uint8Array | undefined;
  const idat: Uint8Array[] = [];
  let ended = false;
  for (const chunk of chunks(bytes, name)) {
    if (chunk.type === 'PLTE') palette = chunk.data;
    else if (chunk.type === 'tRNS') trns = chunk.data;
    else if (chunk.type === 'IDAT') idat.push(chunk.data);
    else if (chunk.type === 'IEND') {
      ended = true;
      break;
    }
  }
  if (!ended) throw new DecodeError(`${name}: PNG is truncated (no IEND chunk)`, name);
  if (idat.length === 0) throw new DecodeError(`${name}: PNG has no IDAT chunk`, name);
  if (colorType === 3 && (!palette || palette.length % 3 !== 0 || palette.length === 0)) {
    throw new DecodeError(`${name}: palette PNG has a missing or malformed PLTE chunk`, name);
  }

  const bitsPerPixel = bitDepth * STORED_SAMPLES[colorType];
  const passes = header.interlaced ? ADAM7 : [[0, 0, 1, 1]];
  let rawSize = 0;
  for (const [x0, y0, dx, dy] of passes) {
    const pw = Math.ceil((width - x0) / dx);
    const ph = Math.ceil((height - y0) / dy);
    if (pw > 0 && ph > 0) rawSize += ph * (1 + Math.ceil((pw * bitsPerPixel) / 8));
  }
  const raw = inflate(idat, rawSize, name);

  const C = header.channels;
  const out = new NDArray('float32', [C, height, width]);
  const put = makeWriter(out.data, header, palette, trns, name);
  const bpp = Math.max(1, bitsPerPixel >> 3); // filter byte distance
  let pos = 0;
  for (const [x0, y0, dx, dy] of passes) {
    const pw = Math.ceil((width - x0) / dx);
    const ph = Math.ceil((height - y0) / dy);
    if (pw <= 0 || ph <= 0) continue;
    const stride = Math.ceil((pw * bitsPerPixel) / 8);
    let prev: Uint8Array = new Uint8Array(stride); // the row above, zero for the first row of a pass
    for (let r = 0; r < ph; r++) {
      const filter = raw[pos];
      const line = raw.subarray(pos + 1, pos + 1 + stride);
      pos += 1 + stride;
      unfilter(filter, line, prev, bpp, name, y0 + r * dy);
      put(line, pw, (y0 + r * dy) * width, x0, dx);
      prev = line;
    }
  }
  return { image: out, header };
}

/** Encode a `[C, H, W]` (or `[H, W]`) image on 0..255 as PNG; values are rounded and clipped. 16-bit stores `value * 257`. */
export function encodePng(image: NDArray, opts: { bitDepth?: 8 | 16; level?: number } = {}): Uint8Array {
  const bitDepth = opts.bitDepth ?? 8;
  if (bitDepth !== 8 && bitDepth !== 16) throw new ArgumentError(`bitDepth: expected 8 or 16, got ${bitDepth}`, 'bitDepth');
  if (image.dtype === 'complex64' || image.dtype === 'complex128') {
    throw new ArgumentError(`image: expected a real dtype for PNG encoding, got ${image.dtype}`, 'image');
  }
  const shape = image.shape.length === 2 ? [1, ...image.shape] : image.shape;
  const [C, H, W] = shape;
  if (shape.length !== 3 || C < 1 || C > 4 || H < 1 || W < 1) {
    throw new ShapeError(`image: expected shape [C, H, W] with C = 1..4 and H, W ≥ 1, got [${image.shape.join(', ')}]`, 'image');
  }
  const colorType = [0, 4, 2, 6][C - 1];
  const bpp = (C * bitDepth) / 8;
  const stride = W * bpp;
  const src = image.data;
  const plane = H * W;
  const scale = bitDepth === 16 ? 257 : 1;
  const max = bitDepth === 16 ? 65535 : 255;
  const raw = new Uint8Array(H * (stride + 1)); // filtered rows
  let prev: Uint8Array = new Uint8Array(stride);
  const cur = new Uint8Array(stride);
  const trial = new Uint8Array(stride);
  const best = new Uint8Array(stride);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      for (let c = 0; c < C; c++) {
        const v = src[c * plane + y * W + x];
        const q = Number.isNaN(v) ? 0 : Math.min(max, Math.max(0, Math.round(v * scale)));
        if (bitDepth === 8) cur[x * C + c] = q;
        else {
          cur[2 * (x * C + c)] = q >> 8;
          cur[2 * (x * C + c) + 1] = q & 255;
        }
      }
    }
    // Adaptive filtering: the filter with the smallest sum of |signed bytes| (libpng's heuristic).
    let bestFilter = 0;
    let bestCost = Number.POSITIVE_INFINITY;
    for (let f = 0; f < 5; f++) {
      const cost = filterRow(f, cur, prev, bpp, trial);
      if (cost < bestCost) {
        bestCost = cost;
        bestFilter = f;
        best.set(trial);
      }
    }
    raw[y * (stride + 1)] = bestFilter;
    raw.set(best, y * (stride + 1) + 1);
    prev = cur.slice();
  }
  const ihdr = new Uint8Array(13);
  const view = new DataView(ihdr.buffer);
  view.setUint32(0, W);
  view.setUint32(4, H);
  ihdr.set([bitDepth, colorType, 0, 0, 0], 8);
  const idat = zlibSync(raw, { level: (opts.level ?? 6) as 6 });
  const parts = [Uint8Array.from(PNG_SIGNATURE), chunk('IHDR', ihdr), chunk('IDAT', idat), chunk('IEND', new Uint8Array(0))];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

function* chunks(bytes: Uint8Array, name: string): Generator<Chunk> {
  if (bytes.length < 8 || PNG_SIGNATURE.some((b, i) => bytes[i] !== b)) {
    throw new DecodeError(`${name}: not a PNG file (bad signature)`, name);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let pos = 8;
  while (pos < bytes.length) {
    if (pos + 12 > bytes.length) throw new DecodeError(`${name}: PNG is truncated inside a chunk header at byte ${pos}`, name);
    const len = view.getUint32(pos);
    const type = String.fromCharCode(bytes[pos + 4], bytes[pos + 5], bytes[pos + 6], bytes[pos + 7]);
    if (!/^[A-Za-z]{4}$/.test(type)) throw new DecodeError(`${name}: PNG has a malformed chunk type at byte ${pos}`, name);
    const end = pos + 8 + len;
    if (end + 4 > bytes.length) throw new DecodeError(`${name}: PNG is truncated in chunk ${type} at byte ${pos}`, name);
    const crc = view.getUint32(end);
    if (crc32(bytes, pos + 4, end) !== crc) throw new DecodeError(`${name}: PNG chunk ${type} at byte ${pos} fails its CRC check`, name);
    yield { type, data: bytes.subarray(pos + 8, end) };
    pos = end + 4;
  }
}

function parseIhdr(d: Uint8Array, name: string): Omit<PngHeader, 'channels'> {
  if (d.length !== 13) throw new DecodeError(`${name}: PNG IHDR chunk has length ${d.length}, expected 13`, name);
  const view = new DataView(d.buffer, d.byteOffset, 13);
  const width = view.getUint32(0);
  const height = view.getUint32(4);
  const [bitDepth, colorType, compression, filter, interlace] = d.subarray(8);
  if (width === 0 || height === 0 || width > 0x7fffffff || height > 0x7fffffff) {
    throw new DecodeError(`${name}: PNG has invalid size ${width}×${height}`, name);
  }
  if (!ALLOWED_DEPTHS[colorType]) throw new DecodeError(`${name}: PNG has unknown colour type ${colorType}`, name);
  if (!ALLOWED_DEPTHS[colorType].includes(bitDepth)) {
    throw new DecodeError(`${name}: PNG bit depth ${bitDepth} is not allowed with colour type ${colorType}`, name);
  }
  if (compression !== 0 || filter !== 0 || interlace > 1) {
    throw new DecodeError(`${name}: PNG has unknown compression/filter/interlace method (${compression}/${filter}/${interlace})`, name);
  }
  return {
    width,
    height,
    bitDepth: bitDepth as PngHeader['bitDepth'],
    colorType: colorType as PngHeader['colorType'],
    interlaced: interlace === 1,
  };
}

function inflate(idat: Uint8Array[], rawSize: number, name: string): Uint8Array {
  let total = 0;
  for (const d of idat) total += d.length;
  const joined = new Uint8Array(total);
  let off = 0;
  for (const d of idat) {
    joined.set(d, off);
    off += d.length;
  }
  let raw: Uint8Array;
  try {
    // One byte of slack so that too much data is seen as such; fflate truncates to `out`.
    raw = unzlibSync(joined, { out: new Uint8Array(rawSize + 1) });
  } catch (err) {
    throw new DecodeError(`${name}: PNG image data is corrupt (${(err as Error).message})`, name, { cause: err });
  }
  if (raw.length < rawSize) {
    throw new DecodeError(`${name}: PNG image data is truncated (${raw.length} of ${rawSize} bytes)`, name);
  }
  return raw;
}

/** Undo one row's filter in place (`line` becomes the raw bytes). */
function unfilter(filter: number, line: Uint8Array, prev: Uint8Array, bpp: number, name: string, row: number): void {
  const n = line.length;
  switch (filter) {
    case 0:
      return;
    case 1:
      for (let i = bpp; i < n; i++) line[i] = (line[i] + line[i - bpp]) & 255;
      return;
    case 2:
      for (let i = 0; i < n; i++) line[i] = (line[i] + prev[i]) & 255;
      return;
    case 3:
      for (let i = 0; i < n; i++) line[i] = (line[i] + (((i >= bpp ? line[i - bpp] : 0) + prev[i]) >> 1)) & 255;
      return;
    case 4:
      for (let i = 0; i < n; i++) {
        const a = i >= bpp ? line[i - bpp] : 0;
        const c = i >= bpp ? prev[i - bpp] : 0;
        line[i] = (line[i] + paeth(a, prev[i], c)) & 255;
      }
      return;
    default:
      throw new DecodeError(`${name}: PNG row ${row} has unknown filter type ${filter}`, name);
  }
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  if (pa <= pb && pa <= pc) return a;
  return pb <= pc ? b : c;
}

/** Apply filter `f` to `cur` into `out`; returns libpng's cost (sum of bytes as signed magnitudes). */
function filterRow(f: number, cur: Uint8Array, prev: Uint8Array, bpp: number, out: Uint8Array): number {
  const n = cur.length;
  for (let i = 0; i < n; i++) {
    const a = i >= bpp ? cur[i - bpp] : 0;
    switch (f) {
      case 0:
        out[i] = cur[i];
        break;
      case 1:
        out[i] = cur[i] - a;
        break;
      case 2:
        out[i] = cur[i] - prev[i];
        break;
      case 3:
        out[i] = cur[i] - ((a + prev[i]) >> 1);
        break;
      default:
        out[i] = cur[i] - paeth(a, prev[i], i >= bpp ? prev[i - bpp] : 0);
    }
  }
  let cost = 0;
  for (let i = 0; i < n; i++) {
    const v = out[i];
    cost += v < 128 ? v : 256 - v;
  }
  return cost;
}

type RowWriter = (line: Uint8Array, count: number, rowBase: number, x0: number, dx: number) => void;

/** A function that writes one unfiltered row of `count` pixels into the planar float output. */
function makeWriter(
  out: Float32Array,
  header: PngHeader,
  palette: Uint8Array | undefined,
  trns: Uint8Array | undefined,
  name: string,
): RowWriter {
  const { width, height, bitDepth, colorType, channels } = header;
  const plane = width * height;
  const samples = STORED_SAMPLES[colorType];
  if (colorType === 3) {
    const pal = palette as Uint8Array;
    const entries = pal.length / 3;
    return (line, count, rowBase, x0, dx) => {
      for (let i = 0; i < count; i++) {
        const idx = sampleAt(line, i, bitDepth);
        if (idx >= entries) throw new DecodeError(`${name}: PNG palette index ${idx} is out of range (${entries} entries)`, name);
        const p = rowBase + x0 + i * dx;
        out[p] = pal[3 * idx];
        out[plane + p] = pal[3 * idx + 1];
        out[2 * plane + p] = pal[3 * idx + 2];
        if (channels === 4) out[3 * plane + p] = trns && idx < trns.length ? trns[idx] : 255;
      }
    };
  }
  if (bitDepth === 16) {
    return (line, count, rowBase, x0, dx) => {
      for (let i = 0; i < count; i++) {
        const p = rowBase + x0 + i * dx;
        for (let c = 0; c < samples; c++) {
          const k = 2 * (i * samples + c);
          out[c * plane + p] = ((line[k] << 8) | line[k + 1]) / 257;
        }
      }
    };
  }
  if (bitDepth === 8) {
    return (line, count, rowBase, x0, dx) => {
      for (let i = 0; i < count; i++) {
        const p = rowBase + x0 + i * dx;
        for (let c = 0; c < samples; c++) out[c * plane + p] = line[i * samples + c];
      }
    };
  }
  const scale = 255 / ((1 << bitDepth) - 1); // gray at 1, 2 or 4 bits
  return (line, count, rowBase, x0, dx) => {
    for (let i = 0; i < count; i++) out[rowBase + x0 + i * dx] = sampleAt(line, i, bitDepth) * scale;
  };
}

/** The i-th sub-byte (or byte) sample of a row, most significant bits first. */
function sampleAt(line: Uint8Array, i: number, bitDepth: number): number {
  if (bitDepth === 8) return line[i];
  const perByte = 8 / bitDepth;
  const shift = 8 - bitDepth * ((i % perByte) + 1);
  return (line[(i / perByte) | 0] >> shift) & ((1 << bitDepth) - 1);
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out, 4, 8 + data.length));
  return out;
}

let CRC_TABLE: Uint32Array | undefined;

/** CRC-32 (ISO 3309) of bytes[start, end), as PNG chunks use it. */
export function crc32(bytes: Uint8Array, start = 0, end = bytes.length): number {
  if (!CRC_TABLE) {
    CRC_TABLE = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      CRC_TABLE[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = start; i < end; i++) c = CRC_TABLE[(c ^ bytes[i]) & 255] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
