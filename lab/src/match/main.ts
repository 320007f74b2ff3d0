/**
 * Chapter 4, "Searching with cross-correlation" (lab/chapters/correlation.html). Two panels:
 *
 *   #search-image   pick a photo, drag a rectangle on it: the rectangle is the template; the
 *                   score map (one value per placement) and the best boxes update as the
 *                   template, the method and the threshold change.
 *   #search-signal  a chirp hidden in a long noisy signal, found by normalised
 *                   cross-correlation; the correlation is plotted under the signal.
 *
 * Each panel carries data-state ("pending" | "done" | "error"); #search-image also
 * data-matches (how many boxes are drawn), for the browser test. Compute runs in worker.ts.
 */
import '../styles.css';
import './match.css';
import { NDArray } from '../../../src/core/ndarray.js';
import { MATCH_METHODS, type MatchMethod } from '../../../src/match/methods.js';
import { chart } from '../components/chart.js';
import { ImageCanvas } from '../components/image-canvas.js';
import { button, liveRun, panel, prose, readout, row, select, slider } from '../controls.js';
import { mountChapterPage } from '../page.js';
import { SAMPLES } from '../samples.js';
import { WorkerClient } from '../worker-rpc.js';
import type { Rect, SignalResult } from './compute.js';
import type { ImageReply, Request } from './worker.js';

const { main } = mountChapterPage('correlation');

const worker = new WorkerClient<Request, ImageReply & SignalResult>(
  () => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'convolab-search' }),
);

// ---- panel 1: a template in a photo ----
const { element: imagePanel, side, body } = panel('search-image');
imagePanel.dataset.state = 'pending';
imagePanel.dataset.matches = '0';

const intro = prose(
  'Drag a rectangle on the photo: that piece becomes the template. Correlating it with every placement gives the score map on the right ' +
    '(one value per top-left corner); its peaks are the places that look like the template, boxed on the photo.',
);
const sample = select(
  'Photo',
  'search-sample',
  SAMPLES.filter((s) => s.file.endsWith('.png')).map((s) => [`/samples/${s.file}`, s.name] as const),
  '/samples/astronaut.png',
);
const method = select<MatchMethod>(
  'Score',
  'search-method',
  MATCH_METHODS.map((m) => [m, m] as const),
  'ccoeff_normed',
);
const top = slider('Boxes (top K)', { min: 1, max: 12, step: 1, value: 5, id: 'search-top', format: String });
const similarity = slider('Minimum similarity (normalised scores)', {
  min: 0,
  max: 1,
  step: 0.05,
  value: 0.5,
  id: 'search-similarity',
  format: (v) => v.toFixed(2),
});
const imageReadout = readout('search-readout');
side.append(intro, sample.element, method.element, top.element, similarity.element, imageReadout);

const photo = new ImageCanvas({ label: 'Photo — drag to choose the template', zoomControls: false, inspect: false });
photo.element.classList.add('search-stage');
photo.canvas.id = 'search-photo';
const overlay = document.createElement('div');
overlay.className = 'search-overlay';
overlay.id = 'search-overlay';
const selection = document.createElement('div');
selection.className = 'search-selection';
overlay.append(selection);
photo.element.querySelector('.image-canvas__frame')!.append(overlay);
const mapView = new ImageCanvas({ label: 'Score map', colormap: 'viridis', zoomControls: false });
mapView.canvas.id = 'search-map';
const grid = row('search-grid', photo.element, mapView.element);
body.append(grid);
main.append(imagePanel);

let shape: number[] = [3, 512, 512];
let rect: Rect = { x: 180, y: 80, width: 60, height: 70 }; // the astronaut's face, a start that shows boxes

/** Place an element over the photo at image-pixel rectangle r (percentages of the frame). */
function place(el: HTMLElement, r: Rect): void {
  const [, H, W] = shape;
  Object.assign(el.style, {
    left: `${(100 * r.x) / W}%`,
    top: `${(100 * r.y) / H}%`,
    width: `${(100 * r.width) / W}%`,
    height: `${(100 * r.height) / H}%`,
  });
}

function drawBoxes(matches: ImageReply['matches']): void {
  for (const b of overlay.querySelectorAll('.search-box')) b.remove();
  matches.forEach((m, i) => {
    const box = document.createElement('div');
    box.className = 'search-box';
    const label = document.createElement('span');
    label.textContent = `${i + 1}: ${m.score.toPrecision(3)}`;
    box.append(label);
    place(box, { x: m.x, y: m.y, width: rect.width, height: rect.height });
    overlay.append(box);
  });
  imagePanel.dataset.matches = String(matches.length);
}

let shownUrl = '';
const runImage = liveRun(
  imagePanel,
  imageReadout,
  () => worker.run({ op: 'image', url: sample.value(), rect, method: method.value(), top: top.value(), similarity: similarity.value() }),
  (r) => {
    shape = r.shape;
    if (shownUrl !== sample.value()) {
      photo.draw(new NDArray('float32', r.shape, r.image), { range: [0, 255] });
      shownUrl = sample.value();
    }
    mapView.draw(new NDArray('float32', r.mapShape, r.map), { colormap: method.value().startsWith('sqdiff') ? 'magma' : 'viridis' });
    place(selection, rect);
    drawBoxes(r.matches);
    const lines = r.matches.map((m, i) => `${i + 1}. x=${m.x}, y=${m.y}, score ${m.score.toPrecision(4)}`);
    imageReadout.textContent = `template ${rect.width}×${rect.height} px, ${r.ms.toFixed(0)} ms. ${lines.length ? lines.join(' · ') : 'No match above the threshold.'}`;
  },
);

