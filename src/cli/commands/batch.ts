/**
 * `convolab batch RECIPE.json --input DIR|GLOB|MANIFEST --out DIR` — run a recipe over many
 * images: locally on the worker pool (resumable through a journal in OUT), or with
 * `--queue redis://HOST:PORT/N` as one BullMQ job per item for `convolab worker`s;
 * `--status` / `--wait` report on the queue. See docs/batch.md.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { countInputs, inputSource } from '../../batch/node/inputs.js';
import { JOURNAL_FILE } from '../../batch/node/journal.js';
import { type BatchCounts, type BatchSummary, runLocal } from '../../batch/node/local.js';
import { sweepTemp } from '../../batch/node/output.js';
import { enqueueBatch, failedJobs, type QueueCounts, queueCounts, waitForQueue } from '../../batch/node/queue.js';
import { DEFAULT_QUEUE_NAME, loadBullmq, openQueue, parseRedisUrl } from '../../batch/node/redis.js';
import { parseRecipeText, type Recipe } from '../../batch/recipe.js';
import { STEPS } from '../../batch/steps/index.js';
import { ArgumentError, IOError } from '../../core/errors.js';
import { intOption } from '../args.js';
import type { Command, CommandContext, ParsedArgs } from '../command.js';
import { createProgress } from '../progress.js';
import { UsageError } from '../usage.js';

/** Exit code of a batch that finished with failed items. */
export const EXIT_FAILURES = 3;
/** Exit code after SIGINT / SIGTERM (as main.ts; not imported from there to keep the registry free of cycles). */
const EXIT_INTERRUPTED = 130;

/** Reads and validates the recipe; files it names (a template) are relative to its folder and read now. */
async function readRecipe(file: string, cwd: string): Promise<Recipe> {
  const path = resolve(cwd, file);
  const text = await readFile(path, 'utf8').catch((err: NodeJS.ErrnoException) => {
    throw new IOError(`${file}: cannot read the recipe (${err.code === 'ENOENT' ? 'no such file' : err.message})`, file, { cause: err });
  });
  try {
    return parseRecipeText(text, file, { readFile: (p) => readFileSync(p), resolvePath: (p) => resolve(dirname(path), p) });
  } catch (err) {
    if (err instanceof ArgumentError) throw new ArgumentError(`${file}: ${err.message}`, err.arg, { cause: err });
    throw err;
  }
}

/** `m:ss` or `h:mm:ss`. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.max(0, Math.round(seconds));
  const hms = [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60];
  const [h, m, sec] = hms.map((v) => String(v).padStart(2, '0'));
  return hms[0] > 0 ? `${Number(h)}:${m}:${sec}` : `${Number(m)}:${sec}`;
}

/** The note after the bar: rate, ETA and failures. */
export function progressNote(finished: number, total: number, failed: number, seconds: number): string {
  const rate = seconds > 0 ? finished / seconds : 0;
  const eta = rate > 0 ? formatDuration((total - finished) / rate) : '?';
  return `${rate.toFixed(1)} items/s, ETA ${eta}${failed ? `, ${failed} failed` : ''}`;
}

async function runLocalBatch(recipe: Recipe, args: ParsedArgs, ctx: CommandContext): Promise<number> {
  const v = args.values;
  const input = await inputSource(v.input as string, ctx.cwd);
  const outDir = resolve(ctx.cwd, v.out as string);
  const threads = intOption(v, 'threads', 1, 1024);
  let onProgress: ((c: BatchCounts) => void) | undefined;
  let bar: ReturnType<typeof createProgress> | undefined;
  if (ctx.stderrIsTTY) {
    const total = await countInputs(input, outDir);
    bar = createProgress(ctx, 'batch', total);
    const t0 = performance.now();
    let skippedAtStart = -1;
    onProgress = (c) => {
      const finished = c.done + c.skipped + c.failed;
      if (skippedAtStart < 0 && c.done + c.failed > 0) skippedAtStart = c.skipped;
      const worked = c.done + c.failed;
      const seconds = (performance.now() - t0) / 1000;
      bar?.update(finished, progressNote(worked, total - Math.max(0, skippedAtStart), c.failed, seconds));
    };
  }
  let summary: BatchSummary;
  try {
    summary = await runLocal({ recipe, input, outDir, force: Boolean(v.force), threads, signal: ctx.signal, onProgress });
  } finally {
    bar?.done();
  }
  const total = summary.done + summary.skipped + summary.failed;
  const rate = summary.seconds > 0 ? (summary.done + summary.failed) / summary.seconds : 0;
  if (v.json) {
    const doc = {
      out: outDir,
      journal: resolve(outDir, JOURNAL_FILE),
      total,
      done: summary.done,
      skipped: summary.skipped,
      failed: summary.failed,
      interrupted: summary.interrupted,
      seconds: round(summary.seconds),
      items_per_s: round(rate),
      failures: summary.failures,
    };
    ctx.stdout(`${JSON.stringify(doc)}\n`);
  } else {
    ctx.stdout(
      `${total} items: ${summary.done} done, ${summary.skipped} skipped (already done), ${summary.failed} failed in ${summary.seconds.toFixed(1)} s (${rate.toFixed(1)} items/s)\n`,
    );
    for (const f of summary.failures) ctx.stdout(`failed: ${withInput(f.input, f.message)}\n`);
    if (summary.failed > summary.failures.length) ctx.stdout(`(${summary.failed - summary.failures.length} more in ${JOURNAL_FILE})\n`);
  }
  if (summary.interrupted) {
    ctx.stderr(`convolab batch: interrupted; finished items are journaled, rerun the same command to continue\n`);
    return EXIT_INTERRUPTED;
  }
  return summary.failed > 0 ? EXIT_FAILURES : 0;
}

