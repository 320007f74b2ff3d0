/**
 * Chapter 1, "What is convolution": the sliding window (RAM → Buffer, step by step, the
 * multiply-and-sum spelled out), the kernel editor, normalisation by m, modes and borders, the
 * whole photo filtered live in a worker (one feature map per colour channel, timed), and Sobel
 * edges as hand-made features. Test hooks: #cv-anim[data-step], #cv-live[data-runs|data-state],
 * #cv-edges[data-state].
 */
import '../../styles.css';
import './chapter.css';
import type { NDArray } from '../../../../src/core/ndarray.js';
import { BOUNDARIES, type Boundary, type ConvMode, MODES } from '../../../../src/ref/convBoundary.js';
import { ImageCanvas } from '../../components/image-canvas.js';
import { mountChapterPage } from '../../page.js';
import { SAMPLES } from '../../samples.js';
import { SlidingView } from './animation.js';
import { ConvPool, coalesce, type Reply } from './client.js';
import { EdgesView } from './edges.js';
import { ConvKernelEditor } from './editor.js';
import { MapView } from './mapview.js';
import { effectiveKernel, weightSum } from './sliding.js';
import { control, el, para, quantileAbs, selectOf } from './ui.js';

const { main } = mountChapterPage('convolution');
const pool = new ConvPool();
const worker = pool.workers[0]; // loads, patches and the Sobel view

// ---------------------------------------------------------------------------------------------
// Controls shared by the animation and the live view.

const editor = new ConvKernelEditor({ preset: 'ones' });
const normalize = el('input', { type: 'checkbox', id: 'cv-normalize', checked: true });
const mReadout = el('span', { id: 'cv-m', className: 'cv-m' });
const mode = selectOf('cv-mode', 'Output mode', MODES, 'same');
const boundary = selectOf('cv-boundary', 'Boundary', BOUNDARIES, 'constant');
const cval = el('input', { type: 'number', id: 'cv-cval', value: '0', step: 'any', className: 'cv-number' });
cval.setAttribute('aria-label', 'Constant value outside the image');
const flip = el('input', { type: 'checkbox', id: 'cv-flip' });
const channel = selectOf('cv-channel', 'Channel shown in the animation', ['R', 'G', 'B'], 'R');

const play = el('button', { type: 'button', id: 'cv-play', textContent: 'Play' });
const stepButton = el('button', { type: 'button', id: 'cv-step', textContent: 'Step' });
const reset = el('button', { type: 'button', id: 'cv-reset', textContent: 'Reset' });
const finish = el('button', { type: 'button', id: 'cv-finish', textContent: 'Finish' });
const speed = selectOf('cv-speed', 'Steps per second', ['2', '8', '30', '120'], '8');

const anim = new SlidingView(() => {
  play.textContent = anim.playing ? 'Pause' : 'Play';
});
play.addEventListener('click', () => (anim.playing ? anim.pause() : anim.play()));
stepButton.addEventListener('click', () => {
  anim.pause();
  anim.step();
});
reset.addEventListener('click', () => {
  anim.pause();
  anim.reset();
});
finish.addEventListener('click', () => anim.finish());
speed.addEventListener('change', () => anim.setSpeed(Number(speed.value)));

interface Params {
  kernel: ReturnType<typeof effectiveKernel>;
  m: number;
  mode: ConvMode;
  boundary: Boundary;
  cval: number;
}

/** The current settings: the kernel slid (flipped for a true convolution) and the factor m it is divided by. */
function params(): Params {
  const k = editor.kernel;
  const m = weightSum(k);
  const usable = normalize.checked && Math.abs(m) > 1e-12;
  const raw = effectiveKernel(k, { normalize: false, flip: flip.checked });
  return {
    kernel: raw,
    m: usable ? m : 1,
    mode: mode.value as ConvMode,
    boundary: boundary.value as Boundary,
    cval: Number(cval.value) || 0,
  };
}

function showM(): void {
  const m = weightSum(editor.kernel);
  const shown = Number(m.toPrecision(6));
  if (Math.abs(m) <= 1e-12) {
    mReadout.textContent = 'm = 0: the weights cancel (an edge detector), so there is nothing to divide by';
    normalize.disabled = true;
  } else {
    normalize.disabled = false;
    mReadout.textContent = normalize.checked ? `m = ${shown}: each sum is divided by ${shown}` : `m = ${shown}, not applied`;
  }
}

