/**
 * `convolab convolve IN KERNEL -o OUT` — N-D convolution (or, with `--correlate`, correlation)
 * of two `.npy` arrays; or an image (PNG / JPEG / `[C, H, W]` .npy) with a 2-D kernel, one
 * feature map per channel. OUT is `.npy` (the raw float result, never clamped) or `.png` (mapped
 * to 8 bits by --clip | --abs | --normalize | --offset V). Semantics are src/conv's (DESIGN.md):
 * scipy.signal.convolve's modes, scipy.ndimage's boundary names, `auto` method by cost model.
 */
import { extname, resolve } from 'node:path';
import { chooseMethod, convolve, correlate, METHODS, type MethodName, MODES } from '../../conv/index.js';
import { AbortError, ArgumentError, ConvolabError, ShapeError } from '../../core/errors.js';
import { astype, NDArray } from '../../core/ndarray.js';
import { normalize } from '../../filters/index.js';
import { decodeImage } from '../../io/image.js';
import { writeFileAtomic } from '../../io/node.js';
import { encodeNpy, parseNpy } from '../../io/npy.js';
import { encodePng } from '../../io/png.js';
import { type Boundary, type ConvMode, parseBoundary, parseMode } from '../../ref/convBoundary.js';
import { intOption } from '../args.js';
import type { Command, CommandContext, ParsedArgs } from '../command.js';
import { isNpy, readHead, samePath } from '../files.js';
import { BYTE_OPTIONS, byteMappingGiven, byteMappingOption, toByteRange } from '../output8bit.js';
import { UsageError } from '../usage.js';

export type OutputKind = 'npy' | 'png';

/** The output kind from OUT's extension; anything but .npy / .png is a usage error. */
export function outputKind(out: string): OutputKind {
  const ext = extname(out).toLowerCase();
  if (ext === '.npy') return 'npy';
  if (ext === '.png') return 'png';
  throw new UsageError(`-o ${out}: unsupported output extension ${JSON.stringify(ext)}; expected .npy or .png`);
}

/** An input array: a `.npy` file as stored, or an image decoded to `[C, H, W]` float32 on 0..255. */
export async function readArray(path: string, name: string, maxPixels: number | undefined): Promise<{ array: NDArray; image: boolean }> {
  const { bytes } = await readHead(path, Number.MAX_SAFE_INTEGER, name);
  if (isNpy(bytes)) return { array: parseNpy(bytes, name), image: false };
  const decoded = decodeImage(bytes, { name, ...(maxPixels !== undefined ? { maxPixels } : {}) });
  return { array: decoded.image, image: true };
}

/** `--mode`, `--boundary` and `--method` values checked against the library's names (usage errors list them). */
export function convNames(values: ParsedArgs['values'], defaults: { mode: ConvMode; boundary: Boundary }) {
  const usage = <T>(f: () => T): T => {
    try {
      return f();
    } catch (err) {
      if (err instanceof ArgumentError) throw new UsageError(`option --${err.message}`);
      throw err;
    }
  };
  const mode = usage(() => parseMode(values.mode ?? defaults.mode));
  const boundary = usage(() => parseBoundary(values.boundary ?? defaults.boundary));
  const method = values.method ?? 'auto';
  if (!(METHODS as readonly unknown[]).includes(method)) {
    throw new UsageError(`option --method: unknown method ${JSON.stringify(method)}; expected one of ${METHODS.join(', ')}`);
  }
  return { mode, boundary, method: method as MethodName, cval: numberOption(values, 'cval') ?? 0 };
}

/** A finite number option, or undefined when absent. */
export function numberOption(values: ParsedArgs['values'], name: string): number | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  const text = String(raw).trim();
  const v = text === '' ? Number.NaN : Number(text);
  if (!Number.isFinite(v)) throw new UsageError(`option --${name}: expected a number, got ${JSON.stringify(raw)}`);
  return v;
}

/** `--kernel-norm sum|l1|max`: divide the kernel by m = Σk, Σ|k| or max|k| (an all-zero kernel is an error). */
export function kernelNorm(values: ParsedArgs['values']): 'sum' | 'l1' | 'max' | undefined {
  const v = values['kernel-norm'];
  if (v === undefined) return undefined;
  if (v === 'sum' || v === 'l1' || v === 'max') return v;
  throw new UsageError(`option --kernel-norm: unknown normalisation ${JSON.stringify(v)}; expected one of sum, l1, max`);
}

