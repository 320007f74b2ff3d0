#!/usr/bin/env node
/**
 * Time correlate2dValid (src/wasm/conv2d.ts) on an N x N float32 image with random k x k
 * kernels, single thread: the whole host call (strips + copies) and the bare kernel on
 * data already in wasm memory. "host" allocates its 64 MiB output each call (first-touch page
 * faults cost ~25 ms here); "host with out" reuses one. Run after `npm run build:wasm && npm run build:ts`:
 *
 *   node scripts/bench-conv2d.mjs [--size 4096] [--kernels 3,7] [--repeats 7] [--dist dist]
 *
 * Napkin math: N^2 k^2 multiply-adds; f32x4 without FMA = 2 vector ops per 4 MACs.
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '4096' },
    kernels: { type: 'string', default: '3,7' },
    repeats: { type: 'string', default: '7' },
    dist: { type: 'string', default: 'dist' },
    variant: { type: 'string' },
  },
});
const n = Number(values.size);
const repeats = Number(values.repeats);
const lib = await import(pathToFileURL(`${values.dist}/wasm/index.js`).href);
const core = await import(pathToFileURL(`${values.dist}/core/index.js`).href);
await lib.initWasm();
const variant = values.variant ?? lib.defaultVariant();

/** Median wall-clock ms and median CPU ms of this process (steadier on a shared machine). */
function median(f) {
  f(); // warm-up (also lets V8 tier the kernel up to TurboFan)
  const wall = [];
  const cpu = [];
  for (let i = 0; i < repeats; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    f();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1e3);
  }
  const mid = (a) => a.sort((p, q) => p - q)[a.length >> 1];
  return { wall: mid(wall), cpu: mid(cpu) };
}

function fmt(t, gmacs) {
  return `${t.wall.toFixed(1)} ms wall / ${t.cpu.toFixed(1)} ms cpu (${(gmacs / (t.wall / 1e3)).toFixed(2)} GMAC/s)`;
}

const x = core.randomUniform([n, n], { seed: 1, dtype: 'float32', lo: -1, hi: 1 });
console.log(`correlate2dValid float32 ${n}x${n}, variant ${variant}, median of ${repeats}`);
for (const k of values.kernels.split(',').map(Number)) {
  const kern = core.randomUniform([k, k], { seed: 2, dtype: 'float32', lo: -1, hi: 1 });
  const host = median(() => lib.correlate2dValid(x, kern, { variant }));
  const out = core.zeros([n - k + 1, n - k + 1], 'float32');
  const reuse = median(() => lib.correlate2dValid(x, kern, { variant, out }));
  // The bare kernel over the whole image, already in wasm memory (no strips, no copies).
  const kw = lib.wasmKernels('conv2d', variant);
  const outN = n - k + 1;
  const [kOff, inOff, outOff] = kw.arena.layout([k * k * 4, n * n * 4, outN * outN * 4]);
  const heap = new Float32Array(kw.memory.buffer);
  heap.set(kern.data, kOff / 4);
  heap.set(x.data, inOff / 4);
  const bare = median(() => kw.exports.corr2d_valid_f32(inOff, n, n, kOff, k, k, outOff));
  const gmacs = (outN * outN * k * k) / 1e9;
  console.log(`  ${k}x${k}: host ${fmt(host, gmacs)}, host with out ${fmt(reuse, gmacs)}, bare kernel ${fmt(bare, gmacs)}`);
}
