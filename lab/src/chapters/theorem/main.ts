/**
 * Chapter 2, "The convolution theorem": a signal and a kernel, padded to a common length, their
 * spectra, the product of the spectra, and its inverse FFT beside the direct sliding sum. The
 * padding select switches between circular (no padding: the tail wraps around onto the start)
 * and linear convolution. #th-root gets data-state="done" and data-runs after each draw.
 */
import '../../styles.css';
import './chapter.css';
import { CHAPTERS } from '../../chapters.js';
import { chart } from '../../components/chart.js';
import { mountChapterPage } from '../../page.js';
import type { KernelName, Padding, SignalName, TheoremJob, TheoremResult } from './compute.js';

// the chapter list names this page 'fft' until it is renamed 'theorem'
const slug = CHAPTERS.some((c) => c.slug === 'theorem') ? 'theorem' : 'fft';
const { main } = mountChapterPage(slug);

// ---- the worker client ------------------------------------------------------------------------
type Reply = { id: number; ok: true; result: TheoremResult; ms: number } | { id: number; ok: false; error: string };
const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'convolab-theorem' });
let lastId = 0;
const waiting = new Map<number, (r: Reply) => void>();
worker.addEventListener('message', (e: MessageEvent<Reply>) => {
  waiting.get(e.data.id)?.(e.data);
  waiting.delete(e.data.id);
});
const run = (job: TheoremJob): Promise<Reply> =>
  new Promise((resolve) => {
    const id = ++lastId;
    waiting.set(id, resolve);
    worker.postMessage({ id, ...job });
  });

// ---- controls ---------------------------------------------------------------------------------
function control(label: string, input: HTMLInputElement | HTMLSelectElement, show?: () => string) {
  const wrap = document.createElement('label');
  wrap.className = 'th-control';
  const head = document.createElement('span');
  const out = document.createElement('output');
  head.append(`${label} `, out);
  const refresh = () => (out.textContent = show ? show() : '');
  input.addEventListener('input', refresh);
  refresh();
  wrap.append(head, input);
  return wrap;
}

function select(id: string, options: Array<[string, string]>, value: string): HTMLSelectElement {
  const s = document.createElement('select');
  s.id = id;
  for (const [v, text] of options) s.append(new Option(text, v, v === value, v === value));
  return s;
}

function range(id: string, min: number, max: number, step: number, value: number): HTMLInputElement {
  const r = document.createElement('input');
  Object.assign(r, { type: 'range', id, min: String(min), max: String(max), step: String(step), value: String(value) });
  return r;
}

const signalSel = select(
  'th-signal',
  [
    ['pulses', 'rectangular pulses'],
    ['steps', 'noisy steps'],
    ['chirp', 'chirp'],
  ],
  'pulses',
);
const kernelSel = select(
  'th-kernel',
  [
    ['decay', 'decaying echo'],
    ['box', 'box (moving average)'],
    ['gauss', 'Gaussian'],
  ],
  'decay',
);
const nRange = range('th-n', 32, 256, 16, 96);
const kRange = range('th-k', 2, 64, 1, 24);
const padSel = select(
  'th-pad',
  [
    ['linear', 'zero-pad to N + K − 1 (linear convolution)'],
    ['fast', 'zero-pad to a fast length ≥ N + K − 1'],
    ['none', 'no padding: length N (circular convolution)'],
  ],
  'linear',
);

// ---- layout -----------------------------------------------------------------------------------
const root = document.createElement('section');
root.className = 'panel';
root.id = 'th-root';
root.dataset.state = 'pending';
const side = document.createElement('div');
side.className = 'panel__side';
const intro = document.createElement('p');
intro.className = 'th-readout';
intro.textContent =
  'The DFT turns convolution into multiplication — but the convolution it computes is circular: the signal is read as one period ' +
  'of a repeating pattern, so whatever the kernel pushes past the end comes back in at the start. Pad both with zeros to at least ' +
  'N + K − 1 samples and there is nothing left to wrap: the inverse FFT of the product is the ordinary (linear) convolution.';
const readout = document.createElement('p');
readout.className = 'th-readout';
readout.id = 'th-readout';
readout.textContent = 'Computing…';
side.append(
  intro,
  control('Signal', signalSel),
  control('Kernel', kernelSel),
  control('Signal length N', nRange, () => nRange.value),
  control('Kernel length K', kRange, () => kRange.value),
  control('Padding', padSel),
  readout,
);

const steps = document.createElement('div');
steps.className = 'th-steps';
function step(id: string, title: string): { fig: HTMLElement; text: HTMLParagraphElement; charts: HTMLDivElement } {
  const fig = document.createElement('figure');
  fig.className = 'chart-card th-step';
  fig.id = id;
  const h = document.createElement('h3');
  h.textContent = title;
  const text = document.createElement('p');
  const charts = document.createElement('div');
  fig.append(h, text, charts);
  steps.append(fig);
  return { fig, text, charts };
}
const s1 = step('th-step-pad', '1 · Pad the signal and the kernel to one length L');
const s2 = step('th-step-spectra', '2 · Transform both: X = FFT(x), K = FFT(k)');
const s3 = step('th-step-product', '3 · Multiply the spectra bin by bin: Y = X · K');
const s4 = step('th-step-result', '4 · Transform back, beside the direct sliding sum');
s1.charts.className = 'pair';
const body = document.createElement('div');
body.append(steps);
root.append(side, body);
main.append(root);

