/**
 * The workload registry. Adding a workload = one file in `workloads/` exporting a `Workload`,
 * plus one line in WORKLOADS (and, for python anchors, a script in `bench/anchors/`).
 */
import { ArgumentError } from '../core/errors.js';
import { type CaseParams, PARAM_NAMES, type ParamName, type Workload } from './workload.js';
import { wBatch } from './workloads/w-batch.js';
import { wSearch } from './workloads/w-search.js';
import { ws1, ws2 } from './workloads/w-spectrum.js';
import { w0 } from './workloads/w0-dot.js';
import { w1 } from './workloads/w1-fft.js';
import { w2 } from './workloads/w2-rfft2.js';
import { w3 } from './workloads/w3-conv2d.js';
import { w4 } from './workloads/w4-gaussian.js';
import { w5 } from './workloads/w5-conv-large.js';
import { w6 } from './workloads/w6-match.js';
import { w6b } from './workloads/w6-snippet.js';
import { w7 } from './workloads/w7-conv1d.js';
import { w8 } from './workloads/w8-cnn.js';
import { w9 } from './workloads/w9-arima.js';

export const WORKLOADS: readonly Workload[] = [w0, w1, w2, w3, w4, w5, w6, w6b, w7, w8, w9, ws1, ws2, wSearch, wBatch] as Workload[];

/** Workloads by id (case-insensitive, `w1` = `W1`); no ids = all of them. */
export function selectWorkloads(ids: readonly string[], registry: readonly Workload[] = WORKLOADS): Workload[] {
  if (ids.length === 0) return [...registry];
  return ids.map((id) => {
    const w = registry.find((x) => x.id.toLowerCase() === id.toLowerCase());
    if (!w)
      throw new ArgumentError(
        `workload ${JSON.stringify(id)}: unknown; expected one of ${registry.map((x) => x.id).join(', ')}`,
        'workload',
      );
    return w;
  });
}

/**
 * The cases to run: the workload's default cases with every command-line size it reads
 * replacing that value; duplicates (cases that became equal) are dropped.
 */
export function expandCases(workload: Workload, overrides: Partial<Record<ParamName, number>>): CaseParams[] {
  const given = PARAM_NAMES.filter((p) => overrides[p] !== undefined && workload.params.includes(p));
  const seen = new Set<string>();
  const out: CaseParams[] = [];
  for (const base of workload.cases) {
    const params: Record<string, number | string | boolean> = { ...base };
    for (const p of given) params[p] = overrides[p] as number;
    const key = JSON.stringify(params);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(params);
    }
  }
  return out;
}
