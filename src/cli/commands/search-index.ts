/**
 * `convolab search-index DIR` — embed a gallery and write DIR/index.bin (index-file.ts): the
 * Fashion-MNIST training split (default) or a folder of photos (FOLDER/*.png|jpg, or
 * FOLDER/<class>/*.png|jpg to give labels), each preprocessed like a query. Features: the
 * autoencoder of DIR (search-train), raw pixels or Sobel edges.
 */
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { IOError } from '../../core/errors.js';
import { DEFAULT_MAX_PIXELS } from '../../io/image.js';
import { readImageFile, writeFileAtomic } from '../../io/node.js';
import { loadFashionMnist } from '../../io/node-fashion-mnist.js';
import { FEATURE_KINDS, type FeatureKind } from '../../search/embedder.js';
import { PIXELS } from '../../search/features.js';
import { encodeIndexFile, type IndexHeader } from '../../search/index-file.js';
import { METRICS, type Metric } from '../../search/knn.js';
import { preprocessQuery } from '../../search/preprocess.js';
import { intOption } from '../args.js';
import type { Command, CommandContext, ParsedArgs } from '../command.js';
import { createProgress } from '../progress.js';
import { UsageError } from '../usage.js';
import { embedderFor, INDEX_FILE, MODEL_JSON, modelCrc } from './search.js';

const IMAGE_EXT = /\.(png|jpe?g)$/i;

/** Image files of FOLDER: top-level ones unlabelled, FOLDER/<class>/ ones labelled by class (sorted). */
export function listGallery(folder: string): { files: string[]; labels?: Uint8Array; classes?: string[] } {
  let entries: import('node:fs').Dirent[];
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch (cause) {
    throw new IOError(`${folder}: cannot read the gallery folder`, folder, { cause });
  }
  const classes = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const top = entries
    .filter((e) => e.isFile() && IMAGE_EXT.test(e.name))
    .map((e) => join(folder, e.name))
    .sort();
  if (classes.length === 0) {
    if (top.length === 0) throw new IOError(`${folder}: no .png / .jpg images`, folder);
    return { files: top };
  }
  const files: string[] = [];
  const labels: number[] = [];
  classes.forEach((c, k) => {
    for (const f of readdirSync(join(folder, c))
      .filter((n) => IMAGE_EXT.test(n))
      .sort()) {
      files.push(join(folder, c, f));
      labels.push(k);
    }
  });
  if (files.length === 0) throw new IOError(`${folder}: no .png / .jpg images in its class folders`, folder);
  return { files, labels: Uint8Array.from(labels), classes };
}

function choice<T extends string>(values: ParsedArgs['values'], name: string, allowed: readonly T[], fallback: T): T {
  const raw = values[name];
  if (raw === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(String(raw)))
    throw new UsageError(`option --${name}: expected one of ${allowed.join(', ')}, got ${JSON.stringify(raw)}`);
  return raw as T;
}

