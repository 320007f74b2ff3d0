import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { NDArray } from '../../src/core/ndarray.js';
import { encodeGif, lzwEncode } from '../../src/io/gif.js';
import { parseNpy } from '../../src/io/npy.js';

/** A plain GIF decoder written from the spec (appendix F), for the tests: frames as RGB `[3, H, W]` arrays (no transparency). */
function decodeGif(bytes: Uint8Array): { width: number; height: number; frames: Uint8Array[]; delays: number[]; loop: number | null } {
  let pos = 0;
  const u8 = () => bytes[pos++];
  const u16 = () => bytes[pos++] | (bytes[pos++] << 8);
  const sig = String.fromCharCode(...bytes.subarray(0, 6));
  if (sig !== 'GIF89a' && sig !== 'GIF87a') throw new Error(`not a GIF: ${sig}`);
  pos = 6;
  const width = u16();
  const height = u16();
  const packed = u8();
  pos += 2;
  let global: Uint8Array | null = null;
  if (packed & 0x80) {
    const n = 3 << ((packed & 7) + 1);
    global = bytes.slice(pos, pos + n);
    pos += n;
  }
  const canvas = new Uint8Array(3 * width * height);
  const frames: Uint8Array[] = [];
  const delays: number[] = [];
  let loop: number | null = null;
  const subBlocks = (): Uint8Array => {
    const parts: number[] = [];
    for (let len = u8(); len > 0; len = u8()) for (let i = 0; i < len; i++) parts.push(u8());
    return Uint8Array.from(parts);
  };
  for (;;) {
    const b = u8();
    if (b === 0x3b) break;
    if (b === 0x21) {
      const label = u8();
      const data = subBlocks();
      if (label === 0xf9) delays.push(data[1] | (data[2] << 8));
      if (label === 0xff && String.fromCharCode(...data.subarray(0, 11)) === 'NETSCAPE2.0') loop = data[12] | (data[13] << 8);
      continue;
    }
    if (b !== 0x2c) throw new Error(`unexpected block 0x${b.toString(16)} at ${pos - 1}`);
    const [left, top, w, h] = [u16(), u16(), u16(), u16()];
    const ipacked = u8();
    let table = global;
    if (ipacked & 0x80) {
      const n = 3 << ((ipacked & 7) + 1);
      table = bytes.slice(pos, pos + n);
      pos += n;
    }
    const minCodeSize = u8();
    const data = subBlocks();
    const index = lzwDecode(data, minCodeSize, w * h);
    for (let i = 0; i < w * h; i++) {
      const y = top + Math.floor(i / w);
      const x = left + (i % w);
      for (let c = 0; c < 3; c++) canvas[c * width * height + y * width + x] = table![3 * index[i] + c];
    }
    frames.push(canvas.slice());
  }
  return { width, height, frames, delays, loop };
}

function lzwDecode(data: Uint8Array, minCodeSize: number, n: number): Uint8Array {
  const clear = 1 << minCodeSize;
  const eoi = clear + 1;
  let dict: number[][] = [];
  const reset = () => {
    dict = Array.from({ length: clear + 2 }, (_, i) => [i]);
  };
  reset();
  let size = minCodeSize + 1;
  let bitPos = 0;
  const out: number[] = [];
  let prev: number[] | null = null;
  while (bitPos + size <= data.length * 8) {
    let code = 0;
    for (let i = 0; i < size; i++, bitPos++) code |= ((data[bitPos >> 3] >> (bitPos & 7)) & 1) << i;
    if (code === clear) {
      reset();
      size = minCodeSize + 1;
      prev = null;
      continue;
    }
    if (code === eoi) break;
    let entry: number[];
    if (code < dict.length) entry = dict[code];
    else if (code === dict.length && prev) entry = [...prev, prev[0]];
    else throw new Error(`bad LZW code ${code} (table ${dict.length})`);
    out.push(...entry);
    if (prev) dict.push([...prev, entry[0]]);
    if (dict.length === 1 << size && size < 12) size++;
    prev = entry;
  }
  if (out.length !== n) throw new Error(`LZW: expected ${n} indices, got ${out.length}`);
  return Uint8Array.from(out);
}

const golden = (name: string) => new URL(`../golden/diffusion/${name}`, import.meta.url);

