/**
 * The colour-invariance check: a garment recoloured (a random colour tint and a contrast
 * change) should find mostly the same neighbours. On a 28 x 28 garment p (light on black,
 * 0..255) the recoloured RGB image is
 *   out_c = 255 * tint_c * (p / 255)^gamma,  tint_c ~ U(0.3, 1) per channel, gamma ~ U(0.6, 1.6)
 * (the tint changes hue and brightness, gamma the contrast within the garment).
 */
import { NDArray } from '../core/ndarray.js';
import { Rng } from '../core/rng.js';
import { PIXELS, SIDE } from './features.js';
import { type PreprocessOptions, preprocessQuery } from './preprocess.js';

export interface Recolour {
  tint: [number, number, number];
  gamma: number;
}

export function randomRecolour(rng: Rng): Recolour {
  return { tint: [rng.uniform(0.3, 1), rng.uniform(0.3, 1), rng.uniform(0.3, 1)], gamma: rng.uniform(0.6, 1.6) };
}

/** The recoloured RGB image [3, h, w] of grey `img` [h * w]. */
export function recolour(img: ArrayLike<number>, h: number, w: number, r: Recolour): NDArray<'float32'> {
  const n = h * w;
  const out = new NDArray('float32', [3, h, w]);
  for (let i = 0; i < n; i++) {
    const v = (Math.min(255, Math.max(0, img[i])) / 255) ** r.gamma;
    for (let c = 0; c < 3; c++) out.data[c * n + i] = 255 * r.tint[c] * v;
  }
  return out;
}

/**
 * For each garment of images [n, 28, 28]: the query-pipeline image of the garment as it is
 * and of a randomly recoloured copy (seeded), both [n, 784], ready for an embedder.
 */
export function recolourPairs(
  images: ArrayLike<number>,
  n: number,
  seed: number,
  opts: PreprocessOptions = {},
): { original: Float32Array; recoloured: Float32Array } {
  const rng = new Rng(seed);
  const original = new Float32Array(n * PIXELS);
  const recoloured = new Float32Array(n * PIXELS);
  for (let i = 0; i < n; i++) {
    const img = Float32Array.from({ length: PIXELS }, (_, p) => images[i * PIXELS + p]);
    original.set(preprocessQuery(new NDArray('float32', [1, SIDE, SIDE], img), opts).image, i * PIXELS);
    recoloured.set(preprocessQuery(recolour(img, SIDE, SIDE, randomRecolour(rng)), opts).image, i * PIXELS);
  }
  return { original, recoloured };
}
