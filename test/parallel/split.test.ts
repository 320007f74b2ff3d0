import { describe, expect, it } from 'vitest';
import { ArgumentError } from '../../src/core/errors.js';
import { parallelFor, splitRange } from '../../src/parallel/split.js';

describe('splitRange', () => {
  it('splitRange(10, 3) is [[0, 3], [3, 6], [6, 10]]', () => {
    expect(splitRange(10, 3)).toEqual([
      [0, 3],
      [3, 6],
      [6, 10],
    ]);
  });

  it('splitRange(2, 8) gives 2 chunks and splitRange(0, 4) none', () => {
    expect(splitRange(2, 8)).toEqual([
      [0, 1],
      [1, 2],
    ]);
    expect(splitRange(0, 4)).toEqual([]);
  });

  it('splitRange(n, parts, align) covers [0, n) in order with aligned, balanced chunks', () => {
    for (const [n, parts, align] of [
      [1, 1, 1],
      [97, 4, 1],
      [1000, 7, 4],
      [13, 5, 4],
      [1_000_003, 16, 64],
    ]) {
      const chunks = splitRange(n, parts, align);
      expect(chunks.length).toBe(Math.min(parts, Math.ceil(n / align)));
      expect(chunks[0][0]).toBe(0);
      expect(chunks.at(-1)?.[1]).toBe(n);
      const sizes = chunks.map(([s, e]) => e - s);
      for (let i = 1; i < chunks.length; i++) {
        expect(chunks[i][0]).toBe(chunks[i - 1][1]);
        expect(chunks[i][0] % align).toBe(0);
      }
      expect(Math.max(...sizes.slice(0, -1), 0) - Math.min(...sizes.slice(0, -1), Infinity)).toBeLessThanOrEqual(align);
      expect(Math.min(...sizes)).toBeGreaterThan(0);
    }
  });

  it('splitRange(-1, 2) and splitRange(4, 0) throw ArgumentErrors naming n and parts', () => {
    expect(() => splitRange(-1, 2)).toThrow(new ArgumentError('n: expected a non-negative integer, got -1', 'n'));
    expect(() => splitRange(4, 0)).toThrow(/^parts: /);
    expect(() => splitRange(4, 2, 0)).toThrow(/^align: /);
  });
});

describe('parallelFor', () => {
  it('parallelFor(10, 3, fn) calls fn once per chunk and returns the results in order', async () => {
    const calls: number[][] = [];
    const result = await parallelFor(10, 3, async (start, end, index) => {
      calls.push([start, end, index]);
      return end - start;
    });
    expect(result).toEqual([3, 3, 4]);
    expect(calls).toEqual([
      [0, 3, 0],
      [3, 6, 1],
      [6, 10, 2],
    ]);
  });

  it('parallelFor(10, 1, fn) makes one call over the whole range', async () => {
    expect(await parallelFor(10, 1, (s, e) => [s, e])).toEqual([[0, 10]]);
  });

  it('parallelFor(10, 0, fn) throws an ArgumentError naming threads', () => {
    expect(() => parallelFor(10, 0, () => 0)).toThrow(/^threads: /);
  });
});
