/**
 * Promise client for lab.worker.ts: one module worker per page, requests matched by id.
 *
 *   const worker = new LabWorker();
 *   const { image, result, ms } = await worker.run({ op: 'edges', url: '/samples/chelsea.png' });
 */
import type { NDArray } from '../../src/index.js';
import { fromWire, WorkerClient } from './worker-rpc.js';
import type { LabRequest, LabResult as Wire } from './workers/protocol.js';

export interface LabResult {
  image: NDArray<'float32'>;
  result: NDArray<'float32'>;
  /** Milliseconds spent computing (decode excluded). */
  ms: number;
}

export class LabWorker {
  private readonly client = new WorkerClient<LabRequest, Wire>(
    () => new Worker(new URL('./workers/lab.worker.ts', import.meta.url), { type: 'module', name: 'convolab-lab' }),
    { label: 'lab worker' },
  );

  async run(body: LabRequest): Promise<LabResult> {
    const reply = await this.client.run({ ...body, url: new URL(body.url, location.href).href });
    return { image: fromWire(reply.image), result: fromWire(reply.result), ms: reply.ms };
  }

  terminate(): void {
    this.client.terminate();
  }
}
