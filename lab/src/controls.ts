/**
 * The chapters' small controls: a labelled slider, select and integer input, a button, a readout,
 * prose, page tabs, and the panel every chapter page starts from. Styles in chapter.css (`lab-*`).
 */
import './chapter.css';
import { mountChapterPage } from './page.js';
import { latestOnly } from './worker-rpc.js';

export interface SliderOptions {
  min: number;
  max: number;
  step: number;
  value: number;
  id: string;
  /** The text shown beside the label for value v. */
  format: (v: number) => string;
}

/** `<label class="lab-control">label <output/> <input type=range/></label>`; the output follows the input. */
export function slider(label: string, opts: SliderOptions) {
  const wrap = document.createElement('label');
  wrap.className = 'lab-control';
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
  const show = () => {
    out.textContent = opts.format(Number(input.value));
  };
  input.addEventListener('input', show);
  show();
  head.append(`${label} `, out);
  wrap.append(head, input);
  return {
    element: wrap,
    input,
    value: () => Number(input.value),
    /** Move the slider to v (and its maximum to `max` when given) without firing input events. */
    set(v: number, max?: number) {
      if (max !== undefined) input.max = String(max);
      input.value = String(v);
      show();
    },
  };
}

/** `<label class="lab-control">label <select/></label>` over `[value, text]` options. */
export function select<T extends string>(label: string, id: string, options: readonly (readonly [T, string])[], value: T) {
  const wrap = document.createElement('label');
  wrap.className = 'lab-control';
  const el = document.createElement('select');
  el.id = id;
  for (const [v, text] of options) el.append(new Option(text, v, v === value, v === value));
  wrap.append(`${label} `, el);
  return { element: wrap, input: el, value: () => el.value as T };
}

/** A number input whose value() is rounded and clamped to [min, max] (0 when empty). */
export function integer(label: string, id: string, value: number, min: number, max: number) {
  const wrap = document.createElement('label');
  wrap.className = 'lab-int';
  const input = document.createElement('input');
  Object.assign(input, { type: 'number', id, min: String(min), max: String(max), step: '1', value: String(value) });
  wrap.append(label, input);
  return {
    element: wrap,
    input,
    value: () => Math.min(max, Math.max(min, Math.round(Number(input.value) || 0))),
    set(v: number) {
      input.value = String(v);
    },
  };
}

export function button(text: string, id: string, onClick: () => void): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.id = id;
  b.textContent = text;
  b.addEventListener('click', onClick);
  return b;
}

/** A paragraph for live numbers (tabular figures). */
export function readout(id: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.className = 'lab-readout';
  p.id = id;
  return p;
}

/** A paragraph of explanation. */
export function prose(text: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.className = 'lab-prose';
  p.textContent = text;
  return p;
}

/** Links between the pages of one chapter; the current one gets aria-current="page". */
export function tabs(pages: readonly (readonly [slug: string, title: string])[], current: string): HTMLElement {
  const nav = document.createElement('nav');
  nav.className = 'lab-tabs';
  nav.setAttribute('aria-label', 'Pages of this chapter');
  for (const [slug, title] of pages) {
    const a = document.createElement('a');
    a.href = `/chapters/${slug}.html`;
    a.textContent = title;
    if (slug === current) a.setAttribute('aria-current', 'page');
    nav.append(a);
  }
  return nav;
}

/** A `<div class=…>` holding `children` (a row or grid of figures). */
export function row(className: string, ...children: Node[]): HTMLDivElement {
  const div = document.createElement('div');
  div.className = className;
  div.append(...children);
  return div;
}

/** An empty `<figure class="chart-card" id=…>` for a chart drawn later. */
export function chartFigure(id: string): HTMLElement {
  const figure = document.createElement('figure');
  figure.className = 'chart-card';
  figure.id = id;
  return figure;
}

/** `<section class="panel" id=…>` with its side column (controls) and body (figures). */
export function panel(id: string, className = 'panel') {
  const element = document.createElement('section');
  element.className = className;
  element.id = id;
  const side = document.createElement('div');
  side.className = 'panel__side';
  const body = document.createElement('div');
  element.append(side, body);
  return { element, side, body };
}

/**
 * A chapter page (see page.ts) titled `title`, with optional tabs, and a panel `#rootId`
 * (data-state="pending") for the caller to fill and append to `main`.
 */
export function chapterPage(slug: string, title: string, rootId: string, pageTabs?: HTMLElement) {
  const { main } = mountChapterPage(slug);
  main.querySelector('h1')!.textContent = title;
  if (pageTabs) main.append(pageTabs);
  const root = panel(rootId);
  root.element.dataset.state = 'pending';
  return { main, ...root };
}

/**
 * A live view: run `task` on every call, `show` only the latest answer, and keep `root`'s
 * data-state ("pending" | "done" | "error") and data-runs (answers shown) in step; a failure's
 * message goes to `status`.
 */
export function liveRun<T>(root: HTMLElement, status: HTMLElement, task: () => Promise<T>, show: (value: T) => void): () => void {
  let runs = 0;
  return latestOnly(
    () => {
      root.dataset.state = 'pending';
      return task();
    },
    (value) => {
      show(value);
      root.dataset.runs = String(++runs);
      root.dataset.state = 'done';
    },
    (e) => {
      status.textContent = `Error: ${e.message}`;
      root.dataset.state = 'error';
    },
  );
}
