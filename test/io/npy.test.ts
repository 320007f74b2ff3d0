import { describe, expect, it } from 'vitest';
import { DecodeError, fromArray, LimitError, NDArray } from '../../src/core/index.js';
import { encodeNpy, parseNpy, readNpyHeader } from '../../src/io/npy.js';
import { golden } from './golden.js';

const npy = (file: string) => golden('npy', file);
const idx = [0, 1, 2, 3, 4, 5];
/** The values scripts/golden/io.py stores, by type code, flattened from shape (2, 3). */
const EXPECTED: Record<string, { dtype: string; values: number[] }> = {
  f4: { dtype: 'float32', values: idx.map((i) => (i - 2.5) * 1.25) },
  f8: { dtype: 'float64', values: idx.map((i) => (i - 2.5) * 1.25 + 1e-9 * i) },
  c8: { dtype: 'complex64', values: idx.flatMap((i) => [i * 0.5, 0 - i]) },
  c16: { dtype: 'complex128', values: idx.flatMap((i) => [i * 0.5, 0 - i + 1e-9]) },
  u1: { dtype: 'uint8', values: idx.map((i) => (i * 40) % 256) },
  i4: { dtype: 'int32', values: idx.map((i) => i * 100000 - 250000) },
  i8: { dtype: 'int32', values: idx.map((i) => i * 1000 - 3) },
};

describe('parseNpy', () => {
  for (const [code, { dtype, values }] of Object.entries(EXPECTED)) {
    for (const order of code === 'u1' ? ['le'] : ['le', 'be']) {
      it(`parseNpy(${code}_${order}.npy) reads numpy's ${order === 'be' ? '>' : '<'}${code} as ${dtype}`, () => {
        const a = parseNpy(npy(`${code}_${order}.npy`));
        expect(a.dtype).toBe(dtype);
        expect(a.shape).toEqual([2, 3]);
        const expected = code === 'c8' || code === 'f4' ? Array.from(new Float32Array(values)) : values;
        expect(Array.from(a.data)).toEqual(expected);
      });
    }
  }

  it('parseNpy reads versions 1.0, 2.0 and 3.0 alike', () => {
    for (const v of [1, 2, 3]) {
      const bytes = npy(`f8_v${v}.npy`);
      expect(readNpyHeader(bytes).version).toEqual([v, 0]);
      expect(Array.from(parseNpy(bytes).data)).toEqual(EXPECTED.f8.values);
    }
  });

  it('parseNpy transposes Fortran-ordered data to C order', () => {
    const h = readNpyHeader(npy('fortran_f4.npy'));
    expect(h.fortranOrder).toBe(true);
    const a = parseNpy(npy('fortran_f4.npy'));
    expect(a.shape).toEqual([2, 3, 4]);
    expect(Array.from(a.data)).toEqual(Array.from({ length: 24 }, (_, i) => i));
    const c = parseNpy(npy('fortran_c16_be.npy'));
    expect(c.shape).toEqual([3, 2]);
    expect(Array.from(c.data)).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });

  it('parseNpy reads 0-d and empty arrays', () => {
    const s = parseNpy(npy('scalar_f8.npy'));
    expect(s.shape).toEqual([]);
    expect(Array.from(s.data)).toEqual([3.5]);
    expect(parseNpy(npy('empty_f8.npy')).shape).toEqual([0, 3]);
    const e = parseNpy(npy('empty_f4.npy'));
    expect([e.dtype, e.shape, e.data.length]).toEqual(['float32', [2, 0], 0]);
  });

  it('parseNpy refuses int64 values outside int32 with a LimitError', () => {
    expect(() => parseNpy(npy('i8_big.npy'), 'big.npy')).toThrow(LimitError);
    expect(() => parseNpy(npy('i8_big.npy'), 'big.npy')).toThrow(/big\.npy: int64 value 1099511627776 at flat index 1/);
  });

  it('parseNpy throws DecodeError naming the file for broken headers and data', () => {
    const good = npy('f4_le.npy');
    const text = (b: Uint8Array) => String.fromCharCode(...b);
    const patch = (from: string, to: string) => Uint8Array.from(text(good).replace(from, to), (c) => c.charCodeAt(0));
    const cases: [Uint8Array, RegExp][] = [
      [Uint8Array.from([1, 2, 3]), /magic/],
      [good.subarray(0, 40), /truncated header/],
      [patch("'descr'", "'descX'"), /missing key 'descr'/],
      [patch("'shape': (2, 3)", "'shape': (2, x)"), /unparsable header/],
      [patch("'<f4'", "'<f2'"), /unsupported dtype descr "<f2"/],
      [patch("'shape': (2, 3)", "'shape': (2, 4)"), /data is 24 bytes but shape \(2, 4\) of <f4 needs 32 bytes/],
      [good.subarray(0, good.length - 1), /data is 23 bytes/],
    ];
    for (const [bytes, message] of cases) {
      expect(() => parseNpy(bytes, 'bad.npy')).toThrow(DecodeError);
      expect(() => parseNpy(bytes, 'bad.npy')).toThrow(message);
      expect(() => parseNpy(bytes, 'bad.npy')).toThrow(/^bad\.npy: /);
    }
  });
});

describe('encodeNpy', () => {
  for (const file of ['save_f4.npy', 'save_c16.npy', 'save_u1_scalar.npy', 'save_i4_empty.npy', 'save_f8_4d.npy']) {
    it(`encodeNpy(parseNpy(${file})) is byte-identical to np.save`, () => {
      const bytes = npy(file);
      const out = encodeNpy(parseNpy(bytes));
      expect(out.length).toBe(bytes.length);
      expect(out).toEqual(bytes);
      expect(readNpyHeader(out).dataOffset % 64).toBe(0);
    });
  }

  it('encodeNpy round-trips every dtype through parseNpy', () => {
    const arrays = [
      fromArray([1.5, -2, 3e30], 'float32'),
      fromArray([Math.PI, -0, Number.NaN, Number.POSITIVE_INFINITY], 'float64', [2, 2]),
      fromArray([1, 2, 3, 4], 'complex64', [2]),
      fromArray([1, -2, 3.25, 4], 'complex128', [1, 2]),
      fromArray([0, 255, 7], 'uint8', [3, 1]),
      fromArray([-(2 ** 31), 2 ** 31 - 1], 'int32'),
      new NDArray('float64', [0, 5]),
    ];
    for (const a of arrays) {
      const b = parseNpy(encodeNpy(a));
      expect([b.dtype, b.shape]).toEqual([a.dtype, a.shape]);
      expect(Array.from(b.data)).toEqual(Array.from(a.data));
    }
  });
});
