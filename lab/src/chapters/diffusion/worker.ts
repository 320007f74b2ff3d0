/** The tank chapter's module worker: computes all frames of a run and transfers them back. */
import { type TankJob, tankFrames } from './compute.js';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.addEventListener('message', (event: MessageEvent<TankJob & { id: number }>) => {
  const { id, ...job } = event.data;
  try {
    const t0 = performance.now();
    const frames = tankFrames(job);
    scope.postMessage({ id, ok: true, ...frames, ms: performance.now() - t0 }, [frames.explicit.buffer, frames.exact.buffer]);
  } catch (err) {
    scope.postMessage({ id, ok: false, error: err instanceof Error ? err.message : String(err) });
  }
});
