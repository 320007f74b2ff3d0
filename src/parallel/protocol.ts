/**
 * Messages between a pool and its workers, and how a task's error crosses the thread boundary:
 * convolab's own errors come back as the same class (code, arg, message); a WebAssembly trap or
 * any other error comes back as a WorkerError naming the task.
 */
import {
  AbortError,
  ArgumentError,
  ConvolabError,
  DecodeError,
  DTypeError,
  IOError,
  LimitError,
  ShapeError,
  WorkerError,
} from '../core/errors.js';

/** Pool → worker: run `task` with `args`. */
export interface TaskRequest {
  id: number;
  task: string;
  args: unknown;
}

/** Worker → pool: the task's result, its error, or (browser) notice that the worker is ending. */
export type TaskReply =
  | { id: number; type: 'result'; result: unknown }
  | { id: number; type: 'error'; error: SerializedError }
  | { id: number; type: 'exit'; code: number };

/** An error as plain data. `trap` marks a WebAssembly trap (the worker is then replaced). */
export interface SerializedError {
  name: string;
  message: string;
  code: string | undefined;
  arg: string | undefined;
  stack: string | undefined;
  trap: boolean;
}

export function serializeError(error: unknown): SerializedError {
  const e = error instanceof Error ? error : new Error(String(error));
  return {
    name: e.name,
    message: e.message,
    code: e instanceof ConvolabError ? e.code : undefined,
    arg: e instanceof ConvolabError ? e.arg : undefined,
    stack: e.stack,
    trap: e instanceof WebAssembly.RuntimeError,
  };
}

type ArgErrorClass = new (message: string, arg?: string) => ConvolabError;
// By `code`, not `name`: a minifier renames classes (and so `name`) differently in each bundle.
const WITH_ARG: Record<string, ArgErrorClass> = {
  E_ARGUMENT: ArgumentError,
  E_SHAPE: ShapeError,
  E_DTYPE: DTypeError,
  E_DECODE: DecodeError,
  E_LIMIT: LimitError,
  E_IO: IOError,
};

/** Rebuilds a serialized error on the pool's side (see `taskError` for the mapping). */
export function deserializeError(e: SerializedError, task: string): Error {
  const remote = Object.assign(new Error(e.message), { name: e.name, stack: e.stack });
  const code = e.code ?? '';
  const Cls = Object.hasOwn(WITH_ARG, code) ? WITH_ARG[code] : undefined;
  if (Cls !== undefined) return new Cls(e.message, e.arg);
  if (code === 'E_WORKER') return new WorkerError(e.message, { cause: remote });
  if (code === 'E_ABORT') return new AbortError(e.message, { cause: remote });
  return foreignError(task, e.name, e.message, e.trap, remote);
}

/** The error a task's throw becomes, inline (no crossing): the same mapping as `deserializeError`. */
export function taskError(error: unknown, task: string): Error {
  if (error instanceof ConvolabError) return error;
  const e = error instanceof Error ? error : new Error(String(error));
  return foreignError(task, e.name, e.message, e instanceof WebAssembly.RuntimeError, e);
}

function foreignError(task: string, name: string, message: string, trap: boolean, cause: Error): WorkerError {
  const what = trap ? 'trapped' : 'threw';
  return new WorkerError(`task '${task}' ${what}: ${name}: ${message}`, { cause });
}
