/**
 * `convolab fft IN.npy -o OUT.npy [--inverse] [--real] [--axes A,B] [--n N] [--norm N]` — the FFT
 * of an array with numpy's semantics: fft / ifft along the last axis (or fftn / ifftn over
 * --axes); --real makes it rfft / irfft (rfftn / irfftn). --n is one length per axis (numpy's
 * n, or s for several axes). The output is written atomically.
 */
import { resolve } from 'node:path';
import { AbortError } from '../../core/errors.js';
import type { NDArray } from '../../core/ndarray.js';
import { fft, fftn, ifft, ifftn, irfft, irfftn, rfft, rfftn } from '../../fft/api.js';
import type { FftNorm } from '../../fft/args.js';
import { writeFileAtomic } from '../../io/node.js';
import { encodeNpy, parseNpy } from '../../io/npy.js';
import type { Command, CommandContext, ParsedArgs } from '../command.js';
import { readHead, samePath } from '../files.js';
import { UsageError } from '../usage.js';

const NORMS = ['backward', 'ortho', 'forward'];

/** `--axes 0,-1` → [0, -1]. */
export function parseIntList(flag: string, value: unknown, min = Number.MIN_SAFE_INTEGER): number[] | undefined {
  if (value === undefined) return undefined;
  const parts = String(value).split(',');
  const out = parts.map((p) => (/^\s*[+-]?\d+\s*$/.test(p) ? Number(p) : Number.NaN));
  if (out.some((v) => !Number.isSafeInteger(v) || v < min)) {
    const what = min >= 1 ? 'positive integers' : 'integers';
    throw new UsageError(`option --${flag}: expected ${what} separated by commas, got ${JSON.stringify(String(value))}`);
  }
  return out;
}

function normOption(value: unknown): FftNorm | undefined {
  if (value === undefined) return undefined;
  if (!NORMS.includes(String(value))) {
    throw new UsageError(`option --norm: expected backward, ortho or forward, got ${JSON.stringify(String(value))}`);
  }
  return value as FftNorm;
}

/** The transform the flags ask for, applied to `a`. */
export function transform(a: NDArray, opts: { inverse: boolean; real: boolean; axes?: number[]; n?: number[]; norm?: FftNorm }): NDArray {
  const { inverse, real, axes, n, norm } = opts;
  if (axes === undefined && (n === undefined || n.length === 1)) {
    const one = { n: n?.[0], norm };
    if (real) return inverse ? irfft(a, one) : rfft(a, one);
    return inverse ? ifft(a, one) : fft(a, one);
  }
  const many = { axes, s: n, norm };
  if (real) return inverse ? irfftn(a, many) : rfftn(a, many);
  return inverse ? ifftn(a, many) : fftn(a, many);
}

async function run(args: ParsedArgs, ctx: CommandContext): Promise<number> {
  const [input] = args.positionals;
  const output = args.values.output as string | undefined;
  if (output === undefined) throw new UsageError('missing -o OUT');
  if (!output.toLowerCase().endsWith('.npy')) throw new UsageError(`-o ${output}: expected a .npy output file`);
  const axes = parseIntList('axes', args.values.axes);
  const n = parseIntList('n', args.values.n, 1);
  if (axes && n && axes.length !== n.length) {
    throw new UsageError(`options --n and --axes: give one length per axis (${n.length} lengths for ${axes.length} axes)`);
  }
  const norm = normOption(args.values.norm);
  if (await samePath(input, output, ctx.cwd))
    throw new UsageError(`IN and OUT are the same file (${output}); fft never overwrites its input`);

  const { bytes } = await readHead(resolve(ctx.cwd, input), Number.MAX_SAFE_INTEGER, input);
  const a = parseNpy(bytes, input);
  if (ctx.signal.aborted) throw new AbortError();
  const result = transform(a, { inverse: Boolean(args.values.inverse), real: Boolean(args.values.real), axes, n, norm });
  if (ctx.signal.aborted) throw new AbortError();
  const encoded = encodeNpy(result);
  writeFileAtomic(resolve(ctx.cwd, output), encoded);

  const summary = { input, output, shape: [...result.shape], dtype: result.dtype, bytes: encoded.length };
  ctx.stdout(args.values.json ? `${JSON.stringify(summary)}\n` : `${output}: [${summary.shape.join(', ')}] ${result.dtype}\n`);
  return 0;
}

export const command: Command = {
  name: 'fft',
  summary: 'FFT of a .npy array with numpy semantics (fft / ifft / rfft / irfft, N-D over --axes)',
  usage: 'fft IN.npy -o OUT.npy [--inverse] [--real] [--axes A,B] [--n N[,M]] [--norm backward|ortho|forward] [--json]',
  examples: [
    'convolab fft signal.npy -o spectrum.npy',
    'convolab fft image.npy -o spectrum.npy --real --axes 0,1',
    'convolab fft spectrum.npy -o image.npy --real --inverse --axes 0,1 --n 512,512',
  ],
  options: {
    output: { type: 'string', short: 'o', valueName: 'OUT', description: 'output .npy file (required)' },
    inverse: { type: 'boolean', description: 'inverse transform (ifft / irfft)' },
    real: { type: 'boolean', description: 'real transform: rfft (half spectrum), or irfft with --inverse' },
    axes: { type: 'string', valueName: 'A,B', description: 'axes to transform (default: the last one)' },
    n: { type: 'string', valueName: 'N[,M]', description: 'transform length per axis: crop or zero-pad (irfft: the output length)' },
    norm: { type: 'string', valueName: 'NORM', description: 'backward (default), ortho or forward, as numpy' },
    json: { type: 'boolean', description: 'print a JSON summary of what was written' },
  },
  positionals: { min: 1, max: 1, names: ['IN.npy'] },
  run,
};