// ---------------------------------------------------------------------------------------------
// Part 1: the sliding window.

const animRoot = el('section', { className: 'panel cv-panel', id: 'cv-root' });
const side = el('div', { className: 'panel__side' });
side.append(
  el('h2', {}, 'Kernel'),
  editor.element,
  control('Normalise', normalize, mReadout),
  control('Flip (true convolution)', flip),
  el('h2', {}, 'Edges and output size'),
  control('Mode', mode),
  control('Boundary', boundary),
  control('cval', cval),
  el('h2', {}, 'Animation'),
  el('div', { className: 'cv-buttons' }, play, stepButton, reset, finish),
  control('Steps / s', speed),
  control('Channel', channel),
);
const body = el('div', { className: 'cv-body' });
body.append(
  para(
    'The <strong>RAM</strong> on the left holds a 12×12 patch of the photo (one colour channel, each cell the mean of a small block). ' +
      'The kernel window (orange) slides over it one pixel at a time; at every position each covered value is multiplied by the weight ' +
      'on top of it, the products are added up, and the sum is written to the <strong>Buffer</strong>, the feature map, at the matching place.',
  ),
  anim.element,
  el(
    'details',
    { className: 'cv-notes', open: true },
    el('summary', {}, 'Modes, borders, even kernels, and the flip'),
    para(
      '<strong>Mode</strong> sets the output size. <code>valid</code> keeps only positions where the whole window lies inside the image ' +
        '(n − k + 1 pixels a side); <code>same</code> keeps the input size; <code>full</code> keeps every position where the window touches ' +
        'the image at all (n + k − 1). Past the dark frame the window reads pixels that do not exist: the <strong>boundary</strong> rule ' +
        'invents them — <code>constant</code> (cval, usually 0: edges darken), <code>nearest</code> (aaa|abcd), <code>reflect</code> (dcba|abcd), ' +
        '<code>mirror</code> (dcb|abcd) or <code>wrap</code> (abcd|abcd). The pale cells show the values each rule invents.',
    ),
    para(
      '<strong>Even kernels</strong> have no middle tap. In <code>same</code> mode the output pixel sits under tap ⌊k/2⌋ on each axis ' +
        '(outlined in the editor, dotted in the window): for a 2×2 or 4×4 kernel that is the lower-right of the four central taps, so the ' +
        'window reaches ⌊k/2⌋ pixels up and left and ⌊(k−1)/2⌋ down and right — as in scipy and OpenCV. Try size 4 × 4 and step.',
    ),
    para(
      'Sliding the weights as they are is <em>cross-correlation</em> (what cv2.filter2D and neural networks do). A true ' +
        '<em>convolution</em> flips the kernel on both axes first; for symmetric kernels (box, Gaussian, Laplacian) the two are the same. ' +
        'Tick <em>Flip</em> to slide the flipped kernel.',
    ),
  ),
);
animRoot.append(side, body);

// ---------------------------------------------------------------------------------------------
// Part 2: the whole photo, live.

