/**
 * `convolab filters DIR -o filters.png` — the learned kernels of the first convolution as a
 * PNG grid (one tile per filter and input channel, each normalised to the full gray range).
 */
import { resolve } from 'node:path';
import { ArgumentError } from '../../core/errors.js';
import { writeFileAtomic } from '../../io/node.js';
import { encodePng } from '../../io/png.js';
import { tileGrid } from '../../nn/grid.js';
import { intOption } from '../args.js';
import type { Command, CommandContext, ParsedArgs } from '../command.js';
import { UsageError } from '../usage.js';
import { readModelDir } from './train.js';

async function run(args: ParsedArgs, ctx: CommandContext): Promise<number> {
  const output = args.values.output as string | undefined;
  if (output === undefined) throw new UsageError('missing -o OUT.png');
  const model = readModelDir(resolve(ctx.cwd, args.positionals[0]));
  const conv = model.layers.find((l) => l.type === 'conv2d');
  if (conv === undefined) throw new ArgumentError(`${args.positionals[0]}: the model has no conv2d layer`, 'DIR');
  const w = conv.params[0]; // [F, C/groups, kh, kw]
  const [f, c, kh, kw] = w.shape;
  const tiles = [];
  for (let i = 0; i < f * c; i++) tiles.push(w.value.subarray(i * kh * kw, (i + 1) * kh * kw));
  const scale = intOption(args.values, 'scale', 1, 64) ?? 8;
  const png = encodePng(tileGrid(tiles, kh, kw, { scale, cols: c === 1 ? Math.ceil(Math.sqrt(f)) : c }));
  writeFileAtomic(resolve(ctx.cwd, output), png);
  const summary = { output, filters: f, channels: c, kernel: [kh, kw] };
  ctx.stdout(args.values.json ? `${JSON.stringify(summary)}\n` : `${output}: ${f} filters x ${c} channels, ${kh}x${kw}\n`);
  return 0;
}

export const command: Command = {
  name: 'filters',
  summary: 'draw the first-layer filters of a trained model as a PNG grid',
  usage: 'filters DIR -o OUT.png [--scale 8] [--json]',
  examples: ['convolab filters runs/ref -o filters.png'],
  options: {
    output: { type: 'string', short: 'o', valueName: 'OUT', description: 'PNG to write (required)' },
    scale: { type: 'string', valueName: 'S', description: 'pixels per kernel tap (default 8)' },
    json: { type: 'boolean', description: 'print a JSON summary' },
  },
  positionals: { min: 1, max: 1, names: ['DIR'] },
  run,
};
