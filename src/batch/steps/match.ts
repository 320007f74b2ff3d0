/**
 * `match`: find a fixed template in every image, as `convolab match` (OpenCV's six scores, the K
 * best non-overlapping matches). The matches (`{ x, y, score }`, best first) go to the item's
 * journal line; the image written is the input with boxes drawn (`draw: "boxes"`, default) or the
 * score map scaled to 0..255, best scores bright (`draw: "map"`). The template file (relative to
 * the recipe) is read once when the recipe is loaded; a missing one refuses the recipe.
 */
import { ArgumentError, ConvolabError } from '../../core/errors.js';
import { NDArray } from '../../core/ndarray.js';
import { decodeImage, dropAlpha, toGray } from '../../io/image.js';
import { drawBoxes, mapToGray } from '../../match/draw.js';
import { matchTemplate } from '../../match/matchTemplate.js';
import { lowerIsBetter, MATCH_METHODS, type MatchMethod } from '../../match/methods.js';
import { findPeaks } from '../../match/peaks.js';
import { join, number, oneOf, recipeError, string } from '../schema.js';
import type { Item, Step, StepEnv } from '../step.js';

export interface MatchStepOptions {
  template: NDArray<'float32'>; // [C, h, w]
  method: MatchMethod;
  top: number;
  minDistance: number | undefined;
  threshold: number | undefined;
  draw: 'boxes' | 'map';
}

export const match: Step<MatchStepOptions> = {
  name: 'match',
  summary: 'find a fixed template (OpenCV scores); journals the matches, draws boxes or the score map',
  files: ['template'],
  options: {
    template: 'PNG / JPEG template file, relative to the recipe (required)',
    method: `${MATCH_METHODS.join(' | ')} (default ccoeff_normed)`,
    top: 'the K best non-overlapping matches (default 1)',
    minDistance: 'matches closer than D on both axes are one (default: the template’s smaller side)',
    threshold: 'drop matches scoring worse than T',
    draw: '"boxes" (default: the image with the matches outlined) or "map" (the score map)',
  },
  parse(o, path, env = {}) {
    if (o.template === undefined) throw recipeError(join(path, 'template'), 'missing; expected a template image file');
    return {
      template: readTemplate(string(o.template, join(path, 'template')), join(path, 'template'), env),
      method: o.method === undefined ? 'ccoeff_normed' : oneOf(o.method, join(path, 'method'), MATCH_METHODS),
      top: o.top === undefined ? 1 : number(o.top, join(path, 'top'), { min: 1, max: 10_000, integer: true }),
      minDistance: o.minDistance === undefined ? undefined : number(o.minDistance, join(path, 'minDistance'), { min: 0 }),
      threshold: o.threshold === undefined ? undefined : number(o.threshold, join(path, 'threshold')),
      draw: o.draw === undefined ? 'boxes' : oneOf(o.draw, join(path, 'draw'), ['boxes', 'map'] as const),
    };
  },
  outputFormat: () => 'png',
  apply(item: Item, o): Item {
    const image = dropAlpha(item.image);
    const template = o.template.shape[0] === image.shape[0] ? o.template : matchChannels(o.template, image.shape[0]);
    const map = matchTemplate(image, template, { method: o.method }); // [H - h + 1, W - w + 1]
    const [th, tw] = template.shape.slice(1);
    const peaks = findPeaks(map, {
      top: o.top,
      minDistance: o.minDistance ?? Math.min(th, tw),
      mode: lowerIsBetter(o.method) ? 'min' : 'max',
      ...(o.threshold !== undefined ? { threshold: o.threshold } : {}),
    });
    const matches = peaks.map((p) => ({ x: p.x, y: p.y, score: p.score }));
    const drawn =
      o.draw === 'map'
        ? mapToGray(map, lowerIsBetter(o.method)).reshape([1, ...map.shape])
        : drawBoxes(
            image,
            matches.map((m) => ({ x: m.x, y: m.y, width: tw, height: th })),
          );
    return { ...item, image: drawn as NDArray<'float32'>, format: 'png', bitDepth: 8, info: { ...item.info, matches } };
  },
};

function readTemplate(file: string, path: string, env: StepEnv): NDArray<'float32'> {
  if (!env.readFile) throw recipeError(path, `${file}: reading a template needs a file system (Node)`);
  let bytes: Uint8Array;
  try {
    bytes = env.readFile(file);
  } catch (err) {
    const code = (err as { code?: string }).code;
    throw recipeError(path, `${file}: cannot read the template (${code === 'ENOENT' ? 'no such file' : (err as Error).message})`);
  }
  try {
    return dropAlpha(decodeImage(bytes, { name: file }).image);
  } catch (err) {
    if (err instanceof ConvolabError) throw recipeError(path, err.message);
    throw err;
  }
}

/**
 * The template with the image's channel count: a gray template repeated for a colour image, the
 * luma of a colour template for a gray image; other mismatches are an ArgumentError.
 */
function matchChannels(template: NDArray<'float32'>, channels: number): NDArray<'float32'> {
  const [C, h, w] = template.shape;
  if (C === 3 && channels === 1) return toGray(template);
  if (C !== 1) throw new ArgumentError(`template: a ${C}-channel template cannot match a ${channels}-channel image`, 'template');
  const out = new NDArray('float32', [channels, h, w]);
  for (let c = 0; c < channels; c++) out.data.set(template.data, c * h * w);
  return out;
}
