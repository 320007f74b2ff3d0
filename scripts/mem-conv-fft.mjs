// Peak RSS of repeated threaded FFT convolutions with a fresh output per call (an open memory
// problem, see the session notes): convolveAsync of a 1-D float64 signal (method 'oa') or a 2-D
// float32 image (method 'fft', tiles), `calls` times, 2 threads unless T is set.
//   node scripts/mem-conv-fft.mjs 1d|2d [calls=30]      (N=samples for 1d; build dist/ first)
// Prints the input + output bytes and the peak RSS above the start, in MB.
import { convolveAsync } from '../dist/conv/parallel.js';
import { zeros } from '../dist/core/ndarray.js';
import { Rng } from '../dist/core/rng.js';

const kind = process.argv[2] === '1d' ? '1d' : '2d';
const calls = Number(process.argv[3] ?? 30);
const x = kind === '1d' ? zeros([Number(process.env.N ?? 4_000_000)], 'float64') : zeros([2048, 2048], 'float32');
new Rng(1).fillNormal(x.data, 0, 1);
const k = kind === '1d' ? zeros([1000], 'float64') : zeros([63, 63], 'float32');
new Rng(2).fillNormal(k.data, 0, 1);
const base = process.memoryUsage().rss;
let peak = base;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 5);
for (let i = 0; i < calls; i++) {
  await convolveAsync(x, k, { mode: 'same', threads: Number(process.env.T ?? 2), method: kind === '1d' ? 'oa' : 'fft' });
}
clearInterval(sampler);
const mb = (b) => (b / 1e6).toFixed(0);
console.log(`${kind}: ${calls} calls, input + output ${mb(2 * x.data.byteLength)} MB, peak RSS above start ${mb(peak - base)} MB`);
process.exit(0);
