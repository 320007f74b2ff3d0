import { describe, expect, it } from 'vitest';
import { dctRef, dftBinRef, dftRef } from '../../src/ref/dft.js';

describe('dftRef', () => {
  it('dftRef([1, 0, 0, 0]) is flat and dftRef of a pure tone is one bin', () => {
    expect(Array.from(dftRef([1, 0, 0, 0, 0, 0, 0, 0]))).toEqual([1, 0, 1, 0, 1, 0, 1, 0]);
    // x_j = e^{2πi j/4} = [1, i, −1, −i] → X_1 = 4
    const X = dftRef([1, 0, 0, 1, -1, 0, 0, -1]);
    expect(Array.from(X).map((v) => Math.round(v * 1e12) / 1e12)).toEqual([0, 0, 4, 0, 0, 0, 0, 0]);
  });
  it('dftRef(x, true) is the unnormalised inverse', () => {
    const x = [0.5, -1, 2, 0.25, -3, 1, 0.75, 0.5, 1, 1];
    const back = dftRef(dftRef(x), true).map((v) => v / 5);
    back.forEach((v, i) => {
      expect(v).toBeCloseTo(x[i], 14);
    });
  });
  it('dftBinRef(x, k) equals bin k of dftRef(x)', () => {
    const x = Array.from({ length: 22 }, (_, i) => Math.sin(i * 1.7) + i / 10);
    const X = dftRef(x);
    for (const k of [0, 3, 10]) {
      const [re, im] = dftBinRef(x, k);
      expect(re).toBeCloseTo(X[2 * k], 13);
      expect(im).toBeCloseTo(X[2 * k + 1], 13);
    }
  });
});

describe('dctRef', () => {
  it('dctRef(x, 2) matches scipy.fft.dct([1, 2, 3, 4])', () => {
    // scipy.fft.dct([1., 2., 3., 4.]) = [20, −6.30864406, 0, −0.44834153]
    const y = dctRef([1, 2, 3, 4], 2);
    expect(y[0]).toBeCloseTo(20, 12);
    expect(y[1]).toBeCloseTo(-6.308644059797899, 12);
    expect(y[2]).toBeCloseTo(0, 12);
    expect(y[3]).toBeCloseTo(-0.4483415291679655, 12);
  });
  it('dctRef types 1, 3, 4 match scipy on [1, 2, 3, 4]', () => {
    expect(Array.from(dctRef([1, 2, 3, 4], 1)).map((v) => +v.toFixed(10))).toEqual([15, -4, 0, -1]);
    const y3 = dctRef([1, 2, 3, 4], 3);
    expect(y3[0]).toBeCloseTo(11.99962628, 7);
    const y4 = dctRef([1, 2, 3, 4], 4);
    expect(y4[0]).toBeCloseTo(10.18159298, 7);
  });
});
