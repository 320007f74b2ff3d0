import { describe, expect, it } from 'vitest';
import { convolve } from '../../src/conv/index.js';
import { fromArray, type NDArray } from '../../src/core/ndarray.js';
import { randomUniform } from '../../src/core/random.js';
import { sampleConvolve, sampleErrorCurve } from '../../src/diffusion/sample.js';
import { gaussian } from '../../src/filters/index.js';
import { golden } from './golden.js';

const X = randomUniform([40, 48], { seed: 11, hi: 255 }); // [H, W] float64, P = 1920 pixels
const POSITIVE = gaussian(1.5); // 13×13, sums to 1
const SIGNED = fromArray([1, 2, 0, -1, 0.5, -3, 4, -2, 1, -1, 2, 0.25], 'float64', [3, 4]); // lopsided, even width
const EDGE = fromArray([-1, -1, -1, -1, 8, -1, -1, -1, -1], 'float64', [3, 3]);

/** Least-squares slope of log(rmse) against log(N). */
function logLogSlope(counts: number[], rmse: number[]): number {
  const lx = counts.map(Math.log);
  const ly = rmse.map(Math.log);
  const mx = lx.reduce((a, b) => a + b) / lx.length;
  const my = ly.reduce((a, b) => a + b) / ly.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < lx.length; i++) {
    num += (lx[i] - mx) * (ly[i] - my);
    den += (lx[i] - mx) ** 2;
  }
  return num / den;
}

/** z-scores of the mean against the exact value, pixel by pixel. */
function zScores(mean: NDArray, variance: NDArray, exact: NDArray, n: number): number[] {
  const z: number[] = [];
  for (let i = 0; i < exact.size; i++) {
    const se = Math.sqrt(variance.data[i] / n);
    if (se > 0) z.push((mean.data[i] - exact.data[i]) / se);
  }
  return z;
}

