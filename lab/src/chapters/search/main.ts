/**
 * Chapter 8, "Fashion search": the 2,000 training garments of the bundled Fashion-MNIST subset
 * indexed by raw pixels, Sobel edges or (after a couple of epochs trained here) a convolutional
 * autoencoder's 32-number code; pick a test garment or upload a photo, see its preprocessing,
 * its reconstruction, the top 10 matches with cosine scores, and a PCA map of the embeddings.
 *
 * Test hooks: #search[data-state] ("pending" | "ready" | "searching" | "done" | "training" | "error"),
 * #search-matches[data-count], #search-map[data-points], #search-picker buttons [data-index].
 */
import '../../styles.css';
import type { FeatureKind } from '../../../../src/search/index.js';
import { button, chapterPage, panel, prose, readout, select } from '../../controls.js';
import { WorkerClient } from '../../worker-rpc.js';
import type { Query, SearchReply, SearchRequest } from './protocol.js';

type Reply<O extends SearchReply['op']> = Extract<SearchReply, { op: O }>;

const { main, element: root, side, body } = chapterPage('search', 'Fashion search', 'search');
main.append(root);
const worker = new WorkerClient<SearchRequest, SearchReply>(
  () => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'convolab-search' }),
  { label: 'search worker' },
);
const run = async <O extends SearchReply['op']>(req: SearchRequest & { op: O }) => (await worker.run(req)) as Reply<O>;

const PALETTE = ['#e6194b', '#3cb44b', '#ffe119', '#4363d8', '#f58231', '#911eb4', '#46f0f0', '#f032e6', '#bcf60c', '#fabebe'];

