/**
 * WAV (RIFF WAVE) decode and encode.
 *
 * Decode: PCM 8-bit (unsigned), 16, 24 and 32-bit (signed), IEEE float 32 / 64, plain
 * `fmt ` chunks or WAVE_FORMAT_EXTENSIBLE (the sub-format GUID decides PCM vs float). Samples
 * come out as float32 on [−1, 1): PCM divided by 2^(bits−1) (8-bit: (v − 128) / 128), floats as
 * stored. `mono: true` (default) mixes the channels down to their mean. Chunks other than
 * `fmt ` and `data` are skipped; a `data` chunk cut short by the end of the file is a DecodeError
 * (so is anything that is not RIFF/WAVE, an unknown format, or a missing chunk).
 *
 * Encode: 16-bit PCM or float32, for tests, the lab and `convolab find` fixtures.
 */
import { ArgumentError, DecodeError } from '../core/errors.js';

export interface WavInfo {
  sampleRate: number;
  channels: number;
  bitsPerSample: number;
  /** 'pcm' (integer) or 'float'. */
  format: 'pcm' | 'float';
  /** Samples per channel. */
  frames: number;
}

export interface DecodedWav extends WavInfo {
  /** One Float32Array per channel, or a single mixed-down channel with `mono`. */
  channelData: Float32Array[];
}

const WAVE_FORMAT_PCM = 1;
const WAVE_FORMAT_IEEE_FLOAT = 3;
const WAVE_FORMAT_EXTENSIBLE = 0xfffe;

function tag(b: Uint8Array, at: number): string {
  return String.fromCharCode(b[at], b[at + 1], b[at + 2], b[at + 3]);
}

interface Layout extends WavInfo {
  dataOffset: number;
  blockAlign: number;
}

/** Header fields and where the samples start, from the chunk list. */
export function readWavInfo(bytes: Uint8Array, name = 'wav'): WavInfo & { dataOffset: number } {
  return layout(bytes, name);
}

/**
 * The layout of a WAV file read in parts: `head` is the file's first bytes (at least through the
 * 'data' chunk header), `fileSize` its whole length (the truncation check uses it). With
 * decodeWavFrames, a long recording decodes a block of frames at a time.
 */
export function readWavLayout(head: Uint8Array, fileSize: number, name = 'wav'): WavInfo & { dataOffset: number; blockAlign: number } {
  return layout(head, name, fileSize);
}

/** Decode whole frames (`bytes`: a multiple of blockAlign from the data chunk) mixed to mono into out[0 ..). */
export function decodeWavFrames(bytes: Uint8Array, info: WavInfo & { blockAlign: number }, out: Float32Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const read = sampleReader(view, { ...info, dataOffset: 0 });
  const C = info.channels;
  const step = info.bitsPerSample / 8;
  const frames = Math.min(out.length, Math.floor(bytes.length / info.blockAlign));
  for (let f = 0; f < frames; f++) {
    let s = 0;
    for (let c = 0; c < C; c++) s += read(f * info.blockAlign + c * step);
    out[f] = s / C;
  }
  return frames;
}

