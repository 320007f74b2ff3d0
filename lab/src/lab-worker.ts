/**
 * Promise client for lab.worker.ts: one module worker per page, requests matched by id.
 *
 *   const worker = new LabWorker();
 *   const { image, result, ms } = await worker.run({ op: 'edges', url: '/samples/chelsea.png' });
 */
import { type NDArray, ndarray } from '../../src/index.js';
import type { LabRequest, LabResponse } from './workers/protocol.js';

type Body = LabRequest extends infer R ? (R extends LabRequest ? Omit<R, 'id'> : never) : never;

export interface LabResult {
  image: NDArray<'float32'>;
  result: NDArray<'float32'>;
  /** Milliseconds spent computing (decode excluded). */
  ms: number;
}

export class LabWorker {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (r: LabResult) => void; reject: (e: Error) => void }>();

  constructor() {
    this.worker = new Worker(new URL('./workers/lab.worker.ts', import.meta.url), { type: 'module', name: 'convolab-lab' });
    this.worker.addEventListener('message', (event: MessageEvent<LabResponse>) => {
      const reply = event.data;
      const waiter = this.pending.get(reply.id);
      if (!waiter) return;
      this.pending.delete(reply.id);
      if (!reply.ok) waiter.reject(new Error(reply.error));
      else
        waiter.resolve({
          image: ndarray('float32', reply.image.shape, reply.image.data),
          result: ndarray('float32', reply.result.shape, reply.result.data),
          ms: reply.ms,
        });
    });
    this.worker.addEventListener('error', (event) => {
      const error = new Error(`lab worker failed: ${event.message}`);
      for (const waiter of this.pending.values()) waiter.reject(error);
      this.pending.clear();
    });
  }

  run(body: Body): Promise<LabResult> {
    const id = this.nextId++;
    const url = new URL(body.url, location.href).href;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...body, url, id } as LabRequest);
    });
  }

  terminate(): void {
    this.worker.terminate();
  }
}
