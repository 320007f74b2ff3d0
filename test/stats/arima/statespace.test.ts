import { describe, expect, test } from 'vitest';
import {
  armaSystem,
  concentratedLoglik,
  kalmanArma,
  kalmanLevels,
  loglikAt,
  stationaryCov,
  stationaryCovDoubling,
} from '../../../src/stats/arima/statespace.js';
import { expectClose } from '../golden.js';

describe('statespace', () => {
  test('stationaryCov for AR(1) is 1 / (1 − φ²) and for MA(1) is [[1 + θ², θ], [θ, θ²]]', () => {
    expectClose(stationaryCov(armaSystem([0.6], [])), [1 / 0.64], { rtol: 1e-14 });
    expectClose(stationaryCov(armaSystem([], [0.5])), [1.25, 0.5, 0.5, 0.25], { atol: 1e-14 });
  });

  test('kalmanArma on an AR(1) gives the exact likelihood: stationary first term, then conditional terms', () => {
    const y = Float64Array.of(0.3, -0.2, 0.9, 1.1, -0.4);
    const phi = 0.6;
    const out = kalmanArma(y, armaSystem([phi], []), true);
    const sigma2 = 0.8;
    let want = -0.5 * (Math.log((2 * Math.PI * sigma2) / (1 - phi * phi)) + (y[0] ** 2 * (1 - phi * phi)) / sigma2);
    for (let t = 1; t < y.length; t++) want += -0.5 * (Math.log(2 * Math.PI * sigma2) + (y[t] - phi * y[t - 1]) ** 2 / sigma2);
    expect(loglikAt(out, sigma2)).toBeCloseTo(want, 12);
    expect(concentratedLoglik(out).sigma2).toBeCloseTo(out.sumV2F / 5, 15);
  });

  test('kalmanLevels with d = 1 and a huge kappa approaches the likelihood of the differenced series', () => {
    const y = Float64Array.from({ length: 60 }, (_, i) => Math.sin(i * 0.7) * 2 + i * 0.1 + ((i * 13) % 7) * 0.3);
    const w = y.slice(1).map((v, i) => v - y[i]);
    const sys = armaSystem([0.4], [0.3]);
    const exact = loglikAt(kalmanArma(w, sys), 1.3);
    expect(loglikAt(kalmanLevels(y, sys, 1, 1e9), 1.3)).toBeCloseTo(exact, 5);
  });
});

describe('statespace doubling', () => {
  test('stationaryCovDoubling agrees with the direct Lyapunov solve', () => {
    for (const [phi, theta] of [
      [
        [0.5, -0.3, 0.2],
        [0.4, 0.1],
      ],
      [[0.95], [0.3, 0.2, 0.1, -0.2]],
      [[0.2, 0.1, 0, 0, 0, 0.3], [0.5]],
    ]) {
      const sys = armaSystem(phi, theta);
      expectClose(stationaryCovDoubling(sys), stationaryCov(sys), { atol: 1e-12, rtol: 1e-11 });
    }
  });
});
