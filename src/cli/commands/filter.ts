/**
 * `convolab filter IMG --kernel SPEC -o OUT` — apply a library kernel (`gaussian:2.5`, `sobel`,
 * `box:5`, …; see `convolab kernels`) or a 2-D `.npy` kernel to every channel of an image,
 * `same` size, correlation orientation (as cv2.filter2D and scipy.ndimage.correlate). A gradient
 * pair (`sobel`, `scharr`, `prewitt`) gives the magnitude √(gx² + gy²). `.npy` output keeps the
 * raw float32 response (a signed Sobel-x stays signed); `.png` output maps it to 8 bits by
 * --clip (default) | --abs | --normalize | --offset V.
 */
import { resolve } from 'node:path';
import { correlate } from '../../conv/index.js';
import { AbortError, ArgumentError, ShapeError } from '../../core/errors.js';
import { astype, type NDArray } from '../../core/ndarray.js';
import { gradientMagnitude, parseKernelSpec } from '../../filters/index.js';
import { writeFileAtomic } from '../../io/node.js';
import { parseNpy } from '../../io/npy.js';
import { intOption } from '../args.js';
import type { Command, CommandContext, ParsedArgs } from '../command.js';
import { isNpy, readHead, samePath } from '../files.js';
import { BYTE_OPTIONS, byteMappingGiven, byteMappingOption } from '../output8bit.js';
import { UsageError } from '../usage.js';
import { convNames, encodeResult, kernelNorm, normalizeKernel, outputKind, readArray, rename } from './convolve.js';

/** The kernels of `--kernel`: a library spec, or a 2-D .npy file (any name ending in .npy). */
async function kernelsOf(spec: string, cwd: string): Promise<{ kernels: NDArray[]; magnitude: boolean; description: string }> {
  if (spec.toLowerCase().endsWith('.npy')) {
    const { bytes } = await readHead(resolve(cwd, spec), Number.MAX_SAFE_INTEGER, spec);
    if (!isNpy(bytes)) throw new ArgumentError(`${spec}: expected a .npy kernel (numpy format)`, spec);
    const k = parseNpy(bytes, spec);
    if (k.ndim !== 2) throw new ShapeError(`${spec}: expected a 2-D kernel, got shape [${k.shape.join(', ')}]`, spec);
    return { kernels: [k], magnitude: false, description: `kernel from ${spec}` };
  }
  try {
    const parsed = parseKernelSpec(spec, '--kernel');
    return { kernels: parsed.kernels, magnitude: parsed.combine === 'magnitude', description: parsed.description };
  } catch (err) {
    if (err instanceof ArgumentError) throw new UsageError(`${err.message} (see convolab kernels)`);
    throw err;
  }
}

/** Minimum and maximum of a real array (NaN skipped). */
function range(a: NDArray): [number, number] {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const v of a.data as Float32Array) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [lo, hi];
}

async function run(args: ParsedArgs, ctx: CommandContext): Promise<number> {
  const [input] = args.positionals;
  const output = args.values.output as string | undefined;
  const spec = args.values.kernel as string | undefined;
  if (output === undefined) throw new UsageError('missing -o OUT');
  if (spec === undefined) throw new UsageError('missing --kernel SPEC (e.g. gaussian:2.5, sobel, box:5; see convolab kernels)');
  const kind = outputKind(output);
  const mapping = byteMappingOption(args.values);
  if (kind === 'npy' && byteMappingGiven(args.values)) {
    throw new UsageError('options --clip, --abs, --normalize and --offset apply only to PNG output; .npy keeps the raw values');
  }
  const { boundary, cval } = convNames(args.values, { mode: 'same', boundary: 'reflect' });
  const norm = kernelNorm(args.values);
  const maxPixels = intOption(args.values, 'max-pixels');
  if (await samePath(input, output, ctx.cwd))
    throw new UsageError(`IN and OUT are the same file (${output}); filter never overwrites its input`);
  if (spec.toLowerCase().endsWith('.npy') && (await samePath(spec, output, ctx.cwd))) {
    throw new UsageError(`OUT is the same file as the kernel ${spec}`);
  }

  const { array } = await readArray(resolve(ctx.cwd, input), input, maxPixels);
  if (array.ndim !== 2 && array.ndim !== 3) {
    throw new ShapeError(`${input}: expected an image [C, H, W] or [H, W], got shape [${array.shape.join(', ')}]`, input);
  }
  if (array.dtype === 'complex64' || array.dtype === 'complex128') {
    throw new ArgumentError(`${input}: expected a real image, got ${array.dtype} (use convolab convolve for complex arrays)`, input);
  }
  const x = array.dtype === 'float64' ? array : astype(array, 'float32'); // [C, H, W] or [H, W]
  const parsed = await kernelsOf(spec, ctx.cwd);
  const kernels = parsed.kernels.map((k) => {
    const cast = astype(k, x.dtype as 'float32' | 'float64');
    return norm ? normalizeKernel(cast, norm, spec) : cast;
  });
  if (ctx.signal.aborted) throw new AbortError();

  const opts = { mode: 'same', boundary, cval, allowNonFinite: Boolean(args.values['allow-non-finite']) } as const;
  const t0 = performance.now();
  const responses = kernels.map((k) => rename(() => correlate(x, k, opts), { k: spec, x: input, cval: '--cval' }) as NDArray<'float32'>);
  const result = parsed.magnitude ? gradientMagnitude(responses[0], responses[1]) : responses[0];
  const ms = performance.now() - t0;
  if (ctx.signal.aborted) throw new AbortError();
  const { bytes, dtype } = encodeResult(result, kind, args.values, output);
  writeFileAtomic(resolve(ctx.cwd, output), bytes);

  const [lo, hi] = range(result);
  const summary = {
    input,
    kernel: spec,
    output,
    shape: [...result.shape],
    dtype,
    boundary,
    kernel_shape: [...kernels[0].shape],
    combine: parsed.magnitude ? 'magnitude' : 'single',
    output_mapping: kind === 'png' ? mapping.kind : 'raw',
    min: lo,
    max: hi,
    ms: Math.round(ms * 1000) / 1000,
  };
  const text = `${output}: ${spec} [${summary.shape.join(', ')}] ${dtype} (boundary ${boundary}, response ${lo.toPrecision(4)}..${hi.toPrecision(4)}${kind === 'png' ? `, ${mapping.kind} to 8-bit` : ''}) in ${summary.ms.toFixed(1)} ms\n`;
  ctx.stdout(args.values.json ? `${JSON.stringify(summary)}\n` : text);
  return 0;
}

