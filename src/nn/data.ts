/**
 * Datasets for training: labelled samples [count, ...sampleShape] stored as uint8 (scaled by
 * 1/255 into [0, 1], as DESIGN.md's W8 asks) or float32, and batch assembly with the simple
 * augmentations (random shift with zero fill, horizontal flip).
 */
import { ArgumentError } from '../core/errors.js';
import type { Rng } from '../core/rng.js';
import type { ImageDataset } from '../io/fashion-mnist.js';

export interface Dataset {
  readonly count: number;
  /** Per-sample shape, e.g. [1, 28, 28]. */
  readonly sampleShape: readonly number[];
  /** [count, ...sampleShape]: uint8 0..255 (scaled by 1/255) or float32 (as is). */
  readonly images: Uint8Array | Float32Array;
  readonly labels: Uint8Array;
  readonly classes: readonly string[];
}

export interface Augment {
  /** Shift by up to this many pixels in x and y (zero fill); 0 = off. */
  shift?: number;
  /** Mirror left-right with probability 1/2. */
  flip?: boolean;
}

export function fromImageDataset(ds: ImageDataset): Dataset {
  return { count: ds.count, sampleShape: [1, ds.height, ds.width], images: ds.images, labels: ds.labels, classes: ds.classes };
}

const sharedCopies = new WeakMap<Dataset, Dataset>();

/** The same dataset in SharedArrayBuffers (for the worker pool); copied once per dataset, none if already shared. */
export function shareDataset(ds: Dataset): Dataset {
  const cached = sharedCopies.get(ds);
  if (cached !== undefined && cached.images.length === ds.images.length) return cached;
  const out = shareOnce(ds);
  sharedCopies.set(ds, out);
  return out;
}

function shareOnce(ds: Dataset): Dataset {
  const share = <T extends Uint8Array | Float32Array>(a: T): T => {
    if (a.buffer instanceof SharedArrayBuffer) return a;
    const Ctor = a.constructor as { new (b: SharedArrayBuffer): T };
    const out = new Ctor(new SharedArrayBuffer(a.byteLength));
    out.set(a as never);
    return out;
  };
  return { ...ds, images: share(ds.images), labels: share(ds.labels) };
}

export function checkDataset(ds: Dataset, name = 'data'): void {
  const per = ds.sampleShape.reduce((a, b) => a * b, 1);
  if (!Number.isInteger(ds.count) || ds.count < 1)
    throw new ArgumentError(`${name}.count: expected a positive integer, got ${ds.count}`, name);
  if (ds.images.length !== ds.count * per)
    throw new ArgumentError(`${name}.images: expected ${ds.count * per} values, got ${ds.images.length}`, name);
  if (ds.labels.length !== ds.count) throw new ArgumentError(`${name}.labels: expected ${ds.count} labels, got ${ds.labels.length}`, name);
}

/**
 * out [n, ...sampleShape] = samples idx[start..end), scaled to [0, 1] for uint8 data,
 * augmented when `aug` is given (with `rng`).
 */
export function fillBatch(
  ds: Dataset,
  idx: ArrayLike<number>,
  start: number,
  end: number,
  out: Float32Array | Float64Array,
  aug?: Augment,
  rng?: Rng,
): void {
  const per = ds.sampleShape.reduce((a, b) => a * b, 1);
  const scale = ds.images instanceof Uint8Array ? 1 / 255 : 1;
  const src = ds.images;
  const shift = aug?.shift ?? 0;
  const flip = aug?.flip ?? false;
  const [c, h, w] = ds.sampleShape.length === 3 ? ds.sampleShape : [1, 1, per];
  for (let b = 0; b < end - start; b++) {
    const s0 = idx[start + b] * per;
    const o0 = b * per;
    if ((shift === 0 && !flip) || rng === undefined) {
      for (let q = 0; q < per; q++) out[o0 + q] = src[s0 + q] * scale;
      continue;
    }
    const dy = shift ? rng.int(2 * shift + 1) - shift : 0;
    const dx = shift ? rng.int(2 * shift + 1) - shift : 0;
    const mirror = flip && rng.random() < 0.5;
    for (let ch = 0; ch < c; ch++) {
      for (let y = 0; y < h; y++) {
        const sy = y - dy;
        for (let x = 0; x < w; x++) {
          let sx = x - dx;
          if (mirror) sx = w - 1 - sx;
          out[o0 + (ch * h + y) * w + x] = sy >= 0 && sy < h && sx >= 0 && sx < w ? src[s0 + (ch * h + sy) * w + sx] * scale : 0;
        }
      }
    }
  }
}

/** A permutation of [0, n) (Fisher–Yates). */
export function permutation(n: number, rng: Rng): Int32Array {
  const p = new Int32Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = p[i];
    p[i] = p[j];
    p[j] = t;
  }
  return p;
}
