import { describe, expect, it } from 'vitest';
import { connectionOptions, parseRedisUrl } from '../../../src/batch/node/redis.js';

describe('parseRedisUrl', () => {
  it('parseRedisUrl(url) reads host, port, db and credentials; display hides the password', () => {
    expect(parseRedisUrl('redis://10.0.0.5:6380/3')).toMatchObject({
      host: '10.0.0.5',
      port: 6380,
      db: 3,
      tls: false,
      display: 'redis://10.0.0.5:6380/3',
    });
    const t = parseRedisUrl('rediss://me:s%40cret@cache.local/0');
    expect(t).toMatchObject({ host: 'cache.local', port: 6379, db: 0, username: 'me', password: 's@cret', tls: true });
    expect(t.display).not.toContain('cret');
    expect(parseRedisUrl('redis://localhost').db).toBe(0);
  });

  it('parseRedisUrl(bad) names --queue', () => {
    expect(() => parseRedisUrl('localhost:6379')).toThrow(/--queue/);
    expect(() => parseRedisUrl('redis://h/x')).toThrow('database "x" is not 0..15');
  });

  it('connectionOptions(target, probe) gives no retries for a probe and BullMQ’s null maxRetriesPerRequest otherwise', () => {
    const t = parseRedisUrl('redis://h:1/2');
    const probe = connectionOptions(t, true) as { retryStrategy: () => null; maxRetriesPerRequest: number };
    expect(probe.retryStrategy()).toBeNull();
    expect(probe.maxRetriesPerRequest).toBe(1);
    expect(connectionOptions(t, false)).toMatchObject({ host: 'h', port: 1, db: 2, maxRetriesPerRequest: null });
  });
});
