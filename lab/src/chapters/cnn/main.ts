/**
 * Chapter 7, "Learned kernels": a small convolutional network trained on a Fashion-MNIST subset
 * in a module worker (src/nn, WASM SIMD GEMM) — live loss and accuracy curves, the first-layer
 * kernels as they learn beside chapter 1's hand-made Sobel kernels, the feature maps of a chosen
 * test garment at every layer and its predicted probabilities; a model trained by
 * `convolab train --out DIR` loads from its model.json + weights.bin.
 *
 * Test hooks: #cnn[data-state] ("loading" | "ready" | "training" | "paused" | "done" | "error"),
 * #cnn-loss[data-points], #cnn-filters[data-draws], #cnn-maps[data-draws], #cnn-probs[data-top].
 */
import '../../styles.css';
import './chapter.css';
import { chart } from '../../components/chart.js';
import { mountChapterPage } from '../../page.js';
import { SOBEL } from './compute.js';
import { CONTROL, type FromWorker, type Snapshot, type ToWorker } from './protocol.js';
import { drawTiles } from './tiles.js';
import { el, fileDownload, picker, prose, select } from './ui.js';
import { renderMaps, renderProbs } from './view.js';

const { main } = mountChapterPage('cnn');
const root = el('div', { id: 'cnn', 'data-state': 'loading' });
main.append(root);

const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'convolab-cnn' });
const send = (msg: ToWorker, transfer: Transferable[] = []) => worker.postMessage(msg, transfer);
const control = new Int32Array(new SharedArrayBuffer(4 * CONTROL.length));
const setState = (s: string) => {
  root.dataset.state = s;
};

// ---- 1. the turning point -------------------------------------------------------------------
const idea = el('section', { class: 'panel cnn-idea' });
const ideaText = el('div', { class: 'panel__side' });
ideaText.append(
  el('h2', {}, 'Hand-made kernels → learned kernels'),
  prose(
    'Every kernel so far was designed by a person: Sobel for edges, a Gaussian for blur, a template to search for. ' +
      'That is feature engineering — you decide what to look for, and the kernel says how.',
  ),
  prose(
    'A convolutional network turns the kernel weights into parameters. It starts from random numbers, slides them over ' +
      'thousands of labelled pictures, and nudges every weight downhill on the classification error (back-propagation). ' +
      'The kernels that come out are whatever helps tell a sneaker from a sandal: feature learning. ' +
      'Several layers of many kernels, each followed by ReLU and max-pooling, feed a dense layer that names the garment.',
  ),
);
const ideaBody = el('div', { class: 'cnn-compare' });
const sobelBox = el('figure', { class: 'cnn-fig' });
const sobelCanvas = el('canvas', { class: 'cnn-tiles' }) as HTMLCanvasElement;
const sobelData = SOBEL.flatMap((s) => s.kernel.flat());
drawTiles(sobelCanvas, sobelData, SOBEL.length, 3, 3, { scale: 22, gap: 8, cols: 2 });
sobelBox.append(sobelCanvas, el('figcaption', {}, 'Hand-made: Sobel x and y (chapter 1). Red = positive weight, blue = negative.'));
const learnedBox = el('figure', { class: 'cnn-fig' });
const filtersCanvas = el('canvas', { class: 'cnn-tiles', id: 'cnn-filters', 'data-draws': '0' }) as HTMLCanvasElement;
const filtersCaption = el('figcaption', {}, 'Learned: the first layer’s kernels (random until you train).');
learnedBox.append(filtersCanvas, filtersCaption);
ideaBody.append(sobelBox, learnedBox);
idea.append(ideaText, ideaBody);
root.append(idea);

