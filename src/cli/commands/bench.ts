/**
 * `convolab bench [WORKLOAD…]` — time the benchmark workloads (median of repeats after a
 * warm-up, fresh seeded random data) and, with `--compare`, the anchors installed here in the
 * same run, printing ratio = convolab / anchor.
 */
import { expandCases, selectWorkloads, WORKLOADS } from '../../bench/registry.js';
import { combineRounds, type Round } from '../../bench/rounds.js';
import { type AnchorResult, type CaseResult, runCase, runJsAnchor } from '../../bench/run.js';
import { type CaseParams, caseLabel, PARAM_NAMES, type ParamName, type Workload } from '../../bench/workload.js';
import { intOption } from '../args.js';
import { PythonFinder, runPythonAnchor } from '../bench/python.js';
import type { Command, CommandContext, OptionSpec, ParsedArgs } from '../command.js';
import { createProgress } from '../progress.js';
import { threadsInUse } from '../runtime.js';
import { UsageError } from '../usage.js';
import { packageVersion } from '../version.js';

/** Warm-up: at least one call, continued for 100 ms (python anchors do the same). */
const WARMUP = 1;
const WARMUP_MS = 100;
/**
 * A workload that splits its work over workers warms up with at least this many calls (its anchors
 * too): each worker compiles its own code, and the optimising compiler's background jobs share the
 * cores with them — W3 3×3 on 2 threads ran 106, 11, 12, 14, 20, 19 ms before settling at 9–10.
 */
const PARALLEL_WARMUP = 6;

const warmupOf = (w: Workload): number => (w.parallel ? PARALLEL_WARMUP : WARMUP);

export interface BenchRecord extends Omit<CaseResult, 'samples_ms'> {
  case: string;
  samples_ms: number[];
  /** Times the case and its anchors were timed in turn (--rounds; median_ms is the median of the rounds' medians). */
  rounds?: number;
  anchors?: AnchorResult[];
}

