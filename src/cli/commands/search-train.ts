/**
 * `convolab search-train --out DIR` — train the search engine's convolutional autoencoder
 * (src/search/autoencoder.ts) on Fashion-MNIST's training split; writes DIR/search-model.json
 * and DIR/search-model.bin after every epoch (atomically). A progress bar on a TTY.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { subsetPerClass } from '../../io/fashion-mnist.js';
import { loadFashionMnist } from '../../io/node-fashion-mnist.js';
import { AE_INPUTS, AE_TONES, type AeInput, type AeTone, SearchAutoencoder } from '../../search/autoencoder.js';
import { intOption } from '../args.js';
import type { Command, CommandContext, ParsedArgs } from '../command.js';
import { createProgress } from '../progress.js';
import { UsageError } from '../usage.js';
import { writeSearchModel } from './search.js';

function numberOption(values: ParsedArgs['values'], name: string, lo: number, hi: number): number | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (String(raw).trim() === '' || !Number.isFinite(n) || n < lo || n > hi)
    throw new UsageError(`option --${name}: expected a number in [${lo}, ${hi}], got ${JSON.stringify(raw)}`);
  return n;
}

async function run(args: ParsedArgs, ctx: CommandContext): Promise<number> {
  const v = args.values;
  const out = v.out as string | undefined;
  if (out === undefined) throw new UsageError('missing --out DIR');
  const dir = resolve(ctx.cwd, out);
  const input = (v.input as string | undefined) ?? 'gray';
  if (!(AE_INPUTS as readonly string[]).includes(input))
    throw new UsageError(`option --input: expected one of ${AE_INPUTS.join(', ')}, got ${JSON.stringify(input)}`);
  const tone = (v.tone as string | undefined) ?? 'equalize';
  if (!(AE_TONES as readonly string[]).includes(tone))
    throw new UsageError(`option --tone: expected one of ${AE_TONES.join(', ')}, got ${JSON.stringify(tone)}`);
  const epochs = intOption(v, 'epochs', 1, 1000) ?? 3;
  const dim = intOption(v, 'dim', 2, 1024) ?? 64;
  const batchSize = intOption(v, 'batch', 1, 65536) ?? 64;
  const seed = intOption(v, 'seed', 0) ?? 0;
  const limit = intOption(v, 'limit');
  const lr = numberOption(v, 'lr', 1e-8, 10) ?? 1e-3;
  const supervision = numberOption(v, 'supervision', 0, 1000) ?? 0;
  const cacheDir = v.cache === undefined ? undefined : resolve(ctx.cwd, v.cache as string);
  const fm = loadFashionMnist(cacheDir === undefined ? {} : { cacheDir });
  const train = limit === undefined ? fm.train : subsetPerClass(fm.train, limit);
  const ae = SearchAutoencoder.create({ input: input as AeInput, tone: tone as AeTone, dim, supervision, seed });
  mkdirSync(dir, { recursive: true });
  const bar = createProgress(ctx, 'search-train', Math.ceil(train.count / batchSize));
  const epochsDone: Array<Record<string, number>> = [];
  await ae.train(train.images, train.labels, train.count, {
    epochs,
    batchSize,
    lr,
    seed,
    gamma: v.augment ? [0.6, 1.6] : undefined,
    signal: ctx.signal,
    onBatch: (b) => bar.update(b.batch + 1, `epoch ${b.epoch + 1}/${epochs} loss ${b.loss.toFixed(4)} mse ${b.reconstruction.toFixed(4)}`),
    onEpoch: (e) => {
      bar.done();
      epochsDone.push({ epoch: e.epoch + 1, loss: e.loss, reconstruction: e.reconstruction, accuracy: e.accuracy, seconds: e.seconds });
      ae.training = { images: train.count, epochs: epochsDone, lr, batch: batchSize, seed, augment: Boolean(v.augment) };
      writeSearchModel(dir, ae);
      if (!v.json) {
        const acc = Number.isNaN(e.accuracy) ? '' : ` head acc ${(e.accuracy * 100).toFixed(1)}%`;
        ctx.stdout(
          `epoch ${e.epoch + 1}/${epochs}: loss ${e.loss.toFixed(4)} reconstruction mse ${e.reconstruction.toFixed(4)}${acc}, ${e.seconds.toFixed(1)} s\n`,
        );
      }
    },
  });
  if (v.json) {
    const last = epochsDone[epochsDone.length - 1];
    ctx.stdout(
      `${JSON.stringify({ out, input, tone, dim, supervision, epochs: epochsDone, loss: last.loss, params: ae.save().weights.length / 4 })}\n`,
    );
  }
  return 0;
}

export const command: Command = {
  name: 'search-train',
  summary: 'train the search autoencoder (garment shape embeddings) on Fashion-MNIST',
  usage: 'search-train --out DIR [--epochs N] [--input gray|sobel|both] [--dim 64] [--supervision W]',
  examples: [
    'convolab search-train --out model --epochs 2',
    'convolab search-train --out model --input both --supervision 1 --augment --limit 500 --epochs 1',
  ],
  options: {
    out: { type: 'string', valueName: 'DIR', description: 'where to write search-model.json and search-model.bin' },
    epochs: { type: 'string', valueName: 'N', description: 'training epochs (default 3)' },
    input: { type: 'string', valueName: 'I', description: 'encoder input: gray (default), sobel (edge magnitude) or both' },
    tone: {
      type: 'string',
      valueName: 'T',
      description: 'grey-level normalisation: equalize (default; ignores contrast and colour) or stretch',
    },
    dim: { type: 'string', valueName: 'D', description: 'embedding size (default 64)' },
    supervision: {
      type: 'string',
      valueName: 'W',
      description: 'weight of a class-prediction loss on the embedding (default 0: pure autoencoder)',
    },
    batch: { type: 'string', valueName: 'B', description: 'batch size (default 64)' },
    lr: { type: 'string', valueName: 'LR', description: 'Adam learning rate (default 1e-3)' },
    seed: { type: 'string', valueName: 'S', description: 'random seed (default 0)' },
    augment: { type: 'boolean', description: 'contrast augmentation: random gamma 0.6-1.6 on the inputs, the originals as targets' },
    limit: { type: 'string', valueName: 'N', description: 'train on the first N images of each class only' },
    cache: { type: 'string', valueName: 'DIR', description: 'Fashion-MNIST cache folder' },
    json: { type: 'boolean', description: 'print one JSON document at the end' },
  },
  positionals: { min: 0, max: 0, names: [] },
  run,
};
