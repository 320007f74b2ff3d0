/**
 * `convolab sample IMG --kernel SPEC --samples N --seed S -o OUT(.png|.npy) [--variance VAR(.png|.npy)]`
 * — stochastic convolution: every output pixel is the mean of N random draws, each one neighbour
 * picked with probability |k|/Σ|k| and weighted by sign·Σ|k|; its expectation is the ordinary
 * convolution. Also reports the RMS error against the exact convolution.
 */
import { resolve } from 'node:path';
import { BOUNDARIES, type BoundaryName, convolve } from '../../conv/index.js';
import { AbortError } from '../../core/errors.js';
import { NDArray } from '../../core/ndarray.js';
import { sampleConvolveAsync } from '../../diffusion/sample-async.js';
import { writeFileAtomic } from '../../io/node.js';
import { encodeNpy } from '../../io/npy.js';
import { encodePng } from '../../io/png.js';
import { intOption } from '../args.js';
import type { Command, CommandContext, ParsedArgs } from '../command.js';
import { samePath } from '../files.js';
import { UsageError } from '../usage.js';
import { arrayToPngImage } from './convert.js';
import { readField } from './diffuse.js';
import { choiceOption, readKernel } from './propagator.js';

function kindOf(path: string, flag: string): 'png' | 'npy' {
  const lower = path.toLowerCase();
  if (lower.endsWith('.png')) return 'png';
  if (lower.endsWith('.npy')) return 'npy';
  throw new UsageError(`${flag} ${path}: expected a .png or .npy file`);
}

function sqrtOf(a: NDArray): NDArray<'float64'> {
  return new NDArray(
    'float64',
    a.shape,
    Float64Array.from(a.data as ArrayLike<number>, (v) => Math.sqrt(v)),
  );
}

async function run(args: ParsedArgs, ctx: CommandContext): Promise<number> {
  const v = args.values;
  const [input] = args.positionals;
  const output = v.output as string | undefined;
  if (output === undefined) throw new UsageError('missing -o OUT');
  if (v.kernel === undefined) throw new UsageError('missing --kernel SPEC (e.g. gaussian:2)');
  const variancePath = v.variance as string | undefined;
  const outKind = kindOf(output, '-o');
  const varKind = variancePath === undefined ? undefined : kindOf(variancePath, '--variance');
  const samples = intOption(v, 'samples', 1, 1 << 20) ?? 16;
  const seed = intOption(v, 'seed', 0, 0xffffffff) ?? 0;
  const boundary = choiceOption<BoundaryName>(v, 'boundary', [...BOUNDARIES, 'reflect101', 'replicate'], 'reflect');
  for (const out of [output, variancePath]) {
    if (out !== undefined && (await samePath(input, out, ctx.cwd)))
      throw new UsageError(`${out} is the input file; sample never overwrites its input`);
  }
  if (variancePath !== undefined && (await samePath(output, variancePath, ctx.cwd)))
    throw new UsageError('-o and --variance name the same file');

  const kernel = readKernel(String(v.kernel), ctx, '--kernel');
  const x = await readField(input, ctx, intOption(v, 'max-pixels'));
  const t0 = performance.now();
  const threads = intOption(v, 'threads', 1, 1024);
  const { mean, variance, scale } = await sampleConvolveAsync(x, kernel, { samples, seed, boundary, threads, signal: ctx.signal });
  const ms = performance.now() - t0;
  if (ctx.signal.aborted) throw new AbortError();
  const exact = convolve(x, kernel, { mode: 'same', boundary });
  let e2 = 0;
  for (let i = 0; i < exact.size; i++) e2 += (mean.data[i] - exact.data[i]) ** 2;
  const rmse = Math.sqrt(e2 / exact.size);

  writeFileAtomic(resolve(ctx.cwd, output), outKind === 'png' ? encodePng(arrayToPngImage(mean, output)) : encodeNpy(mean));
  if (variancePath !== undefined) {
    const bytes = varKind === 'png' ? encodePng(arrayToPngImage(sqrtOf(variance), variancePath)) : encodeNpy(variance);
    writeFileAtomic(resolve(ctx.cwd, variancePath), bytes);
  }
  const summary = { output, variance: variancePath ?? null, shape: [...x.shape], samples, seed, boundary, scale, rmse, elapsed_ms: ms };
  ctx.stdout(
    v.json
      ? `${JSON.stringify(summary)}\n`
      : `${output}: mean of ${samples} sample${samples > 1 ? 's' : ''} (seed ${seed}), Σ|k| = ${scale.toPrecision(6)}; RMS error vs the exact convolution ${rmse.toPrecision(4)} (${ms.toFixed(0)} ms)\n`,
  );
  return 0;
}

export const command: Command = {
  name: 'sample',
  summary: 'stochastic convolution: the mean of N random single-neighbour draws per pixel (unbiased)',
  usage:
    'sample IMG --kernel SPEC [--samples N] [--seed S] -o OUT(.png|.npy) [--variance VAR(.png|.npy)] [--boundary B] [--threads N] [--json]',
  details: () =>
    'Each draw picks one kernel tap with probability |k|/Σ|k| and takes sign(k)·Σ|k| times the pixel it\n' +
    'points at, so the mean over N draws estimates convolve(IMG, k, mode same) without bias; its error\n' +
    'falls like 1/√N. --variance writes the per-pixel variance of one draw (.npy), or its square root,\n' +
    'the standard deviation, clipped to 0..255 (.png). KERNEL specs as for `convolab propagator`.',
  examples: [
    'convolab sample samples/astronaut.png --kernel gaussian:2 --samples 16 --seed 1 -o out.png --variance var.png',
    'convolab sample samples/chelsea.png --kernel edge --samples 256 -o edges.npy --json',
  ],
  options: {
    kernel: { type: 'string', valueName: 'SPEC', description: 'kernel: gaussian:2, box:5, edge, [[…]], file.npy (required)' },
    samples: { type: 'string', valueName: 'N', description: 'draws per pixel (default 16)' },
    seed: { type: 'string', valueName: 'S', description: 'random seed, 0..2³²−1 (default 0)' },
    boundary: { type: 'string', valueName: 'B', description: 'constant | reflect (default) | mirror | nearest | wrap' },
    variance: { type: 'string', valueName: 'VAR', description: 'also write the per-pixel variance (.npy) or standard deviation (.png)' },
    threads: {
      type: 'string',
      valueName: 'N',
      description: 'worker threads (default CONVOLAB_THREADS, else the number of cores); same result for any N',
    },
    'max-pixels': { type: 'string', valueName: 'N', description: 'refuse images with more than N pixels' },
    output: { type: 'string', short: 'o', valueName: 'OUT', description: 'the sample mean: .png (clipped to 0..255) or .npy (required)' },
    json: { type: 'boolean', description: 'print a JSON summary (with the RMS error against the exact convolution)' },
  },
  positionals: { min: 1, max: 1, names: ['IMG'] },
  run,
};