async function run(args: ParsedArgs, ctx: CommandContext): Promise<number> {
  const v = args.values;
  const dir = resolve(ctx.cwd, args.positionals[0]);
  const hasModel = existsSync(join(dir, MODEL_JSON));
  const features = choice<FeatureKind>(v, 'features', FEATURE_KINDS, hasModel ? 'autoencoder' : 'pixels');
  const metric = choice<Metric>(v, 'metric', METRICS, 'cosine');
  const gallery = (v.gallery as string | undefined) ?? 'fashion-mnist';
  const limit = intOption(v, 'limit');
  const maxPixels = intOption(v, 'max-pixels') ?? DEFAULT_MAX_PIXELS;
  const embedder = embedderFor(features, dir);
  let images: Uint8Array | Float32Array;
  let count: number;
  let labels: Uint8Array | undefined;
  let classes: string[] | undefined;
  let thumbnails: Uint8Array | undefined;
  let source: IndexHeader['gallery'];
  if (gallery === 'fashion-mnist') {
    const cacheDir = v.cache === undefined ? undefined : resolve(ctx.cwd, v.cache as string);
    const fm = loadFashionMnist(cacheDir === undefined ? {} : { cacheDir });
    if (limit !== undefined)
      throw new UsageError('option --limit: not supported for the fashion-mnist gallery (thumbnails come from the full split)');
    ({ images, count, labels } = fm.train);
    classes = [...fm.train.classes];
    source = { kind: 'fashion-mnist', split: 'train' };
  } else {
    const folder = resolve(ctx.cwd, gallery);
    if (!existsSync(folder) || !statSync(folder).isDirectory())
      throw new UsageError(`option --gallery: expected fashion-mnist or a folder of images, got ${JSON.stringify(gallery)}`);
    const list = listGallery(folder);
    const files = limit === undefined ? list.files : list.files.slice(0, limit);
    count = files.length;
    images = new Float32Array(count * PIXELS);
    const bar = createProgress(ctx, 'preprocess', count);
    files.forEach((f, i) => {
      (images as Float32Array).set(preprocessQuery(readImageFile(f, { maxPixels }).image).image, i * PIXELS);
      bar.update(i + 1);
    });
    bar.done();
    thumbnails = Uint8Array.from(images, (x) => Math.round(x));
    labels = list.labels?.subarray(0, count);
    classes = list.classes;
    source = { kind: 'folder', root: folder, files: files.map((f) => relative(folder, f)) };
  }
  const t0 = performance.now();
  const vectors = embedder.embed(images, count);
  const header: IndexHeader = {
    format: 'convolab-index',
    version: 1,
    metric,
    dim: embedder.dim,
    count,
    features,
    gallery: source,
    labels: labels !== undefined,
    ...(classes ? { classes } : {}),
    thumbnailSide: thumbnails ? 28 : 0,
    ...(features === 'autoencoder' ? { modelCrc32: modelCrc(dir) } : {}),
  };
  mkdirSync(dir, { recursive: true });
  writeFileAtomic(join(dir, INDEX_FILE), encodeIndexFile({ header, vectors, labels, thumbnails }));
  const seconds = (performance.now() - t0) / 1000;
  if (v.json) ctx.stdout(`${JSON.stringify({ index: join(dir, INDEX_FILE), features, metric, count, dim: embedder.dim, seconds })}\n`);
  else
    ctx.stdout(
      `${join(dir, INDEX_FILE)}: ${count} items, ${features} features (${embedder.dim}-d), ${metric}, embedded in ${seconds.toFixed(1)} s\n`,
    );
  return 0;
}

export const command: Command = {
  name: 'search-index',
  summary: 'embed a gallery (Fashion-MNIST or a folder of photos) into DIR/index.bin for convolab search',
  usage: 'search-index DIR [--gallery fashion-mnist|FOLDER] [--features autoencoder|pixels|sobel] [--metric cosine|l2]',
  examples: ['convolab search-index idx --features pixels', 'convolab search-train --out model --epochs 2 && convolab search-index model'],
  options: {
    gallery: {
      type: 'string',
      valueName: 'SRC',
      description: 'fashion-mnist (training split, default) or a folder of .png / .jpg (sub-folders = classes)',
    },
    features: { type: 'string', valueName: 'F', description: 'autoencoder (DIR/search-model.json; default when present), pixels or sobel' },
    metric: { type: 'string', valueName: 'M', description: 'cosine (default) or l2' },
    limit: { type: 'string', valueName: 'N', description: 'folder galleries: only the first N images' },
    cache: { type: 'string', valueName: 'DIR', description: 'Fashion-MNIST cache folder (default node_modules/.cache/convolab)' },
    'max-pixels': {
      type: 'string',
      valueName: 'N',
      description: `refuse gallery images larger than N pixels (default ${DEFAULT_MAX_PIXELS})`,
    },
    json: { type: 'boolean', description: 'print one JSON document' },
  },
  positionals: { min: 1, max: 1, names: ['DIR'] },
  run,
};
