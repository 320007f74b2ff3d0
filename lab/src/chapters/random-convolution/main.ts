/**
 * Chapter 5b, "Convolution as a random process": each output pixel collapses to one neighbour
 * drawn from the propagator |k|/Σ|k| (weighted by sign·Σ|k|), so one sample is noisy and the
 * average of N samples converges to the ordinary convolution, its error falling like 1/√N.
 * #rc-root carries data-state ("pending" | "done" | "error") and data-runs.
 */
import '../../styles.css';
import { chart } from '../../components/chart.js';
import { ImageCanvas } from '../../components/image-canvas.js';
import { button, chapterPage, liveRun, prose, readout, row, select, slider } from '../../controls.js';
import { SAMPLES } from '../../samples.js';
import { fromWire, WorkerClient } from '../../worker-rpc.js';
import { tabs } from '../diffusion/ui.js';
import { KERNEL_CHOICES, type KernelChoice } from './compute.js';
import type { Reply, Request } from './worker.js';

const {
  main,
  element: root,
  side,
  body,
} = chapterPage('diffusion', '5b. Convolution as a random process', 'rc-root', tabs('random-convolution'));
root.dataset.runs = '0';

const intro = prose(
  'Read the kernel as a probability: every output pixel picks one neighbour at random, with probability |k|/Σ|k|, and takes its value ' +
    '(times the sign of that weight and Σ|k|, so negative weights count too). One sample is a noisy picture; the same image and kernel ' +
    'give a different one each time. Average N of them and you get the ordinary convolution back — the error against it falls like 1/√N.',
);
const kernel = select<KernelChoice>('Kernel', 'rc-kernel', KERNEL_CHOICES, 'gaussian');
const picture = select(
  'Image',
  'rc-image',
  SAMPLES.map((s) => [`/samples/${s.file}`, s.name] as const),
  '/samples/astronaut.png',
);
const exponent = slider('Samples N', { min: 0, max: 10, step: 1, value: 4, id: 'rc-samples', format: (v) => String(2 ** v) });
let seed = 1;
const reseed = button('Draw again (new seed)', 'rc-reseed', () => {
  seed++;
  update();
});
const status = readout('rc-readout');
side.append(intro, picture.element, kernel.element, exponent.element, reseed, status);

const one = new ImageCanvas({ label: 'One sample', zoomControls: false });
one.canvas.id = 'rc-one';
const mean = new ImageCanvas({ label: 'Mean of N samples', zoomControls: false });
mean.canvas.id = 'rc-mean';
const exact = new ImageCanvas({ label: 'Exact convolution', zoomControls: false });
exact.canvas.id = 'rc-exact';
const grid = row('lab-grid', one.element, mean.element, exact.element);
const plot = document.createElement('div');
plot.id = 'rc-plot';
plot.className = 'chart-card';
body.append(grid, plot);
main.append(root);

const worker = new WorkerClient<Request, Reply>(
  () => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'convolab-random-convolution' }),
);

function render(r: Reply): void {
  const signed = kernel.value() === 'edge' || kernel.value() === 'sobel-x';
  const exactArr = fromWire(r.exact);
  // one shared range, from the exact result, so the noise shows as what it is
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of exactArr.data) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  const m = Math.max(Math.abs(lo), Math.abs(hi));
  const opts = signed ? ({ colormap: 'coolwarm', range: [-m, m] } as const) : ({ colormap: 'gray', range: [lo, hi] } as const);
  one.draw(fromWire(r.one), opts);
  mean.draw(fromWire(r.mean), opts);
  exact.draw(exactArr, opts);
  const N = r.counts[r.counts.length - 1];
  const logN = r.counts.map(Math.log2);
  plot.replaceChildren(
    chart({
      kind: 'line',
      series: [
        { label: 'RMS error of the mean', x: logN, y: r.rmse },
        { label: 'σ/√N (theory)', x: logN, y: r.counts.map((n) => r.sigma / Math.sqrt(n)) },
      ],
      xLabel: 'log₂ N (samples per pixel)',
      yLabel: 'RMS error vs the exact convolution',
      title: `Error falls like 1/√N (up to N = ${N})`,
      logY: true,
      width: 560,
      height: 300,
    }),
  );
  plot.dataset.points = String(r.counts.length);
  plot.dataset.last = String(r.rmse[r.rmse.length - 1]);
  status.textContent =
    `N = ${N}: RMS error ${r.rmse[r.rmse.length - 1].toFixed(3)} (one sample: ${r.rmse[0].toFixed(2)}; σ/√N predicts ` +
    `${(r.sigma / Math.sqrt(N)).toFixed(3)}). Computed in ${r.ms.toFixed(0)} ms.`;
}

const update = liveRun(
  root,
  status,
  () => worker.run({ url: picture.value(), kernel: kernel.value(), samples: 2 ** exponent.value(), seed }),
  render,
);
exponent.input.addEventListener('change', update);
kernel.input.addEventListener('change', update);
picture.input.addEventListener('change', update);
update();
