/**
 * Animated GIF (GIF89a) encoder, isomorphic (no node:fs). Frames are `[H, W]`, `[1, H, W]`
 * (gray: a 256-level gray palette, lossless after rounding) or `[3|4, H, W]` (RGB(A), alpha
 * ignored: quantised to a fixed 6×7×6 colour cube), values on 0..255 (rounded, clipped).
 * Image data is LZW-compressed with variable code sizes 9..12 bits and a clear code when the
 * table fills — the scheme of the GIF89a spec (https://www.w3.org/Graphics/GIF/spec-gif89a.txt,
 * appendix F), in the style of omggif's encoder. Looping uses the NETSCAPE2.0 extension.
 */
import { ArgumentError, ShapeError } from '../core/errors.js';
import type { NDArray } from '../core/ndarray.js';

export interface GifOptions {
  /** Delay between frames in milliseconds (rounded to 1/100 s; default 100). */
  delay?: number;
  /** Times to repeat the animation, 0 = forever (default 0). */
  loop?: number;
  /** A 256-entry palette `[r, g, b, …]` (768 bytes) for gray frames, e.g. a colormap; default gray. */
  palette?: Uint8Array;
}

/** The fixed colour cube for RGB frames: 6 levels of red, 7 of green, 6 of blue (252 colours). */
const CUBE = [6, 7, 6] as const;

function grayPalette(): Uint8Array {
  const p = new Uint8Array(768);
  for (let i = 0; i < 256; i++) p.fill(i, 3 * i, 3 * i + 3);
  return p;
}

function cubePalette(): Uint8Array {
  const p = new Uint8Array(768);
  let i = 0;
  for (let r = 0; r < CUBE[0]; r++) {
    for (let g = 0; g < CUBE[1]; g++) {
      for (let b = 0; b < CUBE[2]; b++) {
        p[3 * i] = Math.round((r * 255) / (CUBE[0] - 1));
        p[3 * i + 1] = Math.round((g * 255) / (CUBE[1] - 1));
        p[3 * i + 2] = Math.round((b * 255) / (CUBE[2] - 1));
        i++;
      }
    }
  }
  return p;
}

function byte(v: number): number {
  return v > 255 ? 255 : v >= 0 ? Math.round(v) : 0; // NaN → 0
}

/** Palette indices `[H·W]` of one frame. */
function indices(frame: NDArray, rgb: boolean): Uint8Array {
  const [H, W] = frame.shape.slice(-2);
  const n = H * W;
  const d = frame.data;
  const out = new Uint8Array(n);
  if (!rgb) {
    for (let i = 0; i < n; i++) out[i] = byte(d[i]);
    return out;
  }
  for (let i = 0; i < n; i++) {
    const r = Math.round((byte(d[i]) * (CUBE[0] - 1)) / 255);
    const g = Math.round((byte(d[n + i]) * (CUBE[1] - 1)) / 255);
    const b = Math.round((byte(d[2 * n + i]) * (CUBE[2] - 1)) / 255);
    out[i] = (r * CUBE[1] + g) * CUBE[2] + b;
  }
  return out;
}

