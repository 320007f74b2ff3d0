/**
 * Python anchors for `convolab bench --compare`: find interpreters that can import the anchor's
 * module (numpy, scipy, cv2, torch — tried by importing), then run `bench/anchors/<script>` with
 * the case as JSON on stdin and read its median as JSON. A module found nowhere is "missing".
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AnchorResult } from '../../bench/run.js';
import type { AnchorSpec, CaseParams } from '../../bench/workload.js';
import { environmentBefore } from '../huge-pages.js';

/** `bench/anchors/` at the package root (this file is `{src,dist}/cli/bench/python.*`). */
export const ANCHOR_DIR = fileURLToPath(new URL('../../../bench/anchors/', import.meta.url));

/**
 * Interpreters tried in order: `CONVOLAB_PYTHON` (a `:`-separated list) when set, else `python3`
 * on PATH, then Debian's `/usr/bin/python3` (where `apt install python3-opencv` puts cv2).
 */
export function pythonCandidates(env: NodeJS.ProcessEnv = process.env): string[] {
  const given = env.CONVOLAB_PYTHON?.split(':').filter(Boolean);
  return [...new Set(given?.length ? given : ['python3', '/usr/bin/python3'])];
}

interface ProcResult {
  code: number | null;
  stdout: string;
  stderr: string;
  error?: Error;
}

function runProcess(cmd: string, args: string[], input: string, opts: { signal?: AbortSignal; timeoutMs?: number }): Promise<ProcResult> {
  return new Promise((resolve) => {
    // Our own timer: spawn's `timeout` option keeps the event loop alive after a failed spawn.
    // The environment the user gave convolab, without the tunable its relaunch added (cli/huge-pages.ts).
    const child = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'], signal: opts.signal, env: environmentBefore() });
    const timer = opts.timeoutMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs);
    let stdout = '';
    let stderr = '';
    const finish = (r: ProcResult): void => {
      clearTimeout(timer);
      resolve(r);
    };
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.stdin.on('error', () => {});
    child.on('error', (error) => finish({ code: null, stdout, stderr, error }));
    child.on('close', (code) => finish({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

const PROBE = `
import importlib, json, sys
found = {}
for name in sys.argv[1:]:
    try:
        m = importlib.import_module(name)
        found[name] = str(getattr(m, "__version__", "?"))
    except Exception:
        pass
print(json.dumps(found))
`;

/** Which modules each interpreter can import; one probe per interpreter per process. */
export class PythonFinder {
  private readonly probes = new Map<string, Promise<Record<string, string>>>();
  private readonly candidates: string[];

  constructor(candidates: string[] = pythonCandidates()) {
    this.candidates = candidates;
  }

  /** Probe for all `modules` at once (import is what decides; cv2 / torch are slow to import). */
  async interpreterFor(module: string, modules: readonly string[] = [module]): Promise<{ python: string; version: string } | undefined> {
    for (const python of this.candidates) {
      let probe = this.probes.get(python);
      if (!probe) {
        probe = runProcess(python, ['-c', PROBE, ...new Set([...modules, module])], '', { timeoutMs: 120_000 }).then((r) => {
          try {
            return r.code === 0 ? (JSON.parse(r.stdout) as Record<string, string>) : {};
          } catch {
            return {};
          }
        });
        this.probes.set(python, probe);
      }
      const found = await probe;
      if (found[module] !== undefined) return { python, version: found[module] };
    }
    return undefined;
  }

  get tried(): string {
    return this.candidates.join(', ');
  }
}

export interface PythonRunOptions {
  seed: number;
  threads: number;
  warmup: number;
  /** Keep warming up until this much time passed (default 100 ms). */
  warmupMs?: number;
  repeats: number;
  signal?: AbortSignal;
  /** Per anchor run (default 10 minutes). */
  timeoutMs?: number;
}

/** Run one python anchor on one case and compare with convolab's median. */
export async function runPythonAnchor(
  anchor: Extract<AnchorSpec, { kind: 'python' }>,
  params: CaseParams,
  opts: PythonRunOptions,
  convolabMs: number,
  finder: PythonFinder,
  allModules: readonly string[] = [anchor.module],
): Promise<AnchorResult> {
  const script = `${ANCHOR_DIR}${anchor.script}`;
  if (!existsSync(script)) return { name: anchor.name, status: 'error', reason: `anchor script ${script} not found` };
  const found = await finder.interpreterFor(anchor.module, allModules);
  if (!found)
    return { name: anchor.name, status: 'missing', reason: `python module ${anchor.module} not importable (tried ${finder.tried})` };
  const request = JSON.stringify({
    anchor: anchor.name,
    params,
    seed: opts.seed,
    threads: opts.threads,
    warmup: opts.warmup,
    warmup_ms: opts.warmupMs ?? 100,
    repeats: opts.repeats,
  });
  const r = await runProcess(found.python, [script], request, { signal: opts.signal, timeoutMs: opts.timeoutMs ?? 600_000 });
  if (opts.signal?.aborted) throw opts.signal.reason ?? new Error('aborted');
  const line = r.stdout.trim().split('\n').pop() ?? '';
  let reply: { median_ms?: number; min_ms?: number; runtime?: string; missing?: string; error?: string };
  try {
    reply = JSON.parse(line);
  } catch {
    const why = r.error?.message ?? (r.stderr.trim().split('\n').pop() || `exit code ${r.code}`);
    return { name: anchor.name, status: 'error', reason: `${found.python} ${anchor.script}: ${why}` };
  }
  if (reply.missing !== undefined) return { name: anchor.name, status: 'missing', reason: reply.missing };
  if (typeof reply.median_ms !== 'number') return { name: anchor.name, status: 'error', reason: reply.error ?? `no median_ms in ${line}` };
  return {
    name: anchor.name,
    status: 'ok',
    median_ms: reply.median_ms,
    min_ms: reply.min_ms ?? reply.median_ms,
    ratio: convolabMs / reply.median_ms,
    runtime: `${reply.runtime ?? found.version} (${found.python})`,
  };
}
