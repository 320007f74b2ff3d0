import { spawn } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  environmentBefore,
  glibcHasTunable,
  glibcVersion,
  HUGETLB_TUNABLE,
  hugePagesInUse,
  relaunchWanted,
  thpMode,
  withTunable,
} from '../../src/cli/huge-pages.js';
import { BIN, cli, ensureBuilt, ROOT } from './helpers.js';

beforeAll(ensureBuilt);

describe('huge pages (src/cli/huge-pages.ts)', () => {
  it('thpMode reads the bracketed mode, and undefined where the file is missing or odd', () => {
    expect(thpMode(() => 'always [madvise] never\n')).toBe('madvise');
    expect(thpMode(() => '[always] madvise never')).toBe('always');
    expect(thpMode(() => 'nothing here')).toBeUndefined();
    expect(
      thpMode(() => {
        throw new Error('ENOENT');
      }),
    ).toBeUndefined();
  });

  it('relaunchWanted: Linux with glibc ≥ 2.35 and THP on request only, unless the tunable is set or CONVOLAB_HUGE_PAGES=0', () => {
    const glibc = () => '2.36';
    expect(relaunchWanted({}, 'linux', 'madvise', glibc)).toBe(true);
    expect(relaunchWanted({ GLIBC_TUNABLES: `glibc.malloc.check=0:${HUGETLB_TUNABLE}` }, 'linux', 'madvise', glibc)).toBe(false);
    expect(relaunchWanted({ CONVOLAB_HUGE_PAGES: '0' }, 'linux', 'madvise', glibc)).toBe(false);
    expect(relaunchWanted({}, 'linux', 'always', glibc)).toBe(false);
    expect(relaunchWanted({}, 'linux', 'never', glibc)).toBe(false);
    expect(relaunchWanted({}, 'linux', '', glibc)).toBe(false); // no THP file
    expect(relaunchWanted({}, 'darwin', 'madvise', glibc)).toBe(false);
    expect(relaunchWanted({}, 'linux', 'madvise', () => undefined)).toBe(false); // musl
    expect(relaunchWanted({}, 'linux', 'madvise', () => '2.31')).toBe(false); // no tunable yet
    expect(relaunchWanted({}, 'linux', 'madvise', glibc, ['--inspect-brk=9230'])).toBe(false); // a debugger on this process
    expect(relaunchWanted({}, 'linux', 'madvise', glibc, ['--cpu-prof'])).toBe(true);
  });

  it('glibcHasTunable: 2.35 and later; glibcVersion reads this process', () => {
    expect(['2.34', '2.35', '2.41', '3.0', ''].map(glibcHasTunable)).toEqual([false, true, true, true, false]);
    expect(glibcHasTunable(undefined)).toBe(false);
    if (process.platform === 'linux') expect(glibcVersion() ?? '2.0').toMatch(/^\d+\.\d+/);
  });

  it('withTunable adds to GLIBC_TUNABLES without losing what is there; environmentBefore gives back what was there', () => {
    expect(withTunable({}).GLIBC_TUNABLES).toBe(HUGETLB_TUNABLE);
    expect(withTunable({ GLIBC_TUNABLES: 'glibc.malloc.check=0' }).GLIBC_TUNABLES).toBe(`glibc.malloc.check=0:${HUGETLB_TUNABLE}`);
    expect(environmentBefore(withTunable({ HOME: '/h' }))).toEqual({ HOME: '/h' });
    expect(environmentBefore(withTunable({ GLIBC_TUNABLES: 'glibc.malloc.check=0' }))).toEqual({ GLIBC_TUNABLES: 'glibc.malloc.check=0' });
    expect(environmentBefore({ GLIBC_TUNABLES: HUGETLB_TUNABLE })).toEqual({ GLIBC_TUNABLES: HUGETLB_TUNABLE }); // set by the user: kept
  });

  it('hugePagesInUse: THP always, or madvise with the tunable', () => {
    expect(hugePagesInUse({}, 'always')).toBe(true);
    expect(hugePagesInUse({}, 'madvise')).toBe(false);
    expect(hugePagesInUse({ GLIBC_TUNABLES: HUGETLB_TUNABLE }, 'madvise', () => '2.36')).toBe(true);
    expect(hugePagesInUse({ GLIBC_TUNABLES: HUGETLB_TUNABLE }, 'madvise', () => '2.31')).toBe(false); // not read
    expect(hugePagesInUse({ GLIBC_TUNABLES: HUGETLB_TUNABLE }, 'never')).toBe(false);
  });

  it('convolab info reports huge pages as this machine gives them, relaunched or not', () => {
    const mode = thpMode();
    const on = cli(['info', '--json'], { CONVOLAB_HUGE_PAGES: '', GLIBC_TUNABLES: '' });
    expect(on.code).toBe(0);
    const relaunched = process.platform === 'linux' && mode === 'madvise' && glibcHasTunable(glibcVersion());
    expect(JSON.parse(on.stdout).huge_pages).toBe(mode === 'always' || relaunched);
    const off = cli(['info', '--json'], { CONVOLAB_HUGE_PAGES: '0', GLIBC_TUNABLES: '' });
    expect(JSON.parse(off.stdout).huge_pages).toBe(mode === 'always');
  });

  it('the relaunched command passes its exit status and output through', () => {
    const r = cli(['convolve'], { CONVOLAB_HUGE_PAGES: '', GLIBC_TUNABLES: '' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/convolab convolve/);
    expect(r.stdout).toBe('');
  });

  it('SIGTERM to the command stops the relaunched child too (no orphan left serving)', async () => {
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0'], {
      cwd: ROOT,
      env: { ...process.env, CONVOLAB_HUGE_PAGES: '', GLIBC_TUNABLES: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString();
    });
    await new Promise<void>((ready, fail) => {
      const t = setTimeout(() => fail(new Error(`serve did not start: ${out}`)), 20_000);
      child.stdout.on('data', () => {
        if (/http:\/\//.test(out)) {
          clearTimeout(t);
          ready();
        }
      });
    });
    const url = /(http:\/\/[^\s]+)/.exec(out)?.[1] ?? '';
    expect((await fetch(url)).status).toBe(200);
    child.kill('SIGTERM');
    const code = await new Promise<number | null>((done) => child.once('exit', (c, s) => done(c ?? (s === null ? null : -1))));
    expect(code).not.toBeNull();
    // nothing answers there any more: the serving process (the child, where relaunched) has gone
    await expect(fetch(url)).rejects.toThrow();
  }, 40_000);
});
