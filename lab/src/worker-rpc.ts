/**
 * One request / reply protocol for the lab's module workers, so each chapter writes only its handler.
 *
 *   page:    { ...request, id }                 → worker
 *   worker:  { ...reply, id, ok: true }         → page   (buffers named by `transfer()` are moved, not copied)
 *            { id, ok: false, error: message }  → page   (the request's promise rejects with Error(message))
 *
 *   // worker.ts
 *   serveWorker<Job, Reply>(async (job) => transfer(reply, [reply.data.buffer]));
 *   // page
 *   const worker = new WorkerClient<Job, Reply>(() => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' }));
 *   const reply = await worker.run(job);
 */
import { NDArray } from '../../src/core/ndarray.js';

/** An array on the wire: `{ shape, data }`, its buffer usually transferred. */
export interface WireArray {
  shape: number[];
  data: Float32Array;
}

export const toWire = (a: NDArray<'float32'>): WireArray => ({ shape: [...a.shape], data: a.data });
export const fromWire = (w: WireArray): NDArray<'float32'> => new NDArray('float32', w.shape, w.data);

/** What a worker posts back for request `id`. */
export type Envelope<Res> = ({ id: number; ok: true } & Res) | { id: number; ok: false; error: string };

/** A reply together with the buffers to move (not copy) to the page. Never list a buffer the worker keeps (a cache). */
export class Transfer<Res> {
  constructor(
    readonly value: Res,
    readonly list: Transferable[],
  ) {}
}

export const transfer = <Res>(value: Res, list: Transferable[]): Transfer<Res> => new Transfer(value, list);

/** The worker side of a port: a DedicatedWorkerGlobalScope, or a MessagePort in tests. */
export interface ServePort {
  postMessage(message: unknown, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

export type Handler<Req, Res> = (request: Req) => Res | Transfer<Res> | Promise<Res | Transfer<Res>>;

/** Answer every `{ ...request, id }` message with `handle(request)`, or with `{ ok: false, error }` when it throws. */
export function serveWorker<Req extends object, Res extends object>(
  handle: Handler<Req, Res>,
  port: ServePort = self as unknown as ServePort,
): void {
  port.addEventListener('message', async (event: MessageEvent<Req & { id: number }>) => {
    const { id, ...request } = event.data;
    try {
      const out = await handle(request as unknown as Req);
      const [value, list] = out instanceof Transfer ? [out.value, out.list] : [out, []];
      port.postMessage({ ...value, id, ok: true }, list);
    } catch (err) {
      port.postMessage({ id, ok: false, error: err instanceof Error ? err.message : String(err) }, []);
    }
  });
}

/** The page side of a worker: a Worker, or a MessagePort-backed stand-in in tests. */
export interface WorkerLike {
  postMessage(message: unknown, transfer: Transferable[]): void;
  addEventListener(type: 'message' | 'error', listener: (event: Event) => void): void;
  terminate(): void;
}

export interface ClientOptions {
  /** Only the newest request matters: a request while another is pending terminates the worker, rejects
   * what waits with Error("superseded") and starts a fresh worker (for jobs that can run for seconds). */
  restartWhenBusy?: boolean;
  /** Prefix of the error when the worker fails outside a request ("<label> failed: …"). */
  label?: string;
}

/** Promise client for a worker run by `serveWorker`: requests matched by id, errors rejected, restartable. */
export class WorkerClient<Req extends object, Res extends object> {
  private worker: WorkerLike | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (r: Res) => void; reject: (e: Error) => void }>();

  constructor(
    private readonly spawn: () => WorkerLike,
    private readonly options: ClientOptions = {},
  ) {
    this.worker = this.start();
  }

  /** Post `request` (moving the `transfer` buffers); resolves with the reply, rejects with the worker's error. */
  run(request: Req, transfer: Transferable[] = []): Promise<Res> {
    if (this.options.restartWhenBusy && this.pending.size > 0) this.restart(new Error('superseded'));
    this.worker ??= this.start();
    const worker = this.worker;
    const id = this.nextId++;
    return new Promise<Res>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ ...request, id }, transfer);
    });
  }

  /** How many requests wait for a reply. */
  get busy(): number {
    return this.pending.size;
  }

  /** Terminate the worker and reject what waits with `reason`; the next `run` starts a fresh worker. */
  restart(reason = new Error('worker restarted')): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.fail(reason);
  }

  terminate(): void {
    this.restart(new Error('worker terminated'));
  }

  private start(): WorkerLike {
    const worker = this.spawn();
    worker.addEventListener('message', (event) => {
      if (worker !== this.worker) return;
      const reply = (event as MessageEvent<Envelope<Res>>).data;
      const waiter = this.pending.get(reply.id);
      if (!waiter) return;
      this.pending.delete(reply.id);
      if (reply.ok) waiter.resolve(reply);
      else waiter.reject(new Error(reply.error));
    });
    // a worker that fails to load or throws outside a request answers nothing: fail what waits
    worker.addEventListener('error', (event) => {
      if (worker !== this.worker) return;
      const message = (event as ErrorEvent).message || 'could not load the worker script';
      this.fail(new Error(`${this.options.label ?? 'worker'} failed: ${message}`));
    });
    return worker;
  }

  private fail(error: Error): void {
    const waiters = [...this.pending.values()];
    this.pending.clear();
    for (const waiter of waiters) waiter.reject(error);
  }
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
