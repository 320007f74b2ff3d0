/**
 * Caps V8's young generation (1 MB semi-spaces) for the isolates created from now on: the batch's
 * own thread (local-thread.ts) and the pool's worker threads. Each item allocates many short-lived
 * objects (fs requests, promises, decode and encode buffers); V8 grows a young generation each
 * time enough of them have survived a scavenge, so over a long batch an uncapped one grows
 * towards 16 MB semi-spaces and holds ever more dead objects: the peak RSS then grows with the
 * item count. An isolate's limit is fixed when it is created, so this must run before the
 * threads start (the main thread's own limit cannot be changed: see local-thread.ts). Once per
 * process.
 */
import { setFlagsFromString } from 'node:v8';

let limited = false;

export function limitYoungGeneration(): void {
  if (limited) return;
  limited = true;
  setFlagsFromString('--max-semi-space-size=1');
}
