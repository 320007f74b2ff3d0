// The peak RSS of a local batch of tiny PNGs (test/batch/node/local-memory.test.ts, and by hand):
//   node test/batch/rss-child.mjs N [THREADS]          generates N 16 × 16 PNGs, then measures the batch in a fresh process
//   node test/batch/rss-child.mjs LIST.txt [THREADS]   runs the batch over a manifest
// prints one JSON line { n, threads, done, failed, seconds, maxRssKB, hwmKB, beforeKB, mainHeapKB, newSpaceBeforeKB,
// newSpaceAfterKB, samples: [[items, rssKB]] } (mainHeapKB: the main thread's V8 heap after the batch, heapTotal;
// newSpace*: the main thread's young generation before and after the batch). Runs the built dist/ (as the CLI
// does): build first. RSS_TMP picks the temporary folder (e.g. /dev/shm).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getHeapSpaceStatistics } from 'node:v8';
import { inputSource } from '../../dist/batch/node/inputs.js';
import { runLocal } from '../../dist/batch/node/local.js';
import { parseRecipe } from '../../dist/batch/recipe.js';
import { NDArray } from '../../dist/core/ndarray.js';
import { encodePng } from '../../dist/io/png.js';
import { destroyPools } from '../../dist/parallel/get-pool.js';

/** Writes `n` distinct 16 × 16 gray PNGs, 100 to a folder (`d0/p0.png`…), and a manifest of them; returns its path. */
export function writeTinyPngs(dir, n) {
  const lines = [];
  for (let i = 0; i < n; i++) {
    const rel = `d${Math.floor(i / 100)}/p${i}.png`;
    if (i % 100 === 0) mkdirSync(join(dir, `d${Math.floor(i / 100)}`), { recursive: true });
    const a = new NDArray('float32', [1, 16, 16]);
    let s = ((i + 1) * 2654435761) >>> 0 || 1;
    for (let k = 0; k < a.data.length; k++) {
      s ^= s << 13;
      s ^= s >>> 17;
      s ^= s << 5;
      a.data[k] = (s >>> 0) % 256;
    }
    writeFileSync(join(dir, rel), encodePng(a));
    lines.push(rel);
  }
  const manifest = join(dir, `list-${n}.txt`);
  writeFileSync(manifest, `${lines.join('\n')}\n`);
  return manifest;
}

const hwm = () => Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0);
const rss = () => Math.round(process.memoryUsage.rss() / 1024);
const newSpace = () => Math.round((getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.space_size ?? 0) / 1024);

async function main() {
  const arg = process.argv[2] ?? '2000';
  const threads = Number(process.argv[3] ?? 2);
  const root = mkdtempSync(join(process.env.RSS_TMP ?? tmpdir(), 'convolab-rss-'));
  try {
    if (/^\d+$/.test(arg)) {
      // generate here, measure in a fresh process (generating would leave its garbage in this one)
      const manifest = writeTinyPngs(join(root, 'in'), Number(arg));
      const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), manifest, String(threads)], { stdio: 'inherit' });
      process.exitCode = r.status ?? 1;
      return;
    }
    const manifest = resolve(arg);
    const n = readFileSync(manifest, 'utf8').trim().split('\n').length;
    const samples = [];
    let next = 0;
    const beforeKB = rss();
    const newSpaceBeforeKB = newSpace();
    const summary = await runLocal({
      recipe: parseRecipe({ steps: [{ step: 'filter', options: { kernel: 'gaussian:1' } }] }),
      input: await inputSource(manifest, root),
      outDir: join(root, 'out'),
      threads,
      onProgress: (c) => {
        const k = c.done + c.failed + c.skipped;
        if (k >= next) {
          samples.push([k, rss()]);
          next += Math.max(1, Math.floor(n / 10));
        }
      },
    });
    const result = {
      n,
      threads,
      done: summary.done,
      failed: summary.failed,
      seconds: Math.round(summary.seconds * 10) / 10,
      maxRssKB: process.resourceUsage().maxRSS,
      hwmKB: hwm(),
      beforeKB,
      mainHeapKB: Math.round(process.memoryUsage().heapTotal / 1024),
      newSpaceBeforeKB,
      newSpaceAfterKB: newSpace(),
      samples,
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await destroyPools();
    rmSync(root, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
