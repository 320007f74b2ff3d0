/**
 * Transparent huge pages for the `convolab` process (Node-only; bin/convolab.js calls it first).
 *
 * A new large array (a 64 MiB output, W3) costs its first writes one page fault per 4 KiB page:
 * ~1.9 µs each on this VM, 15 ms per worker for W3's output, 22 ms of W2's 67 MB copy-out. numpy
 * asks for 2 MiB pages with madvise(MADV_HUGEPAGE); Node has no such call, but glibc (2.35 or
 * later) does it for every mmap'd allocation under the tunable `glibc.malloc.hugetlb=1`, which it
 * reads only at process start. So where the kernel gives huge pages only on request
 * (/sys/kernel/mm/transparent_hugepage/enabled is `madvise`), the CLI runs itself again in a child
 * process with the tunable set, passing the exit status and signals through. Measured with
 * `convolab bench W2 W3` (docs/benchmarks.md): filling a new 64 MiB buffer 29.7 → 13.6 ms; W3 3×3
 * with a new output 30.6 → 24.5 ms; W2 4096² float32 rfft2, 1 thread, 102 → 89 ms.
 *
 * Library users get the same by starting node with `GLIBC_TUNABLES=glibc.malloc.hugetlb=1`.
 * `CONVOLAB_HUGE_PAGES=0` turns the relaunch off. Elsewhere (another OS, musl, glibc before 2.35,
 * THP `always` or `never`) it does nothing.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { constants } from 'node:os';

export const HUGETLB_TUNABLE = 'glibc.malloc.hugetlb=1';

const THP_ENABLED = '/sys/kernel/mm/transparent_hugepage/enabled';

/** The kernel's THP mode (the bracketed word of THP_ENABLED), or undefined where there is none. */
export function thpMode(read: (path: string) => string = (p) => readFileSync(p, 'utf8')): string | undefined {
  try {
    return /\[(\w+)\]/.exec(read(THP_ENABLED))?.[1];
  } catch {
    return undefined;
  }
}

/** Whether this process's large allocations get huge pages: THP `always`, or `madvise` with the tunable set (and read). */
export function hugePagesInUse(
  env: NodeJS.ProcessEnv = process.env,
  mode = thpMode(),
  glibc: () => string | undefined = glibcVersion,
): boolean {
  return mode === 'always' || (mode === 'madvise' && hasTunable(env) && glibcHasTunable(glibc()));
}

const hasTunable = (env: NodeJS.ProcessEnv): boolean => (env.GLIBC_TUNABLES ?? '').split(':').includes(HUGETLB_TUNABLE);

/** glibc's version ("2.36"), from Node's diagnostic report; undefined without glibc (musl, other systems). */
export function glibcVersion(): string | undefined {
  try {
    const report = process.report as unknown as { excludeNetwork?: boolean; getReport(): { header?: { glibcVersionRuntime?: string } } };
    report.excludeNetwork = true; // no DNS lookups for the report (it costs ~4 ms)
    return report.getReport().header?.glibcVersionRuntime;
  } catch {
    return undefined;
  }
}

/** Whether glibc `version` reads the tunable (2.35 and later). */
export function glibcHasTunable(version: string | undefined): boolean {
  const [major, minor] = (version ?? '').split('.').map(Number);
  return major > 2 || (major === 2 && minor >= 35);
}

/**
 * Whether a relaunch would bring huge pages: Linux with glibc 2.35 or later, THP on request only,
 * the tunable not yet set, not turned off, and node not started with a debugger (`--inspect…`:
 * the child could not take its port, and the parent would be the process debugged). `glibc` is
 * asked last (a diagnostic report).
 */
export function relaunchWanted(
  env: NodeJS.ProcessEnv = process.env,
  platform: string = process.platform,
  mode = thpMode(),
  glibc: () => string | undefined = glibcVersion,
  execArgv: readonly string[] = process.execArgv,
): boolean {
  if (platform !== 'linux' || env.CONVOLAB_HUGE_PAGES === '0' || hasTunable(env) || mode !== 'madvise') return false;
  if (execArgv.some((a) => a.startsWith('--inspect') || a.startsWith('--debug'))) return false;
  return glibcHasTunable(glibc());
}

/** Set in the relaunched process: GLIBC_TUNABLES as it was before ('' where it was unset). */
const PRIOR = 'CONVOLAB_PRIOR_GLIBC_TUNABLES';

/** GLIBC_TUNABLES with the huge-page tunable added to what is there (which PRIOR keeps). */
export function withTunable(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const prior = env.GLIBC_TUNABLES ?? '';
  return { ...env, GLIBC_TUNABLES: prior === '' ? HUGETLB_TUNABLE : `${prior}:${HUGETLB_TUNABLE}`, [PRIOR]: prior };
}

/**
 * The environment as it was before the relaunch, for the other programs convolab starts (the
 * anchors of `convolab bench --compare`): they run as they would without convolab, not with the
 * tunable it chose for itself (scipy.fft with it: n = 65536 in 0.56 ms instead of 0.80).
 */
export function environmentBefore(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  if (env[PRIOR] === undefined) return env;
  const { [PRIOR]: prior, ...rest } = env;
  if (prior === '') delete rest.GLIBC_TUNABLES;
  else rest.GLIBC_TUNABLES = prior;
  return rest;
}

/** Signals a terminal or a supervisor sends that the child must see: passed on, not acted on here. */
const FORWARDED: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT'];

/**
 * Runs this same command again in a child process with huge pages (see above) and resolves with
 * true once it has exited (process.exitCode set to its status); resolves false at once where no
 * relaunch is wanted, or when the child cannot be started: the caller then runs the command here.
 */
export function relaunchWithHugePages(): Promise<boolean> {
  if (!relaunchWanted()) return Promise.resolve(false);
  return new Promise((done) => {
    const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
      stdio: 'inherit',
      env: withTunable(process.env),
    });
    // a terminal's Ctrl-C reaches both processes (one process group): this one waits for the child
    const forward = (signal: NodeJS.Signals): void => {
      child.kill(signal);
    };
    for (const s of FORWARDED) process.on(s, forward);
    let started = false;
    child.once('spawn', () => {
      started = true;
    });
    child.on('error', () => {
      if (started) return; // a signal that could not be passed on: the child still runs
      for (const s of FORWARDED) process.off(s, forward);
      done(false); // not started: run here, without huge pages
    });
    child.once('exit', (code, signal) => {
      for (const s of FORWARDED) process.off(s, forward);
      process.exitCode = code ?? 128 + (signal === null ? 1 : (constants.signals[signal] ?? 1));
      done(true);
    });
  });
}
