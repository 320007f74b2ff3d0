/**
 * runLocal's memory: the peak RSS of a batch must not grow with the item count. Each batch runs
 * in a child process (test/batch/rss-child.mjs, over the built dist/) so that its peak RSS is its
 * own; the same 8,000 tiny PNGs serve N = 2,000 and 4N = 8,000 items through two manifests.
 * What grew before (188 MB at 20,000 items against 105 MB at 2,000) was the main thread's young
 * generation, which V8 enlarges as ever more short-lived objects survive a scavenge: at 8,000
 * items the peak RSS hardly showed it yet, the main thread's new space did (8 → 16 MB). So the
 * test checks both: the peak RSS, and that the main thread's new space grows at most once.
 * (The 20,000-item figures: scripts/batch-memory.mjs, docs/batch.md.)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NDArray } from '../../../src/core/ndarray.js';
import { encodePng } from '../../../src/io/png.js';
import { ROOT } from '../helpers.js';

const N = 2000;
// tmpfs when there is one: the batch fsyncs every output, which a shared disk makes slow and noisy
const TMP = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
const dir = mkdtempSync(join(TMP, 'convolab-rss-test-'));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `count` distinct 16 × 16 gray PNGs, 100 to a folder; writes manifests of the first `n` for each of `sizes`. */
function writeInputs(count: number, sizes: number[]): void {
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const folder = `d${Math.floor(i / 100)}`;
    if (i % 100 === 0) mkdirSync(join(dir, folder), { recursive: true });
    const a = new NDArray('float32', [1, 16, 16]);
    let s = ((i + 1) * 2654435761) >>> 0 || 1;
    for (let k = 0; k < a.data.length; k++) {
      s ^= s << 13;
      s ^= s >>> 17;
      s ^= s << 5;
      a.data[k] = (s >>> 0) % 256;
    }
    writeFileSync(join(dir, folder, `p${i}.png`), encodePng(a));
    names.push(`${folder}/p${i}.png`);
  }
  for (const n of sizes) writeFileSync(join(dir, `list-${n}.txt`), `${names.slice(0, n).join('\n')}\n`);
}

interface RssResult {
  n: number;
  done: number;
  failed: number;
  seconds: number;
  /** VmHWM: the child's own peak (its maxRssKB survives execve: it starts at this test runner's peak). */
  hwmKB: number;
  mainHeapKB: number;
  newSpaceBeforeKB: number;
  newSpaceAfterKB: number;
  samples: [number, number][];
}

function measure(n: number): RssResult {
  const r = spawnSync(process.execPath, [join(ROOT, 'test/batch/rss-child.mjs'), join(dir, `list-${n}.txt`), '2'], {
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, RSS_TMP: TMP },
  });
  if (r.status !== 0) throw new Error(`rss-child.mjs ${n} exited with ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout) as RssResult;
}

describe('runLocal memory', () => {
  it('runLocal(4N tiny items, 2 threads) has the peak RSS of runLocal(N items) within 10%, and the main thread young generation at most doubles once', () => {
    writeInputs(4 * N, [N, 4 * N]);
    const small = measure(N);
    const large = measure(4 * N);
    expect([small.n, small.done, small.failed]).toEqual([N, N, 0]);
    expect([large.n, large.done, large.failed]).toEqual([4 * N, 4 * N, 0]);
    const growth = large.hwmKB / small.hwmKB;
    console.info(
      `peak RSS: ${N} items ${(small.hwmKB / 1024).toFixed(1)} MB, ${4 * N} items ${(large.hwmKB / 1024).toFixed(1)} MB (×${growth.toFixed(3)}); ` +
        `main new space ${small.newSpaceBeforeKB} → ${small.newSpaceAfterKB} KB and ${large.newSpaceBeforeKB} → ${large.newSpaceAfterKB} KB`,
    );
    expect(growth).toBeLessThan(1.1);
    // the batch runs on its own thread: the main thread's young generation does not grow with the
    // item count. One doubling is allowed: V8 doubles new space once enough bytes have survived its
    // scavenges since the last doubling, whatever the cause, and under the load of the full test
    // suite the 8,000-item run did so once (4 → 8 MB) in 2 of ~10 runs, its peak RSS still within 3%.
    // A loop on the main thread grew it with every few thousand items (8 → 16 → 32 MB).
    expect(small.newSpaceAfterKB).toBeLessThanOrEqual(2 * small.newSpaceBeforeKB);
    expect(large.newSpaceAfterKB).toBeLessThanOrEqual(2 * large.newSpaceBeforeKB);
  }, 120_000);
});
