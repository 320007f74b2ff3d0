import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ArgumentError, DTypeError, ShapeError } from '../../src/core/errors.js';
import { NDArray } from '../../src/core/ndarray.js';
import { fft, fft2, fftn, ifft, ifftn, irfft, irfft2, irfftn, rfft, rfft2, rfftn } from '../../src/fft/api.js';
import { golden, randomBuffer, relErr } from './helpers.js';

const NORMS = ['backward', 'ortho', 'forward'] as const;

describe('golden files from numpy.fft', () => {
  for (const n of [1, 2, 12, 17, 60, 77, 97, 128, 210, 1009]) {
    for (const norm of NORMS) {
      it(`fft(a, { norm: '${norm}' }) matches numpy for n=${n}`, () => {
        const x = golden(`fft_n${n}`, 'in');
        const y = fft(x, { norm });
        expect(y.dtype).toBe('complex128');
        expect(y.shape).toEqual([n]);
        expect(relErr(y.data, golden(`fft_n${n}`, norm).data)).toBeLessThan(1e-13);
      });
      it(`ifft(a, { norm: '${norm}' }) matches numpy for n=${n}`, () => {
        const x = golden(`fft_n${n}`, 'in');
        expect(relErr(ifft(x, { norm }).data, golden(`fft_n${n}`, `inv_${norm}`).data)).toBeLessThan(1e-13);
      });
    }
  }

  it('fft(a, { n, axis: 0 }) zero-pads and crops along axis 0', () => {
    const x = golden('fft_axis0_n16', 'in');
    const pad = fft(x, { n: 16, axis: 0 });
    expect(pad.shape).toEqual([16, 3]);
    expect(relErr(pad.data, golden('fft_axis0_n16', 'out').data)).toBeLessThan(1e-13);
    const crop = fft(x, { n: 7, axis: 0 });
    expect(crop.shape).toEqual([7, 3]);
    expect(relErr(crop.data, golden('fft_axis0_n7', 'out').data)).toBeLessThan(1e-13);
  });

  it('fft(float32) returns complex64 matching numpy', () => {
    const x = golden('fft_f32_n45', 'in');
    const y = fft(x);
    expect(y.dtype).toBe('complex64');
    expect(relErr(y.data, golden('fft_f32_n45', 'out').data)).toBeLessThan(5e-7);
  });

  for (const n of [1, 2, 30, 31, 64, 243, 1000]) {
    for (const norm of NORMS) {
      it(`rfft(a, { norm: '${norm}' }) matches numpy for n=${n}`, () => {
        const y = rfft(golden(`rfft_n${n}`, 'in'), { norm });
        expect(y.shape).toEqual([Math.floor(n / 2) + 1]);
        expect(relErr(y.data, golden(`rfft_n${n}`, norm).data)).toBeLessThan(1e-13);
      });
    }
  }

  for (const n of [2, 15, 16, 31, 100]) {
    for (const norm of NORMS) {
      it(`irfft(a, { n: ${n}, norm: '${norm}' }) matches numpy`, () => {
        const y = irfft(golden(`irfft_n${n}`, 'in'), { n, norm });
        expect(y.dtype).toBe('float64');
        expect(y.shape).toEqual([n]);
        expect(relErr(y.data, golden(`irfft_n${n}`, norm).data)).toBeLessThan(1e-13);
      });
    }
  }

  it('irfft(a) defaults to n = 2·(m − 1) along the last axis', () => {
    const y = irfft(golden('irfft_rows_default', 'in'));
    expect(y.shape).toEqual([4, 16]);
    expect(relErr(y.data, golden('irfft_rows_default', 'out').data)).toBeLessThan(1e-13);
  });

  const nd: [string, (x: NDArray) => NDArray][] = [
    ['fftn_axes02', (x) => fftn(x, { axes: [0, 2] })],
    ['fftn_s_axes', (x) => fftn(x, { s: [3, 8], axes: [2, 0] })],
    ['ifftn_all_ortho', (x) => ifftn(x, { norm: 'ortho' })],
    ['fft2_default', (x) => fft2(x)],
    ['rfft2_6x10', (x) => rfft2(x)],
    ['rfftn_axes10', (x) => rfftn(x, { axes: [1, 0] })],
    ['rfftn_3d_forward', (x) => rfftn(x, { norm: 'forward' })],
    ['irfft2_6x9', (x) => irfft2(x, { s: [6, 9] })],
    ['irfftn_default', (x) => irfftn(x)],
    ['rfft2_f32_8x12', (x) => rfft2(x)],
  ];
  for (const [name, f] of nd) {
    it(`${name}: the N-D transform matches numpy`, () => {
      const want = golden(name, 'out');
      const got = f(golden(name, 'in'));
      expect(got.shape).toEqual(want.shape);
      expect(got.dtype).toBe(want.dtype);
      expect(relErr(got.data, want.data)).toBeLessThan(want.dtype === 'complex64' ? 5e-7 : 1e-13);
    });
  }
});

