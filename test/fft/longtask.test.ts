import { describe, expect, it } from 'vitest';
import { NDArray } from '../../src/core/ndarray.js';
import { fft, ifft, irfft, rfft } from '../../src/fft/api.js';
import { LONG_BAND, LONG_SUB, longSingle, longSplit, longStepTask } from '../../src/fft/longtask.js';
import { randomBuffer, relErr } from './helpers.js';

/** Both phases of the four-step on this thread (as the workers run them), shares as given. */
function fourStep(x: Float64Array | Float32Array, n: number, inverse: boolean, scale: number, shares = 1): Float64Array | Float32Array {
  const n1 = longSplit(n);
  const single = x instanceof Float32Array;
  const shared = (size: number) =>
    single ? new Float32Array(new SharedArrayBuffer(4 * size)) : new Float64Array(new SharedArrayBuffer(8 * size));
  const work = shared(2 * n);
  work.set(x);
  const dst = shared(2 * n);
  const n2 = n / n1;
  const cut = (m: number, align: number) =>
    Array.from({ length: shares }, (_, i) => [
      Math.floor((i * m) / shares / align) * align,
      i === shares - 1 ? m : Math.floor(((i + 1) * m) / shares / align) * align,
    ]);
  for (const [lo, hi] of cut(n2, 2)) longStepTask({ long: 1, src: work, dst: work, n, n1, inverse, scale: 1, lo, hi });
  for (const [lo, hi] of cut(n1, 1)) longStepTask({ long: 2, src: work, dst, n, n1, inverse, scale, lo, hi });
  return dst;
}

describe('longSplit', () => {
  it('longSplit(n) picks n1 <= n2 from the factors of n: 2^20 → 1024, 2^18·3 → 512, 5^8 → 625', () => {
    expect(longSplit(1 << 20)).toBe(1024);
    expect(longSplit(1 << 21)).toBe(1024);
    expect(longSplit(786432)).toBe(512);
    expect(longSplit(390625)).toBe(625);
    expect(longSplit(2 * 3 * 5 * 7 * 11 * 13 * 17)).toBe(2 * 3 * 5 * 7);
  });
  it('longSplit(n) is 0 for primes, Bluestein lengths and tiny n', () => {
    expect(longSplit(65537)).toBe(0);
    expect(longSplit(1000003)).toBe(0);
    expect(longSplit(2)).toBe(0);
    expect(longSplit(1)).toBe(0);
  });
  it('longSingle(n, n1) holds only when both lengths are powers of two', () => {
    expect(longSingle(1 << 20, 1024)).toBe(true);
    expect(longSingle(786432, 512)).toBe(false);
  });
});

describe('longStepTask', () => {
  it('longStepTask phases 1 and 2 (complex128, 2^16 and 3·2^12·5, forward and inverse, 1 and 3 shares) equal fft / ifft to rounding', () => {
    for (const n of [1 << 16, 3 * 4096 * 5]) {
      const x = randomBuffer(2 * n, n);
      const a = new NDArray('complex128', [n], x);
      const f = fft(a).data;
      const one = fourStep(x, n, false, 1);
      expect(relErr(one, f)).toBeLessThan(1e-14);
      expect(Array.from(fourStep(x, n, false, 1, 3))).toEqual(Array.from(one));
      expect(relErr(fourStep(x, n, true, 1 / n), ifft(a).data)).toBeLessThan(1e-14);
    }
  });
  it('longStepTask on complex64 (2^16: float32 kernels) equals fft to float32 rounding', () => {
    const n = 1 << 16;
    const x = Float32Array.from(randomBuffer(2 * n, 5));
    const f = fft(new NDArray('complex64', [n], x)).data;
    const y = fourStep(x, n, false, 1);
    expect(y).toBeInstanceOf(Float32Array);
    expect(relErr(y, f)).toBeLessThan(1e-6);
  });
  it('longStepTask with narrow bands and sub-blocks (LONG_BAND 96, LONG_SUB 32: a 32-column last band) gives the same bits', () => {
    const n = 1 << 14;
    const x = randomBuffer(2 * n, 6);
    const ref = Array.from(fourStep(x, n, false, 1));
    const [band, sub] = [LONG_BAND.columns, LONG_SUB.columns];
    try {
      LONG_BAND.columns = 96;
      LONG_SUB.columns = 32;
      expect(Array.from(fourStep(x, n, false, 1, 1))).toEqual(ref); // bands of 96 and 32 columns
      expect(Array.from(fourStep(x, n, false, 1, 2))).toEqual(ref);
    } finally {
      LONG_BAND.columns = band;
      LONG_SUB.columns = sub;
    }
  });
});

describe('longStepTask (real phases)', () => {
  it('longStepTask phases 1, 2 then 3 give rfft, and 0, 1, 2 give irfft (float64, n = 2^15 and 2·3·2^10·5; 1 and 3 shares)', () => {
    for (const n of [1 << 15, 2 * 3 * 1024 * 5]) {
      const h = n / 2;
      const n1 = longSplit(h);
      const x = randomBuffer(n, n);
      const spec = rfft(new NDArray('float64', [n], x)).data as Float64Array;
      const shared = (size: number) => new Float64Array(new SharedArrayBuffer(8 * size));
      for (const shares of [1, 3]) {
        const cut = (m: number) =>
          Array.from({ length: shares }, (_, i) => [Math.floor((i * m) / shares), Math.floor(((i + 1) * m) / shares)]);
        const work = shared(n);
        work.set(x);
        const z = shared(n);
        const out = shared(n + 2);
        for (const [lo, hi] of cut(h / n1)) longStepTask({ long: 1, src: work, dst: work, n: h, n1, inverse: false, scale: 1, lo, hi });
        for (const [lo, hi] of cut(n1)) longStepTask({ long: 2, src: work, dst: z, n: h, n1, inverse: false, scale: 1, lo, hi });
        for (const [lo, hi] of cut(h / 2 + 1)) longStepTask({ long: 3, src: z, dst: out, n: h, n1, inverse: false, scale: 0.5, lo, hi });
        expect(
          relErr(
            out,
            spec.map((v) => v * 0.5),
          ),
        ).toBeLessThan(1e-14);
        const sIn = shared(n + 2);
        sIn.set(spec);
        const zb = shared(n);
        const back = shared(n);
        for (const [lo, hi] of cut(h)) longStepTask({ long: 0, src: sIn, dst: zb, n: h, n1, inverse: true, scale: 1, lo, hi });
        for (const [lo, hi] of cut(h / n1)) longStepTask({ long: 1, src: zb, dst: zb, n: h, n1, inverse: true, scale: 1, lo, hi });
        for (const [lo, hi] of cut(n1)) longStepTask({ long: 2, src: zb, dst: back, n: h, n1, inverse: true, scale: 1 / n, lo, hi });
        expect(relErr(back, irfft(new NDArray('complex128', [h + 1], spec)).data)).toBeLessThan(1e-14);
      }
    }
  });
});
