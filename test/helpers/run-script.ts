/**
 * Runs one of the scripts/*.mjs measurements (mem-*, w2-bound, fresh-pages) over the built dist/
 * in a child process, so the peak RSS it reports is its own, and returns its JSON line. The test fails with the child's
 * stderr when it exits with an error.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export function runScript<T>(script: string, args: string[], timeout = 120_000, opts: { dist?: boolean } = {}): T {
  const dist = opts.dist === false ? [] : ['--dist', `${ROOT}dist`]; // scripts that load nothing from dist/ take no --dist
  const r = spawnSync(process.execPath, [`scripts/${script}`, ...args, ...dist], { cwd: ROOT, encoding: 'utf8', timeout });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as T;
}
