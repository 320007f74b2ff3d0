/**
 * The shape of a CLI command. Each command lives in `src/cli/commands/<name>.ts` and exports
 * `command: Command`; `src/cli/commands/index.ts` lists them. Options are declared in the
 * format of `node:util` `parseArgs`, so an unknown flag is a usage error (exit 2).
 */
import type { ParseArgsConfig } from 'node:util';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>[string] & {
  /** One line for `--help`. */
  description: string;
  /** Placeholder shown in help, e.g. `N` for `--n N`. */
  valueName?: string;
};

export interface CommandContext {
  /** Write to stdout (results). */
  stdout: (text: string) => void;
  /** Write to stderr (errors, progress). */
  stderr: (text: string) => void;
  /** True when stderr is a TTY (progress bars are drawn only then). */
  stderrIsTTY: boolean;
  /** Working directory for relative paths. */
  cwd: string;
  /** An abort signal fired on SIGINT / SIGTERM. */
  signal: AbortSignal;
}

export interface ParsedArgs {
  /** Option values by long name. */
  values: Record<string, string | boolean | string[] | boolean[] | undefined>;
  /** Positional arguments. */
  positionals: string[];
}

export interface Command {
  name: string;
  /** One line, shown in `convolab --help`. */
  summary: string;
  /** Usage line(s) after `convolab `, e.g. `convert IN -o OUT`. */
  usage: string;
  /** Extra paragraphs for `--help` after the options (e.g. the list of workloads). */
  details?: () => string;
  /** At least one working example (full command lines). */
  examples: string[];
  options: Record<string, OptionSpec>;
  /** Minimum / maximum number of positionals (usage error otherwise). */
  positionals?: { min: number; max: number; names: string[] };
  /** Returns the exit code: 0 ok, 1 bad input / failed run, 2 usage, 3 finished with failures. */
  run(args: ParsedArgs, ctx: CommandContext): Promise<number>;
}