describe('decodeGif (the test decoder) against Pillow', () => {
  it("decodes Pillow's animated GIF to the frames Pillow was given", () => {
    const gif = decodeGif(new Uint8Array(readFileSync(fileURLToPath(golden('pil.gif')))));
    const want = parseNpy(new Uint8Array(readFileSync(fileURLToPath(golden('pil_frames.npy')))));
    expect([gif.width, gif.height, gif.frames.length, gif.loop]).toEqual([41, 29, 3, 0]);
    const n = 41 * 29;
    for (let k = 0; k < 3; k++) for (let i = 0; i < n; i++) expect(gif.frames[k][i]).toBe(want.data[k * n + i]);
  });
});

describe('encodeGif', () => {
  it('encodeGif(gray frames, { delay, loop }) round-trips every pixel, the delay and the loop count', () => {
    const frames = [0, 1, 2].map(
      (k) =>
        new NDArray(
          'float64',
          [23, 37],
          Float64Array.from({ length: 23 * 37 }, (_, i) => ((i * (k + 3)) % 256) + 0.3),
        ),
    );
    const gif = decodeGif(encodeGif(frames, { delay: 120, loop: 2 }));
    expect([gif.width, gif.height, gif.frames.length, gif.loop, gif.delays]).toEqual([37, 23, 3, 2, [12, 12, 12]]);
    for (let k = 0; k < 3; k++) {
      for (let i = 0; i < 23 * 37; i++) expect(gif.frames[k][i]).toBe(Math.round(frames[k].data[i]));
    }
  });

  it('encodeGif handles a frame long enough to fill the LZW table several times (random noise, 300×200)', () => {
    let s = 1;
    const noise = new NDArray(
      'float32',
      [1, 200, 300],
      Float32Array.from({ length: 60000 }, () => ((s = (s * 1103515245 + 12345) >>> 0) >>> 24) & 255),
    );
    const gif = decodeGif(encodeGif([noise]));
    for (let i = 0; i < 60000; i++) expect(gif.frames[0][i]).toBe(noise.data[i]);
    const flat = decodeGif(encodeGif([new NDArray('float32', [200, 300]).copy()]));
    expect(flat.frames[0].every((v) => v === 0)).toBe(true);
  });

  it('encodeGif([3, H, W] RGB) quantises to the 6×7×6 cube: error at most half a level', () => {
    const rgb = new NDArray(
      'float32',
      [3, 8, 9],
      Float32Array.from({ length: 216 }, (_, i) => (i * 37) % 256),
    );
    const gif = decodeGif(encodeGif([rgb]));
    const steps = [255 / 5, 255 / 6, 255 / 5];
    for (let c = 0; c < 3; c++)
      for (let i = 0; i < 72; i++)
        expect(Math.abs(gif.frames[0][c * 72 + i] - rgb.data[c * 72 + i])).toBeLessThanOrEqual(steps[c] / 2 + 0.5);
  });

  it('encodeGif(frames, { palette }) writes the given colormap; clips to 0..255', () => {
    const palette = new Uint8Array(768);
    for (let i = 0; i < 256; i++) palette.set([i, 255 - i, 7], 3 * i);
    const gif = decodeGif(encodeGif([new NDArray('float64', [1, 3], Float64Array.from([-5, 100, 999]))], { palette }));
    expect([...gif.frames[0]]).toEqual([0, 100, 255, 255, 155, 0, 7, 7, 7]);
  });

  it('lzwEncode(indices) starts with the minimum code size and ends with a zero-length block', () => {
    const bytes = lzwEncode(Uint8Array.from([1, 1, 1, 1]));
    expect(bytes[0]).toBe(8);
    expect(bytes[bytes.length - 1]).toBe(0);
    expect([...lzwDecode(bytes.subarray(2, bytes.length - 1), 8, 4)]).toEqual([1, 1, 1, 1]);
  });

  it('encodeGif refuses no frames, mismatched shapes and bad options', () => {
    const a = new NDArray('float32', [4, 4]);
    expect(() => encodeGif([])).toThrow(/frames/);
    expect(() => encodeGif([a, new NDArray('float32', [4, 5])])).toThrow(/frames\[1\]/);
    expect(() => encodeGif([new NDArray('float32', [2, 4, 4])])).toThrow(/C in 1, 3, 4/);
    expect(() => encodeGif([a], { loop: -1 })).toThrow(/loop/);
    expect(() => encodeGif([a], { palette: new Uint8Array(3) })).toThrow(/palette/);
  });
});
