import { describe, expect, it } from 'vitest';
import { DecodeError } from '../../src/core/index.js';
import { decodeWav, encodeWav, readWavInfo } from '../../src/io/wav.js';

/** A WAV file built by hand: `fmt` body bytes, then `data` bytes, with an extra chunk between. */
function wav(fmt: number[], data: number[], extra = true): Uint8Array {
  const u32 = (n: number) => [n & 255, (n >> 8) & 255, (n >> 16) & 255, (n >>> 24) & 255];
  const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
  const list = extra ? [...ascii('LIST'), ...u32(3), 1, 2, 3, 0] : []; // odd size → pad byte
  const body = [...ascii('WAVE'), ...ascii('fmt '), ...u32(fmt.length), ...fmt, ...list, ...ascii('data'), ...u32(data.length), ...data];
  return Uint8Array.from([...ascii('RIFF'), ...u32(body.length), ...body]);
}
const u16 = (n: number) => [n & 255, (n >> 8) & 255];
const u32 = (n: number) => [n & 255, (n >> 8) & 255, (n >> 16) & 255, (n >>> 24) & 255];
/** A plain 16-byte fmt body. */
const fmt = (code: number, channels: number, rate: number, bits: number) => [
  ...u16(code),
  ...u16(channels),
  ...u32(rate),
  ...u32((rate * channels * bits) / 8),
  ...u16((channels * bits) / 8),
  ...u16(bits),
];

describe('decodeWav', () => {
  it('decodeWav(bytes) reads 8-bit unsigned, 16-bit and 24-bit PCM on [−1, 1)', () => {
    const w8 = decodeWav(wav(fmt(1, 1, 8000, 8), [0, 128, 255, 64]));
    expect([...w8.channelData[0]]).toEqual([-1, 0, 127 / 128, -0.5]);
    expect(w8).toMatchObject({ sampleRate: 8000, channels: 1, bitsPerSample: 8, format: 'pcm', frames: 4 });
    const w16 = decodeWav(wav(fmt(1, 1, 44100, 16), [...u16(0x8000), ...u16(0x4000), ...u16(0xffff)]));
    expect([...w16.channelData[0]]).toEqual([-1, 0.5, -1 / 32768]);
    const w24 = decodeWav(wav(fmt(1, 1, 48000, 24), [0, 0, 0x80, 0, 0, 0x40, 0xff, 0xff, 0xff]));
    expect([...w24.channelData[0]]).toEqual([-1, 0.5, -1 / 8388608]);
  });

  it('decodeWav(bytes) reads 32-bit PCM and float32 / float64, and mixes stereo down to the mean', () => {
    const w32 = decodeWav(wav(fmt(1, 2, 22050, 32), [...u32(0x40000000), ...u32(0xc0000000)]));
    expect([...w32.channelData[0]]).toEqual([0]); // (0.5 + −0.5) / 2
    const f = new Float32Array([0.25, -0.75, 0.5, 0.5]);
    const wf = decodeWav(wav(fmt(3, 2, 22050, 32), [...new Uint8Array(f.buffer)]), { mono: false });
    expect(wf.channelData.map((c) => [...c])).toEqual([
      [0.25, 0.5],
      [-0.75, 0.5],
    ]);
    const d = new Float64Array([0.125, -2e-9]);
    const wd = decodeWav(wav(fmt(3, 1, 1000, 64), [...new Uint8Array(d.buffer)]));
    expect(wd.channelData[0][0]).toBe(0.125);
    expect(wd.channelData[0][1]).toBeCloseTo(-2e-9, 15);
  });

  it('decodeWav(bytes) reads WAVE_FORMAT_EXTENSIBLE with a PCM or float sub-format', () => {
    const ext = (sub: number, bits: number) => [
      ...fmt(0xfffe, 1, 16000, bits),
      ...u16(22),
      ...u16(bits),
      ...u32(4),
      ...u16(sub),
      0,
      0,
      0,
      0,
      0x10,
      0,
      0x80,
      0,
      0,
      0xaa,
      0,
      0x38,
      0x9b,
      0x71,
    ];
    expect([...decodeWav(wav(ext(1, 16), [...u16(0x4000)])).channelData[0]]).toEqual([0.5]);
    const f = new Float32Array([-0.5]);
    expect([...decodeWav(wav(ext(3, 32), [...new Uint8Array(f.buffer)])).channelData[0]]).toEqual([-0.5]);
  });

  it('decodeWav rejects an empty file, a non-WAV file, a truncated data chunk and an unknown format', () => {
    expect(() => decodeWav(new Uint8Array(0), { name: 'song.wav' })).toThrow(/song.wav: not a WAV file \(the file is empty\)/);
    expect(() => decodeWav(new TextEncoder().encode('hello, this is not audio'))).toThrow(DecodeError);
    const whole = wav(fmt(1, 1, 8000, 16), [1, 2, 3, 4, 5, 6]);
    expect(() => decodeWav(whole.subarray(0, whole.length - 2))).toThrow(/truncated/);
    expect(() => decodeWav(whole.subarray(0, 30))).toThrow(/truncated/);
    expect(() => decodeWav(wav(fmt(2, 1, 8000, 4), [1]))).toThrow(/unsupported WAV sample format 2/);
    expect(() => decodeWav(wav(fmt(1, 1, 8000, 12), [1, 2]))).toThrow(/unsupported 12-bit pcm/);
  });
});

describe('encodeWav', () => {
  it('encodeWav(channels, rate) round-trips through decodeWav (pcm16 within 1/32768, float32 exactly)', () => {
    const a = Float32Array.from({ length: 101 }, (_, i) => Math.sin(i / 7) * 0.9);
    const b = Float32Array.from({ length: 101 }, (_, i) => Math.cos(i / 5) * 0.5);
    const pcm = decodeWav(encodeWav([a, b], 44100), { mono: false });
    expect(pcm).toMatchObject({ sampleRate: 44100, channels: 2, bitsPerSample: 16, frames: 101 });
    for (let i = 0; i < 101; i++) expect(Math.abs(pcm.channelData[1][i] - b[i])).toBeLessThanOrEqual(1 / 32768);
    const fl = decodeWav(encodeWav([a], 8000, { format: 'float32' }));
    expect([...fl.channelData[0]]).toEqual([...a]);
    expect(readWavInfo(encodeWav([a], 8000))).toMatchObject({ frames: 101, dataOffset: 44 });
  });
});
