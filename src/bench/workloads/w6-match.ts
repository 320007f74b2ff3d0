/**
 * W6 — template matching: a seeded uniform 0..255 float32 size × size image, a template ×
 * template template, `matchTemplateAsync(image, template, { method: 'ccoeff_normed', threads })`
 * (tiled float32 FFT correlation + running window sums in float64: tiles, then output rows, split
 * over the worker pool; one thread runs matchTemplate inline), result [size − template + 1]². Throughput: the
 * multiply-adds a direct evaluation would need, (size − t + 1)²·t², as "MAC".
 * Anchors: cv2.matchTemplate (TM_CCOEFF_NORMED), skimage.feature.match_template.
 */
import { type NDArray, zeros } from '../../core/ndarray.js';
import { Rng } from '../../core/rng.js';
import { matchTemplateAsync } from '../../match/parallel.js';
import type { SetupOptions, Workload } from '../workload.js';

interface State {
  image: NDArray<'float32'>; // [size, size]
  template: NDArray<'float32'>; // [t, t]
  method: 'ccoeff_normed';
  threads: number;
}

function uniform(shape: number[], rng: Rng): NDArray<'float32'> {
  const a = zeros(shape, 'float32');
  rng.fillUniform(a.data, 0, 255);
  return a;
}

export const w6: Workload<State> = {
  id: 'W6',
  description: 'template matching (ccoeff_normed) of a template² template in a size² image',
  params: ['size', 'template'],
  cases: [{ size: 2048, template: 128, method: 'ccoeff_normed' }],
  repeats: 5,
  parallel: true,
  setup(params, { seed, threads }: SetupOptions): State {
    const rng = new Rng(seed);
    const size = Number(params.size);
    const t = Number(params.template);
    return { image: uniform([size, size], rng), template: uniform([t, t], rng), method: 'ccoeff_normed', threads };
  },
  run: async ({ image, template, method, threads }) => (await matchTemplateAsync(image, template, { method, threads })).data[0],
  work: (params) => {
    const t = Number(params.template);
    return { amount: (Number(params.size) - t + 1) ** 2 * t * t, unit: 'MAC' };
  },
  anchors: [
    { kind: 'python', name: 'cv2.matchTemplate', script: 'match.py', module: 'cv2' },
    { kind: 'python', name: 'skimage.match_template', script: 'match.py', module: 'skimage' },
  ],
};
