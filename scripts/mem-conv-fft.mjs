#!/usr/bin/env node
import { pathToFileURL } from 'node:url';
/**
 * Peak memory of repeated threaded FFT convolutions with a fresh output per call: `calls`
 * convolveAsync calls on a 2-D float32 image (2048², 63² kernel, `same`, method 'fft': tiles)
 * or a 1-D float64 signal (4 M samples, 1,000 taps, `same`, method 'oa': overlap-save), the
 * input on an ordinary buffer (copied to shared memory by each call). Prints one JSON line: the
 * process's peak RSS above its RSS before the input existed (node, the worker pool, the wasm
 * instances started by a small call first), as a multiple of input + output bytes.
 * Run after `npx tsc -p tsconfig.build.json` (workers load dist/):
 *
 *   node scripts/mem-conv-fft.mjs 2d|1d [calls=30] [--threads 2] [--n 4000000] [--dist dist]
 *
 * Before src/conv/parallel.ts pooled its shared buffers, each call's shared input copy, kernel
 * spectrum and output stayed mapped in the workers (V8 counts shared memory as 0 bytes): 2d,
 * 80 calls: 1.5 GB above start.
 */
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    threads: { type: 'string', default: process.env.T ?? '2' },
    n: { type: 'string', default: process.env.N ?? '4000000' },
    dist: { type: 'string', default: 'dist' },
  },
});
const kind = positionals[0] === '1d' ? '1d' : '2d';
const calls = Number(positionals[1] ?? 30);
const threads = Number(values.threads);
const lib = (p) => import(pathToFileURL(`${values.dist}/${p}`).href);
const { convolveAsync } = await lib('conv/parallel.js');
const { zeros } = await lib('core/ndarray.js');
const { Rng } = await lib('core/rng.js');
const opts = { mode: 'same', threads, method: kind === '1d' ? 'oa' : 'fft' };
// start the pool and the wasm instances
await convolveAsync(
  kind === '1d' ? zeros([100_000], 'float64') : zeros([300, 300], 'float32'),
  zeros(kind === '1d' ? [1000] : [63, 63], 'float32'),
  opts,
);
const rss0 = process.memoryUsage().rss;
const x = kind === '1d' ? zeros([Number(values.n)], 'float64') : zeros([2048, 2048], 'float32'); // [n] or [2048, 2048]
new Rng(1).fillNormal(x.data, 0, 1);
const k = kind === '1d' ? zeros([1000], 'float64') : zeros([63, 63], 'float32');
new Rng(2).fillNormal(k.data, 0, 1);
let peak = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 5);
for (let i = 0; i < calls; i++) {
  const out = await convolveAsync(x, k, opts); // a fresh output each call
  if (out.size !== x.size) throw new Error('unexpected output size');
}
clearInterval(sampler);
const io = 2 * x.data.byteLength;
const maxRss = Math.max(peak, process.memoryUsage().rss);
console.log(JSON.stringify({ kind, calls, threads, io_bytes: io, peak_above_start_bytes: maxRss - rss0, ratio: (maxRss - rss0) / io }));
process.exit(0);