export const command: Command = {
  name: 'filter',
  summary: 'apply a named kernel (gaussian:2.5, sobel, box:5, …) or a 2-D .npy kernel to each image channel',
  usage:
    'filter IMG --kernel SPEC -o OUT.png|OUT.npy [--boundary B] [--cval V] [--kernel-norm sum|l1|max] [--clip|--abs|--normalize|--offset V] [--json]',
  details: () =>
    [
      'SPEC is name[:params] from `convolab kernels` (box:5, gaussian:2.5, sobel, sobel-x, sharpen,',
      'laplacian:8, log:2, emboss, motion:9,30, gabor:4,30,10, …) or a 2-D .npy kernel file.',
      'Each channel is correlated with the kernel, same size (cv2.filter2D / scipy.ndimage.correlate);',
      'the image is extended past its edge by --boundary (default reflect, scipy.ndimage’s default).',
      'sobel, scharr and prewitt give the gradient magnitude √(gx² + gy²).',
      '.npy output holds the raw float32 response: a signed Sobel-x stays signed. PNG output is 8-bit:',
      '--clip (default) cuts to 0..255, --abs takes |v| first, --normalize stretches min..max,',
      '--offset V adds V first (--offset 128 shows a signed response as gray ± v).',
    ].join('\n'),
  examples: [
    'convolab filter samples/astronaut.png --kernel gaussian:2.5 -o blurred.png',
    'convolab filter samples/astronaut.png --kernel sobel -o edges.png --normalize',
    'convolab filter samples/astronaut.png --kernel sobel-x -o gx.npy',
    'convolab filter samples/chelsea.png --kernel sobel-x -o gx.png --offset 128',
  ],
  options: {
    kernel: {
      type: 'string',
      short: 'k',
      valueName: 'SPEC',
      description: 'kernel spec (see convolab kernels) or a 2-D .npy file (required)',
    },
    output: { type: 'string', short: 'o', valueName: 'OUT', description: 'output file: .png (8-bit) or .npy (raw float32) (required)' },
    boundary: {
      type: 'string',
      valueName: 'B',
      description: 'reflect (default) | constant | mirror | nearest | wrap | reflect101 | replicate',
    },
    cval: { type: 'string', valueName: 'V', description: 'value outside the image for --boundary constant (default 0)' },
    'kernel-norm': { type: 'string', valueName: 'N', description: 'divide the kernel by m = sum | l1 (Σ|k|) | max (max|k|) first' },
    'allow-non-finite': { type: 'boolean', description: 'accept NaN / Inf in a .npy kernel' },
    ...BYTE_OPTIONS,
    'max-pixels': { type: 'string', valueName: 'N', description: 'refuse images with more than N pixels' },
    json: { type: 'boolean', description: 'print a JSON summary of what was written' },
  },
  positionals: { min: 1, max: 1, names: ['IMG'] },
  run,
};
