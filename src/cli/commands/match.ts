/**
 * `convolab match IMG TEMPLATE` — template matching: the K best non-overlapping matches of
 * TEMPLATE in IMG (OpenCV's scores), optionally the score map (-o) and the boxes drawn (--boxes).
 * Images (PNG / JPEG, alpha dropped) or `.npy` arrays ([H, W] or [C, H, W]); a PNG / JPEG mask is
 * binary (gray ≥ 128 = in), a `.npy` mask gives weights (uint8: non-zero = in, as in OpenCV).
 */
import { extname, resolve } from 'node:path';
import { AbortError } from '../../core/errors.js';
import { type NDArray, ndarray } from '../../core/ndarray.js';
import { decodeImage, dropAlpha, toGray } from '../../io/image.js';
import { writeFileAtomic } from '../../io/node.js';
import { encodeNpy, parseNpy } from '../../io/npy.js';
import { encodePng } from '../../io/png.js';
import { drawBoxes, mapToGray } from '../../match/draw.js';
import { lowerIsBetter, MATCH_METHODS, type MatchMethod } from '../../match/methods.js';
import { matchTemplateAsync } from '../../match/parallel.js';
import { findPeaks } from '../../match/peaks.js';
import { intOption } from '../args.js';
import type { Command, CommandContext, ParsedArgs } from '../command.js';
import { isNpy, readHead, samePath } from '../files.js';
import { UsageError } from '../usage.js';

/** An image file as [C, H, W] float32 (alpha dropped), or an .npy array as stored. */
async function readArray(path: string, name: string, cwd: string): Promise<{ array: NDArray; image: boolean }> {
  const { bytes } = await readHead(resolve(cwd, path), Number.MAX_SAFE_INTEGER, name);
  if (isNpy(bytes)) return { array: parseNpy(bytes, name), image: false };
  return { array: dropAlpha(decodeImage(bytes, { name }).image), image: true };
}

/** A mask file: a PNG / JPEG becomes a binary uint8 [h, w] (gray ≥ 128 is in), an .npy is used as is. */
async function readMask(path: string, cwd: string): Promise<NDArray> {
  const { array, image } = await readArray(path, path, cwd);
  if (!image) return array;
  const gray = toGray(array);
  const [, h, w] = gray.shape;
  return ndarray(
    'uint8',
    [h, w],
    Uint8Array.from(gray.data, (g) => (g >= 128 ? 1 : 0)),
  );
}

function methodOption(value: unknown): MatchMethod {
  const m = value === undefined ? 'ccoeff_normed' : String(value);
  if (!(MATCH_METHODS as readonly string[]).includes(m)) {
    throw new UsageError(`option --method: expected one of ${MATCH_METHODS.join(', ')}, got ${JSON.stringify(value)}`);
  }
  return m as MatchMethod;
}

function numberOption(values: ParsedArgs['values'], name: string): number | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  const n = Number(String(raw).trim());
  if (String(raw).trim() === '' || !Number.isFinite(n))
    throw new UsageError(`option --${name}: expected a number, got ${JSON.stringify(raw)}`);
  return n;
}

function outputKind(path: string, option: string, allowed: string[]): string {
  const ext = extname(path).toLowerCase();
  if (!allowed.includes(ext))
    throw new UsageError(`${option} ${path}: unsupported extension ${JSON.stringify(ext)}; expected ${allowed.join(' or ')}`);
  return ext;
}

