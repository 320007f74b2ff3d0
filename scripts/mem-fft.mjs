#!/usr/bin/env node
import { pathToFileURL } from 'node:url';
/**
 * Peak memory of threaded rfft2 with fresh outputs: `calls` rfft2Async calls on a seeded random
 * size² float32 image (an ordinary buffer, as the W2 bench makes it). Prints one JSON line: the
 * process's peak RSS above its RSS before the image existed (node, the worker pool, the wasm
 * engines), as a multiple of input + output bytes. Run after `npx tsc -p tsconfig.build.json`:
 *
 *   node scripts/mem-fft.mjs [--size 4096] [--calls 16] [--threads 2]
 *
 * V8 does not count SharedArrayBuffer memory towards its GC heuristics, so without the charges of
 * src/fft/parallel.ts (freshArray) and src/fft/task.ts every call's dead output stayed mapped
 * (4096²: 1.4 GB after 16 calls).
 */
import { parseArgs } from 'node:util';
import { peakRss } from './peak-rss.mjs';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '4096' },
    calls: { type: 'string', default: '16' },
    threads: { type: 'string', default: '2' },
    dist: { type: 'string', default: 'dist' },
  },
});
const [n, calls, threads] = [values.size, values.calls, values.threads].map(Number);
const lib = (p) => import(pathToFileURL(`${values.dist}/${p}`).href);
const { rfft2Async } = await lib('fft/parallel.js');
const { randomNormal } = await lib('core/random.js');
await rfft2Async(randomNormal([256, 256], { seed: 1, dtype: 'float32' }), { threads }); // start the pool and the engines
const rss0 = process.memoryUsage().rss;
const a = randomNormal([n, n], { seed: 1, dtype: 'float32' }); // [n, n]
let peak = 0;
const trace = [];
for (let i = 0; i < calls; i++) {
  const r = await rfft2Async(a, { threads }); // a fresh [n, n/2 + 1] complex64 output each call
  peak = Math.max(peak, process.memoryUsage().rss);
  trace.push(Math.round((process.memoryUsage().rss - rss0) / 1e6));
  if (r.shape[1] !== n / 2 + 1) throw new Error('unexpected output shape');
}
const io = n * n * 4 + n * (n / 2 + 1) * 8;
const maxRss = Math.max(peak, peakRss());
console.log(
  JSON.stringify({
    size: n,
    calls,
    threads,
    io_bytes: io,
    peak_above_start_bytes: maxRss - rss0,
    ratio: (maxRss - rss0) / io,
    rss_mb: trace,
  }),
);
process.exit(0);
