import { describe, expect, it } from 'vitest';
import { giveScratch, takeScratch } from '../../src/fft/scratch.js';

describe('scratch', () => {
  it('takeScratch(n) returns n scalars and reuses a returned buffer', () => {
    const a = takeScratch(100);
    expect(a.length).toBe(100);
    giveScratch(a);
    const b = takeScratch(60);
    expect(b.length).toBe(60);
    expect(b.buffer).toBe(a.buffer);
    const c = takeScratch(60); // the pooled one is taken: a fresh buffer
    expect(c.buffer).not.toBe(b.buffer);
    giveScratch(b);
    giveScratch(c);
  });
});
