/**
 * `convolab featuremaps DIR IMG -o maps.png` — the feature maps of every image-shaped layer
 * output ([C, H, W]) for one input image: one band of tiles per layer, top to bottom.
 */
import { resolve } from 'node:path';
import { Rng } from '../../core/rng.js';
import { readImageFile, writeFileAtomic } from '../../io/node.js';
import { encodePng } from '../../io/png.js';
import { stackRows, tileGrid } from '../../nn/grid.js';
import { type Tensor, tensor } from '../../nn/tensor.js';
import { intOption } from '../args.js';
import type { Command, CommandContext, ParsedArgs } from '../command.js';
import { UsageError } from '../usage.js';
import { imageToInput } from './predict.js';
import { readModelDir } from './train.js';

async function run(args: ParsedArgs, ctx: CommandContext): Promise<number> {
  const output = args.values.output as string | undefined;
  if (output === undefined) throw new UsageError('missing -o OUT.png');
  const [dirArg, imgArg] = args.positionals;
  const model = readModelDir(resolve(ctx.cwd, dirArg));
  const image = readImageFile(resolve(ctx.cwd, imgArg));
  const x = imageToInput(image.image, model.inputShape, imgArg);
  const cols = intOption(args.values, 'cols', 1, 256) ?? 16;
  const ctxF = { training: false, rng: new Rng(0) };
  let y: Tensor = tensor([1, ...model.inputShape], x);
  const bands = [];
  const layers: Array<{ layer: number; type: string; shape: number[] }> = [];
  const tile = (t: Tensor) => {
    const [, c, h, w] = t.shape;
    const scale = Math.max(1, Math.round(56 / Math.max(h, w)));
    const maps = Array.from({ length: c }, (_, i) => t.data.subarray(i * h * w, (i + 1) * h * w));
    return tileGrid(maps, h, w, { cols: Math.min(cols, c), scale });
  };
  bands.push(tile(y));
  for (let i = 0; i < model.layers.length; i++) {
    y = model.layers[i].forward(y, ctxF);
    if (y.ndim === 4) {
      // Copy: the next layer may reuse this buffer.
      const copy = tensor(y.shape, Float32Array.from(y.data));
      bands.push(tile(copy));
      layers.push({ layer: i, type: model.layers[i].type, shape: y.shape.slice(1) });
    }
  }
  writeFileAtomic(resolve(ctx.cwd, output), encodePng(stackRows(bands, 6)));
  if (args.values.json) ctx.stdout(`${JSON.stringify({ output, layers })}\n`);
  else ctx.stdout(`${output}: input + ${layers.length} layers (${layers.map((l) => `${l.type} [${l.shape.join(', ')}]`).join(', ')})\n`);
  return 0;
}

export const command: Command = {
  name: 'featuremaps',
  summary: 'draw the feature maps of every layer for one image as a PNG',
  usage: 'featuremaps DIR IMG -o OUT.png [--cols 16] [--json]',
  details: () => 'IMG must have the model input size (28x28 for Fashion-MNIST); colour is averaged to gray.',
  examples: ['convolab featuremaps runs/ref shirt.png -o maps.png'],
  options: {
    output: { type: 'string', short: 'o', valueName: 'OUT', description: 'PNG to write (required)' },
    cols: { type: 'string', valueName: 'N', description: 'maps per row (default 16)' },
    json: { type: 'boolean', description: 'print a JSON summary' },
  },
  positionals: { min: 2, max: 2, names: ['DIR', 'IMG'] },
  run,
};
