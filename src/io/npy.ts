/**
 * The `.npy` format (numpy's `np.save`), versions 1.0, 2.0 and 3.0.
 * Spec: https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html
 *
 * Read: `<f4 <f8 <c8 <c16 |u1 <i4 <i8` and their big-endian (`>`) variants, C or Fortran order.
 * Write: version 1.0, little-endian, C order, header padded to 64 bytes exactly as numpy pads it.
 */
import { type DType, itemSize, lanes, storageCtor } from '../core/dtype.js';
import { DecodeError, LimitError } from '../core/errors.js';
import { NDArray } from '../core/ndarray.js';
import { sizeOf } from '../core/shape.js';

export interface NpyHeader {
  /** `[major, minor]`, e.g. `[1, 0]`. */
  version: [number, number];
  /** The dtype the data is read into (`<i8` reads into `int32`, see {@link parseNpy}). */
  dtype: DType;
  /** The `descr` string as written, e.g. `'<f4'`. */
  descr: string;
  shape: number[];
  fortranOrder: boolean;
  /** Byte order of the stored data (`true` for `<` and for one-byte types). */
  littleEndian: boolean;
  /** Offset of the first data byte (a multiple of 64 in files numpy writes). */
  dataOffset: number;
  /** Bytes per stored element (8 for `<i8`, although it is read into 4-byte int32). */
  storedItemSize: number;
}

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY
const ARRAY_ALIGN = 64;
/** numpy leaves room for the growth axis to reach 21 digits (`GROWTH_AXIS_MAX_DIGITS`). */
const GROWTH_AXIS_MAX_DIGITS = 21;

/** Stored type code (without byte order) → dtype read into and stored bytes per element. */
const DESCR: Record<string, { dtype: DType; size: number }> = {
  f4: { dtype: 'float32', size: 4 },
  f8: { dtype: 'float64', size: 8 },
  c8: { dtype: 'complex64', size: 8 },
  c16: { dtype: 'complex128', size: 16 },
  u1: { dtype: 'uint8', size: 1 },
  i4: { dtype: 'int32', size: 4 },
  i8: { dtype: 'int32', size: 8 },
};

const DESCR_OF: Record<DType, string> = {
  float32: '<f4',
  float64: '<f8',
  complex64: '<c8',
  complex128: '<c16',
  uint8: '|u1',
  int32: '<i4',
};