// drag a rectangle (image pixels) on the overlay
let dragFrom: [number, number] | undefined;
function toImage(e: PointerEvent): [number, number] {
  const box = overlay.getBoundingClientRect();
  const [, H, W] = shape;
  return [
    Math.max(0, Math.min(W, ((e.clientX - box.left) / box.width) * W)),
    Math.max(0, Math.min(H, ((e.clientY - box.top) / box.height) * H)),
  ];
}
function dragRect(e: PointerEvent): Rect {
  const [x0, y0] = dragFrom!;
  const [x1, y1] = toImage(e);
  return {
    x: Math.round(Math.min(x0, x1)),
    y: Math.round(Math.min(y0, y1)),
    width: Math.round(Math.abs(x1 - x0)),
    height: Math.round(Math.abs(y1 - y0)),
  };
}
overlay.addEventListener('pointerdown', (e) => {
  dragFrom = toImage(e);
  overlay.setPointerCapture(e.pointerId);
});
overlay.addEventListener('pointermove', (e) => {
  if (dragFrom) place(selection, dragRect(e));
});
overlay.addEventListener('pointerup', (e) => {
  if (!dragFrom) return;
  const r = dragRect(e);
  dragFrom = undefined;
  if (r.width >= 4 && r.height >= 4) {
    rect = r;
    runImage();
  } else {
    place(selection, rect);
  }
});
for (const c of [sample.input, method.input, top.input, similarity.input]) c.addEventListener('change', () => runImage());
runImage();

// ---- panel 2: a clip in a long signal ----
const { element: signalPanel, side: sside, body: sbody } = panel('search-signal', 'panel search-section');
signalPanel.dataset.state = 'pending';
const sintro = prose(
  'A short chirp is hidden in a long noisy recording. Slide it along the recording, and at every offset compute the Pearson ' +
    'correlation between the chirp and the piece of recording under it: the curve peaks where the chirp is, even when the noise hides it from the eye.',
);
const LENGTH = 20_000;
const CLIP = 800;
const noise = slider('Noise σ', { min: 0, max: 3, step: 0.1, value: 1, id: 'signal-noise', format: (v) => v.toFixed(1) });
const at = slider('Hide the chirp at sample', {
  min: 0,
  max: LENGTH - CLIP,
  step: 100,
  value: 12_300,
  id: 'signal-at',
  format: String,
});
let seed = 1;
const again = button('New noise', 'signal-new', () => {
  seed++;
  runSignal();
});
const signalReadout = readout('signal-readout');
sside.append(sintro, noise.element, at.element, again, signalReadout);
const plots = document.createElement('div');
plots.id = 'signal-plots';
sbody.append(plots);
main.append(signalPanel);

/** One point per k samples, the one of largest magnitude, so narrow peaks survive (a plot does not need 20,000 points). */
function thin(v: Float32Array, k: number): { x: number[]; y: number[] } {
  const x: number[] = [];
  const y: number[] = [];
  for (let i0 = 0; i0 < v.length; i0 += k) {
    let best = i0;
    for (let i = i0 + 1; i < Math.min(v.length, i0 + k); i++) if (Math.abs(v[i]) > Math.abs(v[best])) best = i;
    x.push(best);
    y.push(v[best]);
  }
  return { x, y };
}

const runSignal = liveRun(
  signalPanel,
  signalReadout,
  () => worker.run({ op: 'signal', seed, length: LENGTH, at: at.value(), clipLength: CLIP, noise: noise.value() }),
  (r) => {
    const s = thin(r.signal, 10);
    const c = thin(r.scores, 5);
    const best = r.found[0];
    plots.replaceChildren(
      chart({ kind: 'line', series: [{ label: 'recording', ...s }], xLabel: 'sample', yLabel: 'amplitude', height: 180 }),
      chart({
        kind: 'line',
        series: [
          { label: 'correlation with the chirp', ...c },
          ...(best ? [{ label: 'found', x: [best.offset, best.offset], y: [best.score + 0.08, 1], color: '#e4572e' }] : []),
        ],
        xLabel: 'offset (samples)',
        yLabel: 'Pearson r',
        yDomain: [-1, 1],
        height: 200,
      }),
    );
    signalReadout.textContent = best
      ? `Hidden at ${at.value()}, found at ${best.offset} (r = ${best.score.toFixed(3)}; next best r = ${r.found[1]?.score.toFixed(3) ?? '—'}), ${r.ms.toFixed(0)} ms.`
      : 'Nothing found.';
    signalPanel.dataset.found = best ? String(best.offset) : '';
  },
);
for (const c of [noise.input, at.input]) c.addEventListener('change', () => runSignal());
runSignal();
