#!/usr/bin/env node
import { pathToFileURL } from 'node:url';
/**
 * Peak memory of W3 with fresh outputs: `calls` correlateAsync calls on a size² float32 image
 * (on a SharedArrayBuffer, as the bench makes it) with a random kernel², `same`, mirror, each
 * allocating its output. Prints one JSON line: the process's peak RSS above its RSS before the
 * image existed (node, the worker pool, the wasm instances), as a multiple of input + output bytes.
 * Run after `npx tsc -p tsconfig.build.json` (workers load dist/):
 *
 *   node scripts/mem-w3.mjs [--size 4096] [--kernel 3] [--calls 24] [--threads 2]
 *
 * V8 does not count SharedArrayBuffer memory towards its GC heuristics, so without
 * src/conv/task2d.ts `chargeGc` every call's dead output stayed mapped (16x after 30 calls).
 */
import { parseArgs } from 'node:util';
import { peakRss } from './peak-rss.mjs';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '4096' },
    kernel: { type: 'string', default: '3' },
    calls: { type: 'string', default: '24' },
    threads: { type: 'string', default: '2' },
    dist: { type: 'string', default: 'dist' },
  },
});
const [n, kn, calls, threads] = [values.size, values.kernel, values.calls, values.threads].map(Number);
const lib = (p) => import(pathToFileURL(`${values.dist}/${p}`).href);
const { correlateAsync } = await lib('conv/parallel.js');
const { zeros } = await lib('core/ndarray.js');
const { Rng } = await lib('core/rng.js');
const opts = { mode: 'same', boundary: 'mirror', method: 'direct', threads };
const small = zeros([64, 64], 'float32', true);
await correlateAsync(small, zeros([kn, kn], 'float32'), opts); // start the pool and the wasm instances
const rss0 = process.memoryUsage().rss;
const x = zeros([n, n], 'float32', threads > 1); // [n, n]
new Rng(1).fillNormal(x.data, 0, 1);
const k = zeros([kn, kn], 'float32'); // [kn, kn]
new Rng(2).fillNormal(k.data, 0, 1);
let peak = 0;
for (let i = 0; i < calls; i++) {
  const out = await correlateAsync(x, k, opts); // a fresh [n, n] output each call
  peak = Math.max(peak, process.memoryUsage().rss);
  if (out.data.length !== n * n) throw new Error('unexpected output size');
}
const io = 2 * n * n * 4;
const maxRss = Math.max(peak, peakRss());
console.log(
  JSON.stringify({ size: n, kernel: kn, calls, threads, io_bytes: io, peak_above_start_bytes: maxRss - rss0, ratio: (maxRss - rss0) / io }),
);
process.exit(0);
