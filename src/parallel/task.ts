/**
 * What a task is, and how a worker (or the inline pool) runs one by name from the table in
 * `tasks.ts`. The same `runTask` runs on both sides, so 1 and N threads behave alike.
 */
import { ArgumentError, WorkerError } from '../core/errors.js';

/** What a running task can ask of the thread it runs on. */
export interface TaskContext {
  /** True when the task runs on the calling thread (a pool of 1 thread): nothing is copied. */
  readonly inline: boolean;
  /** Objects to transfer (not copy) back with the result, e.g. a result's ArrayBuffer. Ignored inline. */
  transfer(...objects: Transferable[]): void;
  /**
   * Ends the worker thread at once (`process.exit` in Node, `self.close` in a browser), as a crash
   * would. Inline it throws a WorkerError instead of ending the calling thread.
   */
  exit(code: number): never;
}

/** A task: arguments (structured-cloned; SharedArrayBuffers are shared) in, a result out. */
// biome-ignore lint/suspicious/noExplicitAny: each entry of the table declares its own argument type.
export type Task = (args: any, ctx: TaskContext) => unknown;

/** The task table: name → function. */
export type TaskTable = Readonly<Record<string, Task>>;

/** Runs `table[name](args, ctx)`; an unknown name is an ArgumentError naming `task`. */
export async function runTask(table: TaskTable, name: string, args: unknown, ctx: TaskContext): Promise<unknown> {
  const task = Object.hasOwn(table, name) ? table[name] : undefined;
  if (task === undefined) {
    throw new ArgumentError(`task: no task named '${name}' (known: ${Object.keys(table).join(', ')})`, 'task');
  }
  return await task(args, ctx);
}

/** The context of task `task` run on the calling thread. */
export function inlineContext(task: string): TaskContext {
  return {
    inline: true,
    transfer() {},
    exit(code: number): never {
      throw new WorkerError(`task '${task}' asked to end its thread (exit code ${code}); inline, the calling thread goes on`);
    },
  };
}
