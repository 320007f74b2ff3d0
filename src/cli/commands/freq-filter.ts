/**
 * `convolab freq-filter IMG --lowpass 0.1 [--shape ideal|gaussian|butterworth:4] -o out.png` —
 * multiply each channel's spectrum by a radial mask (reflect padding before the FFT by default).
 */
import { frequencyFilter } from '../../spectrum/filter.js';
import { FILTER_SHAPES, type FilterKind, type FilterShape, type MaskOptions } from '../../spectrum/mask.js';
import type { Command, CommandContext, ParsedArgs } from '../command.js';
import { UsageError } from '../usage.js';
import { choiceOption, MAX_PIXELS_OPTION, numberOption, openImage, writeOutput } from './spectrum.js';

const KINDS: readonly FilterKind[] = ['lowpass', 'highpass', 'bandpass', 'bandstop'];

/** `ideal`, `gaussian`, `butterworth` or `butterworth:N`. */
export function parseShape(value: unknown): { shape: FilterShape; order?: number } {
  if (value === undefined) return { shape: 'ideal' };
  const m = /^(ideal|gaussian|butterworth)(?::(\d+(?:\.\d+)?))?$/.exec(String(value));
  if (!m || (m[2] !== undefined && m[1] !== 'butterworth') || (m[2] !== undefined && !(Number(m[2]) > 0))) {
    throw new UsageError(`option --shape: expected ${FILTER_SHAPES.join(', ')} or butterworth:N (N > 0), got ${JSON.stringify(value)}`);
  }
  return m[2] === undefined ? { shape: m[1] as FilterShape } : { shape: 'butterworth', order: Number(m[2]) };
}

function cutoffOf(args: ParsedArgs, units: 'cycles' | 'nyquist'): Pick<MaskOptions, 'kind' | 'cutoff'> {
  const given = KINDS.filter((k) => args.values[k] !== undefined);
  if (given.length !== 1) throw new UsageError(`give exactly one of ${KINDS.map((k) => `--${k}`).join(', ')}`);
  const kind = given[0];
  const range = {
    min: 0,
    max: units === 'nyquist' ? 1 : 0.5,
    minOpen: true,
    what: units === 'nyquist' ? 'a fraction of Nyquist' : 'cycles/pixel',
  };
  if (kind === 'lowpass' || kind === 'highpass') return { kind, cutoff: numberOption(args.values, kind, range) as number };
  const parts = String(args.values[kind]).split(',');
  if (parts.length !== 2)
    throw new UsageError(`option --${kind}: expected LO,HI (${range.what} in (0, ${range.max}]), got ${JSON.stringify(args.values[kind])}`);
  const [lo, hi] = parts.map((p, i) => numberOption({ [kind]: p }, kind, { ...range, what: `${i ? 'HI' : 'LO'} ${range.what}` }) as number);
  if (!(lo < hi)) throw new UsageError(`option --${kind}: expected LO < HI, got ${lo},${hi}`);
  return { kind, cutoff: [lo, hi] };
}

async function run(args: ParsedArgs, ctx: CommandContext): Promise<number> {
  const units = choiceOption(args.values, 'units', ['cycles', 'nyquist'] as const, 'cycles');
  const { kind, cutoff } = cutoffOf(args, units);
  const { shape, order } = parseShape(args.values.shape);
  const padding = choiceOption(args.values, 'padding', ['reflect', 'zero', 'wrap'] as const, 'reflect');
  const { input, output, image } = await openImage(args, ctx);
  const out = frequencyFilter(image, { kind, cutoff, units, shape, padding, ...(order !== undefined ? { order } : {}) });
  const png = args.values.normalize ? stretch(out) : out;
  writeOutput(output as string, ctx, png, out);
  const summary = { input, output, kind, cutoff, units, shape, order: order ?? null, padding, shape_out: [...out.shape] };
  ctx.stdout(
    args.values.json
      ? `${JSON.stringify(summary)}\n`
      : `${output}: ${shape} ${kind} ${Array.isArray(cutoff) ? cutoff.join('..') : cutoff} ${units === 'cycles' ? 'cycles/pixel' : '× Nyquist'}, ${padding} padding\n`,
  );
  return 0;
}

/** Min..max of all channels onto 0..255 (for high-pass results, which are centred on 0). */
function stretch(a: ReturnType<typeof frequencyFilter>) {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const v of a.data) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const out = a.copy();
  const s = hi > lo ? 255 / (hi - lo) : 0;
  for (let i = 0; i < out.data.length; i++) out.data[i] = (out.data[i] - lo) * s;
  return out;
}

export const command: Command = {
  name: 'freq-filter',
  summary: 'low-, high-, band-pass or band-stop filter in the frequency domain',
  usage:
    'freq-filter IMG (--lowpass C | --highpass C | --bandpass LO,HI | --bandstop LO,HI) -o OUT [--shape S] [--units cycles|nyquist] [--padding reflect|zero|wrap] [--normalize] [--json]',
  details: () =>
    'Cutoffs are cycles/pixel in (0, 0.5] (or, with --units nyquist, fractions of Nyquist in (0, 1]).\n' +
    'Shapes: ideal (a hard circle), gaussian (gain e^-1/2 at the cutoff), butterworth:N (gain 1/2 at the cutoff, order N, default 2).\n' +
    'Padding before the FFT: reflect (default, mirror image appended), zero, or wrap (none: the DFT’s circular filter).\n' +
    'PNG output is clipped to 0..255 (--normalize stretches min..max instead); .npy keeps the raw float32 values.',
  examples: [
    'convolab freq-filter samples/astronaut.png --lowpass 0.1 -o smooth.png',
    'convolab freq-filter samples/brick.png --highpass 0.5 --units nyquist --shape butterworth:4 --normalize -o edges.png',
  ],
  options: {
    output: { type: 'string', short: 'o', valueName: 'OUT', description: 'output file: .png or .npy (required)' },
    lowpass: { type: 'string', valueName: 'C', description: 'keep frequencies below C' },
    highpass: { type: 'string', valueName: 'C', description: 'keep frequencies above C' },
    bandpass: { type: 'string', valueName: 'LO,HI', description: 'keep frequencies between LO and HI' },
    bandstop: { type: 'string', valueName: 'LO,HI', description: 'remove frequencies between LO and HI' },
    shape: { type: 'string', valueName: 'S', description: 'ideal (default), gaussian, butterworth or butterworth:N' },
    units: { type: 'string', valueName: 'U', description: 'cycles (cycles/pixel, default) or nyquist' },
    padding: { type: 'string', valueName: 'P', description: 'reflect (default), zero or wrap' },
    normalize: { type: 'boolean', description: 'PNG: stretch min..max to 0..255 instead of clipping' },
    json: { type: 'boolean', description: 'print a JSON summary' },
    ...MAX_PIXELS_OPTION,
  },
  positionals: { min: 1, max: 1, names: ['IMG'] },
  run,
};
