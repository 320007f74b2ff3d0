/** Promise client for the convolution chapter's worker (worker.ts): one module worker, requests matched by id. */
import type { NDArray } from '../../../../src/core/ndarray.js';
import { fromWire, WorkerClient } from '../../worker-rpc.js';
import type { ImageRef, Job, Request, Result } from './protocol.js';

export interface Reply {
  arrays: Record<string, NDArray<'float32'>>;
  /** Milliseconds the worker spent computing (decode excluded). */
  ms: number;
  method?: string;
  /** [min, max] of the feature map (filter jobs). */
  range?: [number, number];
}

export class ConvWorker {
  private readonly client = new WorkerClient<Request, Result>(
    () => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'convolab-convolution' }),
    { label: 'convolution worker' },
  );

  async run(image: ImageRef, job: Job): Promise<Reply> {
    const ref = { ...image, url: new URL(image.url, location.href).href };
    const reply = await this.client.run({ image: ref, ...job } as Request);
    const arrays: Record<string, NDArray<'float32'>> = {};
    for (const [k, v] of Object.entries(reply.arrays)) arrays[k] = fromWire(v);
    return { arrays, ms: reply.ms, method: reply.method, range: reply.range };
  }
}

/** A few workers, each with its own copy of the image: the channels of a filter job run in parallel. */
export class ConvPool {
  readonly workers: ConvWorker[];

  constructor(size = Math.min(3, navigator.hardwareConcurrency || 2)) {
    this.workers = Array.from({ length: size }, () => new ConvWorker());
  }

  /** Decode the image in every worker; resolves with worker 0's copy [3, H, W]. */
  async load(image: ImageRef): Promise<NDArray<'float32'>> {
    const [first] = await Promise.all(this.workers.map((w, i) => w.run(image, { op: 'load', send: i === 0 })));
    return first.arrays.image;
  }

  /** One feature map per channel, channel c on worker c mod size. */
  filter(image: ImageRef, channels: number, job: Omit<Extract<Job, { op: 'filter' }>, 'channel' | 'op'>): Promise<Reply[]> {
    return Promise.all(
      Array.from({ length: channels }, (_, c) => this.workers[c % this.workers.length].run(image, { op: 'filter', channel: c, ...job })),
    );
  }
}

/**
 * Keep a live view in step with edits that arrive faster than the worker answers: at most one
 * run in flight; edits during a run mark it stale, and one more run follows with the latest state.
 */
export function coalesce<T>(task: () => Promise<T>, apply: (value: T) => void, onError: (e: Error) => void): () => void {
  let running = false;
  let stale = false;
  const start = (): void => {
    running = true;
    stale = false;
    task().then(
      (v) => finish(() => apply(v)),
      (e: Error) => finish(() => onError(e)),
    );
  };
  const finish = (report: () => void): void => {
    running = false;
    if (stale) start();
    else report();
  };
  return () => {
    if (running) stale = true;
    else start();
  };
}
