import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { command } from '../../src/cli/commands/arima.js';
import { decodePng } from '../../src/io/png.js';
import { runCommand, tempDir } from '../stats/cli-run.js';
import { expectClose, golden } from '../stats/golden.js';

const NILE = 'samples/series/nile.csv';
const nile = golden('arima.json').cases.find((c: { label: string }) => c.label === 'nile_arima111');

describe('convolab arima', () => {
  test('arima nile.csv --order 1,1,1 --diffuse approximate --forecast 12 --json matches statsmodels', async () => {
    const r = await runCommand(command, [
      NILE,
      '--column',
      'volume',
      '--order',
      '1,1,1',
      '--diffuse',
      'approximate',
      '--forecast',
      '12',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.loglik).toBeCloseTo(nile.llf, 4);
    expectClose([j.params['ar.L1'], j.params['ma.L1']], nile.params.slice(0, 2), { atol: 1e-4 });
    expectClose(j.forecast.mean, nile.forecast, { rtol: 1e-6 });
    expect(j.aic).toBeCloseTo(nile.aic, 3);
    expect(j.order).toEqual([1, 1, 1]);
  });

  test('arima --order 2,0,0 --forecast 5 -o plot.png prints a coefficient table and draws the fit', async () => {
    const png = join(tempDir(), 'fit.png');
    const r = await runCommand(command, [
      'samples/series/sunspots.csv',
      '--column',
      'SUNACTIVITY',
      '--order',
      '2,0,0',
      '--forecast',
      '5',
      '-o',
      png,
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/ARIMA\(2,0,0\) trend 'c'/);
    expect(r.stdout).toMatch(/ar\.L2/);
    expect(r.stdout).toMatch(/h= {2}5/);
    expect(decodePng(readFileSync(png)).image.shape).toEqual([3, 400, 800]);
  });

  test('arima --auto --max-p 2 --max-q 1 --json lists the searched orders', async () => {
    const r = await runCommand(command, [
      'samples/series/sunspots.csv',
      '--column',
      'SUNACTIVITY',
      '--auto',
      '--max-p',
      '2',
      '--max-q',
      '1',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.search).toHaveLength(6);
    expect(Math.min(...j.search.map((row: { aic: number }) => row.aic))).toBeCloseTo(j.aic, 8);
  });

  test('arima --order 0,1,1 --seasonal 0,1,1,12 fits the airline model like statsmodels', async () => {
    const air = golden('arima.json').cases.find((c: { label: string }) => c.label === 'sim_airline');
    const dir = tempDir();
    const csv = join(dir, 'air.csv');
    writeFileSync(csv, `y\n${air.y.join('\n')}\n`);
    const r = await runCommand(command, [csv, '--order', '0,1,1', '--seasonal', '0,1,1,12', '--forecast', '3', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.seasonal_order).toEqual([0, 1, 1, 12]);
    expect(Object.keys(j.params)).toEqual(['ma.L1', 'ma.S.L12', 'sigma2']);
    expect(j.loglik).toBeCloseTo(air.llf, 3);
    expectClose(j.forecast.mean, air.forecast.slice(0, 3), { rtol: 1e-4 });
    expect((await runCommand(command, [csv, '--order', '0,1,1', '--seasonal', '0,1,1'])).code).toBe(2);
  });

  test('arima refuses a constant series, a too-short one and a bad --order with clear messages', async () => {
    const dir = tempDir();
    const flat = join(dir, 'flat.csv');
    writeFileSync(flat, `y\n${'5\n'.repeat(30)}`);
    const c = await runCommand(command, [flat, '--order', '1,0,0']);
    expect(c.code).toBe(1);
    expect(c.stderr).toMatch(/x: the series is constant/);
    const short = join(dir, 'short.csv');
    writeFileSync(short, 'y\n1\n2\n4\n');
    const s = await runCommand(command, [short, '--order', '2,1,2']);
    expect(s.code).toBe(1);
    expect(s.stderr).toMatch(/too short for ARIMA\(2,1,2\)/);
    expect((await runCommand(command, [short, '--order', '2,1'])).code).toBe(2);
    expect((await runCommand(command, [short, '--order', '1,0,0', '--auto'])).code).toBe(2);
  });
});
