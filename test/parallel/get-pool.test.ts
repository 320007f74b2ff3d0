import { afterAll, describe, expect, it } from 'vitest';
import { ArgumentError } from '../../src/core/errors.js';
import { createPool, destroyPools, getPool } from '../../src/parallel/get-pool.js';
import { InlinePool } from '../../src/parallel/inline-pool.js';
import { WorkerPool } from '../../src/parallel/pool.js';

afterAll(() => destroyPools());

describe('getPool', () => {
  it('getPool({ threads: 2 }) returns the same shared WorkerPool each time', async () => {
    const pool = getPool({ threads: 2 });
    expect(pool).toBeInstanceOf(WorkerPool);
    expect(pool.size).toBe(2);
    expect(getPool({ threads: 2 })).toBe(pool);
    expect(getPool({ threads: 3 })).not.toBe(pool);
    expect(await pool.run('test.echo', 'shared')).toBe('shared');
  });

  it('getPool({ threads: 1 }) is the shared InlinePool', () => {
    expect(getPool({ threads: 1 })).toBeInstanceOf(InlinePool);
    expect(getPool({ threads: 1 })).toBe(getPool({ threads: 1 }));
  });

  it('pool.destroy() on a shared pool makes getPool create a fresh one', async () => {
    const pool = getPool({ threads: 2 });
    await pool.destroy();
    const fresh = getPool({ threads: 2 });
    expect(fresh).not.toBe(pool);
    expect(await fresh.run('test.echo', 1)).toBe(1);
  });

  it('getPool() uses CONVOLAB_THREADS', () => {
    const saved = process.env.CONVOLAB_THREADS;
    process.env.CONVOLAB_THREADS = '1';
    try {
      expect(getPool().size).toBe(1);
    } finally {
      if (saved === undefined) delete process.env.CONVOLAB_THREADS;
      else process.env.CONVOLAB_THREADS = saved;
    }
  });

  it('getPool({ threads: 0 }) throws an ArgumentError naming threads', () => {
    expect(() => getPool({ threads: 0 })).toThrow(ArgumentError);
  });
});

describe('createPool', () => {
  it('createPool({ threads: 2 }) returns a new pool each time', async () => {
    const a = createPool({ threads: 2 });
    const b = createPool({ threads: 2 });
    expect(a).not.toBe(b);
    expect(a).not.toBe(getPool({ threads: 2 }));
    await Promise.all([a.destroy(), b.destroy()]);
  });
});

describe('destroyPools', () => {
  it('destroyPools() destroys every shared pool', async () => {
    const pool = getPool({ threads: 2 });
    await destroyPools();
    await expect(pool.run('test.echo', 1)).rejects.toThrow('the pool was destroyed');
  });
});
