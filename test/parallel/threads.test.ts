import { afterEach, describe, expect, it } from 'vitest';
import { ArgumentError } from '../../src/core/errors.js';
import { defaultThreads, resolveThreads } from '../../src/parallel/threads.js';

const saved = process.env.CONVOLAB_THREADS;
afterEach(() => {
  if (saved === undefined) delete process.env.CONVOLAB_THREADS;
  else process.env.CONVOLAB_THREADS = saved;
});

describe('resolveThreads', () => {
  it('resolveThreads(4) is 4, resolveThreads(1) is 1', () => {
    expect(resolveThreads(4)).toBe(4);
    expect(resolveThreads(1)).toBe(1);
  });

  it.each([0, -2, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '2' as unknown as number])(
    'resolveThreads(%s) throws an ArgumentError naming threads',
    (bad) => {
      expect(() => resolveThreads(bad)).toThrow(ArgumentError);
      expect(() => resolveThreads(bad)).toThrow(/^threads: expected a positive integer, got /);
      try {
        resolveThreads(bad);
      } catch (e) {
        expect((e as ArgumentError).arg).toBe('threads');
      }
    },
  );

  it('resolveThreads(undefined) is defaultThreads()', () => {
    process.env.CONVOLAB_THREADS = '3';
    expect(resolveThreads(undefined)).toBe(3);
  });
});

describe('defaultThreads', () => {
  it('defaultThreads() reads CONVOLAB_THREADS', () => {
    process.env.CONVOLAB_THREADS = '6';
    expect(defaultThreads()).toBe(6);
  });

  it('defaultThreads() without CONVOLAB_THREADS is os.availableParallelism()', async () => {
    delete process.env.CONVOLAB_THREADS;
    const os = await import('node:os');
    expect(defaultThreads()).toBe(os.availableParallelism());
  });

  it('defaultThreads() with CONVOLAB_THREADS=abc throws an ArgumentError naming CONVOLAB_THREADS', () => {
    process.env.CONVOLAB_THREADS = 'abc';
    expect(() => defaultThreads()).toThrow("CONVOLAB_THREADS: expected a positive integer, got 'abc'");
    process.env.CONVOLAB_THREADS = '0';
    expect(() => defaultThreads()).toThrow(ArgumentError);
  });
});