// ---- drawing ----------------------------------------------------------------------------------
const idx = (n: number) => Array.from({ length: n }, (_, i) => i);
const fmt = (v: number) => (v === 0 ? '0' : Math.abs(v) < 1e-3 ? v.toExponential(1) : v.toPrecision(3));

function draw(job: TheoremJob, r: TheoremResult, ms: number): void {
  const { n, k } = job;
  const full = n + k - 1;
  const bins = r.magX.length;
  s1.text.textContent =
    `x has N = ${n} samples, k has K = ${k} taps; both get zeros up to L = ${r.L}` +
    (r.L === n
      ? ' — here none, so the kernel has nowhere to spill but back onto the start.'
      : ` (${r.L - n} after x, ${r.L - k} after k).`);
  s1.charts.replaceChildren(
    chart({ kind: 'bar', series: [{ label: 'x, padded', y: r.x, color: '#2f6fdf' }], xLabel: 'sample', width: 380, height: 220 }),
    chart({ kind: 'bar', series: [{ label: 'k, padded', y: r.kernel, color: '#e4572e' }], xLabel: 'sample', width: 380, height: 220 }),
  );
  s2.text.textContent = `A real signal of length ${r.L} has ${bins} independent frequency bins (the rest mirror them). Magnitudes, log scale.`;
  s2.charts.replaceChildren(
    chart({
      kind: 'line',
      series: [
        { label: '|X|', y: r.magX, color: '#2f6fdf' },
        { label: '|K|', y: r.magK, color: '#e4572e' },
      ],
      xLabel: 'frequency bin',
      logY: true,
      width: 720,
      height: 240,
    }),
  );
  s3.text.textContent = 'The kernel acts on each frequency on its own: |Y| = |X|·|K|, so the bins where |K| is small are damped.';
  s3.charts.replaceChildren(
    chart({
      kind: 'line',
      series: [
        { label: '|X|', y: r.magX, color: '#9db8ea' },
        { label: '|X·K|', y: r.magP, color: '#17a589' },
      ],
      xLabel: 'frequency bin',
      logY: true,
      width: 720,
      height: 240,
    }),
  );
  const ok = r.relError < 1e-9;
  s4.text.textContent = ok
    ? `The inverse FFT of the product matches the direct convolution on all ${full} outputs.`
    : `Without padding the FFT route gives only ${r.L} outputs, and its first ${Math.min(k - 1, r.L)} carry the last ${k - 1} outputs ` +
      `of the direct convolution wrapped around (the error below); those last ${full - r.L} are missing at the end.`;
  s4.charts.replaceChildren(
    chart({
      kind: 'line',
      series: [
        { label: 'direct (sliding sum)', y: r.direct, x: idx(full), color: '#34495e' },
        { label: 'inverse FFT of X·K', y: r.viaFft, x: idx(r.L), color: '#17a589' },
      ],
      xLabel: 'output sample',
      width: 720,
      height: 240,
    }),
    chart({
      kind: 'bar',
      series: [{ label: 'FFT route − direct', y: r.error, color: '#e4572e' }],
      xLabel: 'output sample',
      width: 720,
      height: 170,
    }),
  );
  readout.dataset.ok = String(ok);
  readout.replaceChildren();
  const strong = document.createElement('strong');
  strong.textContent = ok ? 'linear convolution recovered' : `wrap-around error on ${r.wrapped} of ${full} outputs`;
  readout.append(
    strong,
    ` — max |FFT − direct| = ${fmt(r.maxError)} (${fmt(r.relError)} of the peak). L = ${r.L}; ${ms.toFixed(1)} ms in the worker.`,
  );
}

let runs = 0;
let ticket = 0;
async function update(): Promise<void> {
  const mine = ++ticket;
  kRange.max = nRange.value; // the kernel is never longer than the signal
  const job: TheoremJob = {
    signal: signalSel.value as SignalName,
    kernel: kernelSel.value as KernelName,
    n: Number(nRange.value),
    k: Math.min(Number(kRange.value), Number(nRange.value)),
    padding: padSel.value as Padding,
    seed: 7,
  };
  root.dataset.state = 'pending';
  const reply = await run(job);
  if (mine !== ticket) return; // a newer request is on its way
  if (!reply.ok) {
    readout.textContent = `Error: ${reply.error}`;
    root.dataset.state = 'error';
    return;
  }
  draw(job, reply.result, reply.ms);
  root.dataset.padding = job.padding;
  root.dataset.runs = String(++runs);
  root.dataset.state = 'done';
}

for (const input of [signalSel, kernelSel, nRange, kRange, padSel]) input.addEventListener('input', () => void update());
void update();
