/**
 * A pool of worker threads running named tasks (see tasks.ts), independent of the platform:
 * node-endpoint.ts and browser-endpoint.ts supply `Spawn`. Workers start lazily, one per queued
 * task up to `size`. A worker that crashes or traps rejects only its own task with a
 * WorkerError and is replaced (on demand); an aborted queued task leaves the queue, an aborted
 * running task's worker is terminated and replaced.
 */
import { AbortError, ArgumentError, WorkerError } from '../core/errors.js';
import { onAbort } from './on-abort.js';
import { deserializeError, type TaskReply, type TaskRequest } from './protocol.js';

export interface RunOptions {
  /** Cancels the task: it rejects with an AbortError. */
  signal?: AbortSignal;
  /** Objects in `args` to transfer (move) to the worker instead of copying. Ignored inline. */
  transfer?: Transferable[];
}

/** The interface shared by the worker pool and the inline pool (threads = 1). */
export interface Pool {
  /** Number of threads (1 for the inline pool). */
  readonly size: number;
  /** True when tasks run on the calling thread. */
  readonly inline: boolean;
  /** Runs `tasks[task](args)` on a free thread; resolves with its result. */
  run<R = unknown>(task: string, args?: unknown, options?: RunOptions): Promise<R>;
  /** Runs one task per element of `argsList`; resolves with the results in order. */
  map<R = unknown>(task: string, argsList: readonly unknown[], options?: { signal?: AbortSignal }): Promise<R[]>;
  /** Rejects queued and running tasks with a WorkerError and ends every worker. */
  destroy(): Promise<void>;
}

/** What a platform's worker must report back to the pool. */
export interface EndpointEvents {
  message(reply: TaskReply): void;
  /** The worker died (exit, uncaught error, unreadable message); `reason` completes "worker …". */
  failure(reason: string, cause?: unknown): void;
}

/** One worker thread, as the pool sees it. */
export interface Endpoint {
  post(request: TaskRequest, transfer: Transferable[]): void;
  terminate(): Promise<void>;
  /** Busy workers keep a Node process alive; idle ones do not. No-op in browsers. */
  setBusy(busy: boolean): void;
}

export type Spawn = (events: EndpointEvents) => Endpoint;

/** The AbortError a task rejects with when `signal` fires. */
export function abortError(signal: AbortSignal, task: string): AbortError {
  return new AbortError(`task '${task}' was aborted`, { cause: signal.reason });
}

interface Job {
  id: number;
  task: string;
  args: unknown;
  transfer: Transferable[];
  resolve(result: unknown): void;
  reject(error: Error): void;
  /** Removes the abort listener. */
  detach(): void;
}

interface Slot {
  endpoint: Endpoint;
  job: Job | undefined;
  retired: boolean;
}

export class WorkerPool implements Pool {
  readonly inline = false;
  private readonly slots = new Set<Slot>();
  private readonly queue: Job[] = []; // FIFO
  private nextId = 1;
  private destroyed = false;

  constructor(
    readonly size: number,
    private readonly spawn: Spawn,
    private readonly onDestroy?: () => void,
  ) {}

  run<R = unknown>(task: string, args?: unknown, options: RunOptions = {}): Promise<R> {
    const { signal, transfer = [] } = options;
    if (this.destroyed) return Promise.reject(new WorkerError(`task '${task}': the pool was destroyed`));
    if (signal?.aborted) return Promise.reject(abortError(signal, task));
    return new Promise<R>((resolve, reject) => {
      const job: Job = { id: this.nextId++, task, args, transfer, resolve: resolve as (r: unknown) => void, reject, detach() {} };
      if (signal !== undefined) job.detach = onAbort(signal, () => this.abort(job, signal));
      this.queue.push(job);
      this.pump();
    });
  }

  map<R = unknown>(task: string, argsList: readonly unknown[], options: { signal?: AbortSignal } = {}): Promise<R[]> {
    return Promise.all(argsList.map((args) => this.run<R>(task, args, options)));
  }