// ---- 2. training -------------------------------------------------------------------------------
const trainPanel = el('section', { class: 'panel cnn-train' });
const side = el('div', { class: 'panel__side' });
const startBtn = el('button', { type: 'button', class: 'cnn-btn cnn-btn--primary', id: 'cnn-start', disabled: '' }, 'Start training');
const resetBtn = el('button', { type: 'button', class: 'cnn-btn', id: 'cnn-reset', disabled: '' }, 'Reset');
const epochsSel = select(
  'Epochs',
  'cnn-epochs',
  [
    ['3', '3'],
    ['5', '5'],
    ['10', '10'],
    ['20', '20'],
  ],
  '10',
);
const batchSel = select(
  'Batch size',
  'cnn-batch',
  [
    ['16', '16'],
    ['32', '32'],
    ['64', '64'],
  ],
  '32',
);
const lrSel = select(
  'Learning rate (Adam)',
  'cnn-lr',
  [
    ['0.0003', '0.0003'],
    ['0.001', '0.001'],
    ['0.003', '0.003'],
    ['0.01', '0.01'],
    ['0.1', '0.1 (too high)'],
  ],
  '0.003',
);
const cores = Math.max(1, Math.min(8, navigator.hardwareConcurrency || 1));
const threadsSel = select(
  'Threads (each batch split across workers; the small network is fastest on 1)',
  'cnn-threads',
  [1, 2, 4, 8].filter((t) => t === 1 || t <= cores).map((t) => [String(t), String(t)] as const),
  '1',
);
const status = el('p', { class: 'cnn-readout', id: 'cnn-status' }, 'Loading 2,500 garments…');
const LAB_NET = 'The network: conv 5×5 ×8 → ReLU → max-pool → conv 3×3 ×16 → ReLU → max-pool → dense 10 (5,386 weights).';
const netText = prose(LAB_NET);
const buttons = el('div', { class: 'cnn-buttons' });
buttons.append(startBtn, resetBtn);
side.append(
  el('h2', {}, 'Train it here'),
  netText,
  prose(
    'It trains on 2,000 Fashion-MNIST images (200 per class) in a Web Worker with convolab’s WebAssembly SIMD engine, ' +
      'and is tested on 500 others after every epoch.',
  ),
  buttons,
  epochsSel.root,
  batchSel.root,
  lrSel.root,
  threadsSel.root,
  status,
);
const charts = el('div', { class: 'charts cnn-charts' });
const lossBox = el('div', { class: 'chart-card', id: 'cnn-loss', 'data-points': '0' });
const accBox = el('div', { class: 'chart-card', id: 'cnn-acc', 'data-points': '0' });
charts.append(lossBox, accBox);
const body = el('div', {});
body.append(charts);
trainPanel.append(side, body);
root.append(trainPanel);

// ---- 3. one garment through the network ---------------------------------------------------------
const lookPanel = el('section', { class: 'panel cnn-look' });
const lookSide = el('div', { class: 'panel__side' });
const garments = el('div', { class: 'cnn-garments', id: 'cnn-garments' });
const probs = el('div', { class: 'cnn-probs', id: 'cnn-probs' });
lookSide.append(
  el('h2', {}, 'One garment, layer by layer'),
  prose('Pick a test garment. Each layer turns it into a stack of feature maps: what each kernel responds to, where.'),
  garments,
  el('h3', {}, 'Prediction'),
  probs,
);
const maps = el('div', { class: 'cnn-maps', id: 'cnn-maps', 'data-draws': '0' });
lookPanel.append(lookSide, maps);
root.append(lookPanel);

// ---- 4. a model from the CLI --------------------------------------------------------------------
const loadPanel = el('section', { class: 'panel cnn-load' });
const loadSide = el('div', { class: 'panel__side' });
const fileInput = el('input', { type: 'file', multiple: '', accept: '.json,.bin', id: 'cnn-files' }) as HTMLInputElement;
const loadStatus = el('p', { class: 'cnn-readout', id: 'cnn-load-status' }, 'No model loaded: the page’s own network is in use.');
const saveBtn = el('button', { type: 'button', class: 'cnn-btn', id: 'cnn-save', disabled: '' }, 'Download this model');
loadSide.append(
  el('h2', {}, 'Load a model trained by the CLI'),
  prose(
    'The same engine trains on all 60,000 images from the command line: ' +
      '<code>convolab train --dataset fashion-mnist --model reference --epochs 3 --out run</code> ' +
      'writes <code>run/model.json</code> and <code>run/weights.bin</code>. Choose both files here to look inside that network ' +
      '(any model with 28×28 single-channel input and 10 classes).',
    true,
  ),
  fileInput,
  saveBtn,
  loadStatus,
);
const summary = el('pre', { class: 'cnn-summary', id: 'cnn-summary' });
loadPanel.append(loadSide, summary);
root.append(loadPanel);

// ---- state and drawing ------------------------------------------------------------------------
const curve = { x: [] as number[], loss: [] as number[], acc: [] as number[], lossAvg: [] as number[], accAvg: [] as number[] };
const epochs = { x: [] as number[], loss: [] as number[], acc: [] as number[] };
let test: { images: Uint8Array; labels: Uint8Array; classes: string[] } | undefined;
let epochsDone = 0;
let training = false;
let chartsDirty = false;