function h(tag: string, attrs: Record<string, string> = {}, text?: string): HTMLElement {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

/** A canvas showing a grey image (values scaled by `scale` to 0..255), drawn `zoom` times larger. */
function grayCanvas(data: ArrayLike<number>, width: number, height: number, zoom = 3, scale = 1): HTMLCanvasElement {
  const c = document.createElement('canvas');
  c.width = width;
  c.height = height;
  c.style.width = `${width * zoom}px`;
  c.style.height = `${height * zoom}px`;
  c.style.imageRendering = 'pixelated';
  const img = new ImageData(width, height);
  for (let i = 0; i < width * height; i++) {
    const v = Math.max(0, Math.min(255, data[i] * scale));
    img.data.set([v, v, v, 255], i * 4);
  }
  c.getContext('2d')!.putImageData(img, 0, 0);
  return c;
}

function figure(canvas: HTMLElement, caption: string): HTMLElement {
  const f = h('figure', { style: 'margin:0;display:inline-block;text-align:center;font-size:12px' });
  f.append(canvas, h('figcaption', {}, caption));
  return f;
}

// ---- controls ------------------------------------------------------------------------------------
const feature = select<FeatureKind>(
  'Embedding',
  'search-feature',
  [
    ['pixels', 'raw pixels (784)'],
    ['sobel', 'Sobel edges (784)'],
    ['autoencoder', 'autoencoder code (32) — train first'],
  ],
  'pixels',
);
const aeOption = feature.input.querySelector('option[value="autoencoder"]') as HTMLOptionElement;
aeOption.disabled = true;
const status = readout('search-status');
status.textContent = 'Loading 2,500 garments…';
const trainOut = readout('search-train-status');
const trainBtn = button('Train autoencoder (2 epochs)', 'search-train', () => void train());
trainBtn.disabled = true;
const upload = h('input', { type: 'file', accept: 'image/*', id: 'search-upload' }) as HTMLInputElement;
const uploadLabel = h('label', { class: 'lab-control' }, 'Or upload a photo of a garment ');
uploadLabel.append(upload);
side.append(
  h('h2', {}, 'Search by example'),
  prose(
    'Every training garment becomes a vector; a query is answered by the 10 vectors with the highest cosine similarity. ' +
      'Raw pixels compare brightness point by point, Sobel edges compare outlines, and the autoencoder — trained here to ' +
      'squeeze each garment through 32 numbers and rebuild it — compares learned codes.',
  ),
  feature.element,
  trainBtn,
  trainOut,
  uploadLabel,
  status,
);

const picker = h('div', { id: 'search-picker', style: 'display:flex;flex-wrap:wrap;gap:2px;max-width:640px' });
const stepsRow = h('div', { id: 'search-steps', style: 'display:flex;flex-wrap:wrap;gap:8px;align-items:flex-end' });
const matches = h('div', {
  id: 'search-matches',
  'data-count': '0',
  style: 'display:grid;grid-template-columns:repeat(5,auto);gap:8px;justify-content:start',
});
const mapCanvas = h('canvas', { id: 'search-map', width: '420', height: '420', 'data-points': '0' }) as HTMLCanvasElement;
const legend = h('p', { class: 'lab-prose', style: 'font-size:12px' });
body.append(
  h('h3', {}, 'Pick a test garment'),
  picker,
  h('h3', {}, 'The query: preprocessing and reconstruction'),
  stepsRow,
  h('h3', {}, 'Top 10 matches (cosine score)'),
  matches,
);
const mapPanel = panel('search-map-panel');
mapPanel.side.append(
  h('h2', {}, 'The map'),
  prose('The 2,000 training embeddings projected on their first two principal components, coloured by class.'),
  legend,
);
mapPanel.body.append(mapCanvas);
main.append(mapPanel.element);

let classes: string[] = [];
let lastQuery: Query | undefined;
const setState = (s: string) => {
  root.dataset.state = s;
};

async function search(query: Query): Promise<void> {
  lastQuery = query;
  setState('searching');
  const r = await run({ op: 'search', feature: feature.value(), query });
  stepsRow.replaceChildren(
    ...r.steps.map((s) =>
      figure(grayCanvas(s.data, s.width, s.height, Math.max(1, Math.min(4, Math.floor(112 / Math.max(s.width, s.height))))), s.name),
    ),
  );
  if (r.reconstruction) stepsRow.append(figure(grayCanvas(r.reconstruction, 28, 28, 4, 255), 'reconstruction (of the equalised input)'));
  matches.replaceChildren(
    ...Array.from(r.indices, (_j, i) =>
      figure(grayCanvas(r.images.subarray(i * 784, (i + 1) * 784), 28, 28, 3), `${classes[r.labels[i]]} · ${r.scores[i].toFixed(3)}`),
    ),
  );
  matches.dataset.count = String(r.indices.length);
  status.textContent = `Top ${r.indices.length} of 2,000 by ${feature.value()} in ${r.ms.toFixed(1)} ms.`;
  setState('done');
}

async function drawMap(): Promise<void> {
  const r = await run({ op: 'map', feature: feature.value() });
  const n = r.labels.length;
  let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
  for (let i = 0; i < n; i++) {
    x0 = Math.min(x0, r.points[2 * i]);
    x1 = Math.max(x1, r.points[2 * i]);
    y0 = Math.min(y0, r.points[2 * i + 1]);
    y1 = Math.max(y1, r.points[2 * i + 1]);
  }
  const ctx = mapCanvas.getContext('2d')!;
  const { width: W, height: H } = mapCanvas;
  ctx.fillStyle = '#111';
  ctx.fillRect(0, 0, W, H);
  for (let i = 0; i < n; i++) {
    const x = 10 + ((r.points[2 * i] - x0) / (x1 - x0 || 1)) * (W - 20);
    const y = H - 10 - ((r.points[2 * i + 1] - y0) / (y1 - y0 || 1)) * (H - 20);
    ctx.fillStyle = PALETTE[r.labels[i]];
    ctx.fillRect(x - 1.5, y - 1.5, 3, 3);
  }
  mapCanvas.dataset.points = String(n);
}

const fail = (e: unknown) => {
  status.textContent = `Error: ${e instanceof Error ? e.message : String(e)}`;
  setState('error');
};

async function train(): Promise<void> {
  trainBtn.disabled = true;
  setState('training');
  trainOut.textContent = 'Training the autoencoder (2 epochs on 2,000 garments)…';
  try {
    const r = await run({ op: 'train', epochs: 2 });
    aeOption.disabled = false;
    aeOption.textContent = `autoencoder code (${r.dim})`;
    feature.input.value = 'autoencoder';
    trainOut.textContent = `Trained: reconstruction MSE ${r.losses.map((l) => l.toFixed(4)).join(' → ')}, ${r.seconds.map((s) => `${s.toFixed(1)} s`).join(' + ')}.`;
    await drawMap();
    if (lastQuery) await search(lastQuery);
    else setState('ready');
  } catch (e) {
    fail(e);
  } finally {
    trainBtn.disabled = false;
  }
}

feature.input.addEventListener('change', () => {
  drawMap().catch(fail);
  if (lastQuery) search(lastQuery).catch(fail);
});

upload.addEventListener('change', async () => {
  const file = upload.files?.[0];
  if (!file) return;
  try {
    const bitmap = await createImageBitmap(file);
    const s = Math.min(1, 512 / Math.max(bitmap.width, bitmap.height));
    const width = Math.max(1, Math.round(bitmap.width * s));
    const height = Math.max(1, Math.round(bitmap.height * s));
    const c = new OffscreenCanvas(width, height);
    const ctx = c.getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0, width, height);
    await search({ kind: 'photo', width, height, rgba: ctx.getImageData(0, 0, width, height).data });
  } catch (e) {
    fail(e);
  }
});

async function init(): Promise<void> {
  const r = await run({ op: 'init' });
  classes = r.classes;
  legend.replaceChildren(
    ...classes.map((name, k) => {
      const span = h('span', { style: `color:${PALETTE[k]};margin-right:8px;white-space:nowrap;display:inline-block` }, `■ ${name}`);
      return span;
    }),
  );
  // two garments of each class to pick from
  for (let k = 0; k < classes.length; k++) {
    for (let m = 0; m < 2; m++) {
      const i = r.labels.indexOf(k) + m;
      const b = h('button', {
        type: 'button',
        'data-index': String(i),
        title: classes[k],
        style: 'padding:0;border:0;background:none;cursor:pointer',
      });
      b.append(grayCanvas(r.images.subarray(i * 784, (i + 1) * 784), 28, 28, 2));
      b.addEventListener('click', () => void search({ kind: 'test', index: i }).catch(fail));
      picker.append(b);
    }
  }
  status.textContent = `Indexed ${r.trainCount.toLocaleString('en')} garments by pixels and Sobel edges in ${r.ms.toFixed(0)} ms. Pick a query.`;
  trainBtn.disabled = false;
  await drawMap();
  setState('ready');
}

init().catch(fail);
