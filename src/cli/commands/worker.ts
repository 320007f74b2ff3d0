/**
 * `convolab worker --queue redis://HOST:PORT/N [--concurrency K]` — process batch jobs from
 * BullMQ until SIGINT / SIGTERM (then finish the jobs in hand). Items run in sandboxed child
 * processes; see docs/batch.md.
 */
import { availableParallelism } from 'node:os';
import { DEFAULT_QUEUE_NAME, parseRedisUrl } from '../../batch/node/redis.js';
import { runWorker } from '../../batch/node/worker.js';
import { intOption } from '../args.js';
import type { Command, CommandContext, ParsedArgs } from '../command.js';
import { UsageError } from '../usage.js';

async function run(args: ParsedArgs, ctx: CommandContext): Promise<number> {
  const v = args.values;
  if (v.queue === undefined) throw new UsageError('missing --queue redis://HOST:PORT/N');
  const target = parseRedisUrl(v.queue as string);
  const concurrency = intOption(v, 'concurrency', 1, 1024) ?? availableParallelism();
  const lockSeconds = intOption(v, 'lock-seconds', 1, 3600) ?? 30;
  const result = await runWorker({
    target,
    queueName: (v['queue-name'] as string | undefined) ?? DEFAULT_QUEUE_NAME,
    concurrency,
    lockMs: lockSeconds * 1000,
    signal: ctx.signal,
    log: (line) => ctx.stderr(`convolab worker: ${line}\n`),
    verbose: Boolean(v.verbose),
  });
  const text = `${result.completed} jobs completed, ${result.failed} failed\n`;
  ctx.stdout(v.json ? `${JSON.stringify(result)}\n` : text);
  return 0;
}

export const command: Command = {
  name: 'worker',
  summary: 'process `convolab batch --queue` jobs from Redis (BullMQ), items in sandboxed child processes',
  usage: 'worker --queue redis://HOST:PORT/N [--concurrency K] [--lock-seconds S] [--queue-name NAME] [--verbose] [--json]',
  details: () =>
    'Runs until SIGINT / SIGTERM, then finishes the jobs in hand. A worker that dies mid-job loses its lock; after\n' +
    '--lock-seconds the job goes to another worker. Failing jobs are retried with backoff (3 attempts); corrupt images\n' +
    'and pixel bombs fail at once and are listed by `convolab batch --status`.',
  examples: ['convolab worker --queue redis://127.0.0.1:6379/0 --concurrency 4'],
  options: {
    queue: { type: 'string', valueName: 'redis://HOST:PORT/N', description: 'the Redis holding the queue (required)' },
    concurrency: { type: 'string', valueName: 'K', description: 'jobs at once, each in a child process (default: the cores)' },
    'lock-seconds': {
      type: 'string',
      valueName: 'S',
      description: 'job lock duration; a dead worker’s job is retried after this (default 30)',
    },
    'queue-name': { type: 'string', valueName: 'NAME', description: `BullMQ queue name (default ${DEFAULT_QUEUE_NAME})` },
    verbose: { type: 'boolean', description: 'log every job’s start and completion on stderr' },
    json: { type: 'boolean', description: 'print the final counts as JSON' },
  },
  run,
};
