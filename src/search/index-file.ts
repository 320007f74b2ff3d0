/**
 * The persisted index: embeddings of a gallery with their labels, what made them, and
 * optionally 28 x 28 thumbnails (for galleries that are not a known dataset).
 *
 * Layout, little-endian: 'CLKI' | u32 version (1) | u32 header bytes | header JSON (UTF-8),
 * zero-padded to a multiple of 4 | f32 vectors [count, dim] | u8 labels [count] (when
 * header.labels) | u8 thumbnails [count, side, side] (when header.thumbnailSide > 0) |
 * u32 CRC-32 of every byte before it. Every field is checked on load; a damaged file is a
 * DecodeError that names it and says what is wrong.
 */
import { DecodeError, ShapeError } from '../core/errors.js';
import { crc32 } from '../io/png.js';
import { METRICS, type Metric } from './knn.js';

export interface IndexHeader {
  format: 'convolab-index';
  version: 1;
  metric: Metric;
  dim: number;
  count: number;
  /** What the vectors are: 'autoencoder' | 'pixels' | 'sobel' (features.ts). */
  features: string;
  /** Where the gallery came from, e.g. { kind: 'fashion-mnist', split: 'train' } or { kind: 'folder', files }. */
  gallery: { kind: 'fashion-mnist'; split: 'train' | 'test' } | { kind: 'folder'; root: string; files: string[] };
  labels: boolean;
  classes?: string[];
  /** Side of the stored thumbnails (0 = none). */
  thumbnailSide: number;
  /** CRC-32 of the model weights the vectors came from (autoencoder features). */
  modelCrc32?: number;
}

export interface IndexFile {
  header: IndexHeader;
  /** [count, dim] */
  vectors: Float32Array;
  /** [count] when header.labels */
  labels?: Uint8Array;
  /** [count, side, side] when header.thumbnailSide > 0 */
  thumbnails?: Uint8Array;
}

const MAGIC = [0x43, 0x4c, 0x4b, 0x49]; // 'CLKI'

export function encodeIndexFile(f: IndexFile): Uint8Array {
  const h = f.header;
  const json = new TextEncoder().encode(JSON.stringify(h));
  const jsonPadded = Math.ceil(json.length / 4) * 4;
  const side = h.thumbnailSide;
  const need = { vectors: h.count * h.dim, labels: h.labels ? h.count : 0, thumbs: side > 0 ? h.count * side * side : 0 };
  if (f.vectors.length !== need.vectors)
    throw new ShapeError(`vectors: expected ${need.vectors} values, got ${f.vectors.length}`, 'vectors');
  if ((f.labels?.length ?? 0) !== need.labels) throw new ShapeError(`labels: expected ${need.labels} values`, 'labels');
  if ((f.thumbnails?.length ?? 0) !== need.thumbs) throw new ShapeError(`thumbnails: expected ${need.thumbs} values`, 'thumbnails');
  const total = 12 + jsonPadded + 4 * need.vectors + need.labels + need.thumbs + 4;
  const out = new Uint8Array(total);
  const dv = new DataView(out.buffer);
  out.set(MAGIC, 0);
  dv.setUint32(4, 1, true);
  dv.setUint32(8, json.length, true);
  out.set(json, 12);
  let at = 12 + jsonPadded;
  for (let i = 0; i < need.vectors; i++, at += 4) dv.setFloat32(at, f.vectors[i], true);
  if (f.labels) out.set(f.labels, at);
  at += need.labels;
  if (f.thumbnails) out.set(f.thumbnails, at);
  at += need.thumbs;
  dv.setUint32(at, crc32(out, 0, at), true);
  return out;
}

function fail(name: string, what: string): never {
  throw new DecodeError(`${name}: ${what}`, name);
}

