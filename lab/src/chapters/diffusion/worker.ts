/** The tank chapter's module worker: computes all frames of a run and transfers them back. */
import { serveWorker, transfer } from '../../worker-rpc.js';
import { type TankFrames, type TankJob, tankFrames } from './compute.js';

serveWorker<TankJob, TankFrames & { ms: number }>((job) => {
  const t0 = performance.now();
  const frames = tankFrames(job);
  return transfer({ ...frames, ms: performance.now() - t0 }, [frames.explicit.buffer, frames.exact.buffer]);
});