function drawCharts(): void {
  chartsDirty = false;
  const lossSeries = [
    { label: 'train (batch)', x: curve.x, y: curve.loss, color: '#c9cfdb' },
    { label: 'train (smoothed)', x: curve.x, y: curve.lossAvg, color: '#2f6fdf' },
  ];
  if (epochs.x.length) lossSeries.push({ label: 'test', x: epochs.x, y: epochs.loss, color: '#e4572e' });
  const accSeries = [{ label: 'train (smoothed)', x: curve.x, y: curve.accAvg.map((v) => 100 * v), color: '#2f6fdf' }];
  if (epochs.x.length) accSeries.push({ label: 'test', x: epochs.x, y: epochs.acc.map((v) => 100 * v), color: '#e4572e' });
  const size = { width: 640, height: 230 };
  lossBox.replaceChildren(chart({ series: lossSeries, xLabel: 'epoch', yLabel: 'cross-entropy loss', title: 'Loss', ...size }));
  accBox.replaceChildren(
    chart({ series: accSeries, xLabel: 'epoch', yLabel: 'accuracy (%)', title: 'Accuracy', yDomain: [0, 100], ...size }),
  );
  lossBox.dataset.points = String(curve.x.length);
  accBox.dataset.points = String(curve.x.length + epochs.x.length);
}

function scheduleCharts(): void {
  if (chartsDirty) return;
  chartsDirty = true;
  setTimeout(() => requestAnimationFrame(drawCharts), 200);
}

function clearCurves(): void {
  for (const a of [...Object.values(curve), ...Object.values(epochs)]) a.length = 0;
  epochsDone = 0;
  drawCharts();
}

function drawSnapshot(s: Snapshot): void {
  if (s.filters) {
    const [f, c, kh, kw] = s.filters.shape;
    // One tile per (filter, input channel); the first layer of these models sees one channel.
    drawTiles(filtersCanvas, s.filters.data, f * c, kh, kw, { scale: kh <= 3 ? 22 : 14, gap: 6, cols: Math.min(8, f * c) });
    filtersCanvas.dataset.draws = String(Number(filtersCanvas.dataset.draws) + 1);
    filtersCaption.textContent = `Learned: the first layer’s ${f} kernels (${kh}×${kw}), each on its own colour scale.`;
  }
  renderMaps(maps, s);
  if (test) renderProbs(probs, s.inspection.probs, test.classes, test.labels[s.garment]);
  for (const b of garments.querySelectorAll('button')) b.setAttribute('aria-pressed', String(Number(b.dataset.index) === s.garment));
}

function setTraining(on: boolean): void {
  training = on;
  startBtn.textContent = on ? 'Pause' : epochsDone > 0 || curve.x.length > 0 ? 'Continue training' : 'Start training';
  resetBtn.disabled = false;
  fileInput.disabled = on;
  saveBtn.disabled = on;
}

startBtn.addEventListener('click', () => {
  if (training) {
    Atomics.store(control, CONTROL.pause, 1);
    startBtn.disabled = true;
    return;
  }
  const more = Number(epochsSel.input.value);
  const target = epochsDone >= more ? epochsDone + more : more;
  Atomics.store(control, CONTROL.pause, 0);
  send({ type: 'train', epochs: target, batchSize: Number(batchSel.input.value), threads: Number(threadsSel.input.value) });
  setTraining(true);
  setState('training');
  status.textContent = `Training to epoch ${target}…`;
});

resetBtn.addEventListener('click', () => {
  Atomics.store(control, CONTROL.pause, 1);
  send({ type: 'reset', seed: Math.floor(Math.random() * 2 ** 31) });
  clearCurves();
});

lrSel.input.addEventListener('change', () => Atomics.store(control, CONTROL.lr, Math.round(Number(lrSel.input.value) * 1e6)));
Atomics.store(control, CONTROL.lr, Math.round(Number(lrSel.input.value) * 1e6));

function choose(index: number): void {
  Atomics.store(control, CONTROL.garment, index);
  if (!training) send({ type: 'inspect' });
}

fileInput.addEventListener('change', async () => {
  const files = Array.from(fileInput.files ?? []);
  const json = files.find((f) => f.name.endsWith('.json'));
  const weights = files.find((f) => !f.name.endsWith('.json'));
  if (!json || !weights || files.length !== 2) {
    loadStatus.textContent = 'Choose two files together: model.json and its weights file (weights.bin).';
    return;
  }
  loadStatus.textContent = `Loading ${json.name} + ${weights.name}…`;
  const bytes = new Uint8Array(await weights.arrayBuffer());
  send({ type: 'load', json: await json.text(), weights: bytes, names: { json: json.name, weights: weights.name } }, [bytes.buffer]);
});

