import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { command } from '../../src/cli/commands/acf.js';
import { decodePng } from '../../src/io/png.js';
import { runCommand, tempDir } from '../stats/cli-run.js';
import { expectClose, golden } from '../stats/golden.js';

const SUN = 'samples/series/sunspots.csv';
const g = golden('acf.json').series.sunspots;

describe('convolab acf', () => {
  test('acf sunspots.csv --column SUNACTIVITY --lags 25 --json matches statsmodels acf and its band', async () => {
    const r = await runCommand(command, [SUN, '--column', 'SUNACTIVITY', '--lags', '25', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expectClose(j.acf, g.acf, { atol: 1e-10 });
    expectClose(
      j.lower.flatMap((lo: number, k: number) => [lo, j.upper[k]]),
      g.acf_ci,
      { atol: 1e-10 },
    );
    expect(j.ljung_box.pvalue).toBeLessThan(1e-10);
  });

  test('acf --pacf --method ldb --lags 20 --json matches statsmodels pacf', async () => {
    const r = await runCommand(command, [SUN, '--column', 'SUNACTIVITY', '--pacf', '--method', 'ldb', '--lags', '20', '--json']);
    expect(r.code).toBe(0);
    expectClose(JSON.parse(r.stdout).pacf, g.pacf.ldb.pacf, { atol: 1e-10 });
  });

  test('acf -o plot.png writes a PNG and prints the table', async () => {
    const png = join(tempDir(), 'acf.png');
    const r = await runCommand(command, [SUN, '--column', 'SUNACTIVITY', '--lags', '10', '-o', png]);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^lag\s+acf\s+lower\s+upper$/);
    expect(r.stdout).toMatch(/Ljung–Box Q\(10\)/);
    expect(decodePng(readFileSync(png)).image.shape[0]).toBe(3);
  });

  test('acf refuses --method without --pacf (exit 2) and a missing file (exit 1)', async () => {
    expect((await runCommand(command, [SUN, '--method', 'burg'])).code).toBe(2);
    const r = await runCommand(command, ['no/such.csv']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no\/such\.csv: cannot read \(no such file\)/);
  });
});
