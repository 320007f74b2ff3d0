import { describe, test } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { kalmanArmaRef } from '../../src/ref/stats-kalman.js';
import { armaSystem, kalmanArma, stationaryCov } from '../../src/stats/arima/statespace.js';
import { expectClose } from '../stats/golden.js';

describe('stats-kalman', () => {
  test('kalmanArma (companion structure, steady-state shortcut) matches kalmanArmaRef for r = 1..6 and odd lengths', () => {
    const rng = new Rng(5);
    for (const [phi, theta] of [
      [[0.7], []],
      [[], [0.4]],
      [[0.5, -0.3], [0.2]],
      [
        [0.2, 0.1, -0.1],
        [0.5, 0.3],
      ],
      [[0.9], [0.6, 0.2, 0.1, -0.2, 0.1]],
    ] as Array<[number[], number[]]>) {
      for (const n of [1, 2, 7, 501]) {
        const y = rng.fillNormal(new Float64Array(n));
        const sys = armaSystem(phi, theta);
        const fast = kalmanArma(y, sys, true);
        const ref = kalmanArmaRef(y, phi, theta, stationaryCov(sys));
        expectClose(fast.v!, ref.v, { atol: 1e-12, rtol: 1e-12 });
        expectClose(fast.f!, ref.f, { atol: 1e-12, rtol: 1e-12 });
      }
    }
  });
});
