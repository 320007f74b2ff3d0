/**
 * Run a statistics command in-process the way `convolab` does (parse, run, map errors to exit
 * codes: usage 2, data 1), so its tests work before the command is listed in the registry.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCommandArgs } from '../../src/cli/args.js';
import type { Command } from '../../src/cli/command.js';
import { UsageError } from '../../src/cli/usage.js';
import { ConvolabError } from '../../src/core/errors.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'convolab-stats-'));
}

export async function runCommand(command: Command, argv: string[], cwd = ROOT): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const ctx = {
    stdout: (t: string) => {
      stdout += t;
    },
    stderr: (t: string) => {
      stderr += t;
    },
    stderrIsTTY: false,
    cwd,
    signal: new AbortController().signal,
  };
  try {
    const args = parseCommandArgs(command, argv);
    const code = await command.run(args, ctx);
    return { code, stdout, stderr };
  } catch (err) {
    stderr += `${(err as Error).message}\n`;
    if (err instanceof UsageError) return { code: 2, stdout, stderr };
    if (err instanceof ConvolabError) return { code: 1, stdout, stderr };
    throw err;
  }
}