/** `k` divided by its normalisation factor; the library's error, renamed after the kernel's source. */
export function normalizeKernel(k: NDArray, norm: 'sum' | 'l1' | 'max', name: string): NDArray {
  if (k.dtype !== 'float32' && k.dtype !== 'float64') {
    throw new ArgumentError(`${name}: --kernel-norm needs a real float kernel, got ${k.dtype}`, name);
  }
  return rename(() => normalize(k as NDArray<'float64'>, norm), { k: name });
}

/** Run `f`; a ConvolabError blaming one of `names`' keys is re-thrown with the file name in its place. */
export function rename<T>(f: () => T, names: Record<string, string>): T {
  try {
    return f();
  } catch (err) {
    if (err instanceof ConvolabError && err.arg !== undefined && Object.hasOwn(names, err.arg)) {
      const name = names[err.arg];
      const message = err.message.startsWith(`${err.arg}: `)
        ? `${name}: ${err.message.slice(err.arg.length + 2)}`
        : `${name}: ${err.message}`;
      const Ctor = err.constructor as new (m: string, a?: string, o?: { cause?: unknown }) => ConvolabError;
      throw new Ctor(message, name, { cause: err });
    }
    throw err;
  }
}

/** Write `result` as .npy (as is) or PNG (mapped to 8 bits); returns the bytes written and the stored dtype. */
export function encodeResult(result: NDArray, kind: OutputKind, values: ParsedArgs['values'], name: string) {
  if (kind === 'npy') return { bytes: encodeNpy(result), dtype: result.dtype as string };
  const shape = result.shape.length === 2 ? [1, ...result.shape] : result.shape;
  if (shape.length !== 3 || shape[0] < 1 || shape[0] > 4) {
    throw new ShapeError(
      `${name}: a result of shape [${result.shape.join(', ')}] cannot be written as PNG; expected [H, W] or [C, H, W] with C in 1..4 (write .npy instead)`,
      name,
    );
  }
  return { bytes: encodePng(toByteRange(result.reshape(shape), byteMappingOption(values))), dtype: 'uint8' };
}

async function run(args: ParsedArgs, ctx: CommandContext): Promise<number> {
  const [input, kernelPath] = args.positionals;
  const output = args.values.output as string | undefined;
  if (output === undefined) throw new UsageError('missing -o OUT');
  const kind = outputKind(output);
  if (kind === 'npy') byteMappingOption(args.values); // conflicting flags are still a usage error
  if (kind === 'npy' && byteMappingGiven(args.values)) {
    throw new UsageError('options --clip, --abs, --normalize and --offset apply only to PNG output; .npy keeps the raw values');
  }
  const { mode, boundary, method, cval } = convNames(args.values, { mode: 'full', boundary: 'constant' });
  const norm = kernelNorm(args.values);
  const maxPixels = intOption(args.values, 'max-pixels');
  for (const source of [input, kernelPath]) {
    if (await samePath(source, output, ctx.cwd))
      throw new UsageError(`OUT is the same file as ${source}; convolve never overwrites its inputs`);
  }

  const x = await readArray(resolve(ctx.cwd, input), input, maxPixels);
  const { bytes: kb } = await readHead(resolve(ctx.cwd, kernelPath), Number.MAX_SAFE_INTEGER, kernelPath);
  if (!isNpy(kb)) throw new ArgumentError(`${kernelPath}: expected a .npy kernel (numpy format)`, kernelPath);
  let k = parseNpy(kb, kernelPath);
  if (x.image && k.ndim !== 2) {
    throw new ShapeError(
      `${kernelPath}: an image [${x.array.shape.join(', ')}] needs a 2-D kernel, got shape [${k.shape.join(', ')}]`,
      kernelPath,
    );
  }
  if (x.image && (k.dtype === 'float64' || k.dtype === 'uint8' || k.dtype === 'int32')) k = astype(k, 'float32'); // images stay float32
  if (norm) k = normalizeKernel(k, norm, kernelPath);
  if (ctx.signal.aborted) throw new AbortError();

  const opts = { mode, boundary, cval, method, allowNonFinite: Boolean(args.values['allow-non-finite']) };
  const op = args.values.correlate ? correlate : convolve;
  const t0 = performance.now();
  const result = rename(() => op(x.array, k, opts), { k: kernelPath, x: input, cval: '--cval', method: '--method' });
  const ms = performance.now() - t0;
  if (ctx.signal.aborted) throw new AbortError();
  const { bytes, dtype } = encodeResult(result, kind, args.values, output);
  writeFileAtomic(resolve(ctx.cwd, output), bytes);

  const chosen = method === 'auto' ? autoMethod(x.array, k, mode) : method;
  const summary = {
    input,
    kernel: kernelPath,
    output,
    operation: args.values.correlate ? 'correlate' : 'convolve',
    shape: [...result.shape],
    dtype,
    mode,
    boundary,
    method: chosen,
    ms: Math.round(ms * 1000) / 1000,
  };
  const text = `${output}: ${summary.operation} [${summary.shape.join(', ')}] ${dtype} (mode ${mode}, boundary ${boundary}, method ${chosen}) in ${summary.ms.toFixed(1)} ms\n`;
  ctx.stdout(args.values.json ? `${JSON.stringify(summary)}\n` : text);
  return 0;
}

