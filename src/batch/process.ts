/**
 * One item through a recipe, bytes in, bytes out: decode (PNG / JPEG, pixel limit checked from
 * the header), run the steps in order, encode (PNG or `.npy`). Browser-safe; the Node runners
 * read and write the files around it.
 */
import { astype } from '../core/ndarray.js';
import { decodeImage } from '../io/image.js';
import { encodeNpy } from '../io/npy.js';
import { encodePng } from '../io/png.js';
import { parseRecipe, type Recipe, type RecipeJson } from './recipe.js';
import type { Item, ItemInfo, OutputFormat, StepEnv } from './step.js';

export interface Processed {
  bytes: Uint8Array;
  format: OutputFormat;
  /** `[C, H, W]` of the written image. */
  shape: number[];
  /** What the steps measured (e.g. `psnr` of `compress`), if anything. */
  info?: ItemInfo;
}

/** Runs `recipe` on the encoded image `bytes`; `name` (the input file) names it in errors. */
export function processBytes(bytes: Uint8Array, recipe: Recipe, name: string): Processed {
  const decoded = decodeImage(bytes, { name, maxPixels: recipe.json.maxPixels });
  let item: Item = { image: decoded.image, format: 'png', bitDepth: decoded.bitDepth > 8 ? 16 : 8 };
  for (const { step, options } of recipe.steps) item = step.apply(item, options, name);
  const image = item.image.dtype === 'float32' ? item.image : astype(item.image, 'float32');
  const out = item.format === 'npy' ? encodeNpy(image) : encodePng(image, { bitDepth: item.bitDepth });
  return { bytes: out, format: item.format, shape: [...image.shape], ...(item.info ? { info: item.info } : {}) };
}

let cached: { text: string; recipe: Recipe } | undefined;

/**
 * `parseRecipe` with a one-entry cache keyed by the JSON text (workers see one recipe at a time).
 * Files a step names (a template) are read where there is a file system.
 */
export function recipeOf(json: RecipeJson): Recipe {
  const text = JSON.stringify(json);
  if (cached?.text !== text) cached = { text, recipe: parseRecipe(json, runtimeEnv()) };
  return cached.recipe;
}

/**
 * File reading where the runtime has one: Node's `fs` reached through `process.getBuiltinModule`
 * (no static `node:` import, so this module stays browser-safe); nothing in a browser.
 */
export function runtimeEnv(): StepEnv {
  const proc = (globalThis as { process?: { getBuiltinModule?(id: string): unknown } }).process;
  const fs = proc?.getBuiltinModule?.('node:fs') as { readFileSync(path: string): Uint8Array } | undefined;
  return fs ? { readFile: (path) => fs.readFileSync(path) } : {};
}
