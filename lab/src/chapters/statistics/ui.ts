/** Small controls for the statistics chapter: a labelled slider, select, number input, button, and a promise client for the worker. */
import './chapter.css';

export function slider(
  label: string,
  opts: { min: number; max: number; step: number; value: number; id: string; format: (v: number) => string },
) {
  const wrap = document.createElement('label');
  wrap.className = 'st-control';
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
    set(v: number, max?: number) {
      if (max !== undefined) input.max = String(max);
      input.value = String(v);
      show();
    },
  };
}

export function select<T extends string>(label: string, id: string, options: readonly (readonly [T, string])[], value: T) {
  const wrap = document.createElement('label');
  wrap.className = 'st-control';
  const el = document.createElement('select');
  el.id = id;
  for (const [v, text] of options) el.append(new Option(text, v, v === value, v === value));
  wrap.append(`${label} `, el);
  return { element: wrap, input: el, value: () => el.value as T };
}

export function integer(label: string, id: string, value: number, min: number, max: number) {
  const wrap = document.createElement('label');
  wrap.className = 'st-int';
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

export function readout(id: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.className = 'st-readout';
  p.id = id;
  return p;
}

export function prose(text: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.className = 'st-prose';
  p.textContent = text;
  return p;
}

/** A captioned card holding a chart that is replaced on every redraw. */
export function card(id: string, caption: string) {
  const fig = document.createElement('figure');
  fig.className = 'chart-card st-card';
  fig.id = id;
  const cap = document.createElement('figcaption');
  cap.textContent = caption;
  fig.append(cap);
  return {
    element: fig,
    caption: cap,
    show(svg: SVGSVGElement) {
      fig.querySelector('svg')?.remove();
      fig.insertBefore(svg, cap);
    },
  };
}

/** Run only the latest of overlapping requests: a slider fires faster than the worker answers. */
export function latestOnly<T>(task: () => Promise<T>, apply: (value: T) => void, onError: (e: Error) => void): () => void {
  let ticket = 0;
  return () => {
    const mine = ++ticket;
    task().then(
      (v) => {
        if (mine === ticket) apply(v);
      },
      (e: Error) => {
        if (mine === ticket) onError(e);
      },
    );
  };
}

/** A promise client for a module worker answering `{ id, ok, error?, … }`. */
export class WorkerClient<Req extends object, Res extends object> {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (r: Res) => void; reject: (e: Error) => void }>();

  constructor(private readonly worker: Worker) {
    worker.addEventListener('message', (event: MessageEvent<{ id: number; ok: boolean; error?: string } & Res>) => {
      const reply = event.data;
      const waiter = this.pending.get(reply.id);
      if (!waiter) return;
      this.pending.delete(reply.id);
      if (!reply.ok) waiter.reject(new Error(reply.error));
      else waiter.resolve(reply);
    });
    worker.addEventListener('error', (event: ErrorEvent) => {
      const error = new Error(`worker failed: ${event.message || 'could not load the worker script'}`);
      for (const waiter of this.pending.values()) waiter.reject(error);
      this.pending.clear();
    });
  }

  run(request: Req): Promise<Res> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...request, id });
    });
  }
}

/**
 * A worker for one job at a time where only the newest job matters: a new job while one runs
 * terminates that worker (an ARIMA fit of a large order can take many seconds) and starts afresh.
 * The superseded promise rejects with "superseded".
 */
export class RestartingWorker<Req extends object, Res extends object> {
  private worker: Worker | undefined;
  private busy: { reject: (e: Error) => void } | undefined;
  private nextId = 1;

  constructor(private readonly spawn: () => Worker) {}

  run(request: Req): Promise<Res> {
    if (this.busy) {
      this.worker?.terminate();
      this.worker = undefined;
      this.busy.reject(new Error('superseded'));
      this.busy = undefined;
    }
    if (!this.worker) this.worker = this.spawn();
    const worker = this.worker;
    const id = this.nextId++;
    return new Promise<Res>((resolve, reject) => {
      const done = () => {
        worker.removeEventListener('message', onMessage);
        worker.removeEventListener('error', onError);
        this.busy = undefined;
      };
      const onMessage = (event: MessageEvent<{ id: number; ok: boolean; error?: string } & Res>) => {
        if (event.data.id !== id) return;
        done();
        if (event.data.ok) resolve(event.data);
        else reject(new Error(event.data.error));
      };
      const onError = (event: ErrorEvent) => {
        done();
        reject(new Error(`worker failed: ${event.message || 'could not load the worker script'}`));
      };
      worker.addEventListener('message', onMessage);
      worker.addEventListener('error', onError);
      this.busy = { reject };
      worker.postMessage({ ...request, id });
    });
  }
}
