import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { command, formatDuration, progressNote } from '../../src/cli/commands/batch.js';
import { formatCommandHelp } from '../../src/cli/help.js';
import { runInProcess } from '../batch/cli-helpers.js';
import { tempDir, writePngs } from '../batch/helpers.js';

function setup(recipe: unknown = { steps: [{ step: 'filter', options: { kernel: 'box:3' } }] }) {
  const dir = tempDir();
  const input = join(dir, 'in');
  writePngs(input, 6);
  writeFileSync(join(dir, 'recipe.json'), JSON.stringify(recipe));
  return { dir, input, recipe: join(dir, 'recipe.json'), out: join(dir, 'out') };
}

describe('convolab batch', () => {
  it('batch RECIPE --input DIR --out DIR --json prints the summary; a rerun skips everything', async () => {
    const s = setup();
    const r = await runInProcess(command, [s.recipe, '--input', s.input, '--out', s.out, '--json', '--threads', '1']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ out: s.out, total: 6, done: 6, skipped: 0, failed: 0, interrupted: false, failures: [] });
    expect(doc.items_per_s).toBeGreaterThan(0);
    expect(existsSync(join(s.out, 'sub', 'img003.png'))).toBe(true);
    const again = await runInProcess(command, [s.recipe, '--input', s.input, '--out', s.out]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^6 items: 0 done, 6 skipped \(already done\), 0 failed/);
  });

  it('batch with a corrupt input exits 3 and names it', async () => {
    const s = setup();
    writeFileSync(join(s.input, 'broken.png'), 'garbage');
    const r = await runInProcess(command, [s.recipe, '--input', s.input, '--out', s.out, '--threads', '2']);
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('7 items: 6 done, 0 skipped (already done), 1 failed');
    expect(r.stdout).toContain(`failed: ${join(s.input, 'broken.png')}: not a PNG or JPEG image`);
  });

  it('batch with a bad recipe is refused before any work, naming the JSON path', async () => {
    const s = setup({
      steps: [
        { step: 'filter', options: { kernel: 'box:3' } },
        { step: 'filter', options: { kernel: 'gaussian', sigma: 2 } },
      ],
    });
    const r = await runInProcess(command, [s.recipe, '--input', s.input, '--out', s.out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${s.recipe}: steps[1].options.sigma: unknown key`);
    expect(existsSync(s.out)).toBe(false);
    const s2 = setup({ steps: [{ step: 'embed' }] });
    expect((await runInProcess(command, [s2.recipe, '--input', s2.input, '--out', s2.out])).stderr).toContain(
      'steps[0].step: unknown step "embed"',
    );
    const s3 = setup();
    writeFileSync(s3.recipe, '{"steps": [');
    expect((await runInProcess(command, [s3.recipe, '--input', s3.input, '--out', s3.out])).stderr).toContain(
      `${s3.recipe}: not valid JSON`,
    );
  });

  it('batch usage errors exit 2', async () => {
    const s = setup();
    expect((await runInProcess(command, [s.recipe, '--input', s.input])).code).toBe(2);
    expect((await runInProcess(command, [s.recipe, '--out', s.out])).code).toBe(2);
    expect((await runInProcess(command, ['--status'])).code).toBe(2);
    expect((await runInProcess(command, ['--retry-failed'])).stderr).toContain('--retry-failed needs --queue');
    expect((await runInProcess(command, [s.recipe, '--input', s.input, '--out', s.out, '--wait'])).code).toBe(2);
    expect(
      (await runInProcess(command, [s.recipe, '--input', s.input, '--out', s.out, '--queue', 'redis://x/0', '--threads', '2'])).code,
    ).toBe(2);
    expect((await runInProcess(command, [s.recipe, '--input', s.input, '--out', s.out, '--threads', '0'])).code).toBe(2);
  });

  it('batch --input GLOB and a manifest select the same items', async () => {
    const s = setup();
    writeFileSync(join(s.dir, 'list.txt'), 'in/img000.png\nin/sub/img003.png\n');
    const glob = await runInProcess(command, [
      s.recipe,
      '--input',
      join(s.input, '**/img00[03].png'),
      '--out',
      join(s.dir, 'o1'),
      '--json',
    ]);
    const list = await runInProcess(command, [s.recipe, '--input', 'list.txt', '--out', 'o2', '--json'], { cwd: s.dir });
    expect(JSON.parse(glob.stdout).done).toBe(2);
    expect(JSON.parse(list.stdout).done).toBe(2);
    expect(readFileSync(join(s.dir, 'o1', 'sub/img003.png')).equals(readFileSync(join(s.dir, 'o2', 'in/sub/img003.png')))).toBe(true);
  });

  it('batch on a TTY draws a progress bar with items/s and ETA on stderr', async () => {
    const s = setup();
    const r = await runInProcess(command, [s.recipe, '--input', s.input, '--out', s.out], { tty: true });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/batch \[#+-*\] \d\/6 [\d.]+ items\/s, ETA \d+:\d\d/);
  });

  it('batch --help lists the steps and an example', () => {
    const help = formatCommandHelp(command);
    expect(help).toContain('filter (correlate each channel');
    expect(help).toContain('convolab batch blur.json --input photos/ --out blurred/');
  });

  it('formatDuration(s) / progressNote(...) format the bar note', () => {
    expect(formatDuration(5)).toBe('0:05');
    expect(formatDuration(3725)).toBe('1:02:05');
    expect(progressNote(10, 30, 2, 5)).toBe('2.0 items/s, ETA 0:10, 2 failed');
    expect(progressNote(0, 30, 0, 0)).toBe('0.0 items/s, ETA ?');
  });
});

describe('convolab batch with a match step', () => {
  it('batch RECIPE (match) journals each item’s matches; a missing template is refused before any work', async () => {
    const s = setup({ steps: [{ step: 'match', options: { template: 'tpl.png', top: 1 } }] });
    const r0 = await runInProcess(command, [s.recipe, '--input', s.input, '--out', s.out]);
    expect(r0.code).toBe(1);
    expect(r0.stderr).toContain('steps[0].options.template: ');
    expect(r0.stderr).toContain('tpl.png: cannot read the template (no such file)');
    expect(existsSync(s.out)).toBe(false);
    writeFileSync(join(s.dir, 'tpl.png'), readFileSync(join(s.input, 'img000.png')));
    const r = await runInProcess(command, [s.recipe, '--input', s.input, '--out', s.out, '--threads', '2']);
    expect(r.stderr).toBe('');
    const lines = readFileSync(join(s.out, '.convolab-batch.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const self = lines.find((l) => l.input.endsWith('img000.png'));
    expect(self.info.matches).toEqual([{ x: 0, y: 0, score: expect.closeTo(1, 4) }]);
    expect(lines.filter((l) => l.t === 'done').length + lines.filter((l) => l.t === 'failed').length).toBe(6);
  });
});
