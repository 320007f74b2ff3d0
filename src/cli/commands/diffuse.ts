/**
 * `convolab diffuse IMG|--tank SIZE --D D --t T [--method explicit|exact|spectral] [--frames N]
 * -o OUT(.png|.npy|.gif|DIR/)` — the heat / diffusion equation ∂u/∂t = D∇²u on an image (each
 * channel) or on the salt-water tank (random compartments of concentration 0..255). OUT.png /
 * OUT.npy hold the final state; OUT.gif an animation of N frames (default 30); DIR/ one PNG per
 * frame (frame-0000.png, …). Every file is written atomically; a new DIR/ appears only complete.
 */
import { mkdirSync, mkdtempSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { AbortError } from '../../core/errors.js';
import { astype, type NDArray } from '../../core/ndarray.js';
import { DIFFUSION_BOUNDARIES, type DiffusionBoundary } from '../../diffusion/boundary.js';
import { DIFFUSION_METHODS, type DiffusionMethod, diffuse, diffusionFrames } from '../../diffusion/diffuse.js';
import { mass } from '../../diffusion/field.js';
import { tank } from '../../diffusion/tank.js';
import { encodeGif } from '../../io/gif.js';
import { decodeImage } from '../../io/image.js';
import { writeFileAtomic } from '../../io/node.js';
import { encodeNpy, parseNpy } from '../../io/npy.js';
import { encodePng } from '../../io/png.js';
import { intOption } from '../args.js';
import type { Command, CommandContext, ParsedArgs } from '../command.js';
import { isNpy, readHead, samePath } from '../files.js';
import { UsageError } from '../usage.js';
import { arrayToPngImage } from './convert.js';
import { choiceOption, numberOption } from './propagator.js';

type OutKind = 'png' | 'npy' | 'gif' | 'dir';

function outKind(out: string, cwd: string): OutKind {
  if (out.endsWith('/')) return 'dir';
  try {
    if (statSync(resolve(cwd, out)).isDirectory()) return 'dir';
  } catch {}
  const lower = out.toLowerCase();
  if (lower.endsWith('.png')) return 'png';
  if (lower.endsWith('.npy')) return 'npy';
  if (lower.endsWith('.gif')) return 'gif';
  throw new UsageError(`-o ${out}: expected OUT.png, OUT.npy, OUT.gif or a directory DIR/`);
}

/** An image file (PNG / JPEG, `[C, H, W]`) or a `.npy` (`[H, W]` or `[C, H, W]`), as float64. */
export async function readField(path: string, ctx: CommandContext, maxPixels: number | undefined): Promise<NDArray<'float64'>> {
  const { bytes } = await readHead(resolve(ctx.cwd, path), Number.MAX_SAFE_INTEGER, path);
  const a = isNpy(bytes)
    ? parseNpy(bytes, path)
    : decodeImage(bytes, { name: path, ...(maxPixels !== undefined ? { maxPixels } : {}) }).image;
  return astype(a, 'float64') as NDArray<'float64'>;
}

/** Write the frames of a directory output: into a fresh temporary sibling first when DIR does not exist yet. */
function writeFrameDir(dir: string, frames: NDArray[]): string[] {
  const names = frames.map((_, k) => `frame-${String(k).padStart(4, '0')}.png`);
  const png = (f: NDArray) => encodePng(arrayToPngImage(f, 'frame'));
  let exists = false;
  try {
    exists = statSync(dir).isDirectory();
  } catch {}
  if (exists) {
    for (let k = 0; k < frames.length; k++) writeFileAtomic(join(dir, names[k]), png(frames[k]));
    return names;
  }
  mkdirSync(dirname(dir), { recursive: true });
  const tmp = mkdtempSync(join(dirname(dir), `.${basename(dir)}.tmp-`));
  try {
    for (let k = 0; k < frames.length; k++) writeFileAtomic(join(tmp, names[k]), png(frames[k]));
    renameSync(tmp, dir);
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
  return names;
}

async function run(args: ParsedArgs, ctx: CommandContext): Promise<number> {
  const v = args.values;
  const [input] = args.positionals;
  const tankSize = intOption(v, 'tank', 1, 16384);
  if ((input === undefined) === (tankSize === undefined)) throw new UsageError('give either IMG or --tank SIZE (not both)');
  const output = v.output as string | undefined;
  if (output === undefined) throw new UsageError('missing -o OUT');
  const kind = outKind(output, ctx.cwd);
  const D = numberOption(v, 'D', (x) => x > 0, 'a number > 0');
  const t = numberOption(v, 't', (x) => x >= 0, 'a number >= 0');
  if (D === undefined) throw new UsageError('missing --D (diffusion coefficient, pixels² per unit time)');
  if (t === undefined) throw new UsageError('missing --t (time to run)');
  const method = choiceOption<DiffusionMethod>(v, 'method', DIFFUSION_METHODS, 'spectral');
  const boundary = choiceOption<DiffusionBoundary>(v, 'boundary', DIFFUSION_BOUNDARIES, 'reflect');
  const dt = numberOption(v, 'dt', (x) => x > 0, 'a number > 0');
  if (dt !== undefined && method !== 'explicit') throw new UsageError('option --dt applies only to --method explicit');
  const frames = intOption(v, 'frames', 1, 10000) ?? (kind === 'gif' || kind === 'dir' ? 30 : 1);
  if (frames > 1 && (kind === 'png' || kind === 'npy'))
    throw new UsageError(`--frames ${frames}: write frames to OUT.gif or a directory DIR/, not .${kind}`);
  const delay = intOption(v, 'delay', 0, 655350);
  if (delay !== undefined && kind !== 'gif') throw new UsageError('option --delay applies only to .gif output');
  if (input !== undefined && (await samePath(input, output, ctx.cwd)))
    throw new UsageError(`-o ${output} is the input file; diffuse never overwrites its input`);

  const u =
    input !== undefined
      ? await readField(input, ctx, intOption(v, 'max-pixels'))
      : tank({ size: tankSize, blocks: intOption(v, 'blocks', 1, tankSize) ?? Math.min(8, tankSize!), seed: intOption(v, 'seed', 0) ?? 0 });
  const opts = { D, t, method, boundary, ...(dt !== undefined ? { dt } : {}) };
  const fields: NDArray[] = [];
  const masses: number[] = [];
  if (frames === 1) {
    fields.push(diffuse(u, opts));
    masses.push(mass(u), mass(fields[0]));
  } else {
    for (const f of diffusionFrames(u, { ...opts, frames })) {
      if (ctx.signal.aborted) throw new AbortError();
      fields.push(f.field);
      masses.push(f.mass);
    }
  }
  if (ctx.signal.aborted) throw new AbortError();

  const path = resolve(ctx.cwd, output);
  if (kind === 'png') writeFileAtomic(path, encodePng(arrayToPngImage(fields[0], output)));
  else if (kind === 'npy') writeFileAtomic(path, encodeNpy(fields[0]));
  else if (kind === 'gif')
    writeFileAtomic(
      path,
      encodeGif(
        fields.map((f) => arrayToPngImage(f, output)),
        { delay: delay ?? 100 },
      ),
    );
  else writeFrameDir(path, fields);

  const m0 = masses[0];
  const m1 = masses[masses.length - 1];
  const drift = m0 === 0 ? Math.abs(m1) : Math.abs(m1 - m0) / Math.abs(m0);
  const summary = {
    output,
    input: input ?? null,
    tank: tankSize ?? null,
    shape: [...u.shape],
    method,
    boundary,
    D,
    t,
    frames: fields.length,
    mass_initial: m0,
    mass_final: m1,
    mass_relative_change: drift,
  };
  ctx.stdout(
    v.json
      ? `${JSON.stringify(summary)}\n`
      : `${output}: ${fields.length} frame${fields.length > 1 ? 's' : ''}, ${method} ${boundary}, D=${D} t=${t}; mass ${m0.toPrecision(10)} → ${m1.toPrecision(10)} (relative change ${drift.toExponential(2)})\n`,
  );
  return 0;
}

export const command: Command = {
  name: 'diffuse',
  summary: 'diffusion (the heat equation) on an image or the salt-water tank: explicit, exact Gaussian or spectral',
  usage: 'diffuse IMG|--tank SIZE --D D --t T [--method explicit|exact|spectral] [--frames N] -o OUT(.png|.npy|.gif|DIR/)',
  details: () =>
    'explicit: steps of the 5-point propagator, stable only for D·dt ≤ 1/4 (a larger --dt is refused);\n' +
    'exact: one convolution with the Gaussian of variance 2·D·t per axis; spectral (default): each mode\n' +
    'times exp(−4π²·D·|f|²·t), by DCT (reflect) or FFT (wrap). Walls: reflect (closed tank, default),\n' +
    'wrap (periodic), constant (absorbing; explicit and exact only). Mass Σu is conserved by reflect and wrap.',
  examples: [
    'convolab diffuse --tank 256 --D 1 --t 200 --frames 40 -o tank.gif',
    'convolab diffuse samples/astronaut.png --D 2 --t 5 --method exact -o blurred.png',
    'convolab diffuse --tank 128 --D 1 --t 10 --method explicit --dt 0.2 --frames 5 -o frames/',
  ],
  options: {
    tank: { type: 'string', valueName: 'SIZE', description: 'start from a SIZE×SIZE tank of random compartments instead of IMG' },
    blocks: { type: 'string', valueName: 'B', description: 'tank: B×B compartments of one concentration (default 8)' },
    seed: { type: 'string', valueName: 'S', description: 'tank: random seed (default 0)' },
    D: { type: 'string', valueName: 'D', description: 'diffusion coefficient, pixels² per unit time (required)' },
    t: { type: 'string', valueName: 'T', description: 'time to run (required)' },
    method: { type: 'string', valueName: 'M', description: 'explicit | exact | spectral (default spectral)' },
    boundary: { type: 'string', valueName: 'B', description: 'reflect (default) | wrap | constant' },
    dt: { type: 'string', valueName: 'DT', description: 'explicit time step, at most 1/(4D) (default: ≤ 1/(5D), dividing t evenly)' },
    frames: { type: 'string', valueName: 'N', description: 'frames at t·k/(N−1) (default 30 for .gif and DIR/, else 1)' },
    delay: { type: 'string', valueName: 'MS', description: 'GIF frame delay in milliseconds (default 100)' },
    'max-pixels': { type: 'string', valueName: 'N', description: 'refuse images with more than N pixels' },
    output: {
      type: 'string',
      short: 'o',
      valueName: 'OUT',
      description: 'OUT.png | OUT.npy (final state), OUT.gif (animation) or DIR/ (PNG frames)',
    },
    json: { type: 'boolean', description: 'print a JSON summary (with the mass before and after)' },
  },
  positionals: { min: 0, max: 1, names: ['IMG'] },
  run,
};
