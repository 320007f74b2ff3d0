/**
 * `convolab compress IMG --keep 0.05 | --radius R | --jpeg-quality Q -o out.png [--json]` —
 * transform compression: keep the largest fraction of DFT coefficients, or those inside a radius,
 * or JPEG-style 8×8 DCT quantisation; writes the reconstruction and reports ratio, bits/pixel,
 * PSNR and SSIM.
 */
import { type CompressionResult, compressSpectrum, MAX_RADIUS } from '../../spectrum/compress.js';
import { jpegCompress } from '../../spectrum/jpeg.js';
import { intOption } from '../args.js';
import type { Command, CommandContext, ParsedArgs } from '../command.js';
import { UsageError } from '../usage.js';
import { choiceOption, MAX_PIXELS_OPTION, numberOption, openImage, writeOutput } from './spectrum.js';

const round = (v: number | null, digits = 4) => (v === null || !Number.isFinite(v) ? null : Number(v.toFixed(digits)));

async function run(args: ParsedArgs, ctx: CommandContext): Promise<number> {
  const modes = ['keep', 'radius', 'jpeg-quality'].filter((m) => args.values[m] !== undefined);
  if (modes.length !== 1) throw new UsageError('give exactly one of --keep F, --radius R, --jpeg-quality Q');
  const keep = numberOption(args.values, 'keep', { min: 0, max: 1, minOpen: true, what: 'a fraction' });
  const radius = numberOption(args.values, 'radius', { min: 0, max: Number(MAX_RADIUS.toFixed(4)), minOpen: true, what: 'cycles/pixel' });
  const quality = intOption(args.values, 'jpeg-quality', 1, 100);
  const subsampling = choiceOption(args.values, 'subsampling', ['4:4:4', '4:2:0'] as const, '4:4:4');
  if (args.values.subsampling !== undefined && quality === undefined)
    throw new UsageError('option --subsampling applies only with --jpeg-quality');
  const { input, output, image } = await openImage(args, ctx);
  const r: CompressionResult & { subsampling?: string | null } =
    quality !== undefined
      ? jpegCompress(image, { quality, subsampling })
      : compressSpectrum(image, keep !== undefined ? { keep } : { radius: Math.min(radius as number, MAX_RADIUS) });
  writeOutput(output as string, ctx, r.image);
  const result = {
    input,
    output,
    method: quality !== undefined ? 'jpeg' : modes[0],
    ...(quality !== undefined ? { quality, subsampling: r.subsampling } : keep !== undefined ? { keep } : { radius }),
    ratio: round(r.ratio, 6),
    bits_per_pixel: round(r.bitsPerPixel),
    psnr: round(r.psnr),
    ssim: round(r.ssim, 5),
  };
  if (args.values.json) ctx.stdout(`${JSON.stringify(result)}\n`);
  else {
    const bpp = r.bitsPerPixel === null ? '' : `, ${r.bitsPerPixel.toFixed(3)} bits/pixel`;
    ctx.stdout(
      `${output}: kept ${(100 * r.ratio).toFixed(2)}% of coefficients${bpp}, PSNR ${r.psnr.toFixed(2)} dB, SSIM ${r.ssim.toFixed(4)}\n`,
    );
  }
  return 0;
}

export const command: Command = {
  name: 'compress',
  summary: 'transform compression: keep part of the spectrum, or JPEG-style 8×8 DCT quantisation',
  usage:
    'compress IMG (--keep F | --radius R | --jpeg-quality Q) -o OUT [--json]   (F in (0, 1], R in (0, 0.7071] cycles/pixel, Q in 1..100)',
  details: () =>
    '--keep F       keep the fraction F in (0, 1] of DFT coefficients with the largest magnitudes (per channel)\n' +
    `--radius R     keep the frequencies within R cycles/pixel, R in (0, ${MAX_RADIUS.toFixed(4)}]\n` +
    '--jpeg-quality Q  8×8 DCT-II, standard tables scaled by the IJG quality Q (1..100), YCbCr 4:4:4 (or --subsampling 4:2:0);\n' +
    '               bits_per_pixel is an entropy estimate of the run-length symbols (headers not counted)\n' +
    'JSON: ratio (fraction of coefficients kept / non-zero), bits_per_pixel (null for --keep / --radius), psnr (dB), ssim.',
  examples: [
    'convolab compress samples/astronaut.png --keep 0.05 -o kept.png --json',
    'convolab compress samples/chelsea.png --jpeg-quality 50 -o q50.png',
  ],
  options: {
    output: { type: 'string', short: 'o', valueName: 'OUT', description: 'the reconstruction: .png or .npy (required)' },
    keep: { type: 'string', valueName: 'F', description: 'fraction of coefficients to keep, (0, 1]' },
    radius: { type: 'string', valueName: 'R', description: 'keep |f| ≤ R cycles/pixel' },
    'jpeg-quality': { type: 'string', valueName: 'Q', description: 'JPEG-style coding at quality Q (1..100)' },
    subsampling: { type: 'string', valueName: 'S', description: 'with --jpeg-quality: chroma 4:4:4 (default) or 4:2:0 (as cjpeg)' },
    json: { type: 'boolean', description: 'print one JSON document: ratio, bits_per_pixel, psnr, ssim' },
    ...MAX_PIXELS_OPTION,
  },
  positionals: { min: 1, max: 1, names: ['IMG'] },
  run,
};