  async destroy(): Promise<void> {
    if (this.destroyed) return;
    this.destroyed = true;
    this.onDestroy?.();
    for (const job of this.queue.splice(0)) settle(job, new WorkerError(`task '${job.task}': the pool was destroyed before it ran`));
    const ending: Promise<void>[] = [];
    for (const slot of [...this.slots]) {
      const job = slot.job;
      ending.push(this.retire(slot));
      if (job !== undefined) settle(job, new WorkerError(`task '${job.task}': the pool was destroyed while it ran`));
    }
    await Promise.all(ending);
  }

  /** Hands queued jobs to idle workers, starting workers up to `size`. */
  private pump(): void {
    while (this.queue.length > 0) {
      let slot: Slot | undefined;
      try {
        slot = this.idleSlot();
      } catch (error) {
        settle(this.queue.shift()!, error instanceof Error ? error : new WorkerError(String(error)));
        continue;
      }
      if (slot === undefined) return;
      const job = this.queue.shift()!;
      slot.job = job;
      slot.endpoint.setBusy(true);
      try {
        slot.endpoint.post({ id: job.id, task: job.task, args: job.args }, job.transfer);
        job.args = undefined; // the worker has its copy
      } catch (error) {
        // DataCloneError: the arguments cannot be sent; the worker itself is fine.
        slot.job = undefined;
        slot.endpoint.setBusy(false);
        const message = error instanceof Error ? error.message : String(error);
        settle(job, new ArgumentError(`args: task '${job.task}' cannot be sent to a worker: ${message}`, 'args', { cause: error }));
      }
    }
  }

  private idleSlot(): Slot | undefined {
    for (const slot of this.slots) if (slot.job === undefined) return slot;
    if (this.slots.size >= this.size) return undefined;
    const slot: Slot = { endpoint: undefined as unknown as Endpoint, job: undefined, retired: false };
    slot.endpoint = this.spawn({
      message: (reply) => {
        if (!slot.retired) this.onReply(slot, reply);
      },
      failure: (reason, cause) => {
        if (!slot.retired) this.onFailure(slot, reason, cause);
      },
    });
    this.slots.add(slot);
    return slot;
  }

  private onReply(slot: Slot, reply: TaskReply): void {
    const job = slot.job;
    if (job === undefined || job.id !== reply.id) return;
    if (reply.type === 'exit') {
      this.onFailure(slot, `exited with code ${reply.code}`);
      return;
    }
    slot.job = undefined;
    slot.endpoint.setBusy(false);
    if (reply.type === 'result') {
      settle(job, undefined, reply.result);
    } else {
      // After a WebAssembly trap the worker's wasm state is suspect: replace the worker.
      if (reply.error.trap) void this.retire(slot);
      settle(job, deserializeError(reply.error, job.task));
    }
    this.pump();
  }

  private onFailure(slot: Slot, reason: string, cause?: unknown): void {
    const job = slot.job;
    void this.retire(slot);
    if (job !== undefined) settle(job, new WorkerError(`worker ${reason} while running task '${job.task}'`, { cause }));
    this.pump();
  }

  private abort(job: Job, signal: AbortSignal): void {
    const queued = this.queue.indexOf(job);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
      settle(job, abortError(signal, job.task));
      return;
    }
    for (const slot of this.slots) {
      if (slot.job !== job) continue;
      void this.retire(slot);
      settle(job, abortError(signal, job.task));
      this.pump();
      return;
    }
  }

  /** Takes a worker out of the pool and ends it; its later events are ignored. */
  private retire(slot: Slot): Promise<void> {
    slot.retired = true;
    slot.job = undefined;
    this.slots.delete(slot);
    return slot.endpoint.terminate().catch(() => {});
  }
}

function settle(job: Job, error: Error | undefined, result?: unknown): void {
  job.detach();
  if (error !== undefined) job.reject(error);
  else job.resolve(result);
}
