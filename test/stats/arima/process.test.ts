import { describe, expect, test } from 'vitest';
import { acf } from '../../../src/stats/acf.js';
import { armaFilter, arPolynomial, impulseResponse, simulateArima } from '../../../src/stats/arima/process.js';
import { lfilter } from '../../../src/stats/lfilter.js';
import { expectClose, golden } from '../golden.js';

const g = golden('arima.json');

describe('process', () => {
  test('impulseResponse(ar, ma, 20) matches statsmodels arma2ma', () => {
    for (const c of g.impulse) expectClose(impulseResponse(c.ar, c.ma, 20), c.psi, { atol: 1e-12, rtol: 1e-12 });
  });

  test('impulseResponse(ar, ma, n, { d: 1 }) is the running sum of the d = 0 kernel', () => {
    const psi = impulseResponse([0.5], [0.3], 10);
    let s = 0;
    expectClose(
      impulseResponse([0.5], [0.3], 10, { d: 1 }),
      Array.from(psi, (v) => (s += v)),
      { atol: 1e-14 },
    );
  });

  test('arPolynomial([0.5], 1) is (1 − 0.5z)(1 − z)', () => {
    expectClose(arPolynomial([0.5], 1), [1, -1.5, 0.5], { atol: 1e-15 });
  });

  test('armaFilter(ar, ma, e) equals lfilter([1, θ], [1, −φ], e) and the convolution with the impulse response', () => {
    const e = Array.from({ length: 30 }, (_, i) => Math.sin(i * 1.3) + ((i * 17) % 5) * 0.2);
    const u = armaFilter([0.6, -0.2], [0.4], e);
    expectClose(u, lfilter([1, 0.4], [1, -0.6, 0.2], e).y, { atol: 1e-13 });
    const psi = impulseResponse([0.6, -0.2], [0.4], 30);
    const conv = e.map((_, t) => e.slice(0, t + 1).reduce((s, v, j) => s + psi[t - j] * v, 0));
    expectClose(u, conv, { atol: 1e-12 });
  });

  test('simulateArima({ ar: [0.7] }, 20000, { seed }) has the AR(1) autocorrelation 0.7^k', () => {
    const x = simulateArima({ ar: [0.7], sigma2: 2 }, 20000, { seed: 5 });
    const r = acf(x, { nlags: 3 }).acf;
    expectClose(r.slice(1), [0.7, 0.49, 0.343], { atol: 0.03 });
    expect(Array.from(simulateArima({ ar: [0.7] }, 5, { seed: 5 }))).toEqual(Array.from(simulateArima({ ar: [0.7] }, 5, { seed: 5 })));
  });

  test('simulateArima with d = 1 and a drift integrates the noise and adds β t', () => {
    const x = simulateArima({ d: 1, sigma2: 0, trend: { powers: [1], coefs: [0.5] } }, 4);
    expect(Array.from(x)).toEqual([0.5, 1, 1.5, 2]);
  });
});

describe('process seasonal', () => {
  test('impulseResponse(ar, ma, n, { seasonal: { D: 1, s: 4 } }) is the seasonal running sum of the ARMA kernel', () => {
    const psi = impulseResponse([0.5], [], 12);
    const want = Array.from(psi);
    for (let t = 4; t < 12; t++) want[t] += want[t - 4];
    expectClose(impulseResponse([0.5], [], 12, { seasonal: { D: 1, s: 4 } }), want, { atol: 1e-14 });
  });

  test('simulateArima with seasonal D = 1 undoes (1 − B^s) differencing', () => {
    const x = simulateArima({ ar: [0.3], seasonal: { D: 1, s: 3 } }, 30, { seed: 9 });
    const w = simulateArima({ ar: [0.3] }, 30, { seed: 9 });
    expectClose(
      x.slice(3).map((v, i) => v - x[i]),
      w.slice(3),
      { atol: 1e-12 },
    );
  });
});
