/**
 * Runs a CLI command in-process through its own argument parser, with exit codes as
 * src/cli/main.ts maps them (usage error 2, bad input data 1), so `match` / `find` are testable
 * before their registry lines land.
 */
import { parseCommandArgs } from '../../src/cli/args.js';
import type { Command } from '../../src/cli/command.js';
import { UsageError } from '../../src/cli/usage.js';
import { ConvolabError } from '../../src/core/index.js';
import { ROOT } from '../cli/helpers.js';

export async function runIn(cmd: Command, argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
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
    cwd: ROOT,
    signal: new AbortController().signal,
  };
  try {
    return { code: await cmd.run(parseCommandArgs(cmd, argv), ctx), stdout, stderr };
  } catch (err) {
    if (err instanceof UsageError) return { code: 2, stdout, stderr: err.message };
    if (err instanceof ConvolabError) return { code: 1, stdout, stderr: err.message };
    throw err;
  }
}
