/**
 * Run a frequency-domain CLI command in-process: through `main` when the command is in the
 * registry, else by the same steps (strict parse, run, errors → exit codes 2 usage / 1 data).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCommandArgs } from '../../src/cli/args.js';
import type { Command, CommandContext } from '../../src/cli/command.js';
import { findCommand } from '../../src/cli/commands/index.js';
import { main } from '../../src/cli/main.js';
import { UsageError } from '../../src/cli/usage.js';
import { ConvolabError } from '../../src/core/errors.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCommand(command: Command, argv: string[]): Promise<Ran> {
  const out: string[] = [];
  const err: string[] = [];
  const ctx: CommandContext = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    stderrIsTTY: false,
    cwd: ROOT,
    signal: new AbortController().signal,
  };
  let code: number;
  if (findCommand(command.name) === command) code = await main([command.name, ...argv], ctx);
  else {
    try {
      const args = parseCommandArgs(command, argv);
      code = args.values.help ? 0 : await command.run(args, ctx);
    } catch (e) {
      code = e instanceof UsageError ? 2 : 1;
      err.push(`convolab ${command.name}: ${(e as Error).message}\n`);
      if (e instanceof UsageError) err.push(`Usage: convolab ${command.usage}\n`);
      if (!(e instanceof UsageError) && !(e instanceof ConvolabError)) throw e;
    }
  }
  return { code, stdout: out.join(''), stderr: err.join('') };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'convolab-spectrum-'));
}
