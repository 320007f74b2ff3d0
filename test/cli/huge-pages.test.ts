import { spawn } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { environmentBefore, HUGETLB_TUNABLE, hugePagesInUse, relaunchWanted, thpMode, withTunable } from '../../src/cli/huge-pages.js';
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

  it('relaunchWanted: Linux with THP on request only, unless the tunable is set or CONVOLAB_HUGE_PAGES=0', () => {
    expect(relaunchWanted({}, 'linux', 'madvise')).toBe(true);
    expect(relaunchWanted({ GLIBC_TUNABLES: `glibc.malloc.check=0:${HUGETLB_TUNABLE}` }, 'linux', 'madvise')).toBe(false);
    expect(relaunchWanted({ CONVOLAB_HUGE_PAGES: '0' }, 'linux', 'madvise')).toBe(false);
    expect(relaunchWanted({}, 'linux', 'always')).toBe(false);
    expect(relaunchWanted({}, 'linux', 'never')).toBe(false);
    expect(relaunchWanted({}, 'linux', '')).toBe(false); // no THP file
    expect(relaunchWanted({}, 'darwin', 'madvise')).toBe(false);
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
    expect(hugePagesInUse({ GLIBC_TUNABLES: HUGETLB_TUNABLE }, 'madvise')).toBe(true);
    expect(hugePagesInUse({ GLIBC_TUNABLES: HUGETLB_TUNABLE }, 'never')).toBe(false);
  });

  it('convolab info reports huge pages as this machine gives them, relaunched or not', () => {
    const mode = thpMode();
    const on = cli(['info', '--json'], { CONVOLAB_HUGE_PAGES: '', GLIBC_TUNABLES: '' });
    expect(on.code).toBe(0);
    expect(JSON.parse(on.stdout).huge_pages).toBe(mode === 'always' || (process.platform === 'linux' && mode === 'madvise'));
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