describe('sampleConvolve', () => {
  for (const [name, k] of [
    ['positive (Gaussian σ = 1.5)', POSITIVE],
    ['signed (lopsided 3×4)', SIGNED],
    ['signed, sum 0 (edge kernel)', EDGE],
  ] as const) {
    it(`sampleConvolve(x, ${name}, { samples: 256 }) is unbiased: the pixels' z-scores are standard normal`, () => {
      const N = 256;
      const exact = convolve(X, k, { mode: 'same', boundary: 'reflect' });
      const { mean, variance } = sampleConvolve(X, k, { samples: N, seed: 1 });
      const z = zScores(mean, variance, exact, N);
      expect(z.length).toBeGreaterThan(1900);
      const avg = z.reduce((a, b) => a + b) / z.length;
      const msq = z.reduce((a, b) => a + b * b, 0) / z.length;
      // for P ≈ 1920 independent N(0, 1): sd(avg) = 0.023, sd(mean square) ≈ 0.032 — allow > 4 sd
      expect(Math.abs(avg)).toBeLessThan(0.1);
      expect(msq).toBeGreaterThan(0.85);
      expect(msq).toBeLessThan(1.15);
    });

    it(`sampleErrorCurve(x, ${name}) falls like 1/√N: log-log slope −0.5 ± 0.05`, () => {
      const exact = convolve(X, k, { mode: 'same', boundary: 'reflect' });
      const counts = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512];
      const curve = sampleErrorCurve(X, k, exact, { counts, seed: 2 });
      const slope = logLogSlope(counts, curve.rmse);
      expect(slope).toBeGreaterThan(-0.55);
      expect(slope).toBeLessThan(-0.45);
    });
  }

  it('sampleConvolve(u, Gaussian σ = 1) targets scipy.ndimage.convolve(u, k, mode=reflect): every pixel within 5 standard errors', () => {
    const u = golden('u'); // 24 × 37, 0..255
    const r = Array.from({ length: 9 }, (_, i) => Math.exp(-((i - 4) ** 2) / 2));
    const total = r.reduce((a, b) => a + b);
    const k = fromArray(
      r.flatMap((a) => r.map((b) => (a * b) / (total * total))),
      'float64',
      [9, 9],
    );
    const N = 4096;
    const { mean, variance } = sampleConvolve(u, k, { samples: N, seed: 3 });
    const z = zScores(mean, variance, golden('conv_gauss1_reflect'), N);
    expect(z.length).toBe(24 * 37);
    expect(Math.max(...z.map(Math.abs))).toBeLessThan(5);
  });

  it('sampleErrorCurve(x, k, ref, { counts }) reports the error of exactly sampleConvolve(x, k, { samples: N })', () => {
    const exact = convolve(X, SIGNED, { mode: 'same', boundary: 'reflect' });
    const curve = sampleErrorCurve(X, SIGNED, exact, { counts: [8, 3], seed: 5 });
    expect(curve.counts).toEqual([3, 8]);
    const { mean } = sampleConvolve(X, SIGNED, { samples: 3, seed: 5 });
    let e = 0;
    for (let i = 0; i < X.size; i++) e += (mean.data[i] - exact.data[i]) ** 2;
    expect(curve.rmse[0]).toBeCloseTo(Math.sqrt(e / X.size), 10);
  });

  it('sampleConvolve(x, k, { seed }) is reproducible, and different seeds give different single samples', () => {
    const a = sampleConvolve(X, POSITIVE, { samples: 1, seed: 7 }).mean;
    const b = sampleConvolve(X, POSITIVE, { samples: 1, seed: 7 }).mean;
    const c = sampleConvolve(X, POSITIVE, { samples: 1, seed: 8 }).mean;
    expect([...a.data]).toEqual([...b.data]);
    let differ = 0;
    for (let i = 0; i < a.size; i++) if (a.data[i] !== c.data[i]) differ++;
    expect(differ).toBeGreaterThan(0.9 * a.size);
  });

  it('sampleConvolve with one sample takes one neighbour’s value times sign·Σ|k|, and reports zero variance', () => {
    const k = fromArray([0, 0, 0, 0, 0, -2], 'float64', [2, 3]); // a single tap: deterministic
    const x = randomUniform([5, 6], { seed: 3 });
    const { mean, variance, scale } = sampleConvolve(x, k, { samples: 1, boundary: 'wrap' });
    const exact = convolve(x, k, { mode: 'same', boundary: 'wrap' });
    expect(scale).toBe(2);
    for (let i = 0; i < x.size; i++) expect(mean.data[i]).toBeCloseTo(exact.data[i], 14);
    expect([...variance.data].every((v) => v === 0)).toBe(true);
  });

  it('sampleConvolve(x, k, { boundary }) is unbiased under every boundary (max |z| over pixels below 5)', () => {
    const x = randomUniform([9, 11], { seed: 4, hi: 10 });
    for (const boundary of ['constant', 'wrap', 'nearest', 'mirror'] as const) {
      const exact = convolve(x, SIGNED, { mode: 'same', boundary, cval: 3 });
      const { mean, variance } = sampleConvolve(x, SIGNED, { samples: 4096, seed: 9, boundary, cval: 3 });
      const z = zScores(mean, variance, exact, 4096);
      expect(Math.max(...z.map(Math.abs)), boundary).toBeLessThan(5);
    }
  });

  it('sampleConvolve([C, H, W] float32, …) keeps layout and dtype; refuses bad arguments', () => {
    const img = randomUniform([3, 8, 9], { seed: 1, dtype: 'float32', hi: 255 });
    const r = sampleConvolve(img, POSITIVE, { samples: 4 });
    expect(r.mean.shape).toEqual([3, 8, 9]);
    expect(r.mean.dtype).toBe('float32');
    expect(() => sampleConvolve(img, POSITIVE, { samples: 0 })).toThrow(/samples/);
    expect(() => sampleConvolve(img, [[0, 0]])).toThrow(/kernel/);
    expect(() => sampleConvolve(img, POSITIVE, { boundary: 'sideways' as never })).toThrow(/boundary/);
    expect(() => sampleConvolve(randomUniform([4], { seed: 1 }), POSITIVE)).toThrow(/x: expected/);
  });

  it('sampleConvolve(1024², gaussian:2, { samples: 64 }) — CPU time on one core, logged (≈ 0.45–0.65 s measured; bound 2.5 s)', () => {
    const big = randomUniform([1024, 1024], { seed: 1, dtype: 'float32', hi: 255 });
    const k = gaussian(2);
    sampleConvolve(big, k, { samples: 2 }); // warm-up
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    sampleConvolve(big, k, { samples: 64, seed: 1 });
    const wall = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    console.log(`sampleConvolve 1024² × 64 samples, gaussian:2 (17×17): ${cpuMs.toFixed(0)} ms CPU, ${wall.toFixed(0)} ms wall`);
    expect(cpuMs).toBeLessThan(2500); // CPU time, not wall: shared test machines run many forks per core
  });
});
