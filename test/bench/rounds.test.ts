import { describe, expect, it } from 'vitest';
import { combineRounds, type Round } from '../../src/bench/rounds.js';
import type { AnchorResult, CaseResult } from '../../src/bench/run.js';

const result = (median: number, min: number, samples: number[]): CaseResult => ({
  workload: 'W0',
  params: { n: 10 },
  repeats: samples.length,
  threads: 1,
  median_ms: median,
  min_ms: min,
  samples_ms: samples,
  throughput: 20 / (median / 1000),
  throughput_unit: 'FLOP/s',
});
const ok = (median: number, ratio: number): AnchorResult => ({
  name: 'numpy.dot',
  status: 'ok',
  median_ms: median,
  min_ms: median - 1,
  ratio,
});

describe('combineRounds', () => {
  it('one round is that round, with rounds: 1 and no ratio range', () => {
    const r: Round = { result: result(2, 1, [1, 2, 3]), anchors: [ok(4, 0.5)] };
    const c = combineRounds([r]);
    expect(c.result).toEqual({ ...r.result, rounds: 1 });
    expect(c.anchors).toEqual([ok(4, 0.5)]);
  });

  it('three rounds: medians of the rounds, the lowest minimum, all samples, the median ratio and its range', () => {
    const c = combineRounds([
      { result: result(10, 9, [9, 10, 11]), anchors: [ok(10, 1.0)] },
      { result: result(30, 8, [8, 30, 31]), anchors: [ok(20, 1.5)] },
      { result: result(12, 11, [11, 12, 13]), anchors: [ok(15, 0.8)] },
    ]);
    expect(c.result.median_ms).toBe(12);
    expect(c.result.min_ms).toBe(8);
    expect(c.result.samples_ms).toEqual([9, 10, 11, 8, 30, 31, 11, 12, 13]);
    expect(c.result.rounds).toBe(3);
    expect(c.result.throughput).toBeCloseTo(20 / 0.012, 6);
    expect(c.anchors).toEqual([{ ...ok(15, 1.0), min_ms: 9, ratio_range: [0.8, 1.5] }]);
  });

  it('an anchor missing or failed in any round is reported so, not averaged; no anchors stay none', () => {
    const missing: AnchorResult = { name: 'numpy.dot', status: 'missing', reason: 'no numpy' };
    const c = combineRounds([
      { result: result(1, 1, [1]), anchors: [ok(1, 1)] },
      { result: result(1, 1, [1]), anchors: [missing] },
    ]);
    expect(c.anchors).toEqual([missing]);
    expect(combineRounds([{ result: result(1, 1, [1]) }]).anchors).toBeUndefined();
    expect(() => combineRounds([])).toThrow(RangeError);
  });
});
