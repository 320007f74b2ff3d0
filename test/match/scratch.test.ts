import { describe, expect, it } from 'vitest';
import { clearBuffers, giveBuffer, takeBuffer } from '../../src/match/scratch.js';

describe('takeBuffer', () => {
  it('takeBuffer(n) hands back a given buffer of enough length, and never the same one twice', () => {
    clearBuffers();
    const a = takeBuffer(100);
    expect(a.length).toBe(100);
    giveBuffer(a);
    const b = takeBuffer(60);
    expect(b.length).toBe(60);
    expect(b.buffer).toBe(a.buffer); // reused
    const c = takeBuffer(60);
    expect(c.buffer).not.toBe(a.buffer); // taken: a fresh one
    giveBuffer(b);
    giveBuffer(c);
    expect(takeBuffer(100).buffer).toBe(a.buffer); // the whole buffer came back
    clearBuffers();
    expect(takeBuffer(100).buffer).not.toBe(a.buffer);
  });
});
