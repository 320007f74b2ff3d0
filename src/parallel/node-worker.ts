/**
 * Entry of a Node worker thread (started by node-endpoint.ts from the built dist/parallel/).
 *
 * V8 leaves SharedArrayBuffer memory out of its collection heuristics, and a worker's heap is
 * small, so the views of fresh shared buffers that requests bring (a new output or input copy
 * per call) would keep those buffers mapped long after the caller dropped them. After every
 * 64 MB of shared buffers first seen here, the worker runs a full collection (a few ms on its
 * small heap).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parentPort } from 'node:worker_threads';
import type { TaskRequest } from './protocol.js';
import { serve } from './worker-serve.js';

const port = parentPort;
if (port === null) throw new Error('node-worker.js must run in a worker thread');

const COLLECT_AFTER_BYTES = 64 * 2 ** 20;
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as (() => void) | undefined;
const seen = new WeakSet<SharedArrayBuffer>();
let freshBytes = 0;

/** Bytes of the SharedArrayBuffers under `args` (its own views, and those of its arrays and objects, one level) not seen before. */
function newSharedBytes(args: unknown): number {
  let bytes = 0;
  const visit = (v: unknown): void => {
    if (!ArrayBuffer.isView(v) || !(v.buffer instanceof SharedArrayBuffer) || seen.has(v.buffer)) return;
    seen.add(v.buffer);
    bytes += v.buffer.byteLength;
  };
  if (args !== null && typeof args === 'object') {
    for (const v of Object.values(args)) {
      visit(v);
      if (Array.isArray(v)) for (const w of v) visit(w);
      else if (v !== null && typeof v === 'object' && !ArrayBuffer.isView(v)) for (const w of Object.values(v)) visit(w);
    }
  }
  return bytes;
}

port.on('message', async (request: TaskRequest) => {
  freshBytes += newSharedBytes(request.args);
  await serve(
    request,
    (reply, transfer) => port.postMessage(reply, transfer as never),
    // In a worker, process.exit ends this thread only; the pool sees the 'exit' event.
    (_id, code) => process.exit(code),
  );
  if (freshBytes >= COLLECT_AFTER_BYTES && collect !== undefined) {
    freshBytes = 0;
    collect();
  }
});
