/**
 * The `convolab` command line: dispatch on the first word, parse that command's options
 * strictly, run it, and map errors to exit codes (0 ok, 1 bad input / failed run, 2 usage).
 * `bin/convolab.js` calls `runCli()`; tests and embedders call `main(argv, ctx)`.
 */
import { ConvolabError } from '../core/errors.js';
import { parseCommandArgs } from './args.js';
import type { Command, CommandContext } from './command.js';
import { COMMANDS, findCommand } from './commands/index.js';
import { formatCommandHelp, formatMainHelp } from './help.js';
import { UsageError } from './usage.js';
import { packageVersion } from './version.js';

/** Exit code after SIGINT / SIGTERM (128 + SIGINT). */
export const EXIT_INTERRUPTED = 130;

/** A context writing to this process's stdout / stderr, with a signal that never fires. */
export function processContext(signal: AbortSignal = new AbortController().signal): CommandContext {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    cwd: process.cwd(),
    signal,
  };
}

/** Run one command line (without `node convolab`) and return its exit code. */
export async function main(argv: readonly string[], ctx: CommandContext = processContext()): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    const target = first === 'help' && rest[0] ? findCommand(rest[0]) : undefined;
    ctx.stdout(target ? formatCommandHelp(target) : formatMainHelp(COMMANDS, packageVersion()));
    return 0;
  }
  if (first === '--version' || first === '-v') {
    ctx.stdout(`${packageVersion()}\n`);
    return 0;
  }
  const command = findCommand(first);
  if (!command) {
    const what = first.startsWith('-') ? `unknown option ${first}` : `unknown command '${first}'`;
    ctx.stderr(`convolab: ${what}\nCommands: ${COMMANDS.map((c) => c.name).join(', ')}\nRun 'convolab --help' for details.\n`);
    return 2;
  }
  return runCommand(command, rest, ctx);
}

async function runCommand(command: Command, argv: readonly string[], ctx: CommandContext): Promise<number> {
  try {
    const args = parseCommandArgs(command, argv);
    if (args.values.help) {
      ctx.stdout(formatCommandHelp(command));
      return 0;
    }
    return await command.run(args, ctx);
  } catch (err) {
    return reportError(command, err, ctx);
  }
}

function reportError(command: Command, err: unknown, ctx: CommandContext): number {
  const prefix = `convolab ${command.name}:`;
  if (err instanceof UsageError) {
    ctx.stderr(`${prefix} ${err.message}\nUsage: convolab ${command.usage}\nRun 'convolab ${command.name} --help' for details.\n`);
    return 2;
  }
  if (ctx.signal.aborted) {
    ctx.stderr(`${prefix} interrupted\n`);
    return EXIT_INTERRUPTED;
  }
  const debug = process.env.CONVOLAB_DEBUG === '1';
  if (err instanceof ConvolabError) {
    ctx.stderr(`${prefix} ${err.message}\n${debug && err.stack ? `${err.stack}\n` : ''}`);
    return 1;
  }
  const message = err instanceof Error ? err.message : String(err);
  const stack = debug && err instanceof Error && err.stack ? `\n${err.stack}` : '';
  ctx.stderr(`${prefix} ${message}${stack}\n${debug ? '' : '(set CONVOLAB_DEBUG=1 for a stack trace)\n'}`);
  return 1;
}

/**
 * The process entry: SIGINT / SIGTERM abort `ctx.signal` (a second one exits at once), and the
 * exit code becomes `process.exitCode` so pending output is flushed.
 */
export async function runCli(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  const controller = new AbortController();
  const onSignal = (signal: NodeJS.Signals): void => {
    if (controller.signal.aborted) process.exit(EXIT_INTERRUPTED);
    controller.abort(new Error(`received ${signal}`));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
  try {
    process.exitCode = await main(argv, processContext(controller.signal));
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
