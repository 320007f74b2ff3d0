import { describe, expect, it } from 'vitest';
import { runCase, runJsAnchor } from '../../src/bench/run.js';
import type { Workload } from '../../src/bench/workload.js';

function counter(parallel: boolean): Workload<{ data: number[]; runs: number }> & { log: string[] } {
  const log: string[] = [];
  return {
    log,
    id: 'WT',
    description: 'test',
    params: ['n'],
    cases: [{ n: 4 }],
    parallel,
    setup: (params, { seed, threads }) => {
      log.push(`setup n=${params.n} seed=${seed} threads=${threads}`);
      return { data: [1, 2, 3], runs: 0 };
    },
    run: (s) => ++s.runs,
    teardown: (s) => void log.push(`teardown runs=${s.runs}`),
    work: (params) => ({ amount: Number(params.n) * 1000, unit: 'elem' }),
    anchors: [],
  };
}

describe('runCase', () => {
  it('runCase(w, { n: 4 }) sets up with seed and threads, warms up, times repeats, tears down', async () => {
    const w = counter(true);
    const r = await runCase(w, { n: 4 }, { seed: 7, threads: 3, repeats: 4, warmup: 2, warmupMs: 0 });
    expect(w.log).toEqual(['setup n=4 seed=7 threads=3', 'teardown runs=6']);
    expect(r).toMatchObject({ workload: 'WT', params: { n: 4 }, repeats: 4, threads: 3, throughput_unit: 'elem/s' });
    expect(r.samples_ms).toHaveLength(4);
    expect(r.throughput).toBeCloseTo(4000 / (r.median_ms / 1000), 6);
  });

  it('runCase of a serial workload reports 1 thread and defaults to 5 repeats', async () => {
    const r = await runCase(counter(false), { n: 4 }, { seed: 1, threads: 8 });
    expect(r.threads).toBe(1);
    expect(r.repeats).toBe(5);
  });
});

describe('runJsAnchor', () => {
  it('runJsAnchor times the prepared call and gives ratio = convolab / anchor', async () => {
    let calls = 0;
    const r = await runJsAnchor(
      { kind: 'js', name: 'peer', prepare: async () => () => ++calls },
      { n: 4 },
      { seed: 1, threads: 1, repeats: 3, warmup: 1, warmupMs: 0 },
      5,
    );
    expect(calls).toBe(4);
    expect(r.status).toBe('ok');
    if (r.status === 'ok') expect(r.ratio).toBeCloseTo(5 / r.median_ms, 9);
  });

  it('runJsAnchor of a PreparedAnchor { call, scale, runtime } multiplies its times by scale and marks them extrapolated', async () => {
    let calls = 0;
    const r = await runJsAnchor(
      { kind: 'js', name: 'slow', prepare: async () => ({ call: () => ++calls, scale: 1000, runtime: 'peer 1.0, 1/1000 of the case' }) },
      { n: 4 },
      { seed: 1, threads: 1, repeats: 3, warmup: 1, warmupMs: 0 },
      5,
    );
    expect(calls).toBe(4);
    expect(r).toMatchObject({ status: 'ok', extrapolated: 1000, runtime: 'peer 1.0, 1/1000 of the case' });
    if (r.status === 'ok') {
      expect(r.ratio).toBeCloseTo(5 / r.median_ms, 9);
      expect(r.min_ms).toBeLessThanOrEqual(r.median_ms);
    }
  });

  it('runJsAnchor of a package that does not import is "missing"', async () => {
    const name = 'no-such-package-convolab';
    const r = await runJsAnchor(
      { kind: 'js', name: 'ghost', prepare: async () => (await import(/* @vite-ignore */ name)).default },
      {},
      { seed: 1, threads: 1, repeats: 1 },
      1,
    );
    expect(r).toMatchObject({ name: 'ghost', status: 'missing' });
  });
});
