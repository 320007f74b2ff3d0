/** `convolab eval DIR` — test accuracy, per-class accuracy and confusion matrix of a trained model. */
import { resolve } from 'node:path';
import { ArgumentError } from '../../core/errors.js';
import { evaluate } from '../../nn/train.js';
import { intOption } from '../args.js';
import type { Command, CommandContext, ParsedArgs } from '../command.js';
import { fashionData, folderData, readModelDir } from './train.js';

async function run(args: ParsedArgs, ctx: CommandContext): Promise<number> {
  const dir = resolve(ctx.cwd, args.positionals[0]);
  const model = readModelDir(dir);
  const cacheDir = args.values.cache === undefined ? undefined : resolve(ctx.cwd, args.values.cache as string);
  const dataset = (args.values.dataset as string | undefined) ?? 'fashion-mnist';
  const { test } =
    dataset === 'fashion-mnist'
      ? fashionData({ cacheDir, testLimit: intOption(args.values, 'test-limit'), limit: 1 })
      : folderData(resolve(ctx.cwd, dataset));
  if (model.inputShape.join() !== test.sampleShape.join()) {
    throw new ArgumentError(
      `${args.positionals[0]}: the model takes [${model.inputShape}] inputs, the test images are [${test.sampleShape}]`,
      'DIR',
    );
  }
  const ev = await evaluate(model, test, { threads: intOption(args.values, 'threads', 1, 256), signal: ctx.signal });
  const names = model.classes ?? test.classes;
  if (args.values.json) {
    const perClass: Record<string, number> = {};
    names.forEach((n, i) => {
      perClass[n] = ev.perClass[i];
    });
    ctx.stdout(
      `${JSON.stringify({ accuracy: ev.accuracy, loss: ev.loss, images: test.count, per_class: perClass, confusion: ev.confusion })}\n`,
    );
    return 0;
  }
  const lines = [`accuracy ${(ev.accuracy * 100).toFixed(2)}% (${test.count} test images), loss ${ev.loss.toFixed(4)}`, 'per class:'];
  names.forEach((n, i) => {
    lines.push(`  ${String(i).padStart(2)} ${n.padEnd(12)} ${(ev.perClass[i] * 100).toFixed(1)}%`);
  });
  lines.push('confusion (rows: true class, columns: predicted):');
  for (const row of ev.confusion) lines.push(`  ${row.map((c) => String(c).padStart(5)).join('')}`);
  ctx.stdout(`${lines.join('\n')}\n`);
  return 0;
}

export const command: Command = {
  name: 'eval',
  summary: 'evaluate a trained model on the Fashion-MNIST test split (or an image folder’s held-out images)',
  usage: 'eval DIR [--dataset fashion-mnist|FOLDER] [--json] [--threads T]',
  examples: ['convolab eval runs/ref', 'convolab eval runs/ref --json'],
  options: {
    json: { type: 'boolean', description: 'print { accuracy, loss, images, per_class, confusion }' },
    dataset: { type: 'string', valueName: 'D', description: 'fashion-mnist (default) or the image folder the model was trained on' },
    threads: { type: 'string', valueName: 'T', description: 'worker threads' },
    'test-limit': { type: 'string', valueName: 'N', description: 'only the first N test images of each class' },
    cache: { type: 'string', valueName: 'DIR', description: 'dataset cache directory' },
  },
  positionals: { min: 1, max: 1, names: ['DIR'] },
  run,
};
