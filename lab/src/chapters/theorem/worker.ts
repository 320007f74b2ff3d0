/** The convolution theorem chapter's module worker: one theorem() run per message, arrays transferred back. */
import { type TheoremJob, theorem } from './compute.js';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.addEventListener('message', (event: MessageEvent<TheoremJob & { id: number }>) => {
  const { id, ...job } = event.data;
  try {
    const t0 = performance.now();
    const r = theorem(job);
    const buffers = [r.x, r.kernel, r.magX, r.magK, r.magP, r.viaFft, r.direct, r.error].map((a) => a.buffer);
    scope.postMessage({ id, ok: true, result: r, ms: performance.now() - t0 }, buffers);
  } catch (err) {
    scope.postMessage({ id, ok: false, error: err instanceof Error ? err.message : String(err) });
  }
});
