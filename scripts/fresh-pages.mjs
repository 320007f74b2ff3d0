#!/usr/bin/env node
/**
 * What a new output costs before any arithmetic: two worker threads each write half of a
 * SharedArrayBuffer of `mb` MiB in 256 KiB strips (as the threaded row tasks write a new output),
 * once into a fresh buffer each call and once into the same buffer again. Prints one JSON line with
 * the medians in ms (wall time of the call). Run with GLIBC_TUNABLES=glibc.malloc.hugetlb=1 to see
 * what the `convolab` command gets (it asks for huge pages; docs/decisions.md):
 *
 *   node scripts/fresh-pages.mjs [--mb 64] [--calls 12]
 *
 * Session 6 (4 KiB pages): fresh 14–19 ms, reused 2 ms; the gap between W3 with a new output and
 * with a reused one (docs/benchmarks.md).
 */
import { parseArgs } from 'node:util';
import { isMainThread, parentPort, Worker } from 'node:worker_threads';

const STRIP = 256 << 10;

if (!isMainThread) {
  const strip = new Float32Array(new SharedArrayBuffer(STRIP)).fill(1);
  parentPort.on('message', ({ buffer, half, fresh }) => {
    const n = buffer.byteLength / 8; // floats in one half
    const dst = new Float32Array(buffer, half * 4 * n, n);
    for (let o = 0; o < n; o += strip.length) dst.set(strip.subarray(0, Math.min(strip.length, n - o)), o);
    // this worker's view of a fresh buffer is freed only by a collection here: charge its half, as
    // the library's tasks do (core/kernel-memory.ts chargeShare)
    if (fresh) new ArrayBuffer(4 * n);
    parentPort.postMessage(0);
  });
} else {
  const { values } = parseArgs({ options: { mb: { type: 'string', default: '64' }, calls: { type: 'string', default: '12' } } });
  const bytes = Number(values.mb) << 20;
  const calls = Number(values.calls);
  const workers = [0, 1].map(() => new Worker(new URL(import.meta.url)));
  const write = (buffer, fresh) =>
    Promise.all(
      workers.map(
        (w, half) =>
          new Promise((resolve) => {
            w.once('message', resolve);
            w.postMessage({ buffer, half, fresh });
          }),
      ),
    );
  const median = (t) => [...t].sort((a, b) => a - b)[t.length >> 1];
  const time = async (next, fresh) => {
    const t = [];
    for (let i = 0; i < calls; i++) {
      const a = performance.now();
      await write(next(), fresh);
      t.push(performance.now() - a);
    }
    return Math.round(median(t) * 10) / 10;
  };
  const kept = new SharedArrayBuffer(bytes);
  await write(kept); // fault it once
  const reused = await time(() => kept, false);
  const fresh = await time(() => new SharedArrayBuffer(bytes), true);
  console.log(JSON.stringify({ mb: Number(values.mb), calls, fresh, reused }));
  for (const w of workers) await w.terminate();
}
