/**
 * `convolab spectrum IMG -o spec.png [--phase]` — the centred log-magnitude log1p|F| (or the phase)
 * of an image's 2-D DFT, as a PNG scaled to 0..255 or as the raw `[H, W]` `.npy`.
 * Also the small helpers the frequency-domain commands share (input, output, numeric options).
 */
import { extname, resolve } from 'node:path';
import { AbortError } from '../../core/errors.js';
import type { NDArray } from '../../core/ndarray.js';
import { readImageFile, writeFileAtomic } from '../../io/node.js';
import { encodeNpy } from '../../io/npy.js';
import { encodePng } from '../../io/png.js';
import { spectrum } from '../../spectrum/spectrum.js';
import type { WindowName } from '../../spectrum/window.js';
import { intOption } from '../args.js';
import type { Command, CommandContext, ParsedArgs } from '../command.js';
import { samePath } from '../files.js';
import { UsageError } from '../usage.js';

/** A number option in a range; `open` ends are exclusive. Usage error (exit 2) naming the range otherwise. */
export function numberOption(
  values: ParsedArgs['values'],
  name: string,
  range: { min: number; max: number; minOpen?: boolean; what?: string },
): number | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  const text = String(raw).trim();
  const v = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text) ? Number(text) : Number.NaN;
  const ok = range.minOpen ? v > range.min : v >= range.min;
  if (!(ok && v <= range.max)) {
    const interval = `${range.minOpen ? '(' : '['}${range.min}, ${range.max}]`;
    throw new UsageError(`option --${name}: expected ${range.what ?? 'a number'} in ${interval}, got ${JSON.stringify(raw)}`);
  }
  return v;
}

/** One of `choices`, or the default. */
export function choiceOption<T extends string>(values: ParsedArgs['values'], name: string, choices: readonly T[], fallback: T): T {
  const raw = values[name];
  if (raw === undefined) return fallback;
  if (!choices.includes(raw as T))
    throw new UsageError(`option --${name}: expected one of ${choices.join(', ')}, got ${JSON.stringify(raw)}`);
  return raw as T;
}

/** Check -o (.png or .npy, not the input) and read the input image. */
export async function openImage(
  args: ParsedArgs,
  ctx: CommandContext,
  requireOutput = true,
): Promise<{ input: string; output?: string; image: NDArray }> {
  const [input] = args.positionals;
  const output = args.values.output as string | undefined;
  if (output === undefined && requireOutput) throw new UsageError('missing -o OUT');
  if (output !== undefined) {
    const ext = extname(output).toLowerCase();
    if (ext !== '.png' && ext !== '.npy')
      throw new UsageError(`-o ${output}: unsupported output extension ${JSON.stringify(ext)}; expected .png or .npy`);
    if (await samePath(input, output, ctx.cwd))
      throw new UsageError(`IMG and OUT are the same file (${output}); the input is never overwritten`);
  }
  const maxPixels = intOption(args.values, 'max-pixels');
  const { image } = readImageFile(resolve(ctx.cwd, input), maxPixels !== undefined ? { maxPixels } : {});
  if (ctx.signal.aborted) throw new AbortError();
  return { input, output, image };
}

/** Write `png` (a [C, H, W] image on 0..255, clipped and rounded) or `npy` by the extension, atomically. */
export function writeOutput(path: string, ctx: CommandContext, png: NDArray, npy: NDArray = png): void {
  if (ctx.signal.aborted) throw new AbortError();
  const bytes = extname(path).toLowerCase() === '.npy' ? encodeNpy(npy) : encodePng(png, { bitDepth: 8 });
  writeFileAtomic(resolve(ctx.cwd, path), bytes);
}

export const MAX_PIXELS_OPTION = {
  'max-pixels': { type: 'string', valueName: 'N', description: 'refuse images with more than N pixels (decoder default otherwise)' },
} as const;

async function run(args: ParsedArgs, ctx: CommandContext): Promise<number> {
  const window = choiceOption<WindowName>(args.values, 'window', ['hann', 'none'], 'hann');
  const channel = args.values.channel === undefined ? undefined : intOption(args.values, 'channel', 0, 3);
  const { input, output, image } = await openImage(args, ctx);
  const s = spectrum(image, { window, ...(channel !== undefined ? { channel } : {}) });
  const phase = Boolean(args.values.phase);
  writeOutput(output as string, ctx, phase ? s.phaseImage : s.magnitudeImage, phase ? s.phase : s.magnitude);
  const summary = {
    input,
    output,
    kind: phase ? 'phase' : 'magnitude',
    shape: [...s.magnitude.shape],
    window,
    channel: channel ?? 'luminance',
  };
  ctx.stdout(
    args.values.json
      ? `${JSON.stringify(summary)}\n`
      : `${output}: centred ${summary.kind} spectrum [${summary.shape.join(', ')}], window ${window}\n`,
  );
  return 0;
}

export const command: Command = {
  name: 'spectrum',
  summary: 'centred log-magnitude (or phase) spectrum of an image, as PNG or .npy',
  usage: 'spectrum IMG -o OUT [--phase] [--window hann|none] [--channel N] [--json]',
  details: () =>
    'The PNG shows log1p|F| scaled min..max to 0..255 (phase: −π..π), zero frequency at the centre.\n' +
    'A .npy output holds the unscaled [H, W] values (float32 for decoded images). RGB images use their luminance unless --channel.',
  examples: [
    'convolab spectrum samples/brick.png -o brick-spectrum.png',
    'convolab spectrum samples/astronaut.png -o phase.npy --phase --window none',
  ],
  options: {
    output: { type: 'string', short: 'o', valueName: 'OUT', description: 'output file: .png (scaled) or .npy (raw values) (required)' },
    phase: { type: 'boolean', description: 'write the phase instead of the log-magnitude' },
    window: { type: 'string', valueName: 'hann|none', description: 'taper the edges first (default hann)' },
    channel: { type: 'string', valueName: 'N', description: 'analyse channel N (0-based) instead of the luminance' },
    json: { type: 'boolean', description: 'print a JSON summary' },
    ...MAX_PIXELS_OPTION,
  },
  positionals: { min: 1, max: 1, names: ['IMG'] },
  run,
};
