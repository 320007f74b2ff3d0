import { describe, expect, test } from 'vitest';
import { fromArray } from '../../src/core/index.js';
import { covarianceMatrix, pcaWhiten, standardize, zcaWhiten } from '../../src/stats/whiten.js';
import { expectClose, golden } from './golden.js';

const g = golden('whiten.json');
const X = fromArray(g.X, 'float64', [g.rows, g.cols]);
const identity = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];

describe('whiten', () => {
  test('covarianceMatrix(X) matches numpy.cov(X, rowvar=False)', () => {
    expectClose(covarianceMatrix(X), g.cov, { rtol: 1e-12, atol: 1e-12 });
  });

  test('zcaWhiten(X) equals numpy’s eigendecomposition route and has identity covariance within 1e-8', () => {
    const r = zcaWhiten(X);
    expectClose(r.data.data, g['zca_0.0'], { atol: 1e-9 });
    expectClose(covarianceMatrix(r.data), identity, { atol: 1e-8 });
  });

  test('zcaWhiten(X, { epsilon: 0.1 }) matches numpy with damped eigenvalues', () => {
    expectClose(zcaWhiten(X, { epsilon: 0.1 }).data.data, g['zca_0.1'], { atol: 1e-9 });
  });

  test('pcaWhiten(X) matches numpy up to the sign of each component, identity covariance within 1e-8', () => {
    for (const eps of [0, 0.1]) {
      const r = pcaWhiten(X, { epsilon: eps });
      const want: number[] = g[`pca_${eps.toFixed(1)}`];
      for (let j = 0; j < g.cols; j++) {
        const a = Array.from({ length: g.rows }, (_, i) => r.data.data[i * g.cols + j]);
        const e = Array.from({ length: g.rows }, (_, i) => want[i * g.cols + j]);
        const sign = a[0] * e[0] < 0 ? -1 : 1;
        expectClose(
          a.map((v) => v * sign),
          e,
          { atol: 1e-9 },
        );
      }
    }
    const r = pcaWhiten(X);
    expectClose(covarianceMatrix(r.data), identity, { atol: 1e-8 });
    expect(r.eigenvalues[0]).toBeGreaterThan(r.eigenvalues[3]);
  });

  test('standardize(X) matches (X − mean) / std(ddof=1)', () => {
    expectClose(standardize(X).data, g.standardize, { atol: 1e-12 });
  });

  test('whitening refuses a 1-D input, a constant column and a singular covariance without epsilon', () => {
    expect(() => zcaWhiten(fromArray([1, 2, 3], 'float64'))).toThrow(/x: expected a 2-D data matrix/);
    expect(() => standardize(fromArray([1, 5, 1, 6, 1, 7], 'float64', [3, 2]))).toThrow(/x: column 0 is constant/);
    expect(() => zcaWhiten(fromArray([1, 2, 2, 4, 3, 6], 'float64', [3, 2]))).toThrow(/covariance is singular/);
    expect(() => zcaWhiten(fromArray([1, Number.NaN, 2, 4], 'float64', [2, 2]))).toThrow(/x: value NaN at row 0, column 1/);
  });
});
