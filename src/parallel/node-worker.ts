/**
 * Entry of a Node worker thread (started by node-endpoint.ts from the built dist/parallel/).
 */
import { parentPort } from 'node:worker_threads';
import type { TaskRequest } from './protocol.js';
import { serve } from './worker-serve.js';

const port = parentPort;
if (port === null) throw new Error('node-worker.js must run in a worker thread');

port.on('message', (request: TaskRequest) => {
  void serve(
    request,
    (reply, transfer) => port.postMessage(reply, transfer as never),
    // In a worker, process.exit ends this thread only; the pool sees the 'exit' event.
    (_id, code) => process.exit(code),
  );
});
