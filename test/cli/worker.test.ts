import { describe, expect, it } from 'vitest';
import { command } from '../../src/cli/commands/worker.js';
import { formatCommandHelp } from '../../src/cli/help.js';
import { runInProcess } from '../batch/cli-helpers.js';

describe('convolab worker', () => {
  it('worker without --queue is a usage error', async () => {
    const r = await runInProcess(command, []);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('missing --queue');
  });

  it('worker --queue with a bad URL or an unreachable Redis is refused quickly', async () => {
    expect((await runInProcess(command, ['--queue', 'http://x'])).stderr).toContain('expected a redis:// or rediss:// URL');
    expect((await runInProcess(command, ['--queue', 'redis://127.0.0.1:6379/99'])).stderr).toContain('database "99" is not 0..15');
    const t0 = Date.now();
    const r = await runInProcess(command, ['--queue', 'redis://127.0.0.1:1/0']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot reach Redis at redis:\/\/127\.0\.0\.1:1\/0/);
    expect(Date.now() - t0).toBeLessThan(10_000);
  });

  it('worker --help has an example', () => {
    expect(formatCommandHelp(command)).toContain('convolab worker --queue redis://127.0.0.1:6379/0 --concurrency 4');
  });
});