function checkHeader(h: unknown, name: string): IndexHeader {
  if (typeof h !== 'object' || h === null || Array.isArray(h)) fail(name, 'the header is not a JSON object');
  const o = h as Record<string, unknown>;
  const want = (cond: boolean, field: string, expected: string) => {
    if (!cond) fail(name, `header.${field}: expected ${expected}, got ${JSON.stringify(o[field])}`);
  };
  want(o.format === 'convolab-index', 'format', '"convolab-index"');
  want(o.version === 1, 'version', '1');
  want(METRICS.includes(o.metric as Metric), 'metric', "'cosine' or 'l2'");
  want(Number.isInteger(o.dim) && (o.dim as number) >= 1, 'dim', 'a positive integer');
  want(Number.isInteger(o.count) && (o.count as number) >= 1, 'count', 'a positive integer');
  want(typeof o.features === 'string', 'features', 'a string');
  want(typeof o.labels === 'boolean', 'labels', 'true or false');
  want(Number.isInteger(o.thumbnailSide) && (o.thumbnailSide as number) >= 0, 'thumbnailSide', 'a non-negative integer');
  const g = o.gallery as Record<string, unknown> | undefined;
  want(
    typeof g === 'object' && g !== null && (g.kind === 'fashion-mnist' || g.kind === 'folder'),
    'gallery',
    "{ kind: 'fashion-mnist' | 'folder' }",
  );
  if (g?.kind === 'folder') {
    want(
      Array.isArray(g.files) && g.files.length === o.count && g.files.every((s) => typeof s === 'string'),
      'gallery',
      `${o.count} file names`,
    );
  }
  if (o.modelCrc32 !== undefined)
    want(Number.isInteger(o.modelCrc32) && (o.modelCrc32 as number) >= 0, 'modelCrc32', 'an unsigned integer');
  if (o.classes !== undefined)
    want(Array.isArray(o.classes) && o.classes.every((c) => typeof c === 'string'), 'classes', 'an array of strings');
  return o as unknown as IndexHeader;
}

/** Parses and validates an index file (`name` is used in errors, e.g. the path). */
export function decodeIndexFile(bytes: Uint8Array, name = 'index'): IndexFile {
  if (bytes.length < 16) fail(name, `truncated (${bytes.length} bytes): not a convolab index`);
  if (MAGIC.some((m, i) => bytes[i] !== m)) fail(name, "not a convolab index file (no 'CLKI' signature)");
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = dv.getUint32(4, true);
  if (version !== 1) fail(name, `unsupported index version ${version} (this convolab reads version 1)`);
  const jsonLen = dv.getUint32(8, true);
  if (12 + jsonLen + 4 > bytes.length) fail(name, `truncated: the header claims ${jsonLen} bytes, the file has ${bytes.length}`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(12, 12 + jsonLen)));
  } catch (cause) {
    throw new DecodeError(`${name}: the header is not valid JSON (${(cause as Error).message})`, name, { cause });
  }
  const header = checkHeader(parsed, name);
  const side = header.thumbnailSide;
  const nVec = header.count * header.dim;
  const nLab = header.labels ? header.count : 0;
  const nThumb = side > 0 ? header.count * side * side : 0;
  const start = 12 + Math.ceil(jsonLen / 4) * 4;
  const total = start + 4 * nVec + nLab + nThumb + 4;
  if (bytes.length !== total) {
    fail(
      name,
      `${bytes.length < total ? 'truncated' : 'trailing bytes'}: expected ${total} bytes for ${header.count} x ${header.dim} vectors, got ${bytes.length}`,
    );
  }
  const stored = dv.getUint32(total - 4, true);
  const actual = crc32(bytes, 0, total - 4);
  if (stored !== actual)
    fail(name, `checksum mismatch (stored ${stored.toString(16)}, computed ${actual.toString(16)}): the file is corrupt`);
  const vectors = new Float32Array(nVec);
  for (let i = 0; i < nVec; i++) {
    const v = dv.getFloat32(start + 4 * i, true);
    if (!Number.isFinite(v)) fail(name, `vector value ${i} is ${v}`);
    vectors[i] = v;
  }
  let at = start + 4 * nVec;
  const labels = header.labels ? bytes.slice(at, at + nLab) : undefined;
  at += nLab;
  const thumbnails = side > 0 ? bytes.slice(at, at + nThumb) : undefined;
  return { header, vectors, labels, thumbnails };
}
