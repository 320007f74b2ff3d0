/**
 * `convolab acf SERIES [--pacf] [--lags N] [--json] [-o plot.png]` — autocorrelation (or
 * partial autocorrelation) with (1 − alpha) bands, and the Ljung–Box white-noise test.
 */
import { acf, defaultAcfLags } from '../../stats/acf.js';
import { defaultPacfLags, type PacfMethod, pacf } from '../../stats/pacf.js';
import { COLORS, plot } from '../../stats/plot.js';
import { ljungBox } from '../../stats/whitenoise.js';
import { intOption } from '../args.js';
import type { Command, CommandContext, ParsedArgs } from '../command.js';
import { samePath } from '../files.js';
import { UsageError } from '../usage.js';
import { readSeries, writePlot } from './smooth.js';

const PACF_METHODS = ['yw', 'ywadjusted', 'ywm', 'ywmle', 'ld', 'ldadjusted', 'ldb', 'ldbiased', 'ols', 'ols-adjusted', 'burg'];

export function alphaOption(value: unknown): number {
  if (value === undefined) return 0.05;
  const a = Number(value);
  if (!(a > 0 && a < 1)) throw new UsageError(`option --alpha: expected a number in (0, 1), got ${JSON.stringify(value)}`);
  return a;
}

async function run(args: ParsedArgs, ctx: CommandContext): Promise<number> {
  const [input] = args.positionals;
  const partial = Boolean(args.values.pacf);
  const method = args.values.method as string | undefined;
  if (method !== undefined && !partial) throw new UsageError('option --method applies only with --pacf');
  if (method !== undefined && !PACF_METHODS.includes(method))
    throw new UsageError(`option --method: expected one of ${PACF_METHODS.join(', ')}, got ${JSON.stringify(method)}`);
  const alpha = alphaOption(args.values.alpha);
  const output = args.values.output as string | undefined;
  if (output !== undefined && (await samePath(input, output, ctx.cwd))) throw new UsageError(`-o ${output} is the input file`);
  const { values } = await readSeries(input, args, ctx);
  const n = values.length;
  const lags = intOption(args.values, 'lags', 1) ?? (partial ? defaultPacfLags(n) : defaultAcfLags(n));
  const r = partial ? pacf(values, { nlags: lags, method: method as PacfMethod | undefined, alpha }) : acf(values, { nlags: lags, alpha });
  const coef = 'pacf' in r ? r.pacf : r.acf;
  const lb = ljungBox(values, { lags: Math.min(lags, n - 1) });
  const last = lb[lb.length - 1];
  if (output !== undefined) {
    const xs = Float64Array.from({ length: lags }, (_, i) => i + 1);
    const half = (k: number) => (r.upper![k] - r.lower![k]) / 2;
    const image = plot({
      bars: { x: xs, y: coef.slice(1), color: COLORS.bars },
      bands: [{ x: xs, lower: xs.map((k) => -half(k)), upper: xs.map((k) => half(k)), color: COLORS.ciBand }],
      zeroLine: true,
    });
    writePlot(output, image, ctx);
  }
  const name = partial ? 'pacf' : 'acf';
  if (args.values.json) {
    ctx.stdout(
      `${JSON.stringify({
        input,
        n,
        lags,
        alpha,
        [name]: Array.from(coef),
        lower: Array.from(r.lower!),
        upper: Array.from(r.upper!),
        ljung_box: { lag: last.lag, stat: last.lbStat, pvalue: last.lbPvalue },
        output: output ?? null,
      })}\n`,
    );
    return 0;
  }
  const lines = [`lag  ${name.padStart(9)}  ${'lower'.padStart(9)}  ${'upper'.padStart(9)}`];
  for (let k = 0; k <= lags; k++) lines.push(`${String(k).padStart(3)}  ${fmt(coef[k])}  ${fmt(r.lower![k])}  ${fmt(r.upper![k])}`);
  lines.push(
    `Ljung–Box Q(${last.lag}) = ${last.lbStat.toFixed(3)}, p = ${last.lbPvalue.toPrecision(3)}${last.lbPvalue < alpha ? ' (not white noise)' : ''}`,
  );
  if (output !== undefined) lines.push(`plot: ${output}`);
  ctx.stdout(`${lines.join('\n')}\n`);
  return 0;
}

const fmt = (v: number) => v.toFixed(6).padStart(9);

export const command: Command = {
  name: 'acf',
  summary: 'autocorrelation or partial autocorrelation with confidence bands, and the Ljung–Box test',
  usage: 'acf SERIES.csv|.npy [--column C] [--pacf [--method M]] [--lags N] [--alpha A] [--json] [-o plot.png]',
  examples: [
    'convolab acf samples/series/sunspots.csv --column SUNACTIVITY --lags 40 -o acf.png',
    'convolab acf samples/series/sunspots.csv --column SUNACTIVITY --pacf --json',
  ],
  options: {
    column: { type: 'string', valueName: 'C', description: 'CSV column by name or 0-based index (default 0)' },
    pacf: { type: 'boolean', description: 'partial autocorrelation instead of autocorrelation' },
    method: { type: 'string', valueName: 'M', description: 'pacf method: ywadjusted (default), ywm, ld, ldb, ols, ols-adjusted, burg' },
    lags: { type: 'string', valueName: 'N', description: 'largest lag (default statsmodels’: about 10 log10 n)' },
    alpha: { type: 'string', valueName: 'A', description: 'band level: 1 − A confidence (default 0.05)' },
    interpolate: { type: 'boolean', description: 'fill missing values linearly instead of refusing the series' },
    output: { type: 'string', short: 'o', valueName: 'PLOT.png', description: 'draw the bars and band as PNG' },
    json: { type: 'boolean', description: 'print one JSON document' },
  },
  positionals: { min: 1, max: 1, names: ['SERIES'] },
  run,
};
