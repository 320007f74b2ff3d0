/**
 * Distributed batches against a real redis-server (started here on a free loopback port): three
 * worker processes, one killed with SIGKILL (with its sandboxed children) in the middle of a job.
 */
import type { ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_QUEUE_NAME } from '../../../src/batch/node/redis.js';
import { encodePng } from '../../../src/io/png.js';
import {
  bombPng,
  exited,
  listFiles,
  type RedisServer,
  redisAvailable,
  runCommand,
  spawnCommand,
  startRedis,
  tempDir,
  tinyImage,
  waitFor,
} from '../helpers.js';

const hasRedis = redisAvailable();

describe.skipIf(!hasRedis)('distributed batch (BullMQ on a real Redis)', () => {
  let redis: RedisServer;
  const workers: ChildProcess[] = [];
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    for (const w of workers) if (w.exitCode === null && w.signalCode === null) process.kill(-(w.pid as number), 'SIGKILL');
    await redis?.stop();
  });

  it('3 workers, one SIGKILLed mid-job: every output present exactly once and equal to the local run', async () => {
    const dir = tempDir();
    const n = 24;
    for (let i = 0; i < n; i++) writeFileSync(join(dir, `p${String(i).padStart(2, '0')}.png`), encodePng(tinyImage(i, 3, 96, 96)));
    writeFileSync(join(dir, 'junk.png'), 'not a png');
    writeFileSync(join(dir, 'bomb.png'), bombPng());
    const work = tempDir();
    const recipe = join(work, 'recipe.json');
    writeFileSync(recipe, JSON.stringify({ steps: [{ step: 'filter', options: { kernel: 'gabor:6,30,8' } }] }));
    const reference = join(work, 'reference');
    expect(runCommand(['batch', recipe, '--input', dir, '--out', reference, '--threads', '2']).code).toBe(3);

    const out = join(work, 'out');
    const enqueue = runCommand(['batch', recipe, '--input', dir, '--out', out, '--queue', redis.url]);
    expect(enqueue.stderr).toBe('');
    expect(enqueue.stdout).toMatch(/^enqueued 26 items/);
    expect(runCommand(['batch', recipe, '--input', dir, '--out', out, '--queue', redis.url]).code).toBe(0); // idempotent
    const { Queue } = await import('bullmq'); // an optional dependency: loaded only when the test runs
    const queue = new Queue(DEFAULT_QUEUE_NAME, { connection: { host: '127.0.0.1', port: redis.port } });
    try {
      const counts = await queue.getJobCounts('waiting', 'active', 'completed', 'failed');
      expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(n + 2);

      const logs: string[] = ['', '', ''];
      for (let w = 0; w < 3; w++) {
        const child = spawnCommand(['worker', '--queue', redis.url, '--concurrency', '2', '--lock-seconds', '2', '--verbose'], {
          detached: true,
        });
        child.stderr?.on('data', (d) => {
          logs[w] += d.toString();
        });
        workers.push(child);
      }
      // kill worker 0 and its sandboxed children the moment it starts a job
      await waitFor(() => /active (b\w+)/.test(logs[0]), 30_000, 'worker 0 to start a job');
      process.kill(-(workers[0].pid as number), 'SIGKILL');
      await exited(workers[0]);
      const killedJob = /active (b\w+)/.exec(logs[0])?.[1] as string;
      expect(logs[0]).not.toContain(`completed ${killedJob}`);

      const wait = runCommand(['batch', '--wait', '--queue', redis.url, '--out', out, '--json'], { timeout: 60_000 });
      expect(wait.code).toBe(3);
      const status = JSON.parse(wait.stdout);
      expect(status).toMatchObject({ waiting: 0, active: 0, delayed: 0, completed: n, failed: 2 });
      expect(status.failures.map((f: { input: string }) => f.input).sort()).toEqual([join(dir, 'bomb.png'), join(dir, 'junk.png')]);
      expect(status.failures.find((f: { input: string }) => f.input.endsWith('bomb.png')).message).toMatch(/^E_LIMIT: /);

      // the killed job stalled, then another worker finished it
      const job = await queue.getJob(killedJob);
      expect(await job?.getState()).toBe('completed');
      expect(job?.stalledCounter).toBeGreaterThanOrEqual(1);
      expect(logs[1] + logs[2]).toContain(`completed ${killedJob}`);

      // every output exactly once, byte-equal to the local run; no temporary file left
      expect(listFiles(out)).toEqual(listFiles(reference).filter((f) => !f.startsWith('.convolab-batch')));
      for (const rel of listFiles(out)) expect(readFileSync(join(out, rel)).equals(readFileSync(join(reference, rel)))).toBe(true);

      const status2 = runCommand(['batch', '--status', '--queue', redis.url]);
      expect(status2.code).toBe(0);
      expect(status2.stdout).toContain(`0 waiting, 0 active, 0 delayed (retrying), ${n} completed, 2 failed`);
      expect(status2.stdout).toContain(`failed: E_DECODE: ${join(dir, 'junk.png')}`);

      // fix the corrupt file and retry the failed jobs: only the bomb fails again
      writeFileSync(join(dir, 'junk.png'), encodePng(tinyImage(99, 3, 96, 96)));
      const retry = runCommand(['batch', '--retry-failed', '--wait', '--queue', redis.url, '--json']);
      expect(retry.code).toBe(3);
      expect(JSON.parse(retry.stdout)).toMatchObject({ retried: 2, completed: n + 1, failed: 1 });
      expect(listFiles(out)).toContain('junk.png');

      for (const w of workers.slice(1)) w.kill('SIGTERM');
      expect(await Promise.all(workers.slice(1).map(exited))).toEqual([0, 0]);
    } finally {
      await queue.close();
    }
  });

  it('convolab batch --queue to an unreachable Redis is refused quickly with a clear message', () => {
    const t0 = Date.now();
    const r = runCommand(['batch', '--status', '--queue', 'redis://127.0.0.1:1/0']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot reach Redis at redis:\/\/127\.0\.0\.1:1\/0 \(connect ECONNREFUSED/);
    expect(Date.now() - t0).toBeLessThan(10_000);
  });
});
