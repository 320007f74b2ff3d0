/**
 * Rounds of one case (`convolab bench --rounds N`): the case and its anchors timed N times in
 * turn (ours, the anchors, ours, the anchors, …), so that a slow spell of a shared machine falls
 * on both sides of some rounds rather than on one side of the only one. The combined record keeps
 * the median of the rounds' medians, and for each anchor the median of the rounds' ratios (each
 * ours ÷ anchor within one round) with their range.
 */
import type { AnchorResult, CaseResult } from './run.js';
import { median } from './timing.js';

export interface Round {
  result: CaseResult;
  anchors?: AnchorResult[];
}

export interface Combined {
  result: CaseResult & { rounds: number };
  anchors?: AnchorResult[];
}

export function combineRounds(rounds: readonly Round[]): Combined {
  if (rounds.length === 0) throw new RangeError('combineRounds: expected at least one round');
  const first = rounds[0].result;
  const medianMs = median(rounds.map((r) => r.result.median_ms));
  const result = {
    ...first,
    median_ms: medianMs,
    min_ms: Math.min(...rounds.map((r) => r.result.min_ms)),
    samples_ms: rounds.flatMap((r) => r.result.samples_ms),
    throughput: (first.throughput * first.median_ms) / medianMs, // work per call ÷ the combined time
    rounds: rounds.length,
  };
  if (rounds[0].anchors === undefined) return { result };
  const anchors = rounds[0].anchors.map((a, i): AnchorResult => {
    const each = rounds.map((r) => r.anchors?.[i]);
    const bad = each.find((x) => x === undefined || x.status !== 'ok' || x.name !== a.name);
    if (bad !== undefined || a.status !== 'ok') return bad ?? a; // missing or failed in some round: say so
    const ok = each as Extract<AnchorResult, { status: 'ok' }>[];
    const ratios = ok.map((x) => x.ratio);
    const combined: AnchorResult = {
      ...a,
      median_ms: median(ok.map((x) => x.median_ms)),
      min_ms: Math.min(...ok.map((x) => x.min_ms)),
      ratio: median(ratios),
    };
    if (rounds.length > 1) combined.ratio_range = [Math.min(...ratios), Math.max(...ratios)];
    return combined;
  });
  return { result, anchors };
}