const liveRoot = el('section', { className: 'panel cv-wide', id: 'cv-live' });
liveRoot.dataset.state = 'pending';
liveRoot.dataset.runs = '0';
const sampleButtons = el('div', { className: 'samples' });
const size = selectOf('cv-size', 'Working size', ['1024', 'original'], '1024');
const mapping = selectOf('cv-display', 'How the result is shown', ['clip', 'abs', 'normalize', 'offset 128'], 'clip');
const timing = el('p', { className: 'cv-timing', id: 'cv-timing', textContent: 'Loading…' });
const photo = new ImageCanvas({ label: 'Photo (click to move the RAM patch)', range: [0, 255] });
photo.canvas.id = 'cv-photo';
const patchMark = el('div', { className: 'cv-patch-mark', id: 'cv-patch-mark' });
photo.canvas.parentElement?.append(patchMark);
const result = new MapView('Result (RGB, shown by the mapping above)', 'cv-result');
const maps = ['R', 'G', 'B'].map((c) => new MapView(`${c} feature map`, `cv-map-${c.toLowerCase()}`));
liveRoot.append(
  el('h2', {}, 'The whole photo, live'),
  para(
    'The same kernel, mode and boundary run over the whole photo in a Web Worker with the library’s <code>correlate</code> — the engine ' +
      'behind <code>convolab filter</code>. A colour photo is three planes, so one 2-D kernel gives <strong>three feature maps</strong>, ' +
      'one per channel; stacked back together they make the filtered colour image. Edit a weight and watch them update.',
  ),
  el('div', { className: 'cv-row' }, sampleButtons, control('Size', size), control('Show result as', mapping)),
  timing,
  el('div', { className: 'pair' }, photo.element, result.element),
  el('div', { className: 'cv-maps' }, ...maps.map((m) => m.element)),
  para(
    'An 8-bit screen cannot show negative values or values above 255: <em>clip</em> cuts them, <em>abs</em> folds the negative ones up, ' +
      '<em>normalize</em> stretches min..max, <em>offset 128</em> shows zero as mid-gray. The feature maps are drawn with a diverging colour ' +
      'map when they hold negative values (blue below zero, red above, saturating at the 97th percentile of |v|), in gray otherwise — ' +
      'the values themselves are never clamped (hover to read them).',
  ),
);

const edges = new EdgesView();

main.append(
  para(
    'Pick a kernel, press <em>Step</em>, and follow one pixel from the RAM to the Buffer; then watch the same kernel run over a whole photo.',
  ),
  animRoot,
  liveRoot,
  edges.element,
);

// ---------------------------------------------------------------------------------------------
// Wiring.

let sample: string = SAMPLES.find((s) => s.name === 'astronaut')?.file ?? SAMPLES[0].file;
const PATCH = 12;
/** Top-left of the RAM patch as fractions of the image (default: the astronaut's face). */
let patchAt = { fy: 0.12, fx: 0.28 };
let image: NDArray<'float32'> | undefined;
let patch: NDArray<'float32'> | undefined;
let runs = 0;

const imageRef = () => ({ url: `/samples/${sample}`, size: size.value === '1024' ? 1024 : 0 });

function strideOf(img: NDArray): number {
  return Math.max(1, Math.round(Math.max(img.shape[1], img.shape[2]) / 48));
}

function showPlane(): void {
  if (!patch) return;
  const c = ['R', 'G', 'B'].indexOf(channel.value);
  anim.setInput({ h: PATCH, w: PATCH, data: patch.data.subarray(c * PATCH * PATCH, (c + 1) * PATCH * PATCH) });
}

async function loadPatch(): Promise<void> {
  if (!image) return;
  const [, h, w] = image.shape;
  const stride = strideOf(image);
  const y = Math.max(0, Math.min(h - PATCH * stride, Math.round(patchAt.fy * h)));
  const x = Math.max(0, Math.min(w - PATCH * stride, Math.round(patchAt.fx * w)));
  patch = (await worker.run(imageRef(), { op: 'patch', y, x, size: PATCH, stride })).arrays.patch;
  Object.assign(patchMark.style, {
    top: `${(100 * y) / h}%`,
    left: `${(100 * x) / w}%`,
    height: `${(100 * PATCH * stride) / h}%`,
    width: `${(100 * PATCH * stride) / w}%`,
  });
  showPlane();
}

/** The three channel results as the 8-bit screen shows them (the chosen mapping), with the range to draw. */
function display(planes: Float32Array[], ranges: [number, number][]): { planes: Float32Array[]; range: [number, number] } {
  const how = mapping.value;
  if (how === 'clip') return { planes, range: [0, 255] };
  if (how === 'normalize') return { planes, range: [Math.min(...ranges.map((r) => r[0])), Math.max(...ranges.map((r) => r[1]))] };
  const mapped = planes.map((p) => p.map((v) => (how === 'abs' ? Math.abs(v) : v + 128)));
  return { planes: mapped, range: [0, 255] };
}

let lastReplies: Reply[] | undefined;

