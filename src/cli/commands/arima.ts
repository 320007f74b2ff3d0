/**
 * `convolab arima SERIES --order p,d,q | --auto [--forecast H] [--json] [-o plot.png]` — fit an
 * ARIMA by exact maximum likelihood; print coefficients with standard errors, σ², loglik and
 * information criteria, the Ljung–Box test of the residuals, and forecasts with intervals.
 */
import { autoArima, type InfoCriterion } from '../../stats/arima/auto.js';
import { arima } from '../../stats/arima/fit.js';
import type { ArimaResult } from '../../stats/arima/result.js';
import type { Trend } from '../../stats/arima/trend.js';
import { COLORS, plot } from '../../stats/plot.js';
import { ljungBox } from '../../stats/whitenoise.js';
import { intOption } from '../args.js';
import type { Command, CommandContext, ParsedArgs } from '../command.js';
import { samePath } from '../files.js';
import { UsageError } from '../usage.js';
import { alphaOption } from './acf.js';
import { readSeries, writePlot } from './smooth.js';

function orderOption(value: unknown): [number, number, number] {
  const parts = String(value).split(',');
  const nums = parts.map((p) => (/^\s*\d+\s*$/.test(p) ? Number(p) : Number.NaN));
  if (nums.length !== 3 || nums.some((v) => !Number.isSafeInteger(v))) {
    throw new UsageError(`option --order: expected p,d,q (three non-negative integers), got ${JSON.stringify(value)}`);
  }
  return nums as [number, number, number];
}

function seasonalOption(value: unknown): [number, number, number, number] | undefined {
  if (value === undefined) return undefined;
  const nums = String(value)
    .split(',')
    .map((p) => (/^\s*\d+\s*$/.test(p) ? Number(p) : Number.NaN));
  if (nums.length !== 4 || nums.some((v) => !Number.isSafeInteger(v))) {
    throw new UsageError(`option --seasonal: expected P,D,Q,s (four non-negative integers), got ${JSON.stringify(value)}`);
  }
  return nums as [number, number, number, number];
}

function pick<T extends string>(flag: string, value: unknown, options: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!options.includes(String(value) as T))
    throw new UsageError(`option --${flag}: expected one of ${options.join(', ')}, got ${JSON.stringify(value)}`);
  return String(value) as T;
}

async function run(args: ParsedArgs, ctx: CommandContext): Promise<number> {
  const [input] = args.positionals;
  const auto = Boolean(args.values.auto);
  if (auto === (args.values.order !== undefined)) throw new UsageError('give exactly one of --order p,d,q and --auto');
  const trend = pick<Trend>('trend', args.values.trend, ['n', 'c', 't', 'ct']);
  const diffuse = pick('diffuse', args.values.diffuse, ['exact', 'approximate'] as const);
  const ic = pick<InfoCriterion>('ic', args.values.ic, ['aic', 'aicc', 'bic', 'hqic']);
  const h = intOption(args.values, 'forecast', 1, 100_000) ?? 0;
  const alpha = alphaOption(args.values.alpha);
  const output = args.values.output as string | undefined;
  if (output !== undefined && (await samePath(input, output, ctx.cwd))) throw new UsageError(`-o ${output} is the input file`);
  const { values, gaps } = await readSeries(input, args, ctx);
  const opts = { trend, diffuse, seasonal: seasonalOption(args.values.seasonal) };
  let fit: ArimaResult;
  let table: ReturnType<typeof autoArima>['table'] | undefined;
  if (auto) {
    const d = intOption(args.values, 'd', 0, 3) ?? 0;
    const maxP = intOption(args.values, 'max-p', 0, 12) ?? 3;
    const maxQ = intOption(args.values, 'max-q', 0, 12) ?? 3;
    const r = autoArima(values, { ...opts, d, maxP, maxQ, ic });
    fit = r.best;
    table = r.table;
  } else {
    if (args.values.d !== undefined || args.values['max-p'] !== undefined || args.values['max-q'] !== undefined || ic !== undefined) {
      throw new UsageError('options --d, --max-p, --max-q and --ic apply only with --auto');
    }
    fit = arima(values, orderOption(args.values.order), opts);
  }
  const fc = h > 0 ? fit.forecast(h, { alpha }) : undefined;
  const k = fit.params.length - 1;
  const lbLags = Math.min(10, Math.floor(fit.residuals.length / 5));
  const lb = lbLags > k ? ljungBox(fit.residuals, { lags: lbLags, modelDf: k - fit.trendCoefs.length })[lbLags - 1] : undefined;
  if (output !== undefined) {
    const n = values.length;
    const fx = Float64Array.from({ length: h }, (_, i) => n + i);
    const image = plot({
      lines: [
        { y: values, color: COLORS.series },
        { y: fit.fitted, color: COLORS.fit },
        ...(fc ? [{ x: fx, y: fc.mean, color: COLORS.forecast }] : []),
      ],
      bands: fc ? [{ x: fx, lower: fc.lower, upper: fc.upper, color: COLORS.band }] : [],
    });
    writePlot(output, image, ctx);
  }
  if (args.values.json) {
    const doc = {
      input,
      gaps_filled: gaps,
      ...fit.toJSON(),
      ljung_box: lb ? { lag: lb.lag, stat: lb.lbStat, pvalue: lb.lbPvalue } : null,
      forecast: fc
        ? { mean: Array.from(fc.mean), se: Array.from(fc.se), lower: Array.from(fc.lower), upper: Array.from(fc.upper), alpha }
        : null,
      search: table ?? null,
      output: output ?? null,
    };
    ctx.stdout(`${JSON.stringify(doc)}\n`);
    return 0;
  }
  const [p, d, q] = fit.order;
  const so = fit.seasonalOrder;
  const lines = [
    `ARIMA(${p},${d},${q})${so ? `(${so.join(',')})` : ''} trend '${fit.trend}' on ${input}: n = ${fit.nobs}${gaps ? ` (${gaps} gaps filled)` : ''}`,
  ];
  lines.push(`${'param'.padEnd(10)} ${'coef'.padStart(14)} ${'std err'.padStart(12)}`);
  for (const [i, name] of fit.paramNames.entries()) {
    lines.push(`${name.padEnd(10)} ${fit.params[i].toPrecision(8).padStart(14)} ${fit.bse[i].toPrecision(5).padStart(12)}`);
  }
  lines.push(
    `loglik ${fit.loglik.toFixed(4)}  aic ${fit.aic.toFixed(4)}  aicc ${fit.aicc.toFixed(4)}  bic ${fit.bic.toFixed(4)}  hqic ${fit.hqic.toFixed(4)}`,
  );
  if (lb) lines.push(`Ljung–Box on residuals: Q(${lb.lag}) = ${lb.lbStat.toFixed(3)}, p = ${lb.lbPvalue.toPrecision(3)}`);
  for (const w of fit.warnings) lines.push(`warning: ${w}`);
  if (fc) {
    const pct = Math.round((1 - alpha) * 1000) / 10;
    lines.push(`forecast (${pct}% interval):`);
    for (let i = 0; i < h; i++)
      lines.push(
        `  h=${String(i + 1).padStart(3)}  ${fc.mean[i].toPrecision(8)}  [${fc.lower[i].toPrecision(8)}, ${fc.upper[i].toPrecision(8)}]`,
      );
  }
  if (output !== undefined) lines.push(`plot: ${output}`);
  ctx.stdout(`${lines.join('\n')}\n`);
  return 0;
}

