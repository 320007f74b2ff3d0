import { spawn } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatRecord, siPrefix } from '../../src/cli/commands/bench.js';
import { BIN, cli, ensureBuilt, ROOT } from './helpers.js';

beforeAll(ensureBuilt);

describe('convolab bench', () => {
  it('convolab bench W0 --json --repeats 3 prints one document with one record per case', () => {
    const r = cli(['bench', 'W0', '--json', '--repeats', '3', '--n', '100000']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.records).toHaveLength(1);
    const [rec] = doc.records;
    expect(rec).toMatchObject({
      workload: 'W0',
      case: 'n=100000',
      params: { n: 100000 },
      repeats: 3,
      threads: 1,
      throughput_unit: 'FLOP/s',
    });
    expect(rec.samples_ms).toHaveLength(3);
    expect(rec.median_ms).toBeGreaterThan(0);
    expect(rec.median_ms).toBeGreaterThanOrEqual(rec.min_ms);
    expect(rec.throughput).toBeCloseTo((2 * 100000) / (rec.median_ms / 1000), 0);
    expect(rec.anchors).toBeUndefined();
  });

  it('convolab bench W0 --compare reports numpy.dot as ok with a ratio, or as missing', () => {
    const r = cli(['bench', 'w0', '--compare', '--json', '--repeats', '3', '--n', '100000']);
    expect(r.code).toBe(0);
    const [anchor] = JSON.parse(r.stdout).records[0].anchors;
    expect(anchor.name).toBe('numpy.dot');
    if (anchor.status === 'ok') expect(anchor.ratio).toBeCloseTo(JSON.parse(r.stdout).records[0].median_ms / anchor.median_ms, 6);
    else expect(anchor.status).toBe('missing');
  });

  it('convolab bench W0 --compare --rounds 2 times the case and its anchor twice: rounds 2, 2 × repeats samples, a ratio range', () => {
    const r = cli(['bench', 'W0', '--compare', '--json', '--repeats', '3', '--rounds', '2', '--n', '100000']);
    expect(r.code).toBe(0);
    const rec = JSON.parse(r.stdout).records[0];
    expect(rec.rounds).toBe(2);
    expect(rec.samples_ms).toHaveLength(6);
    const [anchor] = rec.anchors;
    if (anchor.status === 'ok') {
      expect(anchor.ratio_range).toHaveLength(2);
      expect(anchor.ratio).toBeGreaterThanOrEqual(anchor.ratio_range[0]);
      expect(anchor.ratio).toBeLessThanOrEqual(anchor.ratio_range[1]);
    } else expect(anchor.status).toBe('missing');
    const text = cli(['bench', 'W0', '--compare', '--repeats', '2', '--rounds', '2', '--n', '1000']);
    expect(text.stdout).toMatch(/median of 2 rounds of 2/);
    expect(cli(['bench', 'W0', '--rounds', '0']).code).toBe(2);
  });

  it('convolab bench W0 --compare without any python reports the anchor missing, exit 0', () => {
    const r = cli(['bench', 'W0', '--compare', '--repeats', '1', '--n', '1000'], { CONVOLAB_PYTHON: '/nonexistent/python' });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/numpy\.dot {2}missing: python module numpy not importable/);
  });

  it('convolab bench W99 is a usage error naming the workload', () => {
    const r = cli(['bench', 'W99']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"W99"');
  });

  it('convolab bench --repeats 0 is a usage error naming --repeats', () => {
    const r = cli(['bench', 'W0', '--repeats', '0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--repeats');
  });

  it('convolab bench W0 --size 5 notes that W0 does not read --size', () => {
    const r = cli(['bench', 'W0', '--size', '5', '--repeats', '1', '--n', '1000']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('--size is not used by W0');
  });

  it.each(['SIGINT', 'SIGTERM'] as const)('%s stops a long convolab bench with exit 130', async (signal) => {
    const child = spawn(process.execPath, [BIN, 'bench', 'W0', '--repeats', '100000', '--n', '1000000'], { cwd: ROOT });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    // Long enough for the child to import the CLI and install its handlers, even on a loaded machine.
    await new Promise((r) => setTimeout(r, 2500));
    child.kill(signal);
    const code = await new Promise((r) => child.on('close', r));
    expect(code).toBe(130);
    expect(stderr).toContain('interrupted');
  });
});

describe('bench formatting', () => {
  it('siPrefix(918_100_000) is "918.1 M"', () => {
    expect(siPrefix(918_100_000)).toBe('918.1 M');
    expect(siPrefix(12.5)).toBe('12.50 ');
  });

  it('formatRecord shows the ratio of an ok anchor and the reason of a missing one', () => {
    const text = formatRecord({
      workload: 'W0',
      case: 'n=10',
      params: { n: 10 },
      repeats: 3,
      threads: 1,
      median_ms: 2,
      min_ms: 1,
      samples_ms: [1, 2, 3],
      throughput: 1e4,
      throughput_unit: 'FLOP/s',
      anchors: [
        { name: 'numpy.dot', status: 'ok', median_ms: 0.5, min_ms: 0.5, ratio: 4 },
        { name: 'cv2.x', status: 'missing', reason: 'no cv2' },
      ],
    });
    expect(text).toContain('W0  n=10  2.000 ms (median of 3)  10.00 kFLOP/s  1 thread');
    expect(text).toContain('numpy.dot  0.500 ms  ratio 4.00');
    expect(text).toContain('cv2.x  missing: no cv2');
  });
});
