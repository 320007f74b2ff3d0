import { describe, expect, test } from 'vitest';
import { runCase } from '../../../src/bench/run.js';
import { w9 } from '../../../src/bench/workloads/w9-arima.js';
import { PythonFinder, runPythonAnchor } from '../../../src/cli/bench/python.js';

describe('w9-arima', () => {
  test('w9.setup({ n }) simulates an ARIMA(2,1,1) series and w9.run fits it', () => {
    const state = w9.setup({ n: 2000 }, { seed: 3, threads: 1 }) as { y: Float64Array };
    expect(state.y).toHaveLength(2000);
    const loglik = w9.run(state) as number;
    expect(Number.isFinite(loglik)).toBe(true);
    expect(loglik / 1999).toBeCloseTo(-0.5 * (Math.log(2 * Math.PI) + 1), 1); // σ² ≈ 1
  });

  test('runCase(w9, { n: 2000 }) and the statsmodels anchor, when installed, time the same fit', async () => {
    const ours = await runCase(w9, { n: 2000 }, { seed: 1, threads: 1, repeats: 1 });
    expect(ours.median_ms).toBeGreaterThan(0);
    const anchor = w9.anchors[0];
    if (anchor.kind !== 'python') throw new Error('expected a python anchor');
    const r = await runPythonAnchor(
      anchor,
      { n: 2000 },
      { seed: 1, threads: 1, warmup: 1, repeats: 1 },
      ours.median_ms,
      new PythonFinder(),
    );
    if (r.status === 'missing') return; // statsmodels not installed here
    expect(r.status).toBe('ok');
    console.log(`W9 n=2000: convolab ${ours.median_ms.toFixed(1)} ms, ${JSON.stringify(r)}`);
  });
});
