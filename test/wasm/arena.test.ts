import { describe, expect, it } from 'vitest';
import { LimitError } from '../../src/core/index.js';
import { ALIGN, Arena } from '../../src/wasm/arena.js';

const PAGE = 65536;

describe('Arena', () => {
  it('arena.reserve(bytes) grows memory only for a request larger than any before', () => {
    const memory = new WebAssembly.Memory({ initial: 1 });
    const arena = new Arena(memory, 1024);
    expect(arena.reserve(1000)).toBe(1024);
    expect(memory.buffer.byteLength).toBe(PAGE);
    arena.reserve(3 * PAGE);
    expect(memory.buffer.byteLength).toBe(4 * PAGE); // 1024 + 3 pages needs 4 pages
    arena.reserve(2 * PAGE);
    arena.reserve(3 * PAGE);
    expect(memory.buffer.byteLength).toBe(4 * PAGE);
    expect(arena.capacity).toBe(4 * PAGE - 1024);
  });
  it('arena.layout([5, 16, 1]) returns consecutive 16-byte-aligned offsets above base', () => {
    const arena = new Arena(new WebAssembly.Memory({ initial: 1 }), 64);
    expect(arena.layout([5, 16, 1])).toEqual([64, 64 + ALIGN, 64 + 2 * ALIGN]);
  });
  it('arena.reserve(bytes) throws a LimitError for a negative or impossible size', () => {
    const arena = new Arena(new WebAssembly.Memory({ initial: 1 }), 0);
    expect(() => arena.reserve(-1)).toThrow(LimitError);
    expect(() => arena.reserve(2 ** 33)).toThrow(/exceeds WebAssembly's 4 GiB/);
  });
});
