import { describe, expect, it } from 'vitest';
import { AbortError, ArgumentError, WorkerError } from '../../src/core/errors.js';
import { createPool } from '../../src/parallel/get-pool.js';
import { InlinePool } from '../../src/parallel/inline-pool.js';

describe('InlinePool', () => {
  it('createPool({ threads: 1 }) is the inline pool of size 1', () => {
    const pool = createPool({ threads: 1 });
    expect(pool).toBeInstanceOf(InlinePool);
    expect(pool.size).toBe(1);
    expect(pool.inline).toBe(true);
  });

  it("pool.run('test.echo', args) returns args itself (nothing is copied)", async () => {
    const args = { a: [1, 2] };
    expect(await new InlinePool().run('test.echo', args)).toBe(args);
  });

  it("pool.map('test.sum', …) gives the same sums as 2 workers", async () => {
    const buffer = new SharedArrayBuffer(8 * 1001);
    const x = new Float64Array(buffer);
    for (let i = 0; i < x.length; i++) x[i] = Math.sin(i) * 1e3;
    const argsList = [0, 333, 667].map((start, i) => ({ buffer, start, end: [333, 667, 1001][i] }));
    const inline = await new InlinePool().map<number>('test.sum', argsList);
    const workers = createPool({ threads: 2 });
    try {
      expect(await workers.map<number>('test.sum', argsList)).toEqual(inline);
    } finally {
      await workers.destroy();
    }
    let expected = 0;
    for (let i = 0; i < 333; i++) expected += x[i];
    expect(inline[0]).toBe(expected);
  });

  it("pool.run('test.throw' | 'test.trap' | 'test.crash') gives the worker pool's errors, the thread goes on", async () => {
    const pool = new InlinePool();
    await expect(pool.run('test.throw', { kind: 'argument' })).rejects.toMatchObject({ name: 'ArgumentError', arg: 'x' });
    await expect(pool.run('test.throw', { kind: 'type' })).rejects.toThrow(
      new WorkerError("task 'test.throw' threw: TypeError: not a function"),
    );
    await expect(pool.run('test.trap')).rejects.toThrow(new WorkerError("task 'test.trap' trapped: RuntimeError: unreachable"));
    const crash = await pool.run('test.crash', { code: 5 }).catch((e: unknown) => e);
    expect(crash).toBeInstanceOf(WorkerError);
    expect((crash as Error).message).toMatch(/^task 'test.crash' asked to end its thread \(exit code 5\)/);
    expect(await pool.run('test.echo', 9)).toBe(9);
  });

  it("pool.run('nope') rejects with an ArgumentError naming task", async () => {
    await expect(new InlinePool().run('nope')).rejects.toBeInstanceOf(ArgumentError);
  });

  it('pool.run(task, args, { signal }) rejects with an AbortError when aborted before or during the task', async () => {
    const pool = new InlinePool();
    await expect(pool.run('test.echo', 1, { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(AbortError);
    const controller = new AbortController();
    const t0 = performance.now();
    const running = pool.run('test.sleep', { ms: 2_000 }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(running).rejects.toThrow("task 'test.sleep' was aborted");
    expect(performance.now() - t0).toBeLessThan(500);
  });

  it('pool.destroy() makes later runs reject with a WorkerError', async () => {
    const pool = new InlinePool();
    await pool.destroy();
    await expect(pool.run('test.echo', 1)).rejects.toBeInstanceOf(WorkerError);
  });
});
