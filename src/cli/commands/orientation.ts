/**
 * `convolab orientation IMG [--json]` — the dominant orientation(s) of an image from its power
 * spectrum: degrees CCW from +x as seen on screen, in [0, 180), the direction intensity varies
 * fastest. With `--reference REF`, also the rotation that turns REF into IMG.
 */
import { resolve } from 'node:path';
import { readImageFile } from '../../io/node.js';
import { orientation } from '../../spectrum/orientation.js';
import { rotationBetween } from '../../spectrum/rotation.js';
import type { WindowName } from '../../spectrum/window.js';
import { intOption } from '../args.js';
import type { Command, CommandContext, ParsedArgs } from '../command.js';
import { choiceOption, MAX_PIXELS_OPTION, openImage } from './spectrum.js';

const round = (v: number, digits = 3) => Number(v.toFixed(digits));

async function run(args: ParsedArgs, ctx: CommandContext): Promise<number> {
  const window = choiceOption<WindowName>(args.values, 'window', ['hann', 'none'], 'hann');
  const maxPeaks = intOption(args.values, 'peaks', 1, 10) ?? 3;
  const { input, image } = await openImage(args, ctx, false);
  const o = orientation(image, { window, maxPeaks });
  const result: Record<string, unknown> = {
    input,
    angle: round(o.angle),
    confidence: round(o.confidence),
    coherence: round(o.coherence),
    peaks: o.peaks.map((p) => ({ angle: round(p.angle), strength: round(p.strength) })),
  };
  const reference = args.values.reference as string | undefined;
  if (reference !== undefined) {
    const maxPixels = intOption(args.values, 'max-pixels');
    const ref = readImageFile(resolve(ctx.cwd, reference), maxPixels !== undefined ? { maxPixels } : {}).image;
    const r = rotationBetween(ref, image);
    result.rotation = { reference, angle: round(r.angle), score: round(r.score) };
  }
  if (args.values.json) {
    ctx.stdout(`${JSON.stringify(result)}\n`);
    return 0;
  }
  const lines = [
    `${input}: orientation ${o.angle.toFixed(1)}° (confidence ${o.confidence.toFixed(2)}, coherence ${o.coherence.toFixed(2)})`,
  ];
  for (const p of o.peaks) lines.push(`  peak ${p.angle.toFixed(1)}°  strength ${p.strength.toFixed(2)}`);
  const rot = result.rotation as { angle: number; score: number } | undefined;
  if (rot) lines.push(`  rotation from ${reference}: ${rot.angle.toFixed(1)}° CCW (score ${rot.score.toFixed(2)})`);
  ctx.stdout(`${lines.join('\n')}\n`);
  return 0;
}

export const command: Command = {
  name: 'orientation',
  summary: 'dominant orientation(s) of an image from its spectrum; rotation between two images',
  usage: 'orientation IMG [--reference REF] [--peaks K] [--window hann|none] [--json]',
  details: () =>
    'Angles are degrees counter-clockwise from +x as seen on screen, in [0, 180): the direction in which\n' +
    'intensity varies fastest (the normal of the stripes). Confidence is the share of spectral energy\n' +
    'within ±10° of the dominant angle. --reference REF adds the rotation (−90, 90] turning REF into IMG.',
  examples: ['convolab orientation samples/brick.png', 'convolab orientation rotated.png --reference samples/brick.png --json'],
  options: {
    reference: { type: 'string', valueName: 'REF', description: 'also estimate the rotation from REF to IMG' },
    peaks: { type: 'string', valueName: 'K', description: 'report up to K peaks (1..10, default 3)' },
    window: { type: 'string', valueName: 'hann|none', description: 'taper the edges first (default hann)' },
    json: { type: 'boolean', description: 'print one JSON document: angle, confidence, coherence, peaks[, rotation]' },
    ...MAX_PIXELS_OPTION,
  },
  positionals: { min: 1, max: 1, names: ['IMG'] },
  run,
};