/** `input: message`, unless the message already names the input. */
function withInput(input: string, message: string): string {
  return message.includes(input) ? message : `${input}: ${message}`;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

async function runQueueBatch(recipe: Recipe | undefined, args: ParsedArgs, ctx: CommandContext): Promise<number> {
  const v = args.values;
  const target = parseRedisUrl(v.queue as string);
  const bull = await loadBullmq();
  const { queue, warnings } = await openQueue(bull, target, (v['queue-name'] as string | undefined) ?? DEFAULT_QUEUE_NAME);
  for (const w of warnings) ctx.stderr(`convolab batch: warning: ${w}\n`);
  try {
    let enqueued: number | undefined;
    let retried: number | undefined;
    if (v['retry-failed']) {
      retried = (await queueCounts(queue)).failed;
      await queue.retryJobs({ state: 'failed' });
      if (!v.json) ctx.stdout(`moved ${retried} failed job${retried === 1 ? '' : 's'} back to waiting\n`);
    }
    if (recipe !== undefined) {
      const input = await inputSource(v.input as string, ctx.cwd);
      enqueued = await enqueueBatch(queue, { recipe, input, outDir: resolve(ctx.cwd, v.out as string), force: Boolean(v.force) });
      if (!v.json) ctx.stdout(`enqueued ${enqueued} items on ${target.display} (queue ${queue.name}); jobs already queued were kept\n`);
    }
    let counts: QueueCounts;
    if (v.wait) {
      let bar: ReturnType<typeof createProgress> | undefined; // made once the first counts give the total
      const t0 = performance.now();
      let start: number | undefined;
      try {
        counts = await waitForQueue(queue, {
          signal: ctx.signal,
          onProgress: (c) => {
            const total = c.waiting + c.active + c.delayed + c.completed + c.failed;
            const finished = c.completed + c.failed;
            bar ??= createProgress(ctx, 'batch', total);
            start ??= finished;
            const note = progressNote(finished - start, total - start, c.failed, (performance.now() - t0) / 1000);
            bar.update(finished, `${note}, ${c.active} active`);
          },
        });
      } finally {
        bar?.done();
      }
      if (v.out !== undefined) await sweepTemp(resolve(ctx.cwd, v.out as string));
    } else counts = await queueCounts(queue);
    const failures = counts.failed > 0 ? await failedJobs(queue) : [];
    if (v.json) {
      ctx.stdout(
        `${JSON.stringify({ queue: target.display, name: queue.name, ...(enqueued !== undefined ? { enqueued } : {}), ...(retried !== undefined ? { retried } : {}), ...counts, failures })}\n`,
      );
    } else if (v.status || v.wait) {
      ctx.stdout(
        `${queue.name} on ${target.display}: ${counts.waiting} waiting, ${counts.active} active, ${counts.delayed} delayed (retrying), ${counts.completed} completed, ${counts.failed} failed\n`,
      );
      for (const f of failures)
        ctx.stdout(`failed: ${withInput(f.input, f.message)} (${f.attempts} attempt${f.attempts === 1 ? '' : 's'})\n`);
    }
    if (ctx.signal.aborted) return EXIT_INTERRUPTED;
    if (!v.wait) return 0;
    return counts.failed > 0 ? EXIT_FAILURES : 0;
  } finally {
    await queue.close();
  }
}

async function run(args: ParsedArgs, ctx: CommandContext): Promise<number> {
  const v = args.values;
  const [recipeFile] = args.positionals;
  if (v['retry-failed'] && v.queue === undefined)
    throw new UsageError('--retry-failed needs --queue (a local rerun retries failed items by itself)');
  if (v.status || (recipeFile === undefined && (v.wait || v['retry-failed']))) {
    const flag = v.status ? 'status' : v.wait ? 'wait' : 'retry-failed';
    if (v.queue === undefined) throw new UsageError(`--${flag} needs --queue redis://HOST:PORT/N`);
    if (recipeFile !== undefined) throw new UsageError('--status takes no RECIPE');
    return runQueueBatch(undefined, args, ctx);
  }
  if (recipeFile === undefined) throw new UsageError('missing RECIPE');
  if (v.input === undefined) throw new UsageError('missing --input DIR|GLOB|MANIFEST');
  if (v.out === undefined) throw new UsageError('missing --out DIR');
  if (v.queue !== undefined && v.threads !== undefined)
    throw new UsageError('--threads applies to local batches; workers take --concurrency');
  if (v.queue === undefined && v.wait) throw new UsageError('--wait needs --queue');
  const recipe = await readRecipe(recipeFile, ctx.cwd); // refused before any work
  return v.queue === undefined ? runLocalBatch(recipe, args, ctx) : runQueueBatch(recipe, args, ctx);
}

export const command: Command = {
  name: 'batch',
  summary: 'run a recipe (filter, convert, …) over a folder, glob or manifest of images; resumable; local or on Redis',
  usage:
    'batch RECIPE.json --input DIR|GLOB|MANIFEST --out DIR [--force] [--json] [--threads N]\n' +
    '       batch RECIPE.json --input … --out DIR --queue redis://HOST:PORT/N [--wait]\n' +
    '       batch --status|--wait|--retry-failed --queue redis://HOST:PORT/N',
  details: () =>
    [
      'A recipe is JSON: {"steps": [{"step": NAME, "options": {…}}, …], "output": "{dir}/{stem}.{ext}", "maxPixels": N}.',
      `Steps: ${Object.entries(STEPS)
        .map(([name, s]) => `${name} (${s.summary})`)
        .join('; ')}.`,
      `A journal (${JOURNAL_FILE}) in OUT records finished items: rerun the same command after a crash to continue.`,
      'Exit codes: 0 all done, 3 finished with failed items (listed), 1 bad recipe or input, 2 usage.',
      'Distributed: jobs go to BullMQ on Redis (maxmemory-policy noeviction); run `convolab worker --queue URL` on each machine.',
    ].join('\n'),
  examples: [
    'convolab batch blur.json --input photos/ --out blurred/',
    "convolab batch edges.json --input 'photos/**/*.jpg' --out edges/ --json",
    'convolab batch blur.json --input list.txt --out blurred/ --queue redis://127.0.0.1:6379/0 --wait',
    'convolab batch --status --queue redis://127.0.0.1:6379/0',
  ],
  options: {
    input: {
      type: 'string',
      short: 'i',
      valueName: 'DIR|GLOB|MANIFEST',
      description: 'a folder, a glob (quote it) or a file listing one path per line',
    },
    out: { type: 'string', short: 'o', valueName: 'DIR', description: 'output folder (created; holds the journal)' },
    force: { type: 'boolean', description: 'overwrite existing outputs whose contents differ' },
    json: { type: 'boolean', description: 'print a JSON summary' },
    threads: { type: 'string', valueName: 'N', description: 'worker threads for a local batch (default: CONVOLAB_THREADS or the cores)' },
    queue: { type: 'string', valueName: 'redis://HOST:PORT/N', description: 'enqueue one BullMQ job per item instead of running locally' },
    'queue-name': { type: 'string', valueName: 'NAME', description: `BullMQ queue name (default ${DEFAULT_QUEUE_NAME})` },
    status: { type: 'boolean', description: 'print the queue’s counts and failed jobs' },
    'retry-failed': { type: 'boolean', description: 'move the queue’s failed jobs back to waiting (e.g. after fixing the files)' },
    wait: { type: 'boolean', description: 'wait until the queue has no waiting, active or delayed job (exit 3 if any failed)' },
  },
  positionals: { min: 0, max: 1, names: ['RECIPE'] },
  run,
};