const HOST_LITTLE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Parse the magic string and header dict; throws DecodeError naming `name` when they are malformed. */
export function readNpyHeader(bytes: Uint8Array, name = 'array'): NpyHeader {
  const fail = (why: string): never => {
    throw new DecodeError(`${name}: not a valid .npy file: ${why}`, name);
  };
  if (bytes.length < 10 || MAGIC.some((b, i) => bytes[i] !== b)) fail('missing the \\x93NUMPY magic string');
  const major = bytes[6];
  const minor = bytes[7];
  if (major < 1 || major > 3) fail(`unsupported format version ${major}.${minor} (expected 1.0, 2.0 or 3.0)`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lenBytes = major === 1 ? 2 : 4;
  if (bytes.length < 8 + lenBytes) fail('truncated before the header length');
  const headerLen = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const start = 8 + lenBytes;
  const dataOffset = start + headerLen;
  if (dataOffset > bytes.length) fail(`truncated header (needs ${dataOffset} bytes, file has ${bytes.length})`);
  const raw = bytes.subarray(start, dataOffset);
  // Versions 1 and 2 store the header in latin1, version 3 in UTF-8.
  const text = major === 3 ? new TextDecoder('utf-8').decode(raw) : latin1(raw);

  let dict: Record<string, unknown>;
  try {
    dict = parseHeaderDict(text);
  } catch (err) {
    return fail(`unparsable header ${JSON.stringify(text.trim())} (${(err as Error).message})`);
  }
  const { descr, fortran_order: fortranOrder, shape } = dict;
  if (typeof descr !== 'string') return fail(`header 'descr' must be a string, got ${JSON.stringify(descr)}`);
  if (typeof fortranOrder !== 'boolean') return fail("header 'fortran_order' must be True or False");
  if (!Array.isArray(shape)) return fail("header 'shape' must be a tuple of integers");

  const order = descr[0];
  const code = descr.slice(1);
  const known = DESCR[code];
  if (!known || !'<>|='.includes(order) || (order === '|' && known.size !== 1)) {
    return fail(`unsupported dtype descr ${JSON.stringify(descr)}; expected one of <f4 <f8 <c8 <c16 |u1 <i4 <i8 (or > variants)`);
  }
  return {
    version: [major, minor],
    dtype: known.dtype,
    descr,
    shape: shape as number[],
    fortranOrder,
    littleEndian: order === '<' || order === '|' || (order === '=' && HOST_LITTLE),
    dataOffset,
    storedItemSize: known.size,
  };
}

/**
 * Decode a `.npy` file into a C-ordered NDArray.
 *
 * - Big-endian data is byte-swapped; Fortran-ordered data is transposed to C order.
 * - `<i8` / `>i8` are read into **int32**: every value must fit in [-2^31, 2^31 - 1],
 *   otherwise a LimitError names the first value that does not.
 * - The data length must match the shape exactly, else DecodeError.
 */
export function parseNpy(bytes: Uint8Array, name = 'array'): NDArray {
  const h = readNpyHeader(bytes, name);
  const n = sizeOf(h.shape);
  const need = n * h.storedItemSize;
  const have = bytes.length - h.dataOffset;
  if (have !== need) {
    throw new DecodeError(`${name}: .npy data is ${have} bytes but shape (${h.shape.join(', ')}) of ${h.descr} needs ${need} bytes`, name);
  }
  const src = bytes.subarray(h.dataOffset);
  const flat = h.descr.endsWith('i8') ? readInt64(src, n, h.littleEndian, name) : readPlain(src, h);
  const array = new NDArray(h.dtype, h.shape, flat);
  return h.fortranOrder && h.shape.length > 1 ? fortranToC(array) : array;
}

/** Encode as `.npy` version 1.0, little-endian, C order — byte-identical to `np.save`. */
export function encodeNpy(a: NDArray): Uint8Array {
  const shape = a.shape.length === 1 ? `(${a.shape[0]},)` : `(${a.shape.join(', ')})`;
  let header = `{'descr': '${DESCR_OF[a.dtype]}', 'fortran_order': False, 'shape': ${shape}, }`;
  if (a.shape.length > 0) header += ' '.repeat(GROWTH_AXIS_MAX_DIGITS - String(a.shape[0]).length);
  const hlen = header.length + 1; // + '\n'
  const pad = ARRAY_ALIGN - ((MAGIC.length + 2 + 2 + hlen) % ARRAY_ALIGN);
  header += `${' '.repeat(pad)}\n`;
  const dataOffset = 10 + header.length;
  const dataBytes = a.size * itemSize(a.dtype);
  const out = new Uint8Array(dataOffset + dataBytes);
  out.set(MAGIC, 0);
  out[6] = 1;
  out[7] = 0;
  new DataView(out.buffer).setUint16(8, header.length, true);
  for (let i = 0; i < header.length; i++) out[10 + i] = header.charCodeAt(i);
  const body = new Uint8Array(a.data.buffer, a.data.byteOffset, dataBytes);
  out.set(body, dataOffset);
  if (!HOST_LITTLE) swapBytes(out.subarray(dataOffset), itemSize(a.dtype) / lanes(a.dtype));
  return out;
}

/** Copy the data into fresh, aligned storage and fix the byte order. */
function readPlain(src: Uint8Array, h: NpyHeader) {
  const Ctor = storageCtor(h.dtype);
  const bytes = new Uint8Array(src.length);
  bytes.set(src);
  if (h.littleEndian !== HOST_LITTLE) swapBytes(bytes, Ctor.BYTES_PER_ELEMENT);
  return new Ctor(bytes.buffer, 0, src.length / Ctor.BYTES_PER_ELEMENT);
}

function readInt64(src: Uint8Array, n: number, little: boolean, name: string): Int32Array {
  const view = new DataView(src.buffer, src.byteOffset, src.byteLength);
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const lo = view.getInt32(8 * i + (little ? 0 : 4), little);
    const hi = view.getInt32(8 * i + (little ? 4 : 0), little);
    if (hi !== lo >> 31) {
      const value = view.getBigInt64(8 * i, little);
      throw new LimitError(`${name}: int64 value ${value} at flat index ${i} does not fit in int32 (the dtype <i8 is read into)`, name);
    }
    out[i] = lo;
  }
  return out;
}

