/**
 * Workers for browsers: module Web Workers. `new Worker(new URL('./browser-worker.js',
 * import.meta.url), { type: 'module' })` is the pattern Vite recognises and bundles.
 */
import type { Endpoint, Spawn } from './pool.js';
import type { TaskReply } from './protocol.js';

export const spawnBrowserWorker: Spawn = (events) => {
  const worker = new Worker(new URL('./browser-worker.js', import.meta.url), { type: 'module' });
  worker.onmessage = (event: MessageEvent<TaskReply>) => events.message(event.data);
  worker.onmessageerror = (event) => events.failure('sent a message that could not be read', event);
  worker.onerror = (event) => {
    event.preventDefault();
    events.failure(`threw an uncaught error: ${event.message}`, event);
  };
  const endpoint: Endpoint = {
    post: (request, transfer) => worker.postMessage(request, transfer),
    terminate: async () => worker.terminate(),
    setBusy() {},
  };
  return endpoint;
};
