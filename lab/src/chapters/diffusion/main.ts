/**
 * Chapter 5, "Convolution as diffusion": the salt-water tank animating — explicit propagator steps
 * beside the exact Gaussian, with the mass counters — and any kernel read as a propagator (its
 * heat map, drift, covariance, entropy, and n steps of it approaching a Gaussian).
 * #df-root carries data-state ("pending" | "done" | "error"), data-runs and data-frame.
 */
import '../../styles.css';
import { NDArray } from '../../../../src/core/ndarray.js';
import type { DiffusionBoundary } from '../../../../src/diffusion/boundary.js';
import { cltDistance, nfold } from '../../../../src/diffusion/clt.js';
import { type PropagatorMethod, toPropagator } from '../../../../src/diffusion/propagator.js';
import { ImageCanvas } from '../../components/image-canvas.js';
import { KernelEditor } from '../../components/kernel-editor.js';
import { button, chapterPage, liveRun, panel, prose, readout, row, select, slider } from '../../controls.js';
import { WorkerClient } from '../../worker-rpc.js';
import type { TankFrames, TankJob } from './compute.js';
import { tabs } from './ui.js';

// ---- the tank -------------------------------------------------------------------------------
const SIZE = 128;
const FRAMES = 60;

const { main, element: root, side, body } = chapterPage('diffusion', '5. Convolution as diffusion', 'df-root', tabs('diffusion'));
root.dataset.runs = '0';
root.dataset.frame = '0';

const intro = prose(
  'A tank of salt water split into 128 × 128 compartments, 8 × 8 blocks of them at random concentrations. Remove the walls: ' +
    'each step every compartment passes a fraction r = D·dt of its salt to each of its four neighbours — a convolution with the ' +
    'propagator [[0, r, 0], [r, 1−4r, r], [0, r, 0]]. Left: those explicit steps (dt ≤ 1/(5D); beyond 1/(4D) they blow up). Right: the exact ' +
    'solution, one convolution with a Gaussian of variance 2Dt. The walls reflect, so the total salt never changes.',
);
const dSlider = slider('Diffusion coefficient D', { min: 0.2, max: 3, step: 0.1, value: 1, id: 'df-D', format: (v) => v.toFixed(1) });
const tSlider = slider('Run until t =', { min: 10, max: 300, step: 10, value: 150, id: 'df-t', format: (v) => v.toFixed(0) });
const walls = select<DiffusionBoundary>(
  'Walls',
  'df-boundary',
  [
    ['reflect', 'reflecting (closed tank)'],
    ['wrap', 'periodic (wrap around)'],
  ],
  'reflect',
);
let seed = 1;
let playing = true;
const play = button('Pause', 'df-play', () => {
  playing = !playing;
  play.textContent = playing ? 'Pause' : 'Play';
});
const fresh = button('New tank', 'df-new', () => {
  seed++;
  update();
});
const buttons = row('lab-buttons', play, fresh);
const status = readout('df-readout');
side.append(intro, dSlider.element, tSlider.element, walls.element, buttons, status);

const left = new ImageCanvas({ label: 'Explicit propagator steps', range: [0, 255], colormap: 'viridis', zoomControls: false });
left.canvas.id = 'df-explicit';
const right = new ImageCanvas({ label: 'Exact Gaussian, variance 2Dt', range: [0, 255], colormap: 'viridis', zoomControls: false });
right.canvas.id = 'df-exact';
const pair = row('lab-grid', left.element, right.element);
body.append(pair);
main.append(root);

type Reply = TankFrames & { ms: number };
const worker = new WorkerClient<TankJob, Reply>(
  () => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'convolab-diffusion' }),
);
let run: Reply | undefined;
let frame = 0;

function show(k: number): void {
  if (!run) return;
  const n = SIZE * SIZE;
  left.draw(new NDArray('float32', [SIZE, SIZE], run.explicit.subarray(k * n, (k + 1) * n)));
  right.draw(new NDArray('float32', [SIZE, SIZE], run.exact.subarray(k * n, (k + 1) * n)));
  const m0 = run.massExplicit[0];
  status.textContent =
    `t = ${run.times[k].toFixed(1)} (frame ${k + 1} of ${FRAMES}). Mass — explicit ${run.massExplicit[k].toFixed(3)}, exact ${run.massExact[k].toFixed(3)} ` +
    `(start ${m0.toFixed(3)}). Largest difference between the two: ${run.maxDiff[k].toFixed(2)} of 255.`;
  root.dataset.frame = String(k);
}

