/** Runs a CLI command object in this process (as main.ts does), capturing stdout and stderr. */
import { parseCommandArgs } from '../../src/cli/args.js';
import type { Command, CommandContext } from '../../src/cli/command.js';
import { UsageError } from '../../src/cli/usage.js';

export interface InProcessRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runInProcess(
  command: Command,
  argv: string[],
  opts: { cwd?: string; tty?: boolean; signal?: AbortSignal } = {},
): Promise<InProcessRun> {
  let stdout = '';
  let stderr = '';
  const ctx: CommandContext = {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    stderrIsTTY: opts.tty ?? false,
    cwd: opts.cwd ?? process.cwd(),
    signal: opts.signal ?? new AbortController().signal,
  };
  try {
    const code = await command.run(parseCommandArgs(command, argv), ctx);
    return { code, stdout, stderr };
  } catch (err) {
    return { code: err instanceof UsageError ? 2 : 1, stdout, stderr: `${stderr}${(err as Error).message}\n` };
  }
}
