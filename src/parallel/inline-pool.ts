/**
 * The pool of one thread: tasks run on the calling thread, with no worker, no copy of the
 * arguments and the same errors as the worker pool, so 1-thread results are identical and cheap.
 */
import { WorkerError } from '../core/errors.js';
import { onAbort } from './on-abort.js';
import { abortError, type Pool, type RunOptions } from './pool.js';
import { taskError } from './protocol.js';
import { inlineContext, runTask, type TaskTable } from './task.js';

let table: Promise<TaskTable> | undefined;
/** Loaded on first use, so that modules listed in the table may import the pool without a cycle. */
function loadTasks(): Promise<TaskTable> {
  table ??= import('./tasks.js').then((m) => m.tasks);
  return table;
}

export class InlinePool implements Pool {
  readonly size = 1;
  readonly inline = true;
  private destroyed = false;

  constructor(private readonly onDestroy?: () => void) {}

  async run<R = unknown>(task: string, args?: unknown, options: RunOptions = {}): Promise<R> {
    const { signal } = options;
    if (this.destroyed) throw new WorkerError(`task '${task}': the pool was destroyed`);
    if (signal?.aborted) throw abortError(signal, task);
    const running = runTask(await loadTasks(), task, args, inlineContext(task)).catch((error: unknown) => {
      throw taskError(error, task);
    }) as Promise<R>;
    if (signal === undefined) return running;
    // A task on the calling thread cannot be stopped; an abort rejects at once and drops its result.
    return new Promise<R>((resolve, reject) => {
      const detach = onAbort(signal, () => reject(abortError(signal, task)));
      running.then(resolve, reject).finally(detach);
    });
  }

  map<R = unknown>(task: string, argsList: readonly unknown[], options: { signal?: AbortSignal } = {}): Promise<R[]> {
    return Promise.all(argsList.map((args) => this.run<R>(task, args, options)));
  }

  async destroy(): Promise<void> {
    if (this.destroyed) return;
    this.destroyed = true;
    this.onDestroy?.();
  }
}
