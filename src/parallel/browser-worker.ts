/**
 * Entry of a browser Web Worker (started by browser-endpoint.ts; Vite bundles it with the task table).
 */
import type { TaskRequest } from './protocol.js';
import { serve } from './worker-serve.js';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<TaskRequest>) => {
  void serve(
    event.data,
    (reply, transfer) => scope.postMessage(reply, transfer),
    // A worker that closes itself fires no event in the page: say so first.
    (id, code) => {
      scope.postMessage({ id, type: 'exit', code });
      scope.close();
    },
  );
};
