import { describe, expect, it } from 'vitest';
import { NDArray } from '../../src/core/ndarray.js';
import { type DctType, dct, idct } from '../../src/fft/dct.js';
import { dctRef } from '../../src/ref/dft.js';
import { golden, randomBuffer, relErr } from './helpers.js';

const NORMS = ['backward', 'ortho', 'forward'] as const;

describe('golden files from scipy.fft', () => {
  for (const type of [1, 2, 3, 4] as DctType[]) {
    for (const n of [2, 9, 16]) {
      for (const norm of NORMS) {
        it(`dct(a, { type: ${type}, norm: '${norm}' }) matches scipy for n=${n}`, () => {
          const x = golden(`dct${type}_n${n}`, 'in');
          expect(relErr(dct(x, { type, norm }).data, golden(`dct${type}_n${n}`, norm).data)).toBeLessThan(1e-13);
        });
        it(`idct(a, { type: ${type}, norm: '${norm}' }) matches scipy for n=${n}`, () => {
          const x = golden(`dct${type}_n${n}`, 'in');
          expect(relErr(idct(x, { type, norm }).data, golden(`dct${type}_n${n}`, `inv_${norm}`).data)).toBeLessThan(1e-13);
        });
      }
    }
  }

  it("dct(a, { axis: 0, norm: 'ortho' }) transforms columns", () => {
    const y = dct(golden('dct2_axis0_ortho', 'in'), { axis: 0, norm: 'ortho' });
    expect(y.shape).toEqual([5, 8]);
    expect(relErr(y.data, golden('dct2_axis0_ortho', 'out').data)).toBeLessThan(1e-13);
  });

  it('dct(a, { type: 3, n: 12 }) zero-pads the last axis', () => {
    const y = dct(golden('dct3_n12_pad', 'in'), { type: 3, n: 12 });
    expect(y.shape).toEqual([5, 12]);
    expect(relErr(y.data, golden('dct3_n12_pad', 'out').data)).toBeLessThan(1e-13);
  });

  it('dct(float32) stays float32', () => {
    const y = dct(golden('dct2_f32_8x8', 'in'), { norm: 'ortho' });
    expect(y.dtype).toBe('float32');
    expect(relErr(y.data, golden('dct2_f32_8x8', 'out').data)).toBeLessThan(5e-7);
  });
});

describe('against the reference sums', () => {
  for (const type of [1, 2, 3, 4] as DctType[]) {
    it(`dct(a, { type: ${type} }) equals dctRef for n = 2..70`, () => {
      for (let n = 2; n <= 70; n++) {
        const x = randomBuffer(n, n);
        expect(relErr(dct(new NDArray('float64', [n], x), { type }).data, dctRef(x, type))).toBeLessThan(1e-13);
      }
    });
    it(`idct(dct(x, { type: ${type}, norm: 'ortho' })) returns x`, () => {
      for (const n of [2, 3, 8, 31, 100, 257]) {
        const x = new NDArray('float64', [n], randomBuffer(n, 7 * n));
        expect(relErr(idct(dct(x, { type, norm: 'ortho' }), { type, norm: 'ortho' }).data, x.data)).toBeLessThan(1e-14);
        expect(relErr(idct(dct(x, { type }), { type }).data, x.data)).toBeLessThan(1e-14);
      }
    });
  }
});

describe('bad input', () => {
  it('dct(a, { type: 5 }) throws naming type', () => {
    expect(() => dct(new NDArray('float64', [4]), { type: 5 as never })).toThrow(/^type: /);
  });
  it('dct(complex) throws naming a', () => {
    expect(() => dct(new NDArray('complex128', [4]))).toThrow(/^a: expected a real array/);
  });
  it('dct(a, { type: 1 }) needs two points', () => {
    expect(() => dct(new NDArray('float64', [1]), { type: 1 })).toThrow(/^a: a type-1 DCT needs at least 2/);
  });
  it('dct(a, { norm, n, axis }) check their values', () => {
    const x = new NDArray('float64', [4]);
    expect(() => dct(x, { norm: 'x' as never })).toThrow(/^norm: /);
    expect(() => dct(x, { n: 0 })).toThrow(/^n: /);
    expect(() => dct(x, { axis: 2 })).toThrow(/^axis: /);
    expect(() => dct(new NDArray('float64', [0]))).toThrow(/^a: /);
  });
});
