/**
 * `convolab search-eval DIR` — the retrieval protocol: Fashion-MNIST test images as queries
 * against the 60,000 training images, relevant = same class; precision@1, @10 and mAP (full
 * ranking), overall and per class, for the autoencoder of DIR (when trained) and the raw-pixel
 * and Sobel-edge baselines side by side; plus the colour-invariance check: the share of each
 * query's top 10 kept when the garment is recoloured (recolor.ts), through the query pipeline.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { subsetPerClass } from '../../io/fashion-mnist.js';
import { loadFashionMnist } from '../../io/node-fashion-mnist.js';
import { FEATURE_KINDS, type FeatureKind } from '../../search/embedder.js';
import { evaluateRetrieval, topOverlap } from '../../search/evaluate.js';
import { METRICS, type Metric, makeGallery } from '../../search/knn.js';
import { recolourPairs } from '../../search/recolor.js';
import { intOption } from '../args.js';
import type { Command, CommandContext, ParsedArgs } from '../command.js';
import { createProgress } from '../progress.js';
import { UsageError } from '../usage.js';
import { embedderFor, MODEL_JSON } from './search.js';

function featuresOption(values: ParsedArgs['values'], hasModel: boolean): FeatureKind[] {
  const raw = values.features as string | undefined;
  if (raw === undefined) return hasModel ? ['autoencoder', 'pixels', 'sobel'] : ['pixels', 'sobel'];
  const list = raw.split(',').map((s) => s.trim());
  for (const f of list)
    if (!(FEATURE_KINDS as readonly string[]).includes(f))
      throw new UsageError(`option --features: expected a comma list of ${FEATURE_KINDS.join(', ')}, got ${JSON.stringify(raw)}`);
  return list as FeatureKind[];
}

interface EvalRow {
  features: FeatureKind;
  dim: number;
  precision_at_k: Record<string, number>;
  map: number;
  colour_overlap: number | null;
  per_class: Array<{ class: string; queries: number; precision_at_k: Record<string, number>; map: number }>;
  seconds: number;
}

async function run(args: ParsedArgs, ctx: CommandContext): Promise<number> {
  const v = args.values;
  const dir = resolve(ctx.cwd, args.positionals[0]);
  const hasModel = existsSync(join(dir, MODEL_JSON));
  const kinds = featuresOption(v, hasModel);
  const perClass = intOption(v, 'queries', 1, 1000);
  const galleryLimit = intOption(v, 'gallery-limit', 1, 6000);
  const recolourN = intOption(v, 'recolour', 0, 10000) ?? 1000;
  const threads = intOption(v, 'threads', 1, 256);
  const seed = intOption(v, 'seed', 0) ?? 0;
  const metric = (v.metric as string | undefined) ?? 'cosine';
  if (!(METRICS as readonly string[]).includes(metric))
    throw new UsageError(`option --metric: expected cosine or l2, got ${JSON.stringify(metric)}`);
  const cacheDir = v.cache === undefined ? undefined : resolve(ctx.cwd, v.cache as string);
  const fm = loadFashionMnist(cacheDir === undefined ? {} : { cacheDir });
  const gallery = galleryLimit === undefined ? fm.train : subsetPerClass(fm.train, galleryLimit);
  const queries = perClass === undefined ? fm.test : subsetPerClass(fm.test, perClass);
  const rc = Math.min(recolourN, queries.count);
  // A class-balanced recolour set: every (queries.count / rc)-th query.
  const step = rc > 0 ? queries.count / rc : 1;
  const pick = Array.from({ length: rc }, (_, i) => Math.floor(i * step));
  const rcImages = new Uint8Array(rc * 784);
  pick.forEach((q, i) => {
    rcImages.set(queries.images.subarray(q * 784, (q + 1) * 784), i * 784);
  });
  const rcLabels = Uint8Array.from(pick, (q) => queries.labels[q]);
  const pairs = rc > 0 ? recolourPairs(rcImages, rc, seed) : undefined;
  const rows: EvalRow[] = [];
  for (const kind of kinds) {
    const t0 = performance.now();
    const e = embedderFor(kind, dir);
    const g = makeGallery(e.embed(gallery.images, gallery.count), e.dim, metric as Metric);
    const bar = createProgress(ctx, `search-eval ${kind}`, queries.count);
    const r = await evaluateRetrieval(g, gallery.labels, e.embed(queries.images, queries.count), queries.labels, {
      threads,
      signal: ctx.signal,
      onProgress: (done) => bar.update(done),
    });
    bar.done();
    let overlap: number | null = null;
    if (pairs) {
      const opts = { threads, signal: ctx.signal, ap: false, ks: [10] };
      const a = await evaluateRetrieval(g, gallery.labels, e.embed(pairs.original, rc), rcLabels, opts);
      const b = await evaluateRetrieval(g, gallery.labels, e.embed(pairs.recoloured, rc), rcLabels, opts);
      overlap = topOverlap(a.top, b.top, 10);
    }
    rows.push({
      features: kind,
      dim: e.dim,
      precision_at_k: r.precisionAtK,
      map: r.map,
      colour_overlap: overlap,
      per_class: r.perClass.map((c, k) => ({ class: fm.train.classes[k], queries: c.queries, precision_at_k: c.precisionAtK, map: c.map })),
      seconds: (performance.now() - t0) / 1000,
    });
  }
  if (v.json) {
    ctx.stdout(`${JSON.stringify({ gallery: gallery.count, queries: queries.count, metric, recoloured: rc, rows })}\n`);
    return 0;
  }
  const f = (x: number | null) => (x === null || Number.isNaN(x) ? '   -  ' : x.toFixed(4));
  ctx.stdout(
    `${queries.count} test queries vs ${gallery.count} training images (${metric}); colour overlap over ${rc} recoloured queries\n`,
  );
  ctx.stdout(`${'features'.padEnd(12)} ${'p@1'.padStart(6)} ${'p@10'.padStart(6)} ${'mAP'.padStart(6)}  colour-overlap@10\n`);
  for (const r of rows)
    ctx.stdout(`${r.features.padEnd(12)} ${f(r.precision_at_k['1'])} ${f(r.precision_at_k['10'])} ${f(r.map)}  ${f(r.colour_overlap)}\n`);
  ctx.stdout(`\nprecision@10 by class:\n${'class'.padEnd(12)} ${rows.map((r) => r.features.padStart(12)).join(' ')}\n`);
  fm.train.classes.forEach((c, k) => {
    ctx.stdout(`${c.padEnd(12)} ${rows.map((r) => f(r.per_class[k].precision_at_k['10']).padStart(12)).join(' ')}\n`);
  });
  return 0;
}

export const command: Command = {
  name: 'search-eval',
  summary: 'retrieval quality on Fashion-MNIST: precision@1, @10, mAP, colour invariance; autoencoder vs pixels vs Sobel',
  usage: 'search-eval DIR [--json] [--queries N] [--features autoencoder,pixels,sobel]',
  examples: ['convolab search-eval model --queries 20', 'convolab search-eval model --json'],
  options: {
    json: {
      type: 'boolean',
      description: 'print one JSON document { rows: [{ features, precision_at_k, map, colour_overlap, per_class }] }',
    },
    queries: { type: 'string', valueName: 'N', description: 'use the first N test images of each class as queries (default: all 10,000)' },
    'gallery-limit': {
      type: 'string',
      valueName: 'N',
      description: 'use the first N training images of each class as the gallery (default: all 60,000)',
    },
    features: { type: 'string', valueName: 'LIST', description: 'rows to evaluate (default: autoencoder when DIR has one, pixels, sobel)' },
    recolour: { type: 'string', valueName: 'N', description: 'queries recoloured for the colour check (default 1000; 0 = skip)' },
    metric: { type: 'string', valueName: 'M', description: 'cosine (default) or l2' },
    threads: { type: 'string', valueName: 'T', description: 'worker threads (default: CONVOLAB_THREADS or the cores)' },
    seed: { type: 'string', valueName: 'S', description: 'seed of the recolouring (default 0)' },
    cache: { type: 'string', valueName: 'DIR', description: 'Fashion-MNIST cache folder' },
  },
  positionals: { min: 1, max: 1, names: ['DIR'] },
  run,
};
