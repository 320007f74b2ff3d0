/**
 * W9 — fit ARIMA(2,1,1) by exact maximum likelihood to an n-sample series (default 10,000)
 * simulated from φ = (0.5, −0.2), θ = 0.4, σ² = 1 with a seeded generator. Times the whole
 * `arima(y, [2, 1, 1])` call: CSS start, BFGS on the Kalman-filter likelihood, and the OPG
 * standard errors — what statsmodels' `ARIMA(y, order=(2, 1, 1)).fit()` does.
 * Anchor: statsmodels (bench/anchors/stats.py).
 */
import { arima } from '../../stats/arima/fit.js';
import { simulateArima } from '../../stats/arima/process.js';
import type { CaseParams, SetupOptions, Workload } from '../workload.js';

interface State {
  y: Float64Array; // [n]
}

export const w9: Workload<State> = {
  id: 'W9',
  description: 'ARIMA(2,1,1) exact-ML fit (Kalman filter, BFGS, OPG standard errors)',
  params: ['n'],
  cases: [{ n: 10000 }],
  repeats: 5,
  parallel: false,
  setup(params: CaseParams, { seed }: SetupOptions): State {
    return { y: simulateArima({ ar: [0.5, -0.2], ma: [0.4], d: 1, sigma2: 1 }, Number(params.n), { seed }) };
  },
  run: ({ y }) => arima(y, [2, 1, 1]).loglik,
  work: (params) => ({ amount: Number(params.n), unit: 'sample' }),
  anchors: [{ kind: 'python', name: 'statsmodels ARIMA.fit', script: 'stats.py', module: 'statsmodels' }],
};
