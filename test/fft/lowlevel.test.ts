import { describe, expect, it } from 'vitest';
import { planFft, planRfft } from '../../src/fft/lowlevel.js';
import { dftRef } from '../../src/ref/dft.js';
import { randomBuffer, relErr } from './helpers.js';

describe('lowlevel', () => {
  it('planFft(n, "complex128").forward / backward on raw interleaved buffers', () => {
    for (const n of [1, 5, 64, 243, 1000, 1009]) {
      const p = planFft(n, 'complex128');
      const x = randomBuffer(2 * n, n);
      const X = new Float64Array(2 * n);
      p.forward(x, X);
      expect(relErr(X, dftRef(x))).toBeLessThan(1e-13);
      const back = new Float64Array(2 * n);
      p.backward(X, back);
      expect(
        relErr(
          back.map((v) => v / n),
          x,
        ),
      ).toBeLessThan(1e-14);
    }
  });
  it('planFft(n, "complex64") works on Float32Array within 5e-6', () => {
    for (const n of [7, 128, 1000, 4099]) {
      const x64 = randomBuffer(2 * n, n);
      const x = Float32Array.from(x64);
      const X = new Float32Array(2 * n);
      planFft(n, 'complex64').forward(x, X);
      expect(relErr(X, dftRef(Float64Array.from(x)))).toBeLessThan(5e-6);
    }
  });
  it('planRfft(n, dtype) gives the half spectrum and inverts it', () => {
    for (const n of [1, 2, 9, 64, 1000]) {
      const x = randomBuffer(n, n);
      const c = new Float64Array(2 * n);
      x.forEach((v, i) => {
        c[2 * i] = v;
      });
      const p = planRfft(n, 'float64');
      expect(p.bins).toBe((n >> 1) + 1);
      const X = new Float64Array(2 * p.bins);
      p.forward(x, X);
      expect(relErr(X, dftRef(c).subarray(0, 2 * p.bins))).toBeLessThan(1e-13);
      const back = new Float64Array(n);
      p.backward(X, back);
      expect(
        relErr(
          back.map((v) => v / n),
          x,
        ),
      ).toBeLessThan(1e-14);
      const p32 = planRfft(n, 'float32');
      const X32 = new Float32Array(2 * p.bins);
      p32.forward(Float32Array.from(x), X32);
      expect(relErr(X32, X)).toBeLessThan(5e-6);
    }
  });
  it('planFft(n, dtype) checks its arguments and buffers', () => {
    expect(() => planFft(0, 'complex128')).toThrow(/^n: /);
    expect(() => planFft(8, 'int32')).toThrow(/^dtype: /);
    const p = planFft(8, 'complex128');
    expect(() => p.forward(new Float64Array(8), new Float64Array(16))).toThrow(/^input: expected a Float64Array of at least 16/);
    expect(() => p.forward(new Float64Array(16), new Float32Array(16) as never)).toThrow(/^out: /);
  });
});
