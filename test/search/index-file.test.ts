import { describe, expect, it } from 'vitest';
import { decodeIndexFile, encodeIndexFile, type IndexFile } from '../../src/search/index-file.js';

function sample(): IndexFile {
  return {
    header: {
      format: 'convolab-index',
      version: 1,
      metric: 'cosine',
      dim: 3,
      count: 4,
      features: 'pixels',
      gallery: { kind: 'folder', root: '/photos', files: ['a.png', 'b.png', 'c.jpg', 'd.png'] },
      labels: true,
      classes: ['x', 'y'],
      thumbnailSide: 2,
    },
    vectors: Float32Array.from({ length: 12 }, (_, i) => i / 3 - 1),
    labels: Uint8Array.of(0, 1, 1, 0),
    thumbnails: Uint8Array.from({ length: 16 }, (_, i) => i * 16),
  };
}

describe('index-file', () => {
  it('decodeIndexFile(encodeIndexFile(f)) round-trips header, vectors, labels and thumbnails', () => {
    const f = sample();
    const back = decodeIndexFile(encodeIndexFile(f));
    expect(back.header).toEqual(f.header);
    expect(back.vectors).toEqual(f.vectors);
    expect(back.labels).toEqual(f.labels);
    expect(back.thumbnails).toEqual(f.thumbnails);
  });

  it('decodeIndexFile(file without labels or thumbnails) leaves them undefined', () => {
    const f = sample();
    const g: IndexFile = {
      header: { ...f.header, labels: false, thumbnailSide: 0, gallery: { kind: 'fashion-mnist', split: 'train' } },
      vectors: f.vectors,
    };
    const back = decodeIndexFile(encodeIndexFile(g));
    expect(back.labels).toBeUndefined();
    expect(back.thumbnails).toBeUndefined();
    expect(back.vectors).toEqual(f.vectors);
  });

  it('decodeIndexFile(corrupt) names the file and the fault', () => {
    const bytes = encodeIndexFile(sample());
    expect(() => decodeIndexFile(bytes.subarray(0, 10), 'idx.bin')).toThrow(/idx\.bin: truncated \(10 bytes\)/);
    expect(() => decodeIndexFile(new TextEncoder().encode('hello, this is not an index'), 'idx.bin')).toThrow(/not a convolab index file/);
    expect(() => decodeIndexFile(bytes.subarray(0, bytes.length - 7), 'idx.bin')).toThrow(/idx\.bin: truncated: expected \d+ bytes/);
    const flipped = bytes.slice();
    flipped[flipped.length - 20] ^= 0xff;
    expect(() => decodeIndexFile(flipped, 'idx.bin')).toThrow(/checksum mismatch/);
    const v2 = bytes.slice();
    v2[4] = 2;
    expect(() => decodeIndexFile(v2, 'idx.bin')).toThrow(/unsupported index version 2/);
    const badJson = bytes.slice();
    badJson[12] = 0x5d; // ']' instead of '{'
    expect(() => decodeIndexFile(badJson, 'idx.bin')).toThrow(/the header is not valid JSON/);
  });

  it('decodeIndexFile(header with a bad field) says which field', () => {
    const f = sample();
    const bad = encodeIndexFile({ ...f, header: { ...f.header, metric: 'dot' as never } });
    expect(() => decodeIndexFile(bad, 'idx.bin')).toThrow(/header\.metric: expected 'cosine' or 'l2', got "dot"/);
  });

  it('encodeIndexFile(vectors of the wrong length) throws a ShapeError', () => {
    const f = sample();
    expect(() => encodeIndexFile({ ...f, vectors: new Float32Array(5) })).toThrow(/vectors: expected 12 values, got 5/);
  });
});
