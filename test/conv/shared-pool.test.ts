import { describe, expect, it } from 'vitest';
import { isShared, Lease, settle } from '../../src/conv/shared-pool.js';

describe('Lease', () => {
  it('take gives a shared view of the asked length, reused after giveBack', () => {
    const a = new Lease();
    const v = a.take(new Float32Array(0), 1001);
    expect(v).toBeInstanceOf(Float32Array);
    expect(v.length).toBe(1001);
    expect(isShared(v)).toBe(true);
    a.giveBack();
    const b = new Lease();
    const w = b.take(new Float64Array(0), 500); // 4000 bytes: another length
    const u = b.take(new Float32Array(0), 1001);
    expect(u.buffer).toBe(v.buffer);
    expect(w.buffer).not.toBe(v.buffer);
    b.giveBack();
  });

  it('a buffer held by one lease is not lent to another', () => {
    const a = new Lease();
    const b = new Lease();
    const x = a.take(new Float64Array(0), 77);
    const y = b.take(new Float64Array(0), 77);
    expect(y.buffer).not.toBe(x.buffer);
    a.giveBack();
    b.giveBack();
  });

  it('shared returns a shared array itself and copies an ordinary one', () => {
    const lease = new Lease();
    const s = new Float32Array(new SharedArrayBuffer(12)).fill(2);
    expect(lease.shared(s)).toBe(s);
    const o = Float64Array.of(1, 2, 3);
    const c = lease.shared(o);
    expect(isShared(c)).toBe(true);
    expect(Array.from(c)).toEqual([1, 2, 3]);
    lease.giveBack();
  });
});

describe('settle', () => {
  it('settle gives the lease back when every job succeeded', async () => {
    const lease = new Lease();
    const v = lease.take(new Float32Array(0), 4099);
    await settle([Promise.resolve(1), Promise.resolve(2)], lease);
    const next = new Lease();
    expect(next.take(new Float32Array(0), 4099).buffer).toBe(v.buffer);
    next.giveBack();
  });

  it('settle keeps the buffers out of the pool when a job failed', async () => {
    const lease = new Lease();
    const v = lease.take(new Float32Array(0), 4111);
    await expect(settle([Promise.reject(new Error('task failed'))], lease)).rejects.toThrow('task failed');
    const next = new Lease();
    expect(next.take(new Float32Array(0), 4111).buffer).not.toBe(v.buffer);
    next.giveBack();
  });
});
