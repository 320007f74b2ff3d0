/**
 * Run a CLI command in-process the way `convolab` does (parse → run → exit code; errors map to
 * usage 2, data 1, anything else rethrown), so a command's tests work before it is listed in the registry.
 */
import { mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCommandArgs } from '../../src/cli/args.js';
import type { Command } from '../../src/cli/command.js';
import { UsageError } from '../../src/cli/usage.js';
import { ConvolabError } from '../../src/core/errors.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCommand(command: Command, argv: string[], cwd = ROOT): Promise<CommandResult> {
  let stdout = '';
  let stderr = '';
  const ctx = {
    stdout: (s: string) => {
      stdout += s;
    },
    stderr: (s: string) => {
      stderr += s;
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

/** A fresh temporary directory named `<prefix>XXXXXX`. */
export function tempDir(prefix = 'convolab-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Run every `--help` example of a command in a fresh directory that links the repository's samples/. */
export async function runExamples(command: Command): Promise<{ example: string; code: number; stderr: string }[]> {
  const dir = tempDir(`convolab-${command.name}-`);
  symlinkSync(join(ROOT, 'samples'), join(dir, 'samples'));
  const results = [];
  for (const example of command.examples) {
    const words = example.split(/\s+/);
    if (words[0] !== 'convolab' || words[1] !== command.name)
      throw new Error(`example does not start with convolab ${command.name}: ${example}`);
    const r = await runCommand(command, words.slice(2), dir);
    results.push({ example, code: r.code, stderr: r.stderr });
  }
  return results;
}