/** The method `auto` picked (for a 2-D kernel on an image: for one channel plane). */
function autoMethod(x: NDArray, k: NDArray, mode: ConvMode): string {
  try {
    const perChannel = x.ndim === 3 && k.ndim === 2;
    const plane = perChannel ? new NDArray(x.dtype, x.shape.slice(1), x.data.subarray(0, x.data.length / x.shape[0])) : x;
    return `auto:${chooseMethod(plane, k, { mode }).method}`;
  } catch {
    return 'auto';
  }
}

export const command: Command = {
  name: 'convolve',
  summary: 'N-D convolution / correlation of .npy arrays, or an image with a 2-D kernel per channel',
  usage:
    'convolve IN KERNEL.npy -o OUT.npy|OUT.png [--mode full|same|valid] [--boundary B] [--cval V] [--method M] [--correlate] [--kernel-norm sum|l1|max] [--clip|--abs|--normalize|--offset V] [--json]',
  details: () =>
    [
      'IN is a .npy array or an image (PNG / JPEG, decoded to [C, H, W] float32 on 0..255); a 2-D kernel',
      'on an image gives one feature map per channel. Otherwise KERNEL must have the rank of IN.',
      `Modes: ${MODES.join(', ')} (default full, like scipy.signal.convolve; same = the centre of full).`,
      'Boundaries (for same / full; default constant with --cval 0): constant, reflect (dcba|abcd|dcba),',
      'mirror (dcb|abcd|cba), nearest (aaa|abcd|ddd), wrap (bcd|abcd|abc); OpenCV aliases reflect101, replicate.',
      `Methods: ${METHODS.join(', ')} — all give the same result within rounding.`,
      '.npy output holds the raw result (float, never clamped). PNG output is 8-bit: --clip (default)',
      'cuts to 0..255, --abs takes |v| first, --normalize stretches min..max, --offset V adds V first.',
      'A kernel with NaN or Inf is refused unless --allow-non-finite.',
      'Types: a decoded image stays float32 (the kernel is cast to float32); .npy operands follow numpy’s',
      'promotion (float32 with float64 gives float64; complex stays complex, .npy output only).',
    ].join('\n'),
  examples: [
    'convolab convolve signal.npy taps.npy -o filtered.npy --mode same',
    'convolab convolve samples/astronaut.png kernel.npy -o out.png --mode same --boundary reflect --kernel-norm sum',
    'convolab convolve volume.npy k3.npy -o corr.npy --correlate --mode valid --json',
  ],
  options: {
    output: { type: 'string', short: 'o', valueName: 'OUT', description: 'output file: .npy (raw float) or .png (8-bit) (required)' },
    mode: { type: 'string', valueName: 'M', description: 'full (default) | same | valid' },
    boundary: {
      type: 'string',
      valueName: 'B',
      description: 'constant (default) | reflect | mirror | nearest | wrap | reflect101 | replicate',
    },
    cval: { type: 'string', valueName: 'V', description: 'value outside the input for --boundary constant (default 0)' },
    method: { type: 'string', valueName: 'M', description: 'auto (default) | direct | separable | fft | oa' },
    correlate: { type: 'boolean', description: 'correlate instead (the kernel is not flipped)' },
    'kernel-norm': { type: 'string', valueName: 'N', description: 'divide the kernel by m = sum | l1 (Σ|k|) | max (max|k|) first' },
    'allow-non-finite': { type: 'boolean', description: 'accept NaN / Inf in the kernel' },
    ...BYTE_OPTIONS,
    'max-pixels': { type: 'string', valueName: 'N', description: 'refuse images with more than N pixels' },
    json: { type: 'boolean', description: 'print a JSON summary of what was written' },
  },
  positionals: { min: 2, max: 2, names: ['IN', 'KERNEL'] },
  run,
};
