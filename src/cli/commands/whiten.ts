/**
 * `convolab whiten DATA.npy --zca|--pca|--standardize [--epsilon E] -o OUT.npy` — whiten a data
 * matrix [observations, features] so its covariance becomes the identity; or, with
 * `--patch K`, ZCA-whiten an image's K×K patches (an image file or a [C, H, W] .npy) and write
 * the whitened image (.npy float32, or .png rescaled for viewing).
 */
import { extname, resolve } from 'node:path';
import { ArgumentError } from '../../core/errors.js';
import type { NDArray } from '../../core/ndarray.js';
import { decodeImage } from '../../io/image.js';
import { writeFileAtomic } from '../../io/node.js';
import { encodeNpy, parseNpy } from '../../io/npy.js';
import { encodePng } from '../../io/png.js';
import { whitenPatches } from '../../stats/patches.js';
import { covarianceMatrix, pcaWhiten, standardize, zcaWhiten } from '../../stats/whiten.js';
import { intOption } from '../args.js';
import type { Command, CommandContext, ParsedArgs } from '../command.js';
import { isNpy, readHead, samePath } from '../files.js';
import { UsageError } from '../usage.js';

function epsilonOption(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const e = Number(value);
  if (!(e >= 0) || !Number.isFinite(e))
    throw new UsageError(`option --epsilon: expected a non-negative number, got ${JSON.stringify(value)}`);
  return e;
}

/** Stretch each channel to 0..255 (mean ± 3 std), for looking at a whitened image. */
function toViewable(img: NDArray<'float32'>): NDArray<'float32'> {
  const [C, H, W] = img.shape;
  const out = img.copy();
  for (let c = 0; c < C; c++) {
    const plane = out.data.subarray(c * H * W, (c + 1) * H * W);
    let m = 0;
    let s = 0;
    for (const v of plane) m += v;
    m /= plane.length;
    for (const v of plane) s += (v - m) ** 2;
    const sd = Math.sqrt(s / plane.length) || 1;
    for (let i = 0; i < plane.length; i++) plane[i] = Math.min(255, Math.max(0, 127.5 + (127.5 * (plane[i] - m)) / (3 * sd)));
  }
  return out;
}

async function run(args: ParsedArgs, ctx: CommandContext): Promise<number> {
  const [input] = args.positionals;
  const output = args.values.output as string | undefined;
  if (output === undefined) throw new UsageError('missing -o OUT');
  const ext = extname(output).toLowerCase();
  const modes = ['zca', 'pca', 'standardize'].filter((m) => args.values[m]);
  const patch = intOption(args.values, 'patch', 1, 64);
  if (patch === undefined && modes.length !== 1) throw new UsageError('give exactly one of --zca, --pca and --standardize');
  if (patch !== undefined && modes.some((m) => m !== 'zca'))
    throw new UsageError('--patch whitens image patches by ZCA; drop --pca / --standardize');
  if (ext !== '.npy' && !(patch !== undefined && ext === '.png'))
    throw new UsageError(`-o ${output}: expected .npy${patch !== undefined ? ' or .png' : ''}`);
  const epsilon = epsilonOption(args.values.epsilon);
  if (await samePath(input, output, ctx.cwd)) throw new UsageError(`-o ${output} is the input file; whiten never overwrites its input`);
  const { bytes } = await readHead(resolve(ctx.cwd, input), Number.MAX_SAFE_INTEGER, input);
  const array = isNpy(bytes) ? parseNpy(bytes, input) : decodeImage(bytes, { name: input }).image;

  if (patch !== undefined) {
    if (array.ndim !== 3)
      throw new ArgumentError(`${input}: --patch needs an image or a [C, H, W] array, got shape [${array.shape.join(', ')}]`, input);
    const r = whitenPatches(array, patch, { ...(epsilon !== undefined ? { epsilon } : {}) });
    const bytesOut = ext === '.png' ? encodePng(toViewable(r.image)) : encodeNpy(r.image);
    writeFileAtomic(resolve(ctx.cwd, output), bytesOut);
    const summary = { input, output, mode: 'zca_patches', patch, shape: [...r.image.shape], kernel_shape: [...r.kernels.shape] };
    ctx.stdout(
      args.values.json
        ? `${JSON.stringify(summary)}\n`
        : `${output}: ZCA-whitened ${patch}×${patch} patches, [${summary.shape.join(', ')}]\n`,
    );
    return 0;
  }
  if (array.ndim !== 2)
    throw new ArgumentError(
      `${input}: expected a 2-D data matrix [observations, features], got shape [${array.shape.join(', ')}]; use --patch K for images`,
      input,
    );
  const mode = modes[0];
  let data: NDArray<'float64'>;
  let eigenvalues: number[] | null = null;
  if (mode === 'standardize') data = standardize(array);
  else {
    const w = (mode === 'zca' ? zcaWhiten : pcaWhiten)(array, { epsilon: epsilon ?? 0 });
    data = w.data;
    eigenvalues = Array.from(w.eigenvalues);
  }
  writeFileAtomic(resolve(ctx.cwd, output), encodeNpy(data));
  const cov = covarianceMatrix(data);
  const d = data.shape[1];
  let offIdentity = 0;
  for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) offIdentity = Math.max(offIdentity, Math.abs(cov[i * d + j] - (i === j ? 1 : 0)));
  const summary = {
    input,
    output,
    mode,
    shape: [...data.shape],
    epsilon: epsilon ?? 0,
    eigenvalues,
    max_abs_cov_minus_identity: offIdentity,
  };
  ctx.stdout(
    args.values.json
      ? `${JSON.stringify(summary)}\n`
      : `${output}: ${mode} [${summary.shape.join(', ')}], max |cov − I| = ${offIdentity.toExponential(2)}\n`,
  );
  return 0;
}

export const command: Command = {
  name: 'whiten',
  summary: 'whiten data (standardize, PCA or ZCA: covariance → identity) or ZCA-whiten image patches',
  usage:
    'whiten DATA.npy (--zca | --pca | --standardize) [--epsilon E] -o OUT.npy [--json]  |  whiten IMAGE --patch K [--epsilon E] -o OUT.png|.npy',
  examples: [
    'convolab whiten data.npy --zca --epsilon 1e-2 -o white.npy',
    'convolab whiten samples/chelsea.png --patch 5 -o chelsea-zca.png',
  ],
  options: {
    zca: { type: 'boolean', description: 'ZCA whitening (rotate back onto the original axes)' },
    pca: { type: 'boolean', description: 'PCA whitening (principal axes, largest variance first)' },
    standardize: { type: 'boolean', description: 'per-column mean 0, variance 1 (no decorrelation)' },
    epsilon: {
      type: 'string',
      valueName: 'E',
      description: 'added to the eigenvalues (with --patch: as a fraction of the mean patch variance, default 0.01)',
    },
    patch: { type: 'string', valueName: 'K', description: 'ZCA-whiten K×K patches of an image or [C, H, W] array' },
    output: { type: 'string', short: 'o', valueName: 'OUT', description: 'output .npy (or .png with --patch) (required)' },
    json: { type: 'boolean', description: 'print a JSON summary' },
  },
  positionals: { min: 1, max: 1, names: ['DATA'] },
  run,
};