saveBtn.addEventListener('click', () => send({ type: 'save' }));

let ema = { loss: 0, acc: 0, n: 0 };
worker.addEventListener('message', (event: MessageEvent<FromWorker>) => {
  const m = event.data;
  switch (m.type) {
    case 'ready':
      test = { images: m.images, labels: m.labels, classes: m.classes };
      garments.replaceChildren(picker(m.images, m.labels, m.classes, 2, choose));
      status.textContent = `Loaded ${m.trainCount.toLocaleString('en-US')} training and ${m.images.length / 784} test images.`;
      break;
    case 'batch': {
      // Exponential moving averages over about 20 batches, bias-corrected like Adam's.
      ema = { loss: 0.95 * ema.loss + 0.05 * m.loss, acc: 0.95 * ema.acc + 0.05 * m.accuracy, n: ema.n + 1 };
      const fix = 1 - 0.95 ** ema.n;
      curve.x.push(m.x);
      curve.loss.push(m.loss);
      curve.acc.push(m.accuracy);
      curve.lossAvg.push(ema.loss / fix);
      curve.accAvg.push(ema.acc / fix);
      status.textContent = `Epoch ${Math.floor(m.x) + 1}, step ${m.step}: loss ${(ema.loss / fix).toFixed(3)}, ${Math.round(m.imagesPerSecond)} images/s.`;
      scheduleCharts();
      break;
    }
    case 'epoch':
      epochsDone = m.epoch;
      epochs.x.push(m.epoch);
      epochs.loss.push(m.testLoss);
      epochs.acc.push(m.testAccuracy);
      status.textContent = `Epoch ${m.epoch}: test accuracy ${(100 * m.testAccuracy).toFixed(1)}% (train ${(100 * m.accuracy).toFixed(1)}%), ${m.seconds.toFixed(1)} s.`;
      scheduleCharts();
      break;
    case 'snapshot':
      drawSnapshot(m.snapshot);
      break;
    case 'stopped':
      drawCharts();
      startBtn.disabled = false;
      setTraining(false);
      setState(m.reason === 'done' ? 'done' : 'paused');
      if (m.reason === 'paused') status.textContent += ' Paused (continuing restarts the current epoch’s pass over the data).';
      if (m.reason === 'diverged') status.textContent = `${m.message} — press Reset.`;
      break;
    case 'model':
      epochsDone = 0;
      ema = { loss: 0, acc: 0, n: 0 };
      clearCurves();
      // The test metrics before training start the test curves at epoch 0.
      epochs.x.push(0);
      epochs.loss.push(m.testLoss);
      epochs.acc.push(m.testAccuracy);
      drawCharts();
      summary.textContent = m.model.summary;
      netText.textContent =
        m.model.source === 'lab'
          ? LAB_NET
          : `The network: the one loaded from ${m.model.source} (${m.model.params.toLocaleString('en-US')} weights; layers below). Training continues from its weights.`;
      drawSnapshot(m.snapshot);
      startBtn.disabled = false;
      resetBtn.disabled = false;
      saveBtn.disabled = false;
      setTraining(false);
      setState('ready');
      status.textContent = `Test accuracy now: ${(100 * m.testAccuracy).toFixed(1)}% of the 500 test images${m.model.source === 'lab' ? ' (untrained, the network guesses: about 10%)' : ''}.`;
      loadStatus.textContent =
        m.model.source === 'lab'
          ? 'No model loaded: the page’s own network is in use (freshly initialised).'
          : `Loaded ${m.model.source}: ${m.model.params.toLocaleString('en-US')} parameters, ${(100 * m.testAccuracy).toFixed(1)}% on the 500 test images here.`;
      fileInput.value = '';
      break;
    case 'saved':
      fileDownload('model.json', m.json, 'application/json');
      fileDownload('weights.bin', m.weights, 'application/octet-stream');
      break;
    case 'error':
      startBtn.disabled = false;
      setTraining(false);
      if (root.dataset.state === 'loading') setState('error');
      (fileInput.value ? loadStatus : status).textContent = `Error: ${m.message}`;
      fileInput.value = '';
      break;
  }
});
worker.addEventListener('error', (e) => {
  setState('error');
  status.textContent = `The worker failed: ${e.message}`;
});

send({ type: 'init', control, seed: 1 });
