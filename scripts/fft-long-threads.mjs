// Does splitting ONE long 1-D transform over two workers pay? (src/fft/longtask.ts, issue #3)
// Times `await fftAsync(a, { threads })` for threads 1 and 2 alternated, with the split forced on
// (PARALLEL_MIN.long = 0), and prints wall-clock medians and the speed-up per size. Run it on a
// quiet machine and set PARALLEL_MIN.long (src/fft/parallel.ts) from the smallest size that gains.
//   npx tsc -p tsconfig.build.json && node scripts/fft-long-threads.mjs [repeats=11]

import { zeros } from '../dist/core/ndarray.js';
import { Rng } from '../dist/core/rng.js';
import { fftAsync, PARALLEL_MIN } from '../dist/fft/parallel.js';

const repeats = Number(process.argv[2] ?? 11);
PARALLEL_MIN.long = 0;
const median = (v) => [...v].sort((a, b) => a - b)[v.length >> 1];
for (const dtype of ['complex128', 'complex64']) {
  for (const log2 of [20, 21, 22]) {
    const a = zeros([2 ** log2], dtype);
    new Rng(log2).fillNormal(a.data, 0, 1);
    const times = { 1: [], 2: [] };
    for (let r = 0; r < repeats + 1; r++) {
      for (const threads of [1, 2]) {
        const t0 = performance.now();
        await fftAsync(a, { threads });
        if (r > 0) times[threads].push(performance.now() - t0); // the first round warms plans and workers
      }
    }
    const [t1, t2] = [median(times[1]), median(times[2])];
    console.log(`${dtype} 2^${log2}: 1 thread ${t1.toFixed(1)} ms, 2 threads ${t2.toFixed(1)} ms, speed-up ${(t1 / t2).toFixed(2)}x`);
  }
}
process.exit(0);
