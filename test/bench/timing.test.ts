import { describe, expect, it } from 'vitest';
import { median, timeCalls } from '../../src/bench/timing.js';

describe('median', () => {
  it('median([3, 1, 2]) is 2 and median([4, 1, 3, 2]) is 2.5', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('median([]) throws naming values', () => {
    expect(() => median([])).toThrow(/values/);
  });
});

describe('timeCalls', () => {
  it('timeCalls(fn, { warmup: 2, warmupMs: 0, repeats: 3 }) calls fn 5 times and returns 3 samples', async () => {
    let calls = 0;
    const done: number[] = [];
    const t = await timeCalls(() => ++calls, { warmup: 2, warmupMs: 0, repeats: 3, onSample: (d) => done.push(d) });
    expect(calls).toBe(5);
    expect(t.samples_ms).toHaveLength(3);
    expect(done).toEqual([1, 2, 3]);
    expect(t.median_ms).toBe(median(t.samples_ms));
    expect(t.min_ms).toBe(Math.min(...t.samples_ms));
  });

  it('timeCalls(fn, { warmup: 1, warmupMs: 30 }) keeps warming up for 30 ms', async () => {
    let warm = 0;
    const t0 = performance.now();
    await timeCalls(() => ++warm, { warmup: 1, warmupMs: 30, repeats: 1 });
    expect(performance.now() - t0).toBeGreaterThanOrEqual(30);
    expect(warm).toBeGreaterThan(2);
  });

  it('timeCalls(fn, { warmup: 0 }) does not warm up at all', async () => {
    let calls = 0;
    await timeCalls(() => ++calls, { warmup: 0, repeats: 2 });
    expect(calls).toBe(2);
  });

  it('timeCalls awaits an async call inside the timed region', async () => {
    const t = await timeCalls(() => new Promise((r) => setTimeout(r, 20)), { warmup: 0, repeats: 1 });
    expect(t.median_ms).toBeGreaterThanOrEqual(15);
  });

  it('timeCalls stops with an AbortError once the signal fires', async () => {
    const controller = new AbortController();
    let calls = 0;
    const p = timeCalls(
      () => {
        if (++calls === 3) controller.abort();
      },
      { warmup: 0, repeats: 100, signal: controller.signal },
    );
    await expect(p).rejects.toMatchObject({ code: 'E_ABORT' });
    expect(calls).toBe(3);
  });

  it('timeCalls(fn, { repeats: 0 }) throws naming repeats', async () => {
    await expect(timeCalls(() => 0, { repeats: 0 })).rejects.toThrow(/repeats/);
  });
});
