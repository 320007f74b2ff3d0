/** Run one case of a workload (and its JS anchors): fresh data, warm-up, median of repeats. */
import type { Timing, TimingOptions } from './timing.js';
import { timeCalls } from './timing.js';
import type { AnchorSpec, CaseParams, PreparedAnchor, SetupOptions, Workload } from './workload.js';

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
  | {
      name: string;
      status: 'ok';
      median_ms: number;
      min_ms: number;
      ratio: number;
      runtime?: string;
      extrapolated?: number;
      /** With `--rounds`: the lowest and highest of the rounds' ratios (`ratio` is their median). */
      ratio_range?: [number, number];
    }
  | { name: string; status: 'missing'; reason: string }
  | { name: string; status: 'error'; reason: string };

/**
 * Time a JS anchor on the same case; a failed import is reported as missing. An anchor that
 * runs a fraction of the case has its times scaled up and `extrapolated` set to the factor.
 */
export async function runJsAnchor(
  anchor: Extract<AnchorSpec, { kind: 'js' }>,
  params: CaseParams,
  opts: CaseOptions & { repeats: number },
  convolabMs: number,
): Promise<AnchorResult> {
  let prepared: PreparedAnchor;
  try {
    const p = await anchor.prepare(params, { seed: opts.seed, threads: opts.threads });
    prepared = typeof p === 'function' ? { call: p } : p;
  } catch (err) {
    return { name: anchor.name, status: 'missing', reason: (err as Error).message ?? String(err) };
  }
  const t = await timeCalls(prepared.call, opts);
  const scale = prepared.scale ?? 1;
  const median_ms = t.median_ms * scale;
  const out: AnchorResult = { name: anchor.name, status: 'ok', median_ms, min_ms: t.min_ms * scale, ratio: convolabMs / median_ms };
  if (prepared.runtime !== undefined) out.runtime = prepared.runtime;
  if (scale !== 1) out.extrapolated = scale;
  return out;
}
