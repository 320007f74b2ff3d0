/**
 * Parse one command's arguments with `node:util` `parseArgs` (strict), turning its errors into
 * `UsageError`s that name the flag, and checking the positional count.
 */
import { type ParseArgsConfig, parseArgs } from 'node:util';
import type { Command, ParsedArgs } from './command.js';
import { UsageError } from './usage.js';

/** Options every command accepts. */
export const HELP_OPTION = { help: { type: 'boolean', short: 'h', description: 'show this help' } } as const;

export function parseCommandArgs(command: Command, argv: readonly string[]): ParsedArgs {
  const options: NonNullable<ParseArgsConfig['options']> = {};
  for (const [name, spec] of Object.entries({ ...command.options, ...HELP_OPTION })) {
    const { description: _d, valueName: _v, ...parseSpec } = spec as typeof spec & { valueName?: string };
    options[name] = parseSpec;
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...argv], options, strict: true, allowPositionals: true });
  } catch (err) {
    throw new UsageError(describeParseError(err));
  }
  const values = parsed.values as ParsedArgs['values'];
  const positionals = parsed.positionals;
  if (values.help) return { values, positionals };
  const { min, max, names } = command.positionals ?? { min: 0, max: 0, names: [] };
  if (positionals.length < min) {
    const missing = names.slice(positionals.length, min).join(' ') || 'argument';
    throw new UsageError(`missing ${missing}`);
  }
  if (positionals.length > max) {
    const extra = positionals.slice(max).join(' ');
    throw new UsageError(max === 0 ? `unexpected argument ${extra}` : `too many arguments: ${extra} (at most ${max})`);
  }
  return { values, positionals };
}

/** Node's parseArgs messages are long and mention `--` tricks; keep the part that names the flag. */
function describeParseError(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const code = (err as { code?: string }).code;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const flag = /'([^']+)'/.exec(message)?.[1];
    if (flag) return `unknown option ${flag}`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const flag = /Option '([^']+)'/
      .exec(message)?.[1]
      ?.replace(/^(-\w), /, '$1/')
      .replace(/ <value>$/, '');
    if (flag && /argument missing/.test(message)) return `option ${flag} needs a value`;
    if (flag && /does not take an argument/.test(message)) return `option ${flag} does not take a value`;
  }
  return message.split('. ')[0] ?? message;
}

/** A positive integer option value, or `undefined` when absent. */
export function intOption(values: ParsedArgs['values'], name: string, min = 1, max = Number.MAX_SAFE_INTEGER): number | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  const text = String(raw).trim();
  const n = /^[+-]?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `${min}..${max}`;
    throw new UsageError(`option --${name}: expected an integer ${range}, got ${JSON.stringify(raw)}`);
  }
  return n;
}