/** Reverse the bytes of each `width`-byte word in place. */
function swapBytes(bytes: Uint8Array, width: number): void {
  if (width === 1) return;
  for (let i = 0; i < bytes.length; i += width) {
    for (let a = i, b = i + width - 1; a < b; a++, b--) {
      const t = bytes[a];
      bytes[a] = bytes[b];
      bytes[b] = t;
    }
  }
}

/** Data laid out in Fortran order (first axis fastest) → the same array in C order. */
function fortranToC(a: NDArray): NDArray {
  const shape = a.shape;
  const nd = shape.length;
  const l = lanes(a.dtype);
  const fStrides: number[] = []; // element strides of the Fortran layout
  let s = 1;
  for (let k = 0; k < nd; k++) {
    fStrides.push(s);
    s *= shape[k];
  }
  const out = new NDArray(a.dtype, shape);
  const src = a.data;
  const dst = out.data;
  const idx = new Array<number>(nd).fill(0);
  let off = 0; // Fortran offset of idx
  for (let i = 0; i < a.size; i++) {
    for (let c = 0; c < l; c++) dst[i * l + c] = src[off * l + c];
    // advance the C-order multi-index (last axis fastest)
    for (let k = nd - 1; k >= 0; k--) {
      idx[k]++;
      off += fStrides[k];
      if (idx[k] < shape[k]) break;
      off -= idx[k] * fStrides[k];
      idx[k] = 0;
    }
  }
  return out;
}

/**
 * Parse the Python literal numpy writes: `{'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }`.
 * Only what a header holds: str keys, str / bool / int-tuple values.
 */
function parseHeaderDict(text: string): Record<string, unknown> {
  let i = 0;
  const ws = () => {
    while (i < text.length && /\s/.test(text[i])) i++;
  };
  const expect = (ch: string) => {
    ws();
    if (text[i] !== ch) throw new Error(`expected '${ch}' at offset ${i}`);
    i++;
  };
  const str = (): string => {
    ws();
    const q = text[i];
    if (q !== "'" && q !== '"') throw new Error(`expected a string at offset ${i}`);
    const end = text.indexOf(q, i + 1);
    if (end < 0) throw new Error('unterminated string');
    const s = text.slice(i + 1, end);
    i = end + 1;
    return s;
  };
  const int = (): number => {
    ws();
    const m = /^\d+L?/.exec(text.slice(i));
    if (!m) throw new Error(`expected an integer at offset ${i}`);
    i += m[0].length;
    const v = Number.parseInt(m[0], 10);
    if (!Number.isSafeInteger(v)) throw new Error(`dimension ${m[0]} is too large`);
    return v;
  };
  const value = (): unknown => {
    ws();
    if (text[i] === "'" || text[i] === '"') return str();
    if (text.startsWith('True', i)) {
      i += 4;
      return true;
    }
    if (text.startsWith('False', i)) {
      i += 5;
      return false;
    }
    if (text[i] === '(' || text[i] === '[') {
      const close = text[i] === '(' ? ')' : ']';
      i++;
      const items: number[] = [];
      ws();
      while (text[i] !== close) {
        items.push(int());
        ws();
        if (text[i] === ',') i++;
        else if (text[i] !== close) throw new Error(`expected ',' or '${close}' at offset ${i}`);
        ws();
      }
      i++;
      return items;
    }
    throw new Error(`unexpected value at offset ${i}`);
  };
  const dict: Record<string, unknown> = {};
  expect('{');
  ws();
  while (text[i] !== '}') {
    const key = str();
    expect(':');
    dict[key] = value();
    ws();
    if (text[i] === ',') i++;
    else if (text[i] !== '}') throw new Error(`expected ',' or '}' at offset ${i}`);
    ws();
    if (i >= text.length) throw new Error('unterminated dict');
  }
  i++;
  ws();
  if (i !== text.length) throw new Error(`trailing characters at offset ${i}`);
  for (const key of ['descr', 'fortran_order', 'shape']) if (!(key in dict)) throw new Error(`missing key '${key}'`);
  return dict;
}

function latin1(raw: Uint8Array): string {
  let s = '';
  for (let i = 0; i < raw.length; i++) s += String.fromCharCode(raw[i]);
  return s;
}
