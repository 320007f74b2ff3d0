/**
 * W6b — snippet search in a long signal: a `template`-second clip cut from an `n`-sample
 * seeded noise signal (44.1 kHz; default 10 minutes) with noise added, found by
 * `findSnippet` (overlap-save FFT normalised cross-correlation, memory bounded by the block).
 * Throughput: samples of the long signal per call. Anchor: scipy.signal.correlate (FFT) plus
 * running sums in numpy, on the same sizes (bench/anchors/match.py).
 */
import { Rng } from '../../core/rng.js';
import { findSnippet } from '../../match/snippet.js';
import type { SetupOptions, Workload } from '../workload.js';

const RATE = 44_100;

interface State {
  signal: Float32Array; // [n]
  clip: Float32Array; // [template · RATE]
}

export const w6b: Workload<State> = {
  id: 'W6b',
  description: 'find a template-second clip in an n-sample 44.1 kHz signal (normalised cross-correlation)',
  params: ['n', 'template'],
  cases: [{ n: 600 * RATE, template: 5 }],
  repeats: 3,
  parallel: false,
  setup(params, { seed }: SetupOptions): State {
    const rng = new Rng(seed);
    const n = Number(params.n);
    const m = Math.round(Number(params.template) * RATE);
    const signal = rng.fillNormal(new Float32Array(n), 0, 0.2);
    const at = Math.floor(n / 3);
    const clip = signal.slice(at, at + m);
    for (let i = 0; i < m; i++) clip[i] += rng.normal(0, 0.1);
    return { signal, clip };
  },
  run: ({ signal, clip }) => findSnippet(signal, clip, { sampleRate: RATE })[0]?.offset,
  work: (params) => ({ amount: Number(params.n), unit: 'sample' }),
  anchors: [{ kind: 'python', name: 'scipy.signal.correlate', script: 'match.py', module: 'scipy' }],
};
