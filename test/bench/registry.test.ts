import { describe, expect, it } from 'vitest';
import { expandCases, selectWorkloads, WORKLOADS } from '../../src/bench/registry.js';
import { PARAM_NAMES, type Workload } from '../../src/bench/workload.js';

const fake: Workload = {
  id: 'W9',
  description: '',
  params: ['n', 'size'],
  cases: [
    { n: 8, dtype: 'float32' },
    { n: 16, dtype: 'float32' },
    { n: 16, dtype: 'float64' },
  ],
  parallel: false,
  setup: () => 0,
  run: () => 0,
  work: () => ({ amount: 1, unit: 'x' }),
  anchors: [],
};

describe('selectWorkloads', () => {
  it('selectWorkloads([]) is every registered workload; ids are case-insensitive', () => {
    expect(selectWorkloads([])).toEqual(WORKLOADS);
    expect(selectWorkloads(['w0']).map((w) => w.id)).toEqual(['W0']);
  });

  it('selectWorkloads(["W42"]) throws naming the workload and the known ids', () => {
    expect(() => selectWorkloads(['W42'])).toThrow(/workload "W42": unknown; expected one of W0/);
  });

  it('every registered workload has unique id, cases, and reads only known params', () => {
    const ids = WORKLOADS.map((w) => w.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const w of WORKLOADS) {
      expect(w.cases.length, w.id).toBeGreaterThan(0);
      for (const p of w.params) expect(PARAM_NAMES, w.id).toContain(p);
    }
  });
});

describe('expandCases', () => {
  it('expandCases(w, {}) is the default cases', () => {
    expect(expandCases(fake, {})).toEqual(fake.cases);
  });

  it('expandCases(w, { n: 32 }) replaces n in every case and drops duplicates', () => {
    expect(expandCases(fake, { n: 32 })).toEqual([
      { n: 32, dtype: 'float32' },
      { n: 32, dtype: 'float64' },
    ]);
  });

  it('expandCases(w, { kernel: 3 }) ignores a size the workload does not read', () => {
    expect(expandCases(fake, { kernel: 3 })).toEqual(fake.cases);
  });
});
