import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { command } from '../../src/cli/commands/orientation.js';
import { encodePng } from '../../src/io/png.js';
import { rotate } from '../../src/spectrum/rotate.js';
import { runCommand, tempDir } from '../spectrum/cli.js';
import { grating, sample } from '../spectrum/helpers.js';

describe('convolab orientation', () => {
  it('orientation stripes.png --json prints the angle of a 30° grating', async () => {
    const file = join(tempDir(), 'stripes.png');
    writeFileSync(file, encodePng(grating(128, 128, 30, 0.15)));
    const r = await runCommand(command, [file, '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(Math.abs(doc.angle - 30)).toBeLessThan(1);
    expect(doc.confidence).toBeGreaterThan(0.8);
    expect(doc.peaks[0]).toHaveProperty('strength');
  });

  it('orientation rotated.png --reference brick.png reports the rotation within 2°', async () => {
    const file = join(tempDir(), 'rotated.png');
    writeFileSync(file, encodePng(rotate(sample('brick.png'), 25)));
    const r = await runCommand(command, [file, '--reference', 'samples/brick.png', '--json']);
    expect(r.code).toBe(0);
    expect(Math.abs(JSON.parse(r.stdout).rotation.angle - 25)).toBeLessThan(2);
    const text = await runCommand(command, [file, '--reference', 'samples/brick.png']);
    expect(text.stdout).toMatch(/orientation \d+\.\d°.*\n.*peak/);
    expect(text.stdout).toMatch(/rotation from samples\/brick.png: 2\d\.\d° CCW/);
  });

  it('orientation --peaks 0 exits 2 naming the range', async () => {
    const r = await runCommand(command, ['samples/brick.png', '--peaks', '0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('option --peaks: expected an integer 1..10');
  });
});