export const command: Command = {
  name: 'arima',
  summary: 'fit (seasonal) ARIMA by exact maximum likelihood, or search orders by AIC/BIC, and forecast',
  usage:
    'arima SERIES.csv|.npy (--order p,d,q | --auto [--d D --max-p P --max-q Q --ic IC]) [--seasonal P,D,Q,s] [--trend T] [--forecast H] [--alpha A] [--json] [-o plot.png]',
  examples: [
    'convolab arima samples/series/nile.csv --column volume --order 1,1,1 --forecast 10 -o nile.png',
    'convolab arima samples/series/sunspots.csv --column SUNACTIVITY --auto --max-p 4 --max-q 2 --json',
  ],
  options: {
    column: { type: 'string', valueName: 'C', description: 'CSV column by name or 0-based index (default 0)' },
    order: { type: 'string', valueName: 'p,d,q', description: 'the model order' },
    seasonal: { type: 'string', valueName: 'P,D,Q,s', description: 'seasonal order and period, e.g. 0,1,1,12' },
    auto: { type: 'boolean', description: 'choose p and q over a grid by information criterion' },
    d: { type: 'string', valueName: 'D', description: 'with --auto: differences (default 0)' },
    'max-p': { type: 'string', valueName: 'P', description: 'with --auto: largest AR order (default 3)' },
    'max-q': { type: 'string', valueName: 'Q', description: 'with --auto: largest MA order (default 3)' },
    ic: { type: 'string', valueName: 'IC', description: 'with --auto: aic (default), aicc, bic or hqic' },
    trend: { type: 'string', valueName: 'T', description: 'n, c, t or ct (default c when d = 0, else n)' },
    diffuse: {
      type: 'string',
      valueName: 'D',
      description: "exact (default) or approximate (statsmodels' default start, for identical numbers)",
    },
    forecast: { type: 'string', valueName: 'H', description: 'forecast H steps ahead with intervals' },
    alpha: { type: 'string', valueName: 'A', description: 'forecast interval level 1 − A (default 0.05)' },
    interpolate: { type: 'boolean', description: 'fill missing values linearly instead of refusing the series' },
    output: { type: 'string', short: 'o', valueName: 'PLOT.png', description: 'draw the series, fit and forecast band as PNG' },
    json: { type: 'boolean', description: 'print one JSON document' },
  },
  positionals: { min: 1, max: 1, names: ['SERIES'] },
  run,
};
