/** Shared fixtures of the search CLI tests: a small labelled gallery folder of Fashion-MNIST PNGs. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NDArray } from '../../src/core/ndarray.js';
import { subsetPerClass } from '../../src/io/fashion-mnist.js';
import { loadFashionMnist } from '../../src/io/node-fashion-mnist.js';
import { encodePng } from '../../src/io/png.js';
import { tempDir } from './helpers.js';

/** PNG of a 28 x 28 garment, drawn dark on white (as a product photo), optionally tinted. */
export function garmentPng(pixels: ArrayLike<number>, tint: [number, number, number] = [1, 1, 1]): Uint8Array {
  const img = new NDArray('float32', [3, 28, 28]);
  for (let c = 0; c < 3; c++) for (let i = 0; i < 784; i++) img.data[c * 784 + i] = 255 - pixels[i] * tint[c];
  return encodePng(img);
}

/** DIR/gallery/<class>/<i>.png for the first `perClass` test images of 3 classes; returns the folder and the images. */
export function galleryFolder(perClass = 4): { root: string; folder: string; images: Uint8Array[] } {
  const fm = loadFashionMnist();
  const ds = subsetPerClass(fm.test, perClass);
  const root = tempDir();
  const folder = join(root, 'gallery');
  const images: Uint8Array[] = [];
  for (let i = 0; i < ds.count; i++) {
    const k = ds.labels[i];
    if (k > 2) continue;
    const px = ds.images.subarray(i * 784, (i + 1) * 784);
    mkdirSync(join(folder, `c${k}`), { recursive: true });
    writeFileSync(join(folder, `c${k}`, `${String(i).padStart(3, '0')}.png`), garmentPng(px));
    images.push(px);
  }
  return { root, folder, images };
}
