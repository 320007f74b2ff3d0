/**
 * Promise client for the frequency-domain worker, plus the pieces the three chapters share (a
 * sample picker with upload, tabs, the page scaffold). Controls come from controls.ts.
 */
import type { NDArray } from '../../../../src/core/ndarray.js';
import { chapterPage, tabs } from '../../controls.js';
import { SAMPLES } from '../../samples.js';
import { fromWire, toWire, WorkerClient } from '../../worker-rpc.js';
import { rgbaToPlanar } from '../../workers/decode.js';
import type { Job, Request, Result, Source } from './protocol.js';
import './chapter.css';

export interface Reply {
  arrays: Record<string, NDArray<'float32'>>;
  numbers: Record<string, number | number[]>;
  ms: number;
}

export class SpectrumWorker {
  private readonly client = new WorkerClient<Request, Result>(
    () => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'convolab-spectrum' }),
  );

  async run(source: Source, job: Job): Promise<Reply> {
    const src = source.kind === 'url' ? { ...source, url: new URL(source.url, location.href).href } : source;
    const reply = await this.client.run({ source: src, ...job } as Request);
    const arrays: Record<string, NDArray<'float32'>> = {};
    for (const [k, v] of Object.entries(reply.arrays)) arrays[k] = fromWire(v);
    return { arrays, numbers: reply.numbers, ms: reply.ms };
  }
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
    press(document.createElement('button'));
    onPick({ kind: 'pixels', key: String(++uploads), image: toWire(rgbaToPlanar(data, width, height)) }, f.name);
  });
  wrap.append(file);
  return { element: wrap, click: (name: string) => buttons.find((b) => b.dataset.source === name)?.click() };
}

/** After the first send, refer to uploaded pixels by key only. */
export function sticky(source: Source): Source {
  return source.kind === 'pixels' ? { kind: 'pixels', key: source.key } : source;
}

const PAGES = [
  ['frequency', '3a. Images in the frequency domain'],
  ['filtering', '3b. Filtering is multiplying spectra'],
  ['compression', '3c. Compression'],
] as const;

/** One of the three pages of chapter 3: title, tabs, and the #fd-root panel (see controls.ts chapterPage). */
export function frequencyPage(current: (typeof PAGES)[number][0]) {
  const title = PAGES.find(([slug]) => slug === current)![1];
  return chapterPage('frequency', title, 'fd-root', tabs(PAGES, current));
}
