/**
 * `convolab find SONG.wav CLIP.wav` — where a short recording occurs in a long one: normalised
 * cross-correlation of the clip (mixed to mono) with every window of the song, best first.
 */
import { open } from 'node:fs/promises';
import { resolve } from 'node:path';
import { AbortError, IOError, ShapeError } from '../../core/errors.js';
import { decodeWav, decodeWavFrames, readWavLayout } from '../../io/wav.js';
import { type SnippetOptions, SnippetSearch } from '../../match/snippet.js';
import { intOption } from '../args.js';
import type { Command, CommandContext, ParsedArgs } from '../command.js';
import { readHead } from '../files.js';
import { UsageError } from '../usage.js';

async function readWav(path: string, cwd: string) {
  const { bytes } = await readHead(resolve(cwd, path), Number.MAX_SAFE_INTEGER, path);
  return decodeWav(bytes, { name: path });
}

/** Bytes of the song read before its 'data' chunk must have started (chunks such as LIST come first). */
const HEAD_BYTES = 1 << 20;
/** Frames decoded per read of the song: its memory stays O(this), whatever its length. */
const BLOCK_FRAMES = 1 << 16;

/** The song's header, and its frames streamed through `visit` a block at a time (mono float32). */
async function streamWav(
  path: string,
  cwd: string,
  visit: (info: { sampleRate: number; frames: number }) => (chunk: Float32Array) => void,
) {
  const abs = resolve(cwd, path);
  const { bytes: head, size } = await readHead(abs, HEAD_BYTES, path);
  const info = readWavLayout(head, size, path);
  const push = visit(info);
  const handle = await open(abs, 'r');
  try {
    const bytes = new Uint8Array(BLOCK_FRAMES * info.blockAlign);
    const mono = new Float32Array(BLOCK_FRAMES);
    for (let f0 = 0; f0 < info.frames; f0 += BLOCK_FRAMES) {
      const want = Math.min(BLOCK_FRAMES, info.frames - f0) * info.blockAlign;
      for (let got = 0; got < want; ) {
        const { bytesRead } = await handle.read(bytes, got, want - got, info.dataOffset + f0 * info.blockAlign + got);
        if (bytesRead === 0) throw new IOError(`${path}: cannot read (the file ended inside its 'data' chunk)`, path);
        got += bytesRead;
      }
      push(mono.subarray(0, decodeWavFrames(bytes.subarray(0, want), info, mono)));
    }
  } finally {
    await handle.close();
  }
}

async function run(args: ParsedArgs, ctx: CommandContext): Promise<number> {
  const [songPath, clipPath] = args.positionals;
  const top = intOption(args.values, 'top') ?? 1;
  const raw = args.values.threshold;
  const threshold = raw === undefined ? undefined : Number(raw);
  if (threshold !== undefined && !Number.isFinite(threshold))
    throw new UsageError(`option --threshold: expected a number, got ${JSON.stringify(raw)}`);
  const clip = await readWav(clipPath, ctx.cwd);
  if (clip.frames === 0) throw new ShapeError(`${clipPath}: the clip has no samples`, clipPath);
  const opts: SnippetOptions = {
    top,
    ...(threshold !== undefined ? { threshold } : {}),
  };
  let search: SnippetSearch | undefined;
  let songRate = 0;
  // the song streams through the search a block at a time: memory O(block), not O(song)
  await streamWav(songPath, ctx.cwd, (song) => {
    if (song.sampleRate !== clip.sampleRate) {
      throw new ShapeError(
        `${clipPath}: sample rate ${clip.sampleRate} Hz differs from ${songPath}'s ${song.sampleRate} Hz; resample one of them first`,
        clipPath,
      );
    }
    if (clip.frames > song.frames) {
      throw new ShapeError(`${clipPath}: the clip (${clip.frames} samples) is longer than ${songPath} (${song.frames} samples)`, clipPath);
    }
    songRate = song.sampleRate;
    const s = new SnippetSearch(clip.channelData[0], {
      ...opts,
      sampleRate: song.sampleRate,
    });
    search = s;
    return (chunk) => {
      if (ctx.signal.aborted) throw new AbortError();
      s.push(chunk);
    };
  });
  const found = (search as SnippetSearch).finish();
  const matches = found.map((m) => ({
    offset: m.offset,
    seconds: m.seconds as number,
    score: m.score,
  }));
  if (args.values.json) ctx.stdout(`${JSON.stringify({ matches, sample_rate: songRate })}\n`);
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
    top: {
      type: 'string',
      valueName: 'K',
      description: 'report the K best matches (default 1)',
    },
    threshold: {
      type: 'string',
      valueName: 'T',
      description: 'keep scores >= T',
    },
    json: { type: 'boolean', description: 'print the matches as JSON' },
  },
  positionals: { min: 2, max: 2, names: ['SONG.wav', 'CLIP.wav'] },
  run,
};
