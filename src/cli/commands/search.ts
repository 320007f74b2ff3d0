/**
 * `convolab search DIR QUERY.png` — find the garments of DIR's index (search-index) most like
 * the photo QUERY: the query is preprocessed (grey, invert a light background, crop, square,
 * 28 x 28), embedded like the gallery, and the k nearest are printed (or `--json`), with an
 * optional contact sheet (`-o results.png`: the query, then the matches, left to right).
 * Also the helpers the other search commands share (model and index files in DIR).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { IOError } from '../../core/errors.js';
import { NDArray } from '../../core/ndarray.js';
import { FASHION_MNIST_CLASSES } from '../../io/fashion-mnist.js';
import { DEFAULT_MAX_PIXELS } from '../../io/image.js';
import { readFileBytes, readImageFile, writeFileAtomic } from '../../io/node.js';
import { loadFashionMnist } from '../../io/node-fashion-mnist.js';
import { crc32, encodePng } from '../../io/png.js';
import { SearchAutoencoder } from '../../search/autoencoder.js';
import { autoencoderEmbedder, type Embedder, type FeatureKind, pixelEmbedder, sobelEmbedder } from '../../search/embedder.js';
import { PIXELS, SIDE } from '../../search/features.js';
import { decodeIndexFile, type IndexFile } from '../../search/index-file.js';
import { ExactIndex } from '../../search/knn.js';
import { preprocessQuery } from '../../search/preprocess.js';
import { intOption } from '../args.js';
import type { Command, CommandContext, ParsedArgs } from '../command.js';
import { UsageError } from '../usage.js';

export const MODEL_JSON = 'search-model.json';
export const MODEL_WEIGHTS = 'search-model.bin';
export const INDEX_FILE = 'index.bin';

export function readSearchModel(dir: string): SearchAutoencoder {
  const jsonPath = join(dir, MODEL_JSON);
  const wPath = join(dir, MODEL_WEIGHTS);
  if (!existsSync(jsonPath))
    throw new IOError(`${jsonPath}: no search model here (train one with convolab search-train --out ${dir})`, jsonPath);
  const json = new TextDecoder().decode(readFileBytes(jsonPath));
  return SearchAutoencoder.load(json, existsSync(wPath) ? readFileBytes(wPath) : new Uint8Array(0), jsonPath);
}

export function writeSearchModel(dir: string, ae: SearchAutoencoder): void {
  const s = ae.save();
  writeFileAtomic(join(dir, MODEL_WEIGHTS), s.weights);
  writeFileAtomic(join(dir, MODEL_JSON), new TextEncoder().encode(s.json));
}

export function embedderFor(kind: FeatureKind, dir: string): Embedder {
  if (kind === 'pixels') return pixelEmbedder;
  if (kind === 'sobel') return sobelEmbedder;
  return autoencoderEmbedder(readSearchModel(dir));
}

/** CRC-32 of DIR's model weights (recorded in an index, so a retrained model is noticed). */
export function modelCrc(dir: string): number {
  return crc32(readFileBytes(join(dir, MODEL_WEIGHTS)));
}

export function readIndex(dir: string): IndexFile {
  const path = join(dir, INDEX_FILE);
  if (!existsSync(path)) throw new IOError(`${path}: no index here (build one with convolab search-index ${dir})`, path);
  return decodeIndexFile(readFileBytes(path), path);
}

/** The 28 x 28 thumbnail of gallery item i (stored, or from the dataset). */
export function thumbnailSource(f: IndexFile, cacheDir?: string): (i: number) => Uint8Array {
  if (f.thumbnails) return (i) => f.thumbnails!.subarray(i * PIXELS, (i + 1) * PIXELS);
  const g = f.header.gallery;
  if (g.kind !== 'fashion-mnist') throw new IOError('index: no thumbnails stored for this gallery', 'index');
  const fm = loadFashionMnist(cacheDir === undefined ? {} : { cacheDir });
  const ds = g.split === 'test' ? fm.test : fm.train;
  return (i) => ds.images.subarray(i * PIXELS, (i + 1) * PIXELS);
}

/** A contact sheet [1, H, W]: 28 x 28 tiles scaled by `scale`, a 4-px grey gap, the query first. */
export function contactSheet(tiles: ArrayLike<number>[], scale = 3): NDArray<'float32'> {
  const t = SIDE * scale;
  const gap = 4;
  const w = tiles.length * (t + gap) + gap;
  const h = t + 2 * gap;
  const out = new NDArray('float32', [1, h, w]);
  out.data.fill(96);
  tiles.forEach((tile, k) => {
    const x0 = gap + k * (t + gap) + (k > 0 ? 0 : 0);
    for (let y = 0; y < t; y++)
      for (let x = 0; x < t; x++) out.data[(gap + y) * w + x0 + x] = tile[Math.floor(y / scale) * SIDE + Math.floor(x / scale)];
  });
  return out;
}

