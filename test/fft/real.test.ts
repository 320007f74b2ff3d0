import { describe, expect, it } from 'vitest';
import { ComplexPlan } from '../../src/fft/plan.js';
import { RealPlan } from '../../src/fft/real.js';
import { dftRef } from '../../src/ref/dft.js';
import { randomBuffer, relErr } from './helpers.js';

const planFor = (n: number): RealPlan => new RealPlan(n, new ComplexPlan(n % 2 === 0 ? n / 2 : n));

describe('RealPlan', () => {
  it('forward(x) equals the first n/2+1 bins of the complex DFT for n = 1..200', () => {
    for (let n = 1; n <= 200; n++) {
      const x = randomBuffer(n, n);
      const c = new Float64Array(2 * n);
      x.forEach((v, i) => {
        c[2 * i] = v;
      });
      const p = planFor(n);
      const X = new Float64Array(2 * p.bins);
      p.forward(x, X);
      expect(relErr(X, dftRef(c).subarray(0, 2 * p.bins)), `n=${n}`).toBeLessThan(1e-13);
    }
  });
  it('backward(X) inverts forward (unnormalised) and ignores Im X_0 and Im X_{n/2}', () => {
    for (const n of [2, 3, 10, 33, 64, 1000]) {
      const x = randomBuffer(n, n);
      const p = planFor(n);
      const X = new Float64Array(2 * p.bins);
      p.forward(x, X);
      X[1] = 123; // imaginary part of bin 0
      if (n % 2 === 0) X[2 * (p.bins - 1) + 1] = -7;
      const back = new Float64Array(n);
      p.backward(X, back);
      expect(
        relErr(
          back.map((v) => v / n),
          x,
        ),
        `n=${n}`,
      ).toBeLessThan(1e-14);
    }
  });
});
