/**
 * `convolab predict DIR IMG…` — class probabilities of images under a trained model. Images
 * are converted to gray (the mean of the colour channels, alpha ignored) and scaled to [0, 1];
 * an image whose size differs from the model's input is refused (no silent resizing), with a
 * message naming the file and both sizes. Fashion-MNIST garments are light on a black
 * background: photographs need the same convention.
 */
import { resolve } from 'node:path';
import { ShapeError } from '../../core/errors.js';
import { Rng } from '../../core/rng.js';
import { readImageFile } from '../../io/node.js';
import { softmax } from '../../nn/loss.js';
import { tensor } from '../../nn/tensor.js';
import { intOption } from '../args.js';
import type { Command, CommandContext, ParsedArgs } from '../command.js';
import { readModelDir } from './train.js';

/** A decoded image [C, H, W] (0..255) as the model's input [C', H, W] in [0, 1], or a ShapeError naming `name`. */
export function imageToInput(
  image: { shape: readonly number[]; data: Float32Array | Float64Array },
  inputShape: number[],
  name: string,
): Float32Array {
  const [c, h, w] = image.shape;
  const [mc, mh, mw] = inputShape;
  if (h !== mh || w !== mw)
    throw new ShapeError(`${name}: the image is ${w}x${h}, the model takes ${mw}x${mh} images (resize it first)`, name);
  const out = new Float32Array(mc * h * w);
  const colour = c >= 3 ? 3 : 1; // ignore alpha
  for (let p = 0; p < h * w; p++) {
    if (mc === 1) {
      let s = 0;
      for (let k = 0; k < colour; k++) s += image.data[k * h * w + p];
      out[p] = s / colour / 255;
    } else {
      for (let k = 0; k < mc; k++) out[k * h * w + p] = image.data[Math.min(k, c - 1) * h * w + p] / 255;
    }
  }
  return out;
}

async function run(args: ParsedArgs, ctx: CommandContext): Promise<number> {
  const [dirArg, ...images] = args.positionals;
  const model = readModelDir(resolve(ctx.cwd, dirArg));
  const top = intOption(args.values, 'top', 1, 1000) ?? 3;
  const per = model.inputShape.reduce((a, b) => a * b, 1);
  const x = new Float32Array(images.length * per);
  images.forEach((file, i) => {
    const decoded = readImageFile(resolve(ctx.cwd, file));
    x.set(imageToInput(decoded.image as never, model.inputShape, file), i * per);
  });
  const logits = model.forward(tensor([images.length, ...model.inputShape], x), { training: false, rng: new Rng(0) });
  const probs = softmax(logits);
  const k = probs.shape[1];
  const names = model.classes ?? Array.from({ length: k }, (_, i) => String(i));
  const predictions = images.map((file, i) => {
    const row = Array.from(probs.data.subarray(i * k, (i + 1) * k));
    const order = row.map((p, j) => [p, j] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
    return { file, top: order.slice(0, Math.min(top, k)).map(([p, j]) => ({ class: j, label: names[j], probability: p })) };
  });
  if (args.values.json) {
    ctx.stdout(`${JSON.stringify({ predictions })}\n`);
    return 0;
  }
  for (const p of predictions) {
    ctx.stdout(`${p.file}: ${p.top.map((t) => `${t.label} ${(t.probability * 100).toFixed(1)}%`).join(', ')}\n`);
  }
  return 0;
}

export const command: Command = {
  name: 'predict',
  summary: 'classify images with a trained model (top classes with probabilities)',
  usage: 'predict DIR IMG... [--top 3] [--json]',
  details: () => 'Images must have the model input size (28x28 for Fashion-MNIST); colour is averaged to gray; values scaled to [0, 1].',
  examples: ['convolab predict runs/ref shirt.png', 'convolab predict runs/ref a.png b.png --top 1 --json'],
  options: {
    top: { type: 'string', valueName: 'K', description: 'how many classes to list per image (default 3)' },
    json: { type: 'boolean', description: 'print { predictions: [{ file, top: [{ class, label, probability }] }] }' },
  },
  positionals: { min: 2, max: 10000, names: ['DIR', 'IMG'] },
  run,
};
