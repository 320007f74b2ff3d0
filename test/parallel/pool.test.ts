import { afterAll, describe, expect, it } from 'vitest';
import { AbortError, ArgumentError, WorkerError } from '../../src/core/errors.js';
import { createPool } from '../../src/parallel/get-pool.js';
import type { Pool } from '../../src/parallel/pool.js';

// These tests start real Node workers from dist/parallel/: run `npx tsc -p tsconfig.build.json` first.

/** A SharedArrayBuffer holding Float64Array [0, 1, …, n-1]. */
function sharedIota(n: number): SharedArrayBuffer {
  const buffer = new SharedArrayBuffer(8 * n);
  const x = new Float64Array(buffer);
  for (let i = 0; i < n; i++) x[i] = i;
  return buffer;
}

const pools: Pool[] = [];
function pool2(): Pool {
  const pool = createPool({ threads: 2 });
  pools.push(pool);
  return pool;
}
afterAll(async () => {
  await Promise.all(pools.map((p) => p.destroy()));
});

describe('WorkerPool', () => {
  it("pool.run('test.echo', args) returns a structured clone of args from a worker", async () => {
    const pool = pool2();
    expect(pool.size).toBe(2);
    expect(pool.inline).toBe(false);
    const args = { a: 1, b: [2.5, 'x'], c: new Float32Array([1, 2]) };
    expect(await pool.run('test.echo', args)).toEqual(args);
  });

  it("pool.map('test.sum', chunks) sums a SharedArrayBuffer over 2 workers", async () => {
    const pool = pool2();
    const n = 100_001;
    const buffer = sharedIota(n);
    const chunks = [0, 25_000, 50_000, 75_000, n];
    const sums = await pool.map<number>(
      'test.sum',
      chunks.slice(1).map((end, i) => ({ buffer, start: chunks[i], end })),
    );
    expect(sums).toEqual([312487500, 937487500, 1562487500, 2187587500]);
    expect(sums.reduce((a, b) => a + b)).toBe((n * (n - 1)) / 2);
  });

  it("pool.run('test.scale', …) writes into the shared buffer the caller sees", async () => {
    const pool = pool2();
    const buffer = sharedIota(10);
    await pool.map('test.scale', [
      { buffer, start: 0, end: 5, factor: 2 },
      { buffer, start: 5, end: 10, factor: -1 },
    ]);
    expect(Array.from(new Float64Array(buffer))).toEqual([0, 2, 4, 6, 8, -5, -6, -7, -8, -9]);
  });

  it("pool.run('test.iota', { n }) returns a transferred Float64Array", async () => {
    const result = await pool2().run<Float64Array>('test.iota', { n: 5 });
    expect(result).toBeInstanceOf(Float64Array);
    expect(Array.from(result)).toEqual([0, 1, 2, 3, 4]);
  });

  it('pool.run(task, args, { transfer }) moves the buffer to the worker', async () => {
    const data = new Float64Array([1, 2, 3]);
    const echoed = await pool2().run<Float64Array>('test.echo', data, { transfer: [data.buffer] });
    expect(data.byteLength).toBe(0); // detached here
    expect(Array.from(echoed)).toEqual([1, 2, 3]);
  });

  it("two pool.run('test.sleep', { ms: 300 }) on 2 threads take < 500 ms (they overlap)", async () => {
    const pool = pool2();
    await pool.map('test.echo', [1, 2]); // start both workers first
    const t0 = performance.now();
    expect(await pool.map('test.sleep', [{ ms: 300 }, { ms: 300 }])).toEqual([300, 300]);
    const ms = performance.now() - t0;
    expect(ms).toBeGreaterThanOrEqual(295);
    expect(ms).toBeLessThan(500);
  });

  it("pool.run('test.crash') rejects only its task with a WorkerError; queued tasks complete", async () => {
    const pool = pool2();
    const runs = [
      pool.run('test.sleep', { ms: 50 }),
      pool.run('test.crash', { code: 7 }),
      pool.run('test.echo', 'a'),
      pool.run('test.echo', 'b'),
      pool.run('test.echo', 'c'),
    ];
    const settled = await Promise.allSettled(runs);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'fulfilled']);
    const crash = (settled[1] as PromiseRejectedResult).reason;
    expect(crash).toBeInstanceOf(WorkerError);
    expect(crash.code).toBe('E_WORKER');
    expect(crash.message).toBe("worker exited with code 7 while running task 'test.crash'");
    expect(settled.slice(2).map((s) => (s as PromiseFulfilledResult<string>).value)).toEqual(['a', 'b', 'c']);
    // The pool replaced the worker: both threads still run at once.
    await pool.map('test.echo', [1, 2]);
    const t0 = performance.now();
    await pool.map('test.sleep', [{ ms: 200 }, { ms: 200 }]);
    expect(performance.now() - t0).toBeLessThan(350);
  });

  it("pool.run('test.trap') rejects only its task with a WorkerError naming the trap", async () => {
    const pool = pool2();
    const settled = await Promise.allSettled([pool.run('test.trap'), pool.run('test.echo', 1), pool.run('test.echo', 2)]);
    expect(settled[0].status).toBe('rejected');
    const trap = (settled[0] as PromiseRejectedResult).reason;
    expect(trap).toBeInstanceOf(WorkerError);
    expect(trap.message).toBe("task 'test.trap' trapped: RuntimeError: unreachable");
    expect(trap.cause).toBeInstanceOf(Error);
    expect(settled.slice(1)).toEqual([
      { status: 'fulfilled', value: 1 },
      { status: 'fulfilled', value: 2 },
    ]);
    expect(await pool.run('test.sum', { buffer: sharedIota(4), start: 0, end: 4 })).toBe(6);
  });

  it("pool.run('test.throw') rethrows convolab errors as themselves and others as WorkerError", async () => {
    const pool = pool2();
    const argument = await pool.run('test.throw', { kind: 'argument' }).catch((e: unknown) => e);
    expect(argument).toBeInstanceOf(ArgumentError);
    expect(argument).toMatchObject({ code: 'E_ARGUMENT', arg: 'x', message: 'x: expected a positive number, got -1' });
    const other = await pool.run('test.throw', { kind: 'type' }).catch((e: unknown) => e);
    expect(other).toBeInstanceOf(WorkerError);
    expect((other as Error).message).toBe("task 'test.throw' threw: TypeError: not a function");
  });

  it("pool.run('no.such.task') rejects with an ArgumentError naming task", async () => {
    const error = await pool2()
      .run('no.such.task')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArgumentError);
    expect(error).toMatchObject({ arg: 'task' });
    expect((error as Error).message).toMatch(/^task: no task named 'no.such.task' \(known: test.echo, /);
  });

  it('pool.run(task, args) with uncloneable args rejects with an ArgumentError naming args', async () => {
    const pool = pool2();
    const error = await pool.run('test.echo', { f: () => 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArgumentError);
    expect(error).toMatchObject({ arg: 'args' });
    expect(await pool.run('test.echo', 5)).toBe(5);
  });

  it('pool.run(task, args, { signal }) with a queued task: abort removes it, the others complete', async () => {
    const pool = pool2();
    const busy = pool.map('test.sleep', [{ ms: 300 }, { ms: 300 }]);
    const controller = new AbortController();
    const queued = pool.run('test.echo', 'never', { signal: controller.signal });
    const t0 = performance.now();
    controller.abort(new Error('user cancelled'));
    const error = await queued.catch((e: unknown) => e);
    expect(performance.now() - t0).toBeLessThan(100);
    expect(error).toBeInstanceOf(AbortError);
    expect(error).toMatchObject({ code: 'E_ABORT', message: "task 'test.echo' was aborted" });
    expect((error as Error).cause).toEqual(new Error('user cancelled'));
    expect(await busy).toEqual([300, 300]);
  });

  it('pool.run(task, args, { signal }) with a running task: abort terminates its worker, the pool goes on', async () => {
    const pool = pool2();
    const controller = new AbortController();
    const t0 = performance.now();
    const running = pool.run('test.sleep', { ms: 10_000 }, { signal: controller.signal });
    const other = pool.run('test.sleep', { ms: 200 });
    setTimeout(() => controller.abort(), 100);
    await expect(running).rejects.toBeInstanceOf(AbortError);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(await other).toBe(200);
    expect(await pool.map('test.echo', [1, 2, 3])).toEqual([1, 2, 3]);
  });

  it('pool.run(task, args, { signal }) with an aborted signal rejects at once', async () => {
    const error = await pool2()
      .run('test.echo', 1, { signal: AbortSignal.abort() })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
  });

  it('pool.destroy() rejects running and queued tasks with a WorkerError, and later runs', async () => {
    const pool = createPool({ threads: 2 });
    const runs = [0, 1, 2].map(() => pool.run('test.sleep', { ms: 5_000 }).catch((e: unknown) => e));
    await new Promise((r) => setTimeout(r, 50));
    await pool.destroy();
    const errors = await Promise.all(runs);
    for (const e of errors) expect(e).toBeInstanceOf(WorkerError);
    expect((errors[0] as Error).message).toBe("task 'test.sleep': the pool was destroyed while it ran");
    expect((errors[2] as Error).message).toBe("task 'test.sleep': the pool was destroyed before it ran");
    await expect(pool.run('test.echo', 1)).rejects.toThrow("task 'test.echo': the pool was destroyed");
  });
});

describe('WorkerPool with many tasks', () => {
  it("pool.map('test.echo', 40 args, { signal }) completes, then an abort rejects a 40-task map", async () => {
    const pool = pool2();
    const warnings: string[] = [];
    const onWarning = (w: Error) => void warnings.push(w.name);
    process.on('warning', onWarning);
    try {
      const controller = new AbortController();
      const args = Array.from({ length: 40 }, (_, i) => i);
      expect(await pool.map('test.echo', args, { signal: controller.signal })).toEqual(args);
      const sleeping = pool.map(
        'test.sleep',
        args.map(() => ({ ms: 50 })),
        { signal: controller.signal },
      );
      controller.abort();
      await expect(sleeping).rejects.toBeInstanceOf(AbortError);
      expect(await pool.run('test.echo', 'ok')).toBe('ok');
      await new Promise((r) => setTimeout(r, 10));
      expect(warnings).toEqual([]);
    } finally {
      process.off('warning', onWarning);
    }
  });
});
