/**
 * `convolab find SONG.wav CLIP.wav` — where a short recording occurs in a long one: normalised
 * cross-correlation of the clip (mixed to mono) with every window of the song, best first.
 */
import { resolve } from 'node:path';
import { AbortError, ShapeError } from '../../core/errors.js';
import { decodeWav } from '../../io/wav.js';
import { findSnippet } from '../../match/snippet.js';
import { intOption } from '../args.js';
import type { Command, CommandContext, ParsedArgs } from '../command.js';
import { readHead } from '../files.js';
import { UsageError } from '../usage.js';

async function readWav(path: string, cwd: string) {
  const { bytes } = await readHead(resolve(cwd, path), Number.MAX_SAFE_INTEGER, path);
  return decodeWav(bytes, { name: path });
}

async function run(args: ParsedArgs, ctx: CommandContext): Promise<number> {
  const [songPath, clipPath] = args.positionals;
  const top = intOption(args.values, 'top') ?? 1;
  const raw = args.values.threshold;
  const threshold = raw === undefined ? undefined : Number(raw);
  if (threshold !== undefined && !Number.isFinite(threshold))
    throw new UsageError(`option --threshold: expected a number, got ${JSON.stringify(raw)}`);
  const song = await readWav(songPath, ctx.cwd);
  const clip = await readWav(clipPath, ctx.cwd);
  if (song.sampleRate !== clip.sampleRate) {
    throw new ShapeError(
      `${clipPath}: sample rate ${clip.sampleRate} Hz differs from ${songPath}'s ${song.sampleRate} Hz; resample one of them first`,
      clipPath,
    );
  }
  if (clip.frames > song.frames) {
    throw new ShapeError(`${clipPath}: the clip (${clip.frames} samples) is longer than ${songPath} (${song.frames} samples)`, clipPath);
  }
  if (clip.frames === 0) throw new ShapeError(`${clipPath}: the clip has no samples`, clipPath);
  if (ctx.signal.aborted) throw new AbortError();
  const found = findSnippet(song.channelData[0], clip.channelData[0], {
    top,
    sampleRate: song.sampleRate,
    ...(threshold !== undefined ? { threshold } : {}),
  });
  const matches = found.map((m) => ({ offset: m.offset, seconds: m.seconds as number, score: m.score }));
  if (args.values.json) ctx.stdout(`${JSON.stringify({ matches, sample_rate: song.sampleRate })}\n`);
  else if (matches.length === 0) ctx.stdout('no match\n');
  else ctx.stdout(matches.map((m) => `${m.seconds.toFixed(3)} s (sample ${m.offset}) score=${m.score.toFixed(4)}\n`).join(''));
  return 0;
}

export const command: Command = {
  name: 'find',
  summary: 'find where a short WAV clip occurs in a long WAV recording',
  usage: 'find SONG.wav CLIP.wav [--top K] [--threshold T] [--json]',
  details: () =>
    [
      'WAV: PCM 8/16/24/32-bit or float, any channel count (mixed down to mono); both files must',
      'have the same sample rate. Scores are Pearson correlations in [-1, 1]; matches closer than',
      'the clip’s length count as one. JSON: { "matches": [{ "offset", "seconds", "score" }], "sample_rate" }.',
    ].join('\n'),
  examples: ['convolab find song.wav chorus.wav --top 3 --json'],
  options: {
    top: { type: 'string', valueName: 'K', description: 'report the K best matches (default 1)' },
    threshold: { type: 'string', valueName: 'T', description: 'keep scores >= T' },
    json: { type: 'boolean', description: 'print the matches as JSON' },
  },
  positionals: { min: 2, max: 2, names: ['SONG.wav', 'CLIP.wav'] },
  run,
};
