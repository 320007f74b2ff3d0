/**
 * `convolab smooth SERIES --method SPEC [-o OUT.csv]` — smooth a series (a CSV column or a 1-D
 * .npy) by convolution with a moving-average kernel (sma, wma, gaussian, savgol) or the
 * exponential IIR filter (ewm). Writes CSV (index, value, smoothed) atomically, or prints it.
 */
import { resolve } from 'node:path';
import { writeFileAtomic } from '../../io/node.js';
import { encodePng } from '../../io/png.js';
import { seriesFromBytes } from '../../stats/csv-series.js';
import type { Boundary } from '../../stats/pad.js';
import { COLORS, plot } from '../../stats/plot.js';
import type { Align } from '../../stats/smooth.js';
import { kernelOf, parseSmoothSpec, smooth } from '../../stats/spec.js';
import type { Command, CommandContext, ParsedArgs } from '../command.js';
import { readHead, samePath } from '../files.js';
import { UsageError } from '../usage.js';

/** `--column y` or `--column 2` (a number is a 0-based index). */
export function columnOption(value: unknown): string | number {
  if (value === undefined) return 0;
  const s = String(value);
  return /^\d+$/.test(s) ? Number(s) : s;
}

const ALIGNS = ['causal', 'centered'];
const BOUNDARIES = ['constant', 'reflect', 'mirror', 'nearest', 'wrap', 'reflect101', 'replicate', 'valid'];

function choice(flag: string, value: unknown, options: string[]): string | undefined {
  if (value === undefined) return undefined;
  if (!options.includes(String(value)))
    throw new UsageError(`option --${flag}: expected one of ${options.join(', ')}, got ${JSON.stringify(value)}`);
  return String(value);
}

/** Read a series file given on the command line. */
export async function readSeries(file: string, args: ParsedArgs, ctx: CommandContext) {
  const { bytes } = await readHead(resolve(ctx.cwd, file), Number.MAX_SAFE_INTEGER, file);
  return seriesFromBytes(bytes, { name: file, column: columnOption(args.values.column), interpolate: Boolean(args.values.interpolate) });
}

/** Write a PNG plot atomically. */
export function writePlot(path: string, image: ReturnType<typeof plot>, ctx: CommandContext): void {
  if (!path.toLowerCase().endsWith('.png')) throw new UsageError(`--plot ${path}: expected a .png file`);
  writeFileAtomic(resolve(ctx.cwd, path), encodePng(image));
}

async function run(args: ParsedArgs, ctx: CommandContext): Promise<number> {
  const [input] = args.positionals;
  const methodText = args.values.method as string | undefined;
  if (methodText === undefined) throw new UsageError('missing --method SPEC (e.g. sma:5, ewm:0.3, savgol:11:3)');
  let spec: ReturnType<typeof parseSmoothSpec>;
  try {
    spec = parseSmoothSpec(methodText, 'method');
  } catch (err) {
    throw new UsageError(`option --${(err as Error).message}`);
  }
  const align = choice('align', args.values.align, ALIGNS) as Align | undefined;
  const boundary = choice('boundary', args.values.boundary, BOUNDARIES) as Boundary | 'valid' | undefined;
  if (spec.method === 'ewm' && (align !== undefined || boundary !== undefined)) {
    throw new UsageError('options --align / --boundary do not apply to ewm (a causal IIR filter)');
  }
  const output = args.values.output as string | undefined;
  for (const out of [output, args.values.plot as string | undefined]) {
    if (out !== undefined && (await samePath(input, out, ctx.cwd)))
      throw new UsageError(`${out} is the input file; smooth never overwrites its input`);
  }
  const { values, gaps } = await readSeries(input, args, ctx);
  const y = smooth(values, spec, { align, boundary });
  const offset = boundary === 'valid' ? values.length - y.length : 0;
  const lead = boundary === 'valid' && align !== 'causal' ? Math.floor(kernelOf(spec).length / 2) : offset;
  const rows = ['index,value,smoothed'];
  for (let i = 0; i < y.length; i++) rows.push(`${i + lead},${values[i + lead]},${y[i]}`);
  const csv = `${rows.join('\n')}\n`;
  if (output !== undefined) writeFileAtomic(resolve(ctx.cwd, output), new TextEncoder().encode(csv));
  if (args.values.plot !== undefined) {
    const x = Float64Array.from({ length: y.length }, (_, i) => i + lead);
    writePlot(
      args.values.plot as string,
      plot({
        lines: [
          { y: values, color: COLORS.series },
          { x, y, color: COLORS.fit },
        ],
      }),
      ctx,
    );
  }
  if (args.values.json) {
    const kernel = spec.method === 'ewm' ? null : Array.from(kernelOf(spec));
    ctx.stdout(
      `${JSON.stringify({ input, method: methodText, n: values.length, gaps_filled: gaps, kernel, output: output ?? null, smoothed: output ? undefined : Array.from(y) })}\n`,
    );
  } else if (output === undefined) {
    ctx.stdout(csv);
  } else {
    ctx.stdout(`${output}: ${y.length} smoothed values (${methodText})\n`);
  }
  return 0;
}

export const command: Command = {
  name: 'smooth',
  summary: 'smooth a series by convolution: sma, wma, gaussian, savgol kernels or the ewm IIR filter',
  usage: 'smooth SERIES.csv|.npy --method SPEC [--column C] [--align causal|centered] [--boundary B] [-o OUT.csv] [--plot P.png] [--json]',
  examples: [
    'convolab smooth samples/series/sunspots.csv --column SUNACTIVITY --method ewm:0.3 -o out.csv',
    'convolab smooth samples/series/nile.csv --column volume --method savgol:11:3 --plot nile.png',
    'convolab smooth samples/series/sunspots.csv --column 1 --method sma:11 --align causal',
  ],
  options: {
    method: { type: 'string', valueName: 'SPEC', description: 'sma:K, wma:K, ewm:ALPHA, gaussian:SIGMA or savgol:K:ORDER (required)' },
    column: { type: 'string', valueName: 'C', description: 'CSV column by name or 0-based index (default 0)' },
    align: { type: 'string', valueName: 'A', description: 'causal (past only) or centered (default)' },
    boundary: {
      type: 'string',
      valueName: 'B',
      description: 'edge extension: nearest (default), reflect, mirror, wrap, constant, or valid (no extension)',
    },
    interpolate: { type: 'boolean', description: 'fill missing values linearly instead of refusing the series' },
    output: { type: 'string', short: 'o', valueName: 'OUT.csv', description: 'write index,value,smoothed as CSV (default: print it)' },
    plot: { type: 'string', valueName: 'P.png', description: 'also draw the series and its smoothed version' },
    json: { type: 'boolean', description: 'print a JSON summary (with the kernel)' },
  },
  positionals: { min: 1, max: 1, names: ['SERIES'] },
  run,
};
