#!/usr/bin/env node
/**
 * Search latency (workload W10, src/bench/workloads/w-search.ts) from the built dist/: one query
 * against 60,000 gallery embeddings, median of `--repeats` (default 21) after a warm-up.
 *
 *   npx tsc -p tsconfig.build.json && node scripts/search-eval-latency.mjs [--repeats 21]
 */
import { wSearch } from '../dist/bench/workloads/w-search.js';

const at = process.argv.indexOf('--repeats');
const repeats = at >= 0 ? Number(process.argv[at + 1]) : 21;
for (const params of wSearch.cases) {
  const state = await wSearch.setup(params, { seed: 1, threads: 1 });
  wSearch.run(state);
  const times = [];
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    wSearch.run(state);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const median = times[times.length >> 1];
  console.log(JSON.stringify({ workload: wSearch.id, ...params, median_ms: +median.toFixed(3), min_ms: +times[0].toFixed(3) }));
}
