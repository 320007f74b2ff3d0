import { describe, expect, it } from 'vitest';
import { fromArray } from '../../src/core/ndarray.js';
import { cltDistance, cltGaussian, nfold } from '../../src/diffusion/clt.js';
import { heatStencil, describe as moments, toPropagator } from '../../src/diffusion/propagator.js';

const BOX = moments(fromArray(new Array(9).fill(1 / 9), 'float64', [3, 3]));
const EDGE_T4 = toPropagator(
  [
    [-1, -1, -1],
    [-1, 8, -1],
    [-1, -1, -1],
  ],
  { temperature: 4 },
);

describe('the central-limit theorem', () => {
  it('nfold(p, n) is a density of n times p’s covariance', () => {
    const q = nfold(BOX, 5);
    expect(q.shape).toEqual([11, 11]);
    const m = moments(q);
    expect(q.data.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
    expect(m.covariance.xx).toBeCloseTo(5 * (2 / 3), 12);
    expect(m.mean.x).toBeCloseTo(0, 14);
  });

  it('cltDistance(p, n) for n = 1..64 steps of 3×3 propagators falls like 1/n: L1 ≤ 0.35/n from n = 8 on', () => {
    // measured n·L1 → 0.250 (box), 0.223 (softmax of the edge kernel at T = 4), 0.277 (5-point stencil r = 0.2)
    for (const p of [BOX, EDGE_T4, heatStencil(0.2)]) {
      let previous = Infinity;
      for (let n = 1; n <= 64; n *= 2) {
        const { l1 } = cltDistance(p, n);
        if (n >= 4) expect(l1).toBeLessThan(previous);
        if (n >= 8) expect(l1 * n).toBeLessThan(0.35);
        previous = l1;
      }
      expect(cltDistance(p, 64).l1).toBeGreaterThan(0.003); // not zero: p^{∗n} is a lattice law, not a Gaussian
    }
  });

  it('cltGaussian(p, n) is the Gaussian density of n·μ and n·Σ on the lattice', () => {
    const g = cltGaussian(BOX, 10);
    const s2 = 10 * (2 / 3);
    expect(g.data[10 * 21 + 10]).toBeCloseTo(1 / (2 * Math.PI * s2), 14);
  });
});
