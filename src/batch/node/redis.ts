/**
 * Reaching Redis for the distributed mode: `redis://[user:password@]HOST:PORT/DB` parsed into
 * connection options, BullMQ loaded on demand (an optional dependency), and a probe that refuses
 * to start — quickly, without endless retries — when Redis is unreachable.
 */
import { ArgumentError, IOError } from '../../core/errors.js';

export type Bullmq = typeof import('bullmq');

export interface RedisTarget {
  host: string;
  port: number;
  db: number;
  username?: string;
  password?: string;
  tls: boolean;
  /** The URL without its password, for messages. */
  display: string;
}

export const DEFAULT_QUEUE_NAME = 'convolab-batch';
/** How long the probe waits for a connection. */
export const CONNECT_TIMEOUT_MS = 3000;

export function parseRedisUrl(url: string, arg = 'queue'): RedisTarget {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new ArgumentError(`--${arg} ${JSON.stringify(url)}: expected redis://HOST:PORT/DB`, arg);
  }
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') {
    throw new ArgumentError(`--${arg} ${url}: expected a redis:// or rediss:// URL, got ${u.protocol}`, arg);
  }
  const path = u.pathname.replace(/^\//, '');
  const db = path === '' ? 0 : Number(path);
  if (!Number.isInteger(db) || db < 0 || db > 15)
    throw new ArgumentError(`--${arg} ${url}: database ${JSON.stringify(path)} is not 0..15`, arg);
  const port = u.port === '' ? 6379 : Number(u.port);
  const host = u.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1';
  return {
    host,
    port,
    db,
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    tls: u.protocol === 'rediss:',
    display: `${u.protocol}//${u.host}/${db}`,
  };
}

/** ioredis options; `probe` = one short attempt, no retries (for the reachability check and the CLI's short-lived queue). */
export function connectionOptions(t: RedisTarget, probe: boolean): Record<string, unknown> {
  const base = {
    host: t.host,
    port: t.port,
    db: t.db,
    ...(t.username ? { username: t.username } : {}),
    ...(t.password ? { password: t.password } : {}),
    ...(t.tls ? { tls: {} } : {}),
    connectTimeout: CONNECT_TIMEOUT_MS,
  };
  if (!probe) return { ...base, maxRetriesPerRequest: null };
  return { ...base, retryStrategy: () => null, maxRetriesPerRequest: 1, enableOfflineQueue: false };
}

/** BullMQ, or an error saying how to install it. */
export async function loadBullmq(): Promise<Bullmq> {
  try {
    return await import('bullmq');
  } catch (err) {
    throw new IOError(
      "--queue needs the optional dependency 'bullmq', which is not installed: run 'npm install bullmq' (local batches need nothing)",
      'queue',
      { cause: err },
    );
  }
}

/**
 * Opens a queue after checking that Redis answers; throws an IOError naming the URL when it does
 * not. Returns the queue and warnings (a `maxmemory-policy` other than `noeviction`).
 */
export async function openQueue(
  bull: Bullmq,
  target: RedisTarget,
  name: string,
): Promise<{ queue: InstanceType<Bullmq['Queue']>; warnings: string[] }> {
  const queue = new bull.Queue(name, { connection: connectionOptions(target, true) });
  queue.on('error', () => {}); // reported through the rejected promise below
  try {
    const client = (await queue.waitUntilReady()) as unknown as { config(op: string, key: string): Promise<unknown> };
    const warnings: string[] = [];
    const policy = (await client.config('GET', 'maxmemory-policy').catch(() => [])) as string[];
    if (policy[1] !== undefined && policy[1] !== 'noeviction') {
      warnings.push(
        `Redis at ${target.display} has maxmemory-policy ${policy[1]}; set it to noeviction or jobs may be lost (docs/batch.md)`,
      );
    }
    return { queue, warnings };
  } catch (err) {
    await queue.close().catch(() => {});
    throw new IOError(`cannot reach Redis at ${target.display} (${(err as Error).message}); is redis-server running?`, 'queue', {
      cause: err,
    });
  }
}
