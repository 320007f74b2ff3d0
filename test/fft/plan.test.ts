/**
 * Accuracy of ComplexPlan for every length 1..4096 and for large lengths, against references:
 * - n <= 512: the full O(n²) compensated DFT (src/ref/dft.ts), both directions, for the TS
 *   passes and for the default backend (WebAssembly when built);
 * - every n in 513..4096: a sum of tones with exactly known spectrum (full vector), random input
 *   checked at sampled bins against the exact sum, and the inverse round trip; plus the full
 *   reference DFT on every 53rd length;
 * - large n: tones, sampled exact bins and round trip.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { setFftBackend } from '../../src/fft/backend.js';
import { ComplexPlan } from '../../src/fft/plan.js';
import { dftBinRef, dftRef, unitRoots } from '../../src/ref/dft.js';
import { randomBuffer, relErr } from './helpers.js';

/** x_j = Σ_t a_t e^{2πi f_t j / n} and its exact DFT (n·a_t at bin f_t). */
function tones(n: number, seed: number, roots: Float64Array): { x: Float64Array; X: Float64Array } {
  const rng = new Rng(seed);
  const x = new Float64Array(2 * n);
  const X = new Float64Array(2 * n);
  for (let t = 0; t < 3; t++) {
    const f = rng.int(n);
    const ar = rng.normal();
    const ai = rng.normal();
    X[2 * f] += n * ar;
    X[2 * f + 1] += n * ai;
    for (let j = 0, q = 0; j < n; j++, q = (q + f) % n) {
      const c = roots[2 * q];
      const s = roots[2 * q + 1];
      x[2 * j] += ar * c - ai * s;
      x[2 * j + 1] += ar * s + ai * c;
    }
  }
  return { x, X };
}

/** Max error at sampled bins of a random input, relative to the RMS bin magnitude. */
function binError(plan: ComplexPlan, x: Float64Array, bins: number[], roots: Float64Array): number {
  const n = plan.n;
  const y = new Float64Array(2 * n);
  plan.forward(x, y);
  let energy = 0;
  for (const v of x) energy += v * v;
  const rms = Math.sqrt(energy); // ||X|| / sqrt(n) by Parseval
  let worst = 0;
  for (const k of bins) {
    const [re, im] = dftBinRef(x, k, roots);
    worst = Math.max(worst, Math.hypot(y[2 * k] - re, y[2 * k + 1] - im) / rms);
  }
  return worst;
}

function roundTrip(plan: ComplexPlan, x: Float64Array): number {
  const n = plan.n;
  const y = new Float64Array(2 * n);
  plan.forward(x, y);
  plan.backward(y, y);
  for (let i = 0; i < y.length; i++) y[i] /= n;
  return relErr(y, x);
}

afterAll(() => setFftBackend('auto'));

describe('ComplexPlan accuracy', () => {
  it.each(['ts', 'auto'] as const)("forward / backward match the reference DFT for every n in 1..512 (backend '%s')", (backend) => {
    setFftBackend(backend);
    for (let n = 1; n <= 512; n++) {
      const plan = new ComplexPlan(n);
      const x = randomBuffer(2 * n, n);
      const y = new Float64Array(2 * n);
      plan.forward(x, y);
      expect(relErr(y, dftRef(x)), `forward n=${n}`).toBeLessThan(1e-13);
      plan.backward(x, y);
      expect(relErr(y, dftRef(x, true)), `backward n=${n}`).toBeLessThan(1e-13);
    }
    setFftBackend('auto');
  });

  it('forward is exact on tones, at sampled bins and in round trip for every n in 513..4096', () => {
    for (let n = 513; n <= 4096; n++) {
      const plan = new ComplexPlan(n);
      const roots = unitRoots(n);
      const { x, X } = tones(n, n, roots);
      const y = new Float64Array(2 * n);
      plan.forward(x, y);
      expect(relErr(y, X), `tones n=${n}`).toBeLessThan(1e-13);
      const r = randomBuffer(2 * n, n);
      expect(binError(plan, r, [0, 1, n - 1, n >> 1, (n * 0.37) | 0], roots), `bins n=${n}`).toBeLessThan(1e-13);
      expect(roundTrip(plan, r), `round trip n=${n}`).toBeLessThan(1e-13);
    }
  });

  it('forward matches the reference DFT on every 53rd length in 513..4096', () => {
    for (let n = 513; n <= 4096; n += 53) {
      const x = randomBuffer(2 * n, n);
      const y = new Float64Array(2 * n);
      new ComplexPlan(n).forward(x, y);
      expect(relErr(y, dftRef(x)), `n=${n}`).toBeLessThan(1e-13);
    }
  });

  for (const n of [2 ** 20, 3 ** 12, 5 ** 8, 2 * 3 * 5 * 7 * 11 * 13 * 17, 65537, 1000003]) {
    it(`forward / backward of n=${n} is accurate below 1e-12`, () => {
      const plan = new ComplexPlan(n);
      const roots = unitRoots(n);
      const { x, X } = tones(n, 3, roots);
      const y = new Float64Array(2 * n);
      plan.forward(x, y);
      expect(relErr(y, X)).toBeLessThan(1e-12);
      const r = randomBuffer(2 * n, 5);
      expect(binError(plan, r, [0, 1, 2, n >> 1, n - 1, 12345], roots)).toBeLessThan(1e-12);
      expect(roundTrip(plan, r)).toBeLessThan(1e-12);
    });
  }
});

describe('ComplexPlan structure', () => {
  it('new ComplexPlan(n) factors n into radix passes or picks Bluestein', () => {
    expect(new ComplexPlan(65536).factors).toEqual([4, 4, 4, 4, 4, 4, 4, 4]);
    expect(new ComplexPlan(100000).factors).toEqual([4, 4, 2, 5, 5, 5, 5, 5]);
    expect(new ComplexPlan(1001).factors).toEqual([7, 11, 13]);
    expect(new ComplexPlan(1009).bluestein?.m).toBe(2048);
    expect(new ComplexPlan(1).factors).toEqual([]);
  });

  it('plan.forward(x, x) works in place and leaves no state between calls', () => {
    const plan = new ComplexPlan(60);
    const x = randomBuffer(120, 9);
    const want = dftRef(x);
    const y = x.slice();
    plan.forward(y, y);
    expect(relErr(y, want)).toBeLessThan(1e-14);
    const z = new Float64Array(120);
    plan.forward(x, z);
    expect(relErr(z, want)).toBeLessThan(1e-14);
  });
});
