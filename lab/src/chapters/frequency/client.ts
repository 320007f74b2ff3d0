/**
 * Promise client for the frequency-domain worker, plus the small UI pieces the three chapters
 * share (a labelled slider, a select, a sample picker with upload).
 */
import { NDArray } from '../../../../src/core/ndarray.js';
import { SAMPLES } from '../../samples.js';
import type { Job, Request, Response, Source } from './protocol.js';

export interface Reply {
  arrays: Record<string, NDArray<'float32'>>;
  numbers: Record<string, number | number[]>;
  ms: number;
}

export class SpectrumWorker {
  private readonly worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'convolab-spectrum' });
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (r: Reply) => void; reject: (e: Error) => void }>();

  constructor() {
    this.worker.addEventListener('message', (event: MessageEvent<Response>) => {
      const reply = event.data;
      const waiter = this.pending.get(reply.id);
      if (!waiter) return;
      this.pending.delete(reply.id);
      if (!reply.ok) return waiter.reject(new Error(reply.error));
      const arrays: Record<string, NDArray<'float32'>> = {};
      for (const [k, v] of Object.entries(reply.arrays)) arrays[k] = new NDArray('float32', v.shape, v.data);
      waiter.resolve({ arrays, numbers: reply.numbers, ms: reply.ms });
    });
  }

  run(source: Source, job: Job): Promise<Reply> {
    const id = this.nextId++;
    const src = source.kind === 'url' ? { ...source, url: new URL(source.url, location.href).href } : source;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, source: src, ...job } as Request);
    });
  }
}

/** Run only the latest of overlapping requests: a slider fires faster than the worker answers. */
export function latestOnly<T>(task: () => Promise<T>, apply: (value: T) => void, onError: (e: Error) => void): () => void {
  let ticket = 0;
  return () => {
    const mine = ++ticket;
    task().then(
      (v) => mine === ticket && apply(v),
      (e: Error) => mine === ticket && onError(e),
    );
  };
}

export function slider(
  label: string,
  opts: { min: number; max: number; step: number; value: number; id: string; format: (v: number) => string },
) {
  const wrap = document.createElement('label');
  wrap.className = 'fd-control';
  const head = document.createElement('span');
  const out = document.createElement('output');
  const input = document.createElement('input');
  Object.assign(input, {
    type: 'range',
    min: String(opts.min),
    max: String(opts.max),
    step: String(opts.step),
    value: String(opts.value),
    id: opts.id,
  });
  const show = () => (out.textContent = opts.format(Number(input.value)));
  input.addEventListener('input', show);
  show();
  head.append(`${label} `, out);
  wrap.append(head, input);
  return { element: wrap, input, value: () => Number(input.value) };
}

export function select<T extends string>(label: string, id: string, options: readonly (readonly [T, string])[], value: T) {
  const wrap = document.createElement('label');
  wrap.className = 'fd-control';
  const el = document.createElement('select');
  el.id = id;
  for (const [v, text] of options) el.append(new Option(text, v, v === value, v === value));
  wrap.append(`${label} `, el);
  return { element: wrap, input: el, value: () => el.value as T };
}

/** Sample buttons (plus optional extra choices) and a file upload; calls `onPick` with the chosen source. */
export function sourcePicker(onPick: (source: Source, name: string) => void, extra: { name: string; source: () => Source }[] = []) {
  const wrap = document.createElement('div');
  wrap.className = 'samples';
  const buttons: HTMLButtonElement[] = [];
  const press = (b: HTMLButtonElement) => {
    for (const x of buttons) x.setAttribute('aria-pressed', String(x === b));
  };
  const add = (name: string, source: () => Source) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = name;
    b.dataset.source = name;
    b.addEventListener('click', () => {
      press(b);
      onPick(source(), name);
    });
    buttons.push(b);
    wrap.append(b);
  };
  for (const e of extra) add(e.name, e.source);
  for (const s of SAMPLES) add(s.name, () => ({ kind: 'url', url: `/samples/${s.file}` }));
  const file = document.createElement('input');
  file.type = 'file';
  file.accept = 'image/*';
  file.setAttribute('aria-label', 'Upload an image');
  let uploads = 0;
  file.addEventListener('change', async () => {
    const f = file.files?.[0];
    if (!f) return;
    const bitmap = await createImageBitmap(f);
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0);
    const { data, width, height } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
    const n = width * height;
    const planar = new Float32Array(3 * n);
    for (let i = 0; i < n; i++) for (let c = 0; c < 3; c++) planar[c * n + i] = data[4 * i + c];
    press(document.createElement('button'));
    onPick({ kind: 'pixels', key: String(++uploads), image: { shape: [3, height, width], data: planar } }, f.name);
  });
  wrap.append(file);
  return { element: wrap, click: (name: string) => buttons.find((b) => b.dataset.source === name)?.click() };
}

/** After the first send, refer to uploaded pixels by key only. */
export function sticky(source: Source): Source {
  return source.kind === 'pixels' ? { kind: 'pixels', key: source.key } : source;
}

/** Links between the three pages of chapter 3. */
export function chapterTabs(current: 'frequency' | 'filtering' | 'compression'): HTMLElement {
  const nav = document.createElement('nav');
  nav.className = 'fd-tabs';
  const pages = [
    ['frequency', '3a. Images in the frequency domain'],
    ['filtering', '3b. Filtering is multiplying spectra'],
    ['compression', '3c. Compression'],
  ] as const;
  for (const [slug, title] of pages) {
    const a = document.createElement('a');
    a.href = `/chapters/${slug}.html`;
    a.textContent = title;
    if (slug === current) a.setAttribute('aria-current', 'page');
    nav.append(a);
  }
  return nav;
}