const update = liveRun(
  root,
  status,
  () => worker.run({ size: SIZE, blocks: 8, seed, D: dSlider.value(), t: tSlider.value(), frames: FRAMES, boundary: walls.value() }),
  (reply) => {
    run = reply;
    frame = 0;
    show(0);
  },
);
for (const input of [dSlider.input, tSlider.input]) input.addEventListener('change', update);
walls.input.addEventListener('change', update);
update();

let last = 0;
function tick(now: number): void {
  if (run && playing && now - last > 80) {
    last = now;
    frame = (frame + 1) % FRAMES;
    show(frame);
  }
  requestAnimationFrame(tick);
}
requestAnimationFrame(tick);

// ---- a kernel as a propagator ---------------------------------------------------------------
const EDGE = [
  [-1, -1, -1],
  [-1, 8, -1],
  [-1, -1, -1],
];
const { element: pSection, side: pSide, body: pBody } = panel('pr-root');
const pIntro = prose(
  'Any kernel becomes a propagator once it is non-negative and sums to 1 — the probability of where a particle goes in one step. ' +
    "The seed's example is the softmax of the edge detector [[-1,-1,-1],[-1,8,-1],[-1,-1,-1]]: at T = 1 the centre gets " +
    'e⁸/(e⁸ + 8e⁻¹) ≈ 0.99901 and each neighbour ≈ 0.000123, so a particle almost never moves; raise the temperature and it spreads. ' +
    'n steps are the n-fold convolution, which approaches a Gaussian of n times the covariance (the central-limit theorem).',
);
const editor = new KernelEditor({ kernel: EDGE });
const method = select<PropagatorMethod>(
  'Make it a density by',
  'pr-method',
  [
    ['softmax', 'softmax exp(k/T)'],
    ['l1', '|k| / Σ|k|'],
    ['shift', 'k − min k'],
  ],
  'softmax',
);
const temp = slider('Temperature T (log scale)', {
  min: -2,
  max: 3,
  step: 0.05,
  value: 0,
  id: 'pr-T',
  format: (v) => (10 ** v).toPrecision(3),
});
const steps = slider('Steps n', { min: 1, max: 32, step: 1, value: 1, id: 'pr-n', format: (v) => String(v) });
const pText = readout('pr-readout');
pSide.append(pIntro, editor.element, method.element, temp.element, steps.element, pText);
const heat = new ImageCanvas({ label: 'Propagator p (one step)', colormap: 'magma', zoomControls: false });
heat.canvas.id = 'pr-heat';
const spread = new ImageCanvas({ label: 'n steps: p convolved with itself n times', colormap: 'magma', zoomControls: false });
spread.canvas.id = 'pr-nfold';
const heats = row('lab-grid', heat.element, spread.element);
pBody.append(heats);
main.append(pSection);

function drawPropagator(): void {
  try {
    const p = toPropagator(editor.kernel, { method: method.value(), temperature: 10 ** temp.value() });
    const max = Math.max(...p.kernel.data);
    heat.draw(p.kernel, { range: [0, max] });
    const n = Math.min(steps.value(), p.kernel.shape[0] > 3 ? 12 : 32);
    const q = nfold(p, n);
    heat.canvas.dataset.entropy = String(p.entropy);
    spread.draw(q, { range: [0, Math.max(...q.data)] });
    const { l1 } = cltDistance(p, n);
    const f = (v: number) => (Math.abs(v) < 1e-12 ? '0' : Math.abs(v) < 1e-3 ? v.toExponential(2) : v.toFixed(4));
    pText.textContent =
      `Centre ${f(p.kernel.data[Math.floor(p.kernel.size / 2)])}; drift (x, y) = (${f(p.mean.x)}, ${f(p.mean.y)}) px; ` +
      `covariance xx ${f(p.covariance.xx)}, xy ${f(p.covariance.xy)}, yy ${f(p.covariance.yy)} px²; entropy ${f(p.entropy)} nats. ` +
      `After n = ${n} steps the spread is ${q.shape[0]} × ${q.shape[1]}; its L1 distance to the Gaussian of n·covariance is ${f(l1)}.`;
  } catch (err) {
    pText.textContent = `This kernel has no propagator: ${(err as Error).message}`;
  }
}
editor.addEventListener('change', drawPropagator);
method.input.addEventListener('change', drawPropagator);
temp.input.addEventListener('input', drawPropagator);
steps.input.addEventListener('input', drawPropagator);
drawPropagator();
