/**
 * limitYoungGeneration sets a process-wide V8 flag, so each case runs in a child process (over the
 * built dist/): a worker thread that keeps a rolling window of objects alive while allocating
 * many more (what a long batch does) reports its new space size.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

const CHURN = `
const { getHeapSpaceStatistics } = require('node:v8');
let keep = [];
for (let i = 0; i < 2e6; i++) { keep.push({ i, s: 'x' + i }); if (keep.length > 20000) keep = keep.slice(10000); }
require('node:worker_threads').parentPort.postMessage(getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size);
`;

/** The new space (bytes) of a worker thread started after `limitYoungGeneration()` was called `calls` times. */
function workerNewSpace(calls: number): number {
  const module = pathToFileURL(join(ROOT, 'dist/batch/node/young-generation.js')).href;
  const script = `
    import { Worker } from 'node:worker_threads';
    const { limitYoungGeneration } = await import(${JSON.stringify(module)});
    for (let i = 0; i < ${calls}; i++) limitYoungGeneration();
    new Worker(${JSON.stringify(CHURN)}, { eval: true, execArgv: [] }).on('message', (m) => console.log(m));
  `;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 30_000 });
  if (r.status !== 0) throw new Error(`child exited with ${r.status}: ${r.stderr}`);
  return Number(r.stdout.trim());
}

describe('limitYoungGeneration', () => {
  it('limitYoungGeneration() keeps the new space of threads started after it at 1 MB semi-spaces (twice is once)', () => {
    const MB = 1024 * 1024;
    const free = workerNewSpace(0);
    const capped = workerNewSpace(2);
    expect(free).toBeGreaterThanOrEqual(8 * MB); // grown: V8 doubles it as objects survive
    expect(capped).toBeLessThanOrEqual(2 * MB);
  }, 60_000);
});