describe('properties', () => {
  const lengths = fc.integer({ min: 1, max: 300 });
  it('ifft(fft(x)) returns x', () => {
    fc.assert(
      fc.property(lengths, fc.integer(), (n, seed) => {
        const x = new NDArray('complex128', [n], randomBuffer(2 * n, seed));
        expect(relErr(ifft(fft(x)).data, x.data)).toBeLessThan(1e-14);
      }),
      { numRuns: 60 },
    );
  });

  it('irfft(rfft(x), { n }) returns x for odd and even n', () => {
    fc.assert(
      fc.property(lengths, fc.integer(), (n, seed) => {
        const x = new NDArray('float64', [n], randomBuffer(n, seed));
        expect(relErr(irfft(rfft(x), { n }).data, x.data)).toBeLessThan(1e-14);
      }),
      { numRuns: 60 },
    );
  });

  it('fft(x, { norm: "ortho" }) keeps the energy (Parseval)', () => {
    fc.assert(
      fc.property(lengths, fc.integer(), (n, seed) => {
        const x = new NDArray('complex128', [n], randomBuffer(2 * n, seed));
        const energy = (a: ArrayLike<number>): number => Array.from(a).reduce((s, v) => s + v * v, 0);
        expect(energy(fft(x, { norm: 'ortho' }).data)).toBeCloseTo(energy(x.data), 9);
      }),
      { numRuns: 60 },
    );
  });

  it('fft(a·x + y) = a·fft(x) + fft(y) (linearity)', () => {
    fc.assert(
      fc.property(lengths, fc.integer(), fc.double({ min: -10, max: 10, noNaN: true }), (n, seed, a) => {
        const x = randomBuffer(2 * n, seed);
        const y = randomBuffer(2 * n, seed + 1);
        const z = x.map((v, i) => a * v + y[i]);
        const fx = fft(new NDArray('complex128', [n], x)).data;
        const fy = fft(new NDArray('complex128', [n], y)).data;
        const fz = fft(new NDArray('complex128', [n], z)).data;
        expect(
          relErr(
            fz,
            fx.map((v, i) => a * v + fy[i]),
          ),
        ).toBeLessThan(1e-13);
      }),
      { numRuns: 60 },
    );
  });

  it('fft(real x) equals fft of the same values as complex', () => {
    for (const n of [1, 6, 7, 64, 81, 1000]) {
      const r = randomBuffer(n, n);
      const c = new Float64Array(2 * n);
      r.forEach((v, i) => {
        c[2 * i] = v;
      });
      const a = fft(new NDArray('float64', [n], r));
      expect(relErr(a.data, fft(new NDArray('complex128', [n], c)).data)).toBeLessThan(1e-15);
      expect(relErr(ifft(new NDArray('float64', [n], r)).data, ifft(new NDArray('complex128', [n], c)).data)).toBeLessThan(1e-15);
    }
  });
});

