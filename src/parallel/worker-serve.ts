/**
 * The body of a worker thread, shared by node-worker.ts and browser-worker.ts: run one request
 * from the task table and post its result or its error back.
 */
import { WorkerError } from '../core/errors.js';
import { serializeError, type TaskReply, type TaskRequest } from './protocol.js';
import type { TaskContext } from './task.js';
import { runTask } from './task.js';
import { tasks } from './tasks.js';

export type Post = (reply: TaskReply, transfer: Transferable[]) => void;

/** Ends the thread at once (`process.exit` / `self.close`), telling the pool if it cannot tell itself. */
export type EndThread = (id: number, code: number) => void;

export async function serve(request: TaskRequest, post: Post, endThread: EndThread): Promise<void> {
  const { id, task } = request;
  const transfer: Transferable[] = [];
  let ended = false;
  const ctx: TaskContext = {
    inline: false,
    transfer: (...objects) => void transfer.push(...objects),
    exit(code: number): never {
      ended = true;
      endThread(id, code);
      throw new WorkerError(`task '${task}' ended its thread with code ${code}`);
    },
  };
  let reply: TaskReply;
  try {
    reply = { id, type: 'result', result: await runTask(tasks, task, request.args, ctx) };
  } catch (error) {
    reply = { id, type: 'error', error: serializeError(error) };
    transfer.length = 0;
  }
  if (ended) return;
  try {
    post(reply, transfer);
  } catch (error) {
    // DataCloneError: the result cannot be sent back.
    const message = error instanceof Error ? error.message : String(error);
    const failure = new WorkerError(`task '${task}' returned a result that cannot be sent back: ${message}`);
    post({ id, type: 'error', error: serializeError(failure) }, []);
  }
}