/** Draw the result and the three feature maps; `t0` is when the edit was made, `tReply` when the last worker answered. */
function drawResult(replies: Reply[], t0: number, tReply: number): void {
  lastReplies = replies;
  const [H, W] = replies[0].arrays.result.shape;
  const planes = replies.map((r) => r.arrays.result.data); // C × [H', W']
  const ranges = replies.map((r): [number, number] => r.range ?? [0, 255]);
  const shown = display(planes, ranges);
  result.draw(shown.planes, W, H, { kind: 'rgb', range: shown.range });
  const signed = ranges.some(([lo]) => lo < 0);
  const top = signed ? Math.max(1e-12, ...planes.map((p) => quantileAbs(p, 0.97))) : 1; // a few strong edges would wash out the rest
  maps.forEach((view, c) => {
    const [lo, hi] = ranges[c];
    view.draw(
      [planes[c]],
      W,
      H,
      signed ? { kind: 'map', colormap: 'coolwarm', range: [-top, top] } : { kind: 'map', colormap: 'gray', range: [lo, hi] },
    );
  });
  liveRoot.dataset.runs = String(++runs);
  liveRoot.dataset.state = 'done';
  if (tReply === t0) return; // a redraw (new display mapping), not a new result
  const k = params().kernel;
  const drawn = performance.now();
  const slowest = Math.max(...replies.map((r) => r.ms));
  timing.textContent =
    `correlate: ${replies.length} × ${image?.shape[1]} × ${image?.shape[2]} image, ${k.rows}×${k.cols} kernel, mode ${mode.value} → ` +
    `${replies.length} × ${H} × ${W}, one channel per worker on ${pool.workers.length} worker${pool.workers.length > 1 ? 's' : ''}: ` +
    `${slowest.toFixed(1)} ms for the slowest channel (method ${replies[0].method ?? 'auto'}); answered after ${(tReply - t0).toFixed(0)} ms, ` +
    `on screen after ${(drawn - t0).toFixed(0)} ms.`;
  timing.dataset.ms = slowest.toFixed(2);
  timing.dataset.screenMs = (drawn - t0).toFixed(1);
}

const runLive = coalesce(
  () => {
    liveRoot.dataset.state = 'pending';
    const p = params();
    const t0 = performance.now();
    const kernel = { ...p.kernel, data: p.kernel.data.map((v) => v / p.m) };
    return pool
      .filter(imageRef(), image?.shape[0] ?? 3, { kernel, mode: p.mode, boundary: p.boundary, cval: p.cval })
      .then((r) => ({ r, t0, tReply: performance.now() }));
  },
  ({ r, t0, tReply }) => drawResult(r, t0, tReply),
  (e) => {
    timing.textContent = `Error: ${e.message}`;
    liveRoot.dataset.state = 'error';
  },
);

function onParams(): void {
  showM();
  anim.setParams(params());
  runLive();
}

async function loadImage(): Promise<void> {
  liveRoot.dataset.state = 'pending';
  timing.textContent = 'Loading…';
  image = await pool.load(imageRef());
  photo.draw(image);
  await loadPatch();
  runLive();
  await edges.run(worker, imageRef());
}

for (const s of SAMPLES) {
  const b = el('button', { type: 'button', textContent: s.name });
  b.dataset.source = s.name;
  b.setAttribute('aria-pressed', String(s.file === sample));
  b.addEventListener('click', () => {
    sample = s.file;
    for (const x of sampleButtons.querySelectorAll('button')) x.setAttribute('aria-pressed', String(x === b));
    void loadImage();
  });
  sampleButtons.append(b);
}

photo.canvas.addEventListener('click', (e) => {
  const rect = photo.canvas.getBoundingClientRect();
  patchAt = {
    fy: Math.max(0, (e.clientY - rect.top) / rect.height - 0.125),
    fx: Math.max(0, (e.clientX - rect.left) / rect.width - 0.125),
  };
  void loadPatch();
});

editor.addEventListener('change', onParams);
for (const input of [normalize, flip, mode, boundary, cval]) input.addEventListener('change', onParams);
channel.addEventListener('change', showPlane);
size.addEventListener('change', () => void loadImage());
mapping.addEventListener('change', () => {
  const now = performance.now();
  if (lastReplies) drawResult(lastReplies, now, now);
});

showM();
anim.setParams(params());
void loadImage();
