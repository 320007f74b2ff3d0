import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { PythonFinder, pythonCandidates, runPythonAnchor } from '../../../src/cli/bench/python.js';

const hasNumpy = spawnSync('python3', ['-c', 'import numpy'], { stdio: 'ignore' }).status === 0;
const opts = { seed: 1, threads: 1, warmup: 1, repeats: 3 };

describe('pythonCandidates', () => {
  it('pythonCandidates({}) tries python3 then /usr/bin/python3', () => {
    expect(pythonCandidates({})).toEqual(['python3', '/usr/bin/python3']);
  });

  it('pythonCandidates({ CONVOLAB_PYTHON: "a:b:a" }) uses only the given list, deduplicated', () => {
    expect(pythonCandidates({ CONVOLAB_PYTHON: 'a:b:a' })).toEqual(['a', 'b']);
  });
});

describe('runPythonAnchor', () => {
  it('runPythonAnchor with a module no interpreter has reports missing', async () => {
    const r = await runPythonAnchor(
      { kind: 'python', name: 'numpy.dot', script: 'w0.py', module: 'no_such_module_convolab' },
      { n: 10 },
      opts,
      1,
      new PythonFinder(['python3']),
    );
    expect(r).toEqual({
      name: 'numpy.dot',
      status: 'missing',
      reason: 'python module no_such_module_convolab not importable (tried python3)',
    });
  });

  it('runPythonAnchor with an interpreter that does not exist reports missing', async () => {
    const r = await runPythonAnchor(
      { kind: 'python', name: 'numpy.dot', script: 'w0.py', module: 'numpy' },
      { n: 10 },
      opts,
      1,
      new PythonFinder(['/nonexistent/py']),
    );
    expect(r.status).toBe('missing');
  });

  it('runPythonAnchor with a script that is not there reports an error, not a throw', async () => {
    const r = await runPythonAnchor(
      { kind: 'python', name: 'x', script: 'nope.py', module: 'numpy' },
      { n: 10 },
      opts,
      1,
      new PythonFinder(['python3']),
    );
    expect(r.status).toBe('error');
  });

  it.skipIf(!hasNumpy)('runPythonAnchor(numpy.dot, n = 100000) times numpy and gives ratio = convolab / anchor', async () => {
    const r = await runPythonAnchor(
      { kind: 'python', name: 'numpy.dot', script: 'w0.py', module: 'numpy' },
      { n: 100000 },
      opts,
      2,
      new PythonFinder(['python3']),
    );
    expect(r.status).toBe('ok');
    if (r.status !== 'ok') return;
    expect(r.median_ms).toBeGreaterThan(0);
    expect(r.ratio).toBeCloseTo(2 / r.median_ms, 9);
    expect(r.runtime).toMatch(/^numpy \d/);
  });

  it.skipIf(!hasNumpy)('runPythonAnchor with an unknown anchor name reports the script’s error', async () => {
    const r = await runPythonAnchor(
      { kind: 'python', name: 'numpy.nope', script: 'w0.py', module: 'numpy' },
      { n: 10 },
      opts,
      1,
      new PythonFinder(['python3']),
    );
    expect(r.status).toBe('error');
    if (r.status === 'error') expect(r.reason).toContain("unknown anchor 'numpy.nope'");
  });
});