function layout(bytes: Uint8Array, name: string, total = bytes.length): Layout {
  if (bytes.length < 12 || tag(bytes, 0) !== 'RIFF' || tag(bytes, 8) !== 'WAVE') {
    const what = bytes.length === 0 ? 'the file is empty' : 'no RIFF/WAVE header';
    throw new DecodeError(`${name}: not a WAV file (${what})`, name);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let fmt: Omit<Layout, 'dataOffset' | 'frames'> | undefined;
  let at = 12;
  while (at + 8 <= bytes.length) {
    const id = tag(bytes, at);
    const size = view.getUint32(at + 4, true);
    const body = at + 8;
    if (id === 'fmt ') {
      if (size < 16 || body + size > bytes.length) throw new DecodeError(`${name}: truncated 'fmt ' chunk`, name);
      fmt = readFmt(view, body, size, name);
    } else if (id === 'data') {
      if (fmt === undefined) throw new DecodeError(`${name}: 'data' chunk before the 'fmt ' chunk`, name);
      if (body + size > total) {
        throw new DecodeError(`${name}: truncated: the 'data' chunk declares ${size} bytes but only ${total - body} remain`, name);
      }
      return {
        ...fmt,
        dataOffset: body,
        frames: Math.floor(size / fmt.blockAlign),
      };
    }
    at = body + size + (size & 1); // chunks are word-aligned
  }
  throw new DecodeError(`${name}: truncated or incomplete WAV: no ${fmt === undefined ? "'fmt '" : "'data'"} chunk found`, name);
}

function readFmt(view: DataView, at: number, size: number, name: string): Omit<Layout, 'dataOffset' | 'frames'> {
  let code = view.getUint16(at, true);
  const channels = view.getUint16(at + 2, true);
  const sampleRate = view.getUint32(at + 4, true);
  const blockAlign = view.getUint16(at + 12, true);
  const bitsPerSample = view.getUint16(at + 14, true);
  if (code === WAVE_FORMAT_EXTENSIBLE) {
    if (size < 40) throw new DecodeError(`${name}: WAVE_FORMAT_EXTENSIBLE 'fmt ' chunk is ${size} bytes, expected 40`, name);
    code = view.getUint16(at + 24, true); // first two bytes of the sub-format GUID
  }
  const format = code === WAVE_FORMAT_PCM ? 'pcm' : code === WAVE_FORMAT_IEEE_FLOAT ? 'float' : undefined;
  if (format === undefined) throw new DecodeError(`${name}: unsupported WAV sample format ${code} (expected PCM or IEEE float)`, name);
  const ok = format === 'pcm' ? [8, 16, 24, 32].includes(bitsPerSample) : [32, 64].includes(bitsPerSample);
  if (!ok) throw new DecodeError(`${name}: unsupported ${bitsPerSample}-bit ${format} samples`, name);
  if (channels < 1) throw new DecodeError(`${name}: the 'fmt ' chunk declares ${channels} channels`, name);
  if (blockAlign !== (channels * bitsPerSample) / 8) {
    throw new DecodeError(`${name}: block align ${blockAlign} does not match ${channels} channel(s) of ${bitsPerSample} bits`, name);
  }
  if (!(sampleRate > 0)) throw new DecodeError(`${name}: sample rate ${sampleRate} is not positive`, name);
  return { format, channels, sampleRate, bitsPerSample, blockAlign };
}

/** Decode a whole WAV file to float32 samples (mixed to one channel unless `mono: false`). */
export function decodeWav(bytes: Uint8Array, opts: { mono?: boolean; name?: string } = {}): DecodedWav {
  const name = opts.name ?? 'wav';
  const l = layout(bytes, name);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const read = sampleReader(view, l);
  const C = l.channels;
  const mono = opts.mono ?? true;
  const out = Array.from({ length: mono ? 1 : C }, () => new Float32Array(l.frames));
  const step = l.bitsPerSample / 8;
  for (let f = 0; f < l.frames; f++) {
    const base = l.dataOffset + f * l.blockAlign;
    if (mono) {
      let s = 0;
      for (let c = 0; c < C; c++) s += read(base + c * step);
      out[0][f] = s / C;
    } else {
      for (let c = 0; c < C; c++) out[c][f] = read(base + c * step);
    }
  }
  const { dataOffset: _d, blockAlign: _b, ...info } = l;
  return { ...info, channelData: out };
}

function sampleReader(v: DataView, l: Layout): (at: number) => number {
  if (l.format === 'float') return l.bitsPerSample === 32 ? (at) => v.getFloat32(at, true) : (at) => v.getFloat64(at, true);
  switch (l.bitsPerSample) {
    case 8:
      return (at) => (v.getUint8(at) - 128) / 128;
    case 16:
      return (at) => v.getInt16(at, true) / 32768;
    case 24:
      return (at) => ((v.getUint8(at) | (v.getUint8(at + 1) << 8) | (v.getInt8(at + 2) << 16)) as number) / 8388608;
    default:
      return (at) => v.getInt32(at, true) / 2147483648;
  }
}

/** A WAV file of the given channels (each a Float32Array of equal length, values on [−1, 1]). */
export function encodeWav(
  channelData: readonly (Float32Array | Float64Array)[],
  sampleRate: number,
  opts: { format?: 'pcm16' | 'float32' } = {},
): Uint8Array {
  const C = channelData.length;
  if (C < 1) throw new ArgumentError('channelData: expected at least one channel', 'channelData');
  const frames = channelData[0].length;
  if (channelData.some((ch) => ch.length !== frames)) throw new ArgumentError('channelData: channels differ in length', 'channelData');
  if (!(Number.isInteger(sampleRate) && sampleRate > 0))
    throw new ArgumentError(`sampleRate: expected a positive integer, got ${sampleRate}`, 'sampleRate');
  const float = (opts.format ?? 'pcm16') === 'float32';
  const bytesPer = float ? 4 : 2;
  const dataBytes = frames * C * bytesPer;
  const out = new Uint8Array(44 + dataBytes);
  const v = new DataView(out.buffer);
  const put = (at: number, s: string) => {
    for (let i = 0; i < 4; i++) out[at + i] = s.charCodeAt(i);
  };
  put(0, 'RIFF');
  v.setUint32(4, 36 + dataBytes, true);
  put(8, 'WAVE');
  put(12, 'fmt ');
  v.setUint32(16, 16, true);
  v.setUint16(20, float ? WAVE_FORMAT_IEEE_FLOAT : WAVE_FORMAT_PCM, true);
  v.setUint16(22, C, true);
  v.setUint32(24, sampleRate, true);
  v.setUint32(28, sampleRate * C * bytesPer, true);
  v.setUint16(32, C * bytesPer, true);
  v.setUint16(34, 8 * bytesPer, true);
  put(36, 'data');
  v.setUint32(40, dataBytes, true);
  for (let f = 0, at = 44; f < frames; f++) {
    for (let c = 0; c < C; c++, at += bytesPer) {
      const s = channelData[c][f];
      if (float) v.setFloat32(at, s, true);
      else v.setInt16(at, Math.max(-32768, Math.min(32767, Math.round(s * 32768))), true);
    }
  }
  return out;
}
