/** Small controls for the search page: a labelled slider / select, a readout, a live runner, a worker client. */

function slider(label: string, opts: { min: number; max: number; step: number; value: number; id: string; format: (v: number) => string }) {
  const wrap = document.createElement('label');
  wrap.className = 'search-control';
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
  return { element: wrap, input, value: () => Number(input.value) };
}

function select<T extends string>(label: string, id: string, options: readonly (readonly [T, string])[], value: T) {
  const wrap = document.createElement('label');
  wrap.className = 'search-control';
  const el = document.createElement('select');
  el.id = id;
  for (const [v, text] of options) el.append(new Option(text, v, v === value, v === value));
  wrap.append(`${label} `, el);
  return { element: wrap, input: el, value: () => el.value as T };
}

function readout(id: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.className = 'search-readout';
  p.id = id;
  return p;
}

export const control = { slider, select, readout };

/** Run only the latest of overlapping requests: controls fire faster than the worker answers. */
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

/** A promise client for a module worker answering `{ id, ok, … }` messages. */
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
  }

  run(request: Req): Promise<Res> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...request, id });
    });
  }
}