async function run(args: ParsedArgs, ctx: CommandContext): Promise<number> {
  const v = args.values;
  let workloads: ReturnType<typeof selectWorkloads>;
  try {
    workloads = selectWorkloads(args.positionals);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const threads = intOption(v, 'threads', 1, 1024) ?? threadsInUse().threads;
  // Workloads get `{ threads }` in setup; engines that fall back to the default see it too.
  process.env.CONVOLAB_THREADS = String(threads);
  const repeats = intOption(v, 'repeats', 1, 100_000);
  const rounds = intOption(v, 'rounds', 1, 1000) ?? 1;
  const seed = intOption(v, 'seed', 0, 0xffffffff) ?? 1;
  const overrides: Partial<Record<ParamName, number>> = {};
  for (const p of PARAM_NAMES) overrides[p] = intOption(v, p);
  warnUnusedSizes(workloads, overrides, ctx);

  const finder = new PythonFinder();
  const pythonModules = [...new Set(workloads.flatMap((w) => w.anchors.flatMap((a) => (a.kind === 'python' ? [a.module] : []))))];
  const records: BenchRecord[] = [];
  for (const workload of workloads) {
    for (const params of expandCases(workload, overrides)) {
      const label = `${workload.id} ${caseLabel(params)}`;
      const n = repeats ?? workload.repeats ?? 5;
      const done: Round[] = [];
      for (let round = 1; round <= rounds; round++) {
        const progress = createProgress(ctx, rounds > 1 ? `${label} (round ${round} of ${rounds})` : label, n);
        const result = await runCase(workload, params, {
          seed,
          threads,
          repeats,
          warmup: warmupOf(workload),
          warmupMs: WARMUP_MS,
          signal: ctx.signal,
          onSample: (d) => progress.update(d),
        });
        progress.done();
        const anchors = v.compare
          ? await runAnchors(workload, params, result, { seed, signal: ctx.signal, finder, pythonModules, ctx })
          : undefined;
        done.push({ result, anchors });
      }
      const { result, anchors } = combineRounds(done);
      const { workload: id, ...rest } = result;
      const record: BenchRecord = { workload: id, case: caseLabel(params), ...rest };
      if (anchors !== undefined) record.anchors = anchors;
      records.push(record);
      if (!v.json) ctx.stdout(formatRecord(record));
    }
  }
  if (v.json) {
    ctx.stdout(
      `${JSON.stringify({ version: packageVersion(), node: process.versions.node, threads, seed, warmup: WARMUP, parallel_warmup: PARALLEL_WARMUP, warmup_ms: WARMUP_MS, records })}\n`,
    );
  }
  return 0;
}

/** Every anchor of the workload on this case, with the threads and repeats convolab used. */
async function runAnchors(
  workload: Workload,
  params: CaseParams,
  result: CaseResult,
  env: { seed: number; signal: AbortSignal; finder: PythonFinder; pythonModules: string[]; ctx: CommandContext },
): Promise<AnchorResult[]> {
  const opts = {
    seed: env.seed,
    threads: result.threads,
    repeats: result.repeats,
    warmup: warmupOf(workload),
    warmupMs: WARMUP_MS,
    signal: env.signal,
  };
  const out: AnchorResult[] = [];
  for (const anchor of workload.anchors) {
    const progress = createProgress(env.ctx, `${workload.id} ${caseLabel(params)} vs ${anchor.name}`, 1);
    progress.update(0);
    out.push(
      anchor.kind === 'python'
        ? await runPythonAnchor(anchor, params, opts, result.median_ms, env.finder, env.pythonModules)
        : await runJsAnchor(anchor, params, opts, result.median_ms),
    );
    progress.done();
  }
  return out;
}

function warnUnusedSizes(
  workloads: ReturnType<typeof selectWorkloads>,
  overrides: Partial<Record<ParamName, number>>,
  ctx: CommandContext,
): void {
  for (const p of PARAM_NAMES) {
    if (overrides[p] !== undefined && !workloads.some((w) => w.params.includes(p))) {
      ctx.stderr(`convolab bench: note: --${p} is not used by ${workloads.map((w) => w.id).join(', ')}\n`);
    }
  }
}

/** `12.3 M` style numbers for throughput. */
export function siPrefix(value: number): string {
  const units = ['', 'k', 'M', 'G', 'T', 'P'];
  let i = 0;
  let x = value;
  while (Math.abs(x) >= 1000 && i < units.length - 1) {
    x /= 1000;
    i++;
  }
  return `${x.toPrecision(4)} ${units[i]}`;
}

function formatMs(ms: number): string {
  return ms >= 100 ? ms.toFixed(1) : ms >= 1 ? ms.toFixed(3) : ms.toPrecision(3);
}

export function formatRecord(r: BenchRecord): string {
  const of = (r.rounds ?? 1) > 1 ? `median of ${r.rounds} rounds of ${r.repeats}` : `median of ${r.repeats}`;
  const lines = [
    `${r.workload}  ${r.case}  ${formatMs(r.median_ms)} ms (${of})  ${siPrefix(r.throughput)}${r.throughput_unit}  ${r.threads} thread${r.threads === 1 ? '' : 's'}`,
  ];
  for (const a of r.anchors ?? []) {
    const range = a.status === 'ok' && a.ratio_range ? ` (rounds ${a.ratio_range[0].toFixed(2)}–${a.ratio_range[1].toFixed(2)})` : '';
    if (a.status === 'ok')
      lines.push(`    ${a.name}  ${formatMs(a.median_ms)} ms  ratio ${a.ratio.toFixed(2)}${range}${a.runtime ? `  [${a.runtime}]` : ''}`);
    else lines.push(`    ${a.name}  ${a.status}: ${a.reason}`);
  }
  return `${lines.join('\n')}\n`;
}

const sizeOptions = Object.fromEntries(
  PARAM_NAMES.map((p) => [
    p,
    { type: 'string', valueName: 'N', description: `workload size --${p} (replaces the default cases' value)` } satisfies OptionSpec,
  ]),
);

export const command: Command = {
  name: 'bench',
  summary: 'time the benchmark workloads; --compare also times numpy / scipy / OpenCV / PyTorch',
  usage:
    'bench [WORKLOAD…] [--json] [--compare] [--threads N] [--repeats N] [--rounds N] [--n N] [--size N] [--kernel N] [--template N] [--batches N]',
  details: () =>
    `Workloads (default: all):\n${workloadList()}\n\n` +
    'Anchors (--compare) run in python3, then /usr/bin/python3 (or the `:`-separated CONVOLAB_PYTHON);\n' +
    'one whose module (numpy, scipy, cv2, torch) does not import is reported as missing.',
  examples: [
    'convolab bench W0',
    'convolab bench W0 --compare --n 4000000',
    'convolab bench W3 --compare --rounds 3',
    'convolab bench W0 --json --repeats 3',
  ],
  options: {
    json: { type: 'boolean', description: 'print one JSON document: { records: [one per case, with params and median_ms] }' },
    compare: { type: 'boolean', description: 'also time the anchors present here; print ratio = convolab / anchor' },
    threads: { type: 'string', valueName: 'N', description: 'worker threads (default CONVOLAB_THREADS, else the cores)' },
    repeats: {
      type: 'string',
      valueName: 'N',
      description: 'timed runs per case after the warm-up (1 call, 6 for threaded workloads; default 5)',
    },
    rounds: {
      type: 'string',
      valueName: 'N',
      description: 'time each case and its anchors N times in turn; report the medians and the range of the ratios (default 1)',
    },
    seed: { type: 'string', valueName: 'N', description: 'seed of the random data (default 1)' },
    ...sizeOptions,
  },
  positionals: { min: 0, max: Number.POSITIVE_INFINITY, names: ['WORKLOAD'] },
  run,
};

/** Workload ids and descriptions, for `bench --help`. */
export function workloadList(): string {
  return WORKLOADS.map((w) => `  ${w.id}  ${w.description}`).join('\n');
}