function maxPixelsOption(values: ParsedArgs['values']): number {
  return intOption(values, 'max-pixels') ?? DEFAULT_MAX_PIXELS;
}

async function run(args: ParsedArgs, ctx: CommandContext): Promise<number> {
  const [dirArg, queryArg] = args.positionals;
  const v = args.values;
  const top = intOption(v, 'top', 1, 1000) ?? 10;
  const dir = resolve(ctx.cwd, dirArg);
  const out = v.output as string | undefined;
  if (out !== undefined && !out.toLowerCase().endsWith('.png')) throw new UsageError(`-o ${out}: expected a .png file (the contact sheet)`);
  const index = readIndex(dir);
  const h = index.header;
  const queryPath = resolve(ctx.cwd, queryArg);
  const decoded = readImageFile(queryPath, { maxPixels: maxPixelsOption(v) });
  const pre = preprocessQuery(decoded.image);
  const embedder = embedderFor(h.features as FeatureKind, dir);
  if (h.modelCrc32 !== undefined && modelCrc(dir) !== h.modelCrc32)
    throw new IOError(
      `${join(dir, INDEX_FILE)}: built with other model weights than ${join(dir, MODEL_WEIGHTS)} (retrained?); rebuild it with convolab search-index`,
      'index',
    );
  if (embedder.dim !== h.dim)
    throw new IOError(
      `${join(dir, INDEX_FILE)}: the index holds ${h.dim}-d vectors, the ${h.features} features are ${embedder.dim}-d; rebuild it`,
      'index',
    );
  const q = embedder.embed(pre.image, 1);
  const knn = new ExactIndex(index.vectors, h.dim, h.metric);
  const t0 = performance.now();
  const r = knn.search(q, top);
  const ms = performance.now() - t0;
  const classes = h.classes ?? (h.gallery.kind === 'fashion-mnist' ? [...FASHION_MNIST_CLASSES] : undefined);
  const matches = Array.from({ length: r.k }, (_, i) => {
    const j = r.indices[i];
    const label = index.labels?.[j];
    return {
      rank: i + 1,
      index: j,
      ...(h.gallery.kind === 'folder' ? { file: h.gallery.files[j] } : {}),
      ...(label !== undefined ? { label, class: classes?.[label] ?? String(label) } : {}),
      score: r.scores[i],
    };
  });
  if (out !== undefined) {
    const thumb = thumbnailSource(index);
    writeFileAtomic(resolve(ctx.cwd, out), encodePng(contactSheet([pre.image, ...matches.map((m) => thumb(m.index))])));
  }
  if (v.json) {
    ctx.stdout(
      `${JSON.stringify({ query: queryArg, features: h.features, metric: h.metric, inverted: pre.inverted, search_ms: ms, matches })}\n`,
    );
  } else {
    for (const m of matches) {
      const what = 'file' in m ? m.file : `#${m.index}`;
      const cls = 'class' in m ? ` ${m.class}` : '';
      ctx.stdout(`${m.rank}. ${what}${cls} score=${m.score.toFixed(4)}\n`);
    }
  }
  return 0;
}

export const command: Command = {
  name: 'search',
  summary: 'find the gallery garments most like a photo (by shape, not colour)',
  usage: 'search DIR QUERY.png [--top 10] [--json] [-o results.png]',
  examples: [
    'convolab search-index idx --gallery fashion-mnist --features pixels && convolab search idx samples/coffee.png --top 5',
    'convolab search model-dir photo.jpg --json -o results.png',
  ],
  options: {
    top: { type: 'string', valueName: 'K', description: 'number of matches (default 10)' },
    json: { type: 'boolean', description: 'print one JSON document { matches: [{ rank, index, class, score }] }' },
    output: {
      type: 'string',
      short: 'o',
      valueName: 'OUT.png',
      description: 'write a contact sheet: the preprocessed query, then the matches',
    },
    'max-pixels': {
      type: 'string',
      valueName: 'N',
      description: `refuse query images larger than N pixels (default ${DEFAULT_MAX_PIXELS})`,
    },
  },
  positionals: { min: 2, max: 2, names: ['DIR', 'QUERY'] },
  run,
};
