/** Run one case of a workload (and its JS anchors): fresh data, warm-up, median of repeats. */
import type { Timing, TimingOptions } from './timing.js';
import { timeCalls } from './timing.js';
import type { AnchorSpec, CaseParams, SetupOptions, Workload } from './workload.js';

export interface CaseOptions extends SetupOptions, Omit<TimingOptions, 'repeats'> {
  /** Timed calls; default the workload's `repeats`, else 5. */
  repeats?: number;
}

export interface CaseResult extends Timing {
  workload: string;
  params: CaseParams;
  repeats: number;
  threads: number;
  /** Work per second, in `throughput_unit` (e.g. FLOP/s). */
  throughput: number;
  throughput_unit: string;
}

export async function runCase(workload: Workload, params: CaseParams, opts: CaseOptions): Promise<CaseResult> {
  const repeats = opts.repeats ?? workload.repeats ?? 5;
  const state = await workload.setup(params, { seed: opts.seed, threads: opts.threads });
  try {
    const timing = await timeCalls(() => workload.run(state), { ...opts, repeats });
    const { amount, unit } = workload.work(params);
    return {
      workload: workload.id,
      params,
      repeats,
      threads: workload.parallel ? Number(params.threads ?? opts.threads) : 1,
      ...timing,
      throughput: amount / (timing.median_ms / 1000),
      throughput_unit: `${unit}/s`,
    };
  } finally {
    await workload.teardown?.(state);
  }
}

/** An anchor's outcome: timed, or missing (not installed) — never a failure of the run. */
export type AnchorResult =
  | { name: string; status: 'ok'; median_ms: number; min_ms: number; ratio: number; runtime?: string }
  | { name: string; status: 'missing'; reason: string }
  | { name: string; status: 'error'; reason: string };

/** Time a JS anchor on the same case; a failed import is reported as missing. */
export async function runJsAnchor(
  anchor: Extract<AnchorSpec, { kind: 'js' }>,
  params: CaseParams,
  opts: CaseOptions & { repeats: number },
  convolabMs: number,
): Promise<AnchorResult> {
  let call: () => unknown;
  try {
    call = await anchor.prepare(params, { seed: opts.seed, threads: opts.threads });
  } catch (err) {
    return { name: anchor.name, status: 'missing', reason: (err as Error).message ?? String(err) };
  }
  const t = await timeCalls(call, opts);
  return { name: anchor.name, status: 'ok', median_ms: t.median_ms, min_ms: t.min_ms, ratio: convolabMs / t.median_ms };
}
