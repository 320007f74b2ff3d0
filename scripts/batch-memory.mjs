// Peak RSS of a local batch against its item count (issue #11: "flat at 20,000 items").
//   node scripts/batch-memory.mjs [--sizes 2000,5000,10000,20000] [--repeat 3] [--threads 2] [--child PATH]
// Writes max(sizes) distinct 16 × 16 PNGs once (in RSS_TMP, e.g. /dev/shm, else the temp folder), then
// runs each batch (gaussian:1, one output per input, journal, fsyncs) in a fresh process with
// test/batch/rss-child.mjs, sizes interleaved round by round so that a noisy neighbour hits them
// alike. Prints, per size, the median / min / max peak RSS, the ratio of medians to the first size,
// and the main thread's V8 heap after the batch. Runs the built dist/: build first.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '2000,5000,10000,20000' },
    repeat: { type: 'string', default: '3' },
    threads: { type: 'string', default: '2' },
    child: { type: 'string', default: join(ROOT, 'test/batch/rss-child.mjs') },
  },
});
const sizes = values.sizes.split(',').map(Number);
const repeat = Number(values.repeat);
const child = resolve(values.child);
const { writeTinyPngs } = await import(child);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const mb = (kb) => (kb / 1024).toFixed(1);

const dir = mkdtempSync(join(process.env.RSS_TMP ?? tmpdir(), 'convolab-batch-memory-'));
try {
  const all = writeTinyPngs(join(dir, 'in'), Math.max(...sizes)); // list-N.txt of every name
  const names = (await import('node:fs')).readFileSync(all, 'utf8').trim().split('\n');
  const runs = new Map(sizes.map((n) => [n, []]));
  for (const n of sizes) writeFileSync(join(dir, 'in', `first-${n}.txt`), `${names.slice(0, n).join('\n')}\n`);
  for (let r = 0; r < repeat; r++) {
    for (const n of sizes) {
      const p = spawnSync(process.execPath, [child, join(dir, 'in', `first-${n}.txt`), values.threads], { encoding: 'utf8' });
      if (p.status !== 0) throw new Error(`${child} ${n} exited with ${p.status}: ${p.stderr}`);
      const result = JSON.parse(p.stdout);
      runs.get(n).push(result);
      process.stderr.write(`round ${r + 1}: ${n} items, peak RSS ${mb(result.hwmKB)} MB, ${result.seconds} s\n`);
    }
  }
  const base = median(runs.get(sizes[0]).map((x) => x.hwmKB));
  console.log('| items | peak RSS median (min–max), MB | × first | main-thread heap, MB | items/s |');
  console.log('| ---: | ---: | ---: | ---: | ---: |');
  for (const n of sizes) {
    const rss = runs.get(n).map((x) => x.hwmKB);
    const heap = median(runs.get(n).map((x) => x.mainHeapKB));
    const rate = median(runs.get(n).map((x) => x.n / x.seconds));
    console.log(
      `| ${n} | ${mb(median(rss))} (${mb(Math.min(...rss))}–${mb(Math.max(...rss))}) | ${(median(rss) / base).toFixed(3)} | ${mb(heap)} | ${rate.toFixed(0)} |`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
