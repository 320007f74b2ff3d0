/**
 * W0 — sanity workload that proves the harness: the float64 dot product of two seeded random
 * vectors of length n (default 1e6). Anchor: numpy.dot (BLAS ddot).
 */
import { Rng } from '../../core/rng.js';
import type { CaseParams, SetupOptions, Workload } from '../workload.js';

interface State {
  a: Float64Array; // [n]
  b: Float64Array; // [n]
}

/** Four running sums, so the loop is not one long dependency chain. */
export function dotF64(a: Float64Array, b: Float64Array): number {
  const n = a.length;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    s0 += a[i] * b[i];
    s1 += a[i + 1] * b[i + 1];
    s2 += a[i + 2] * b[i + 2];
    s3 += a[i + 3] * b[i + 3];
  }
  for (; i < n; i++) s0 += a[i] * b[i];
  return s0 + s1 + (s2 + s3);
}

export const w0: Workload<State> = {
  id: 'W0',
  description: 'float64 dot product of two random vectors (harness sanity check)',
  params: ['n'],
  cases: [{ n: 1_000_000 }],
  parallel: false,
  setup(params: CaseParams, { seed }: SetupOptions): State {
    const n = Number(params.n);
    const rng = new Rng(seed);
    return { a: rng.fillUniform(new Float64Array(n), -1, 1), b: rng.fillUniform(new Float64Array(n), -1, 1) };
  },
  run: ({ a, b }) => dotF64(a, b),
  work: (params) => ({ amount: 2 * Number(params.n), unit: 'FLOP' }),
  anchors: [{ kind: 'python', name: 'numpy.dot', script: 'w0.py', module: 'numpy' }],
};