async function run(args: ParsedArgs, ctx: CommandContext): Promise<number> {
  const [imgPath, tplPath] = args.positionals;
  const v = args.values;
  const method = methodOption(v.method);
  const top = intOption(v, 'top') ?? 1;
  const threshold = numberOption(v, 'threshold');
  const mapOut = v.output as string | undefined;
  const boxesOut = v.boxes as string | undefined;
  const maskPath = v.mask as string | undefined;
  if (mapOut !== undefined) outputKind(mapOut, '-o', ['.npy', '.png']);
  if (boxesOut !== undefined) outputKind(boxesOut, '--boxes', ['.png']);
  const inputs = [imgPath, tplPath, ...(maskPath ? [maskPath] : [])];
  for (const out of [mapOut, boxesOut]) {
    if (out === undefined) continue;
    for (const inp of inputs)
      if (await samePath(inp, out, ctx.cwd)) throw new UsageError(`output ${out} is also an input; match never overwrites its inputs`);
  }

  const image = (await readArray(imgPath, imgPath, ctx.cwd)).array;
  const template = (await readArray(tplPath, tplPath, ctx.cwd)).array;
  const mask = maskPath === undefined ? undefined : await readMask(maskPath, ctx.cwd);
  if (ctx.signal.aborted) throw new AbortError();
  const map = await matchTemplateAsync(image, template, { method, signal: ctx.signal, ...(mask ? { mask } : {}) });
  if (ctx.signal.aborted) throw new AbortError();
  const [th, tw] = template.shape.slice(-2);
  const minDistance = numberOption(v, 'min-distance') ?? Math.min(th, tw);
  if (minDistance < 0) throw new UsageError(`option --min-distance: expected a number >= 0, got ${minDistance}`);
  const peaks = findPeaks(map, {
    top,
    minDistance,
    mode: lowerIsBetter(method) ? 'min' : 'max',
    ...(threshold !== undefined ? { threshold } : {}),
  });
  const matches = peaks.map((p) => ({ x: p.x, y: p.y, score: p.score }));

  if (mapOut !== undefined) {
    const bytes = extname(mapOut).toLowerCase() === '.npy' ? encodeNpy(map) : encodePng(mapToGray(map, lowerIsBetter(method)));
    writeFileAtomic(resolve(ctx.cwd, mapOut), bytes);
  }
  if (boxesOut !== undefined) {
    const drawn = drawBoxes(
      image,
      matches.map((m) => ({ x: m.x, y: m.y, width: tw, height: th })),
    );
    writeFileAtomic(resolve(ctx.cwd, boxesOut), encodePng(drawn));
  }
  if (v.json) ctx.stdout(`${JSON.stringify({ matches })}\n`);
  else if (matches.length === 0) ctx.stdout('no match\n');
  else ctx.stdout(matches.map((m) => `x=${m.x} y=${m.y} score=${formatScore(m.score)}\n`).join(''));
  return 0;
}

function formatScore(s: number): string {
  return Math.abs(s) >= 1e5 ? s.toExponential(4) : s.toFixed(4);
}

export const command: Command = {
  name: 'match',
  summary: 'find a template in an image (OpenCV’s six matching scores), best matches first',
  usage:
    'match IMG TEMPLATE [--method M] [--mask M] [--top K] [--min-distance D] [--threshold T] [--json] [-o map.npy|map.png] [--boxes out.png]',
  details: () =>
    [
      `Methods: ${MATCH_METHODS.join(', ')} (default ccoeff_normed; for sqdiff* lower is better).`,
      'x, y are the column and row of a match’s top-left corner; matches closer than D on both axes',
      '(default: the template’s smaller side) count as one. -o map.png scales the map to 0..255 with',
      'the best scores bright.',
    ].join('\n'),
  examples: [
    'convolab match samples/astronaut.png samples/chelsea.png --top 3 --min-distance 20 --json',
    'convolab match scene.png part.png --top 5 --min-distance 20 --boxes found.png -o map.png',
    'convolab match scene.png part.npy --method sqdiff_normed --threshold 0.1 --mask part-mask.png -o map.npy',
  ],
  options: {
    method: { type: 'string', valueName: 'M', description: 'matching score (default ccoeff_normed)' },
    mask: { type: 'string', valueName: 'M', description: 'template mask: PNG/JPEG (gray >= 128 is in) or .npy weights [h, w] / [C, h, w]' },
    top: { type: 'string', valueName: 'K', description: 'report the K best matches (default 1)' },
    'min-distance': { type: 'string', valueName: 'D', description: 'matches closer than D pixels on both axes are one' },
    threshold: { type: 'string', valueName: 'T', description: 'keep scores >= T (<= T for sqdiff*)' },
    output: { type: 'string', short: 'o', valueName: 'OUT', description: 'write the score map: .npy (float32) or .png' },
    boxes: { type: 'string', valueName: 'OUT', description: 'write the image with the matches outlined (.png)' },
    json: { type: 'boolean', description: 'print { "matches": [{ "x", "y", "score" }] }' },
  },
  positionals: { min: 2, max: 2, names: ['IMG', 'TEMPLATE'] },
  run,
};