/** A growable byte buffer. */
class Bytes {
  buf = new Uint8Array(1 << 16);
  length = 0;
  push(...values: number[]): void {
    for (const v of values) this.put(v);
  }
  put(v: number): void {
    if (this.length === this.buf.length) {
      const next = new Uint8Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    this.buf[this.length++] = v;
  }
  u16(v: number): void {
    this.put(v & 0xff);
    this.put((v >> 8) & 0xff);
  }
  ascii(s: string): void {
    for (let i = 0; i < s.length; i++) this.put(s.charCodeAt(i));
  }
  result(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}

/**
 * LZW-compress 8-bit indices and write them as GIF data sub-blocks (≤ 255 bytes each, then a
 * zero-length terminator). Minimum code size 8: clear = 256, end = 257, codes from 258.
 */
export function lzwEncode(index: Uint8Array): Uint8Array {
  const out = new Bytes();
  writeLzw(index, out);
  return out.result();
}

function writeLzw(index: Uint8Array, out: Bytes): void {
  const minCodeSize = 8;
  const clear = 1 << minCodeSize;
  const eoi = clear + 1;
  const table = new Int32Array(4096 << 8).fill(-1); // (prefix code << 8 | byte) → code
  const used: number[] = [];
  let codeSize = minCodeSize + 1;
  let next = eoi + 1;
  let bits = 0;
  let nbits = 0;
  const block = new Uint8Array(255);
  let blen = 0;
  const flushByte = (b: number) => {
    block[blen++] = b;
    if (blen === 255) {
      out.put(255);
      for (let i = 0; i < 255; i++) out.put(block[i]);
      blen = 0;
    }
  };
  const emit = (code: number) => {
    bits |= code << nbits;
    nbits += codeSize;
    while (nbits >= 8) {
      flushByte(bits & 0xff);
      bits >>>= 8;
      nbits -= 8;
    }
  };
  out.put(minCodeSize);
  emit(clear);
  if (index.length > 0) {
    let cur = index[0];
    for (let i = 1; i < index.length; i++) {
      const k = index[i];
      const key = (cur << 8) | k;
      const found = table[key];
      if (found >= 0) {
        cur = found;
        continue;
      }
      emit(cur);
      if (next === 4096) {
        emit(clear);
        for (const u of used) table[u] = -1;
        used.length = 0;
        next = eoi + 1;
        codeSize = minCodeSize + 1;
      } else {
        if (next >= 1 << codeSize) codeSize++;
        table[key] = next++;
        used.push(key);
      }
      cur = k;
    }
    emit(cur);
  }
  emit(eoi);
  if (nbits > 0) flushByte(bits & 0xff);
  if (blen > 0) {
    out.put(blen);
    for (let i = 0; i < blen; i++) out.put(block[i]);
  }
  out.put(0);
}

/** Encode frames as one animated GIF. All frames must share one shape. */
export function encodeGif(frames: readonly NDArray[], opts: GifOptions = {}): Uint8Array {
  if (frames.length === 0) throw new ArgumentError('frames: expected at least one frame', 'frames');
  const shape = frames[0].shape;
  const C = shape.length === 2 ? 1 : shape[0];
  if ((shape.length !== 2 && shape.length !== 3) || ![1, 3, 4].includes(C)) {
    throw new ShapeError(`frames: expected [H, W] or [C, H, W] with C in 1, 3, 4, got [${shape.join(', ')}]`, 'frames');
  }
  const [H, W] = shape.slice(-2);
  if (H < 1 || W < 1 || H > 65535 || W > 65535) throw new ShapeError(`frames: a GIF side must be 1..65535, got ${W}×${H}`, 'frames');
  frames.forEach((f, i) => {
    if (f.shape.length !== shape.length || f.shape.some((d, j) => d !== shape[j])) {
      throw new ShapeError(`frames[${i}]: shape [${f.shape.join(', ')}] differs from frames[0] [${shape.join(', ')}]`, 'frames');
    }
  });
  const delay = opts.delay ?? 100;
  const loop = opts.loop ?? 0;
  if (!(delay >= 0) || delay > 655350) throw new ArgumentError(`delay: expected 0..655350 ms, got ${delay}`, 'delay');
  if (!Number.isSafeInteger(loop) || loop < 0 || loop > 65535)
    throw new ArgumentError(`loop: expected an integer 0..65535, got ${loop}`, 'loop');
  if (opts.palette !== undefined && opts.palette.length !== 768) {
    throw new ArgumentError(`palette: expected 768 bytes (256 × RGB), got ${opts.palette.length}`, 'palette');
  }
  const rgb = C >= 3;
  const palette = rgb ? cubePalette() : (opts.palette ?? grayPalette());

  const b = new Bytes();
  b.ascii('GIF89a');
  b.u16(W);
  b.u16(H);
  b.push(0xf7, 0, 0); // global colour table of 256 entries, 8-bit colour resolution
  for (const v of palette) b.put(v);
  if (frames.length > 1) {
    b.push(0x21, 0xff, 11);
    b.ascii('NETSCAPE2.0');
    b.push(3, 1);
    b.u16(loop);
    b.put(0);
  }
  for (const frame of frames) {
    b.push(0x21, 0xf9, 4, 0x04); // graphic control: dispose "do not dispose", no transparency
    b.u16(Math.round(delay / 10));
    b.push(0, 0);
    b.put(0x2c);
    b.u16(0);
    b.u16(0);
    b.u16(W);
    b.u16(H);
    b.put(0); // no local colour table, not interlaced
    writeLzw(indices(frame, rgb), b);
  }
  b.put(0x3b);
  return b.result();
}
