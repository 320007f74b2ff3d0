#!/usr/bin/env node
/**
 * What two threads can give W2 (rfft2 of a size² float32 image) with our kernels on this machine.
 * Prints one JSON line with medians, in ms:
 *
 * - `one`: the synchronous rfft2 on the calling thread (one core);
 * - `pair`: the same call run at once on two worker threads, each on its own copy of the image,
 *   timed per call: two cores busy with no data shared between them. `pair / 2` is a lower
 *   bound on a threaded rfft2 built from the same kernels (a perfect split, no copies and no
 *   waiting);
 * - `threaded`: rfft2Async with 2 threads on an image in shared memory (as `convolab bench W2`
 *   makes it).
 *
 * Run after `npm run build:ts` (it loads dist/). Use GLIBC_TUNABLES=glibc.malloc.hugetlb=1 to match
 * the `convolab` command, which asks for huge pages (docs/decisions.md):
 *
 *   node scripts/w2-bound.mjs [--size 4096] [--calls 15]
 *
 * Session 6, quiet machine, two runs: one 80–88 ms, pair 91–94 ms per call on each thread (bound
 * 47 ms), threaded 61–65 ms; scipy.fft.rfft2 with workers=2 took 34 ms (`convolab bench W2 --compare`).
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '4096' },
    calls: { type: 'string', default: '15' },
    dist: { type: 'string', default: 'dist' },
  },
});
const n = Number(isMainThread ? values.size : workerData.n);
const calls = Number(isMainThread ? values.calls : workerData.calls);
const dist = isMainThread ? values.dist : workerData.dist;
const lib = (p) => import(pathToFileURL(`${dist}/${p}`).href);
const { rfft2 } = await lib('fft/api.js');
const { rfft2Async } = await lib('fft/parallel.js');
const { zeros } = await lib('core/ndarray.js');

const median = (t) => [...t].sort((a, b) => a - b)[t.length >> 1];

/** `calls` timed synchronous rfft2 calls (after one warm-up) on a size² float32 image. */
function timeSync(start) {
  const x = zeros([n, n], 'float32'); // [n, n]
  for (let i = 0; i < x.data.length; i++) x.data[i] = Math.sin(i * 1e-3) + (i % 7);
  rfft2(x);
  start?.();
  const t = [];
  for (let i = 0; i < calls; i++) {
    const a = performance.now();
    rfft2(x);
    t.push(performance.now() - a);
  }
  return median(t);
}

if (!isMainThread) {
  // start together: each thread waits on the shared flag after its warm-up
  const flag = new Int32Array(workerData.flag);
  const ms = timeSync(() => {
    Atomics.add(flag, 1, 1);
    while (Atomics.load(flag, 1) < 2) Atomics.wait(flag, 1, Atomics.load(flag, 1), 5);
  });
  parentPort.postMessage(ms);
} else {
  const one = timeSync();
  const flag = new SharedArrayBuffer(8);
  const pair = await Promise.all(
    [0, 1].map(
      () =>
        new Promise((resolve, reject) => {
          const w = new Worker(new URL(import.meta.url), { workerData: { n, calls, dist, flag } });
          w.once('message', (ms) => {
            resolve(ms);
            void w.terminate();
          });
          w.once('error', reject);
        }),
    ),
  );
  const x = zeros([n, n], 'float32', true); // [n, n] on shared memory
  for (let i = 0; i < x.data.length; i++) x.data[i] = Math.sin(i * 1e-3) + (i % 7);
  await rfft2Async(x, { threads: 2 });
  const t = [];
  for (let i = 0; i < calls; i++) {
    const a = performance.now();
    await rfft2Async(x, { threads: 2 });
    t.push(performance.now() - a);
  }
  const r = (v) => Math.round(v * 10) / 10;
  console.log(JSON.stringify({ size: n, calls, one: r(one), pair: pair.map(r), bound: r(Math.max(...pair) / 2), threaded: r(median(t)) }));
  process.exit(0);
}