describe('bad input', () => {
  const x = new NDArray('complex128', [8], randomBuffer(16, 1));
  it('fft(empty) throws a ShapeError naming a', () => {
    expect(() => fft(new NDArray('float64', [0]))).toThrow(ShapeError);
    expect(() => fft(new NDArray('float64', [0]))).toThrow(/^a: /);
    expect(() => irfft(new NDArray('complex128', [1]))).toThrow(/^a: .*irfft needs at least 2/);
  });
  it('fft(a, { n <= 0 }) throws naming n', () => {
    for (const n of [0, -3, 2.5]) expect(() => fft(x, { n })).toThrow(/^n: invalid number of FFT data points/);
    expect(() => fftn(x, { s: [0] })).toThrow(/^s: /);
  });
  it('fft(a, { axis }) out of range throws naming axis', () => {
    expect(() => fft(x, { axis: 1 })).toThrow(ArgumentError);
    expect(() => fft(x, { axis: -2 })).toThrow(/^axis: /);
    expect(() => fftn(x, { axes: [0, 3] })).toThrow(/^axes: /);
    expect(() => fftn(x, { axes: [0, 0] })).toThrow(/^axes: repeated/);
    expect(() => fftn(x, { s: [4, 4], axes: [0] })).toThrow(/^s: /);
    expect(() => fft2(x)).toThrow(/^axes: /);
  });
  it('fft(a, { norm: unknown }) throws naming norm', () => {
    expect(() => fft(x, { norm: 'unitary' as never })).toThrow(/^norm: unknown normalisation "unitary"/);
  });
  it('rfft(complex) throws a DTypeError naming a', () => {
    expect(() => rfft(x)).toThrow(DTypeError);
  });
  it('fft(not an array) throws naming a', () => {
    expect(() => fft([1, 2, 3] as never)).toThrow(/^a: expected an NDArray/);
  });
  it('fft(a) with NaN and Inf propagates them without hanging', () => {
    const d = new Float64Array(64);
    d[6] = Number.NaN;
    const D = fft(new NDArray('float64', [64], d)).data;
    for (let k = 0; k < 64; k++) expect(Number.isNaN(D[2 * k]) || Number.isNaN(D[2 * k + 1])).toBe(true);
    const e = new Float64Array(2 * 1009);
    e[0] = Number.POSITIVE_INFINITY;
    const y = fft(new NDArray('complex128', [1009], e)).data;
    expect(Array.from(y).some((v) => !Number.isFinite(v))).toBe(true);
    const r = new Float64Array(31);
    r[3] = Number.NaN;
    const R = rfft(new NDArray('float64', [31], r)).data;
    for (let k = 0; k < 16; k++) expect(Number.isNaN(R[2 * k]) || Number.isNaN(R[2 * k + 1])).toBe(true);
  });
});

describe('complex64 lines at lengths that are not powers of two', () => {
  for (const n of [3, 100000, 65537, 4099]) {
    it(`fft / ifft(a complex64 [${n}]) keep complex64, match the complex128 transform within 5e-6 in every norm`, () => {
      const wide = new NDArray('complex128', [n], randomBuffer(2 * n, n));
      const single = new NDArray('complex64', [n], Float32Array.from(wide.data as Float64Array));
      const exact = new NDArray('complex128', [n], Float64Array.from(single.data as Float32Array));
      for (const norm of NORMS) {
        const f = fft(single, { norm });
        expect(f.dtype).toBe('complex64');
        expect(f.data).toBeInstanceOf(Float32Array);
        expect(relErr(f.data, fft(exact, { norm }).data)).toBeLessThan(5e-6);
        const b = ifft(single, { norm });
        expect(relErr(b.data, ifft(exact, { norm }).data)).toBeLessThan(5e-6);
      }
      expect(Array.from(single.data)).toEqual(Array.from(Float32Array.from(wide.data as Float64Array)));
    });
  }
});
