/**
 * `convolab convert IN -o OUT` — image → `.npy` (`[C, H, W]` float32), image → PNG, `.npy` → PNG,
 * `.npy` → `.npy`. The input kind is read from its bytes, the output kind from OUT's extension.
 * The output is written atomically; a failed run leaves no file behind.
 */
import { extname, resolve } from 'node:path';
import { AbortError, ShapeError } from '../../core/errors.js';
import { astype, type NDArray } from '../../core/ndarray.js';
import { decodeImage } from '../../io/image.js';
import { writeFileAtomic } from '../../io/node.js';
import { encodeNpy, parseNpy } from '../../io/npy.js';
import { encodePng } from '../../io/png.js';
import { intOption } from '../args.js';
import type { Command, CommandContext, ParsedArgs } from '../command.js';
import { isNpy, readHead, samePath } from '../files.js';
import { UsageError } from '../usage.js';

type OutputKind = 'npy' | 'png';

/** What was read: an image (`[C, H, W]` float32) with its source bit depth, or any array. */
type Decoded = { kind: 'image'; array: NDArray; format: string; bitDepth: number } | { kind: 'npy'; array: NDArray };

function outputKind(out: string): OutputKind {
  const ext = extname(out).toLowerCase();
  if (ext === '.npy') return 'npy';
  if (ext === '.png') return 'png';
  throw new UsageError(`-o ${out}: unsupported output extension ${JSON.stringify(ext)}; expected .npy or .png`);
}

function bitDepthOption(value: unknown): 8 | 16 | undefined {
  if (value === undefined) return undefined;
  if (value === '8' || value === '16') return Number(value) as 8 | 16;
  throw new UsageError(`option --bit-depth: expected 8 or 16, got ${JSON.stringify(value)}`);
}

/**
 * An `.npy` array as a PNG image `[C, H, W]` float32: `[H, W]` becomes one channel, C must be
 * 1..4 (gray, gray+alpha, RGB, RGBA); values are cast to float32 and clipped to 0..255 (NaN → 0).
 */
export function arrayToPngImage(a: NDArray, name: string): NDArray<'float32'> {
  if (a.dtype === 'complex64' || a.dtype === 'complex128') {
    throw new ShapeError(`${name}: a ${a.dtype} array cannot be written as PNG; take the real part or magnitude first`, name);
  }
  const shape = a.shape.length === 2 ? [1, a.shape[0], a.shape[1]] : [...a.shape];
  if (shape.length !== 3 || shape[0] < 1 || shape[0] > 4) {
    throw new ShapeError(
      `${name}: shape [${a.shape.join(', ')}] cannot be written as PNG; expected [H, W] or [C, H, W] with C in 1..4`,
      name,
    );
  }
  const image = astype(a, 'float32').reshape(shape) as NDArray<'float32'>;
  const data = image.data;
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    data[i] = Number.isNaN(v) ? 0 : Math.min(255, Math.max(0, v));
  }
  return image;
}

async function decodeInput(path: string, name: string, maxPixels: number | undefined): Promise<Decoded> {
  const { bytes } = await readHead(path, Number.MAX_SAFE_INTEGER, name);
  if (isNpy(bytes)) return { kind: 'npy', array: parseNpy(bytes, name) };
  const decoded = decodeImage(bytes, { name, ...(maxPixels !== undefined ? { maxPixels } : {}) });
  return { kind: 'image', array: decoded.image, format: decoded.format, bitDepth: decoded.bitDepth };
}

/** The output bytes, the array they hold, and the stored dtype. */
function encodeOutput(input: Decoded, kind: OutputKind, bitDepth: 8 | 16 | undefined, name: string) {
  if (kind === 'npy') return { bytes: encodeNpy(input.array), array: input.array, dtype: input.array.dtype as string };
  const image = input.kind === 'image' ? input.array : arrayToPngImage(input.array, name);
  const depth = bitDepth ?? (input.kind === 'image' && input.bitDepth > 8 ? 16 : 8);
  return { bytes: encodePng(image, { bitDepth: depth }), array: image, dtype: `uint${depth}` };
}

async function run(args: ParsedArgs, ctx: CommandContext): Promise<number> {
  const [input] = args.positionals;
  const output = args.values.output as string | undefined;
  if (output === undefined) throw new UsageError('missing -o OUT');
  const kind = outputKind(output);
  const bitDepth = bitDepthOption(args.values['bit-depth']);
  if (bitDepth !== undefined && kind !== 'png') throw new UsageError('option --bit-depth applies only to PNG output');
  const maxPixels = intOption(args.values, 'max-pixels');
  if (await samePath(input, output, ctx.cwd)) {
    throw new UsageError(`IN and OUT are the same file (${output}); convert never overwrites its input`);
  }

  const decoded = await decodeInput(resolve(ctx.cwd, input), input, maxPixels);
  if (ctx.signal.aborted) throw new AbortError();
  const { bytes, array, dtype } = encodeOutput(decoded, kind, bitDepth, input);
  if (ctx.signal.aborted) throw new AbortError();
  await writeFileAtomic(resolve(ctx.cwd, output), bytes);

  const summary = { input, output, format: kind, shape: [...array.shape], dtype, bytes: bytes.length };
  const text = `${output}: ${kind} [${summary.shape.join(', ')}] ${dtype}, ${bytes.length} bytes\n`;
  ctx.stdout(args.values.json ? `${JSON.stringify(summary)}\n` : text);
  return 0;
}

export const command: Command = {
  name: 'convert',
  summary: 'convert image ↔ .npy ([C, H, W] float32), image → PNG, .npy → PNG',
  usage: 'convert IN -o OUT [--max-pixels N] [--bit-depth 8|16] [--json]',
  examples: [
    'convolab convert samples/astronaut.png -o astronaut.npy',
    'convolab convert astronaut.npy -o astronaut.png',
    'convolab convert samples/rocket.jpg -o rocket.png --bit-depth 16',
  ],
  options: {
    output: { type: 'string', short: 'o', valueName: 'OUT', description: 'output file: .npy or .png (required)' },
    'max-pixels': { type: 'string', valueName: 'N', description: 'refuse images with more than N pixels (decoder default otherwise)' },
    'bit-depth': { type: 'string', valueName: '8|16', description: 'PNG bit depth (default: the source’s, else 8)' },
    json: { type: 'boolean', description: 'print a JSON summary of what was written' },
  },
  positionals: { min: 1, max: 1, names: ['IN'] },
  run,
};
