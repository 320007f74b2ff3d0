import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { command } from '../../src/cli/commands/find.js';
import { Rng } from '../../src/core/index.js';
import { encodeWav } from '../../src/io/wav.js';
import { runIn } from '../match/cli.js';
import { tempDir } from './helpers.js';

describe('convolab find', () => {
  it('find SONG.wav CLIP.wav --json finds a clip hidden in a noisy stereo song (± 1 sample)', async () => {
    const rate = 8000;
    const rng = new Rng(9);
    const n = rate * 20;
    const left = Float32Array.from({ length: n }, () => rng.normal(0, 0.1));
    const right = Float32Array.from({ length: n }, () => rng.normal(0, 0.1));
    const clip = Float32Array.from({ length: rate }, (_, i) => 0.4 * Math.sin(i / 3) * Math.sin(i / 1100) + rng.normal(0, 0.05));
    const at = 123_457;
    for (let i = 0; i < clip.length; i++) {
      left[at + i] += clip[i];
      right[at + i] += clip[i];
    }
    const dir = tempDir();
    writeFileSync(join(dir, 'song.wav'), encodeWav([left, right], rate));
    writeFileSync(join(dir, 'clip.wav'), encodeWav([clip], rate, { format: 'float32' }));
    const r = await runIn(command, [join(dir, 'song.wav'), join(dir, 'clip.wav'), '--json', '--top', '2']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.sample_rate).toBe(rate);
    expect(Math.abs(doc.matches[0].offset - at)).toBeLessThanOrEqual(1);
    expect(doc.matches[0].seconds).toBeCloseTo(at / rate, 3);
    expect(doc.matches[0].score).toBeGreaterThan(0.9);
    expect(doc.matches[1].score).toBeLessThan(0.3);
    const text = await runIn(command, [join(dir, 'song.wav'), join(dir, 'clip.wav')]);
    expect(text.stdout).toMatch(/^15\.432 s \(sample 12345[67]\) score=0\.9\d+\n$/);
  });

  it('find rejects an empty file, a non-WAV file, a clip longer than the song and mismatched rates (exit 1)', async () => {
    const dir = tempDir();
    const tone = (n: number) => Float32Array.from({ length: n }, (_, i) => Math.sin(i));
    writeFileSync(join(dir, 'empty.wav'), new Uint8Array(0));
    writeFileSync(join(dir, 'text.wav'), 'not a wav file at all');
    writeFileSync(join(dir, 'a.wav'), encodeWav([tone(100)], 8000));
    writeFileSync(join(dir, 'b.wav'), encodeWav([tone(200)], 8000));
    writeFileSync(join(dir, 'c.wav'), encodeWav([tone(50)], 16000));
    const p = (f: string) => join(dir, f);
    expect(await runIn(command, [p('empty.wav'), p('a.wav')])).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/empty.wav: not a WAV file/),
    });
    expect(await runIn(command, [p('a.wav'), p('text.wav')])).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/text.wav: not a WAV file/),
    });
    expect(await runIn(command, [p('a.wav'), p('b.wav')])).toMatchObject({ code: 1, stderr: expect.stringMatching(/longer than/) });
    expect(await runIn(command, [p('b.wav'), p('c.wav')])).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/sample rate 16000 Hz differs/),
    });
    expect((await runIn(command, [p('b.wav'), p('a.wav'), '--top', 'x'])).code).toBe(2);
  });
});
