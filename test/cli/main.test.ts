import { beforeAll, describe, expect, it } from 'vitest';
import type { Command, CommandContext } from '../../src/cli/command.js';
import { COMMANDS } from '../../src/cli/commands/index.js';
import { main } from '../../src/cli/main.js';
import { ArgumentError } from '../../src/core/errors.js';
import { cli, ensureBuilt } from './helpers.js';

beforeAll(ensureBuilt);

function fakeContext(signal = new AbortController().signal): CommandContext & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => out.push(t), stderr: (t) => err.push(t), stderrIsTTY: false, cwd: process.cwd(), signal };
}

describe('convolab (spawned)', () => {
  it('convolab --help lists every command with an example, exit 0', () => {
    for (const args of [['--help'], ['-h'], []]) {
      const r = cli(args);
      expect(r.code).toBe(0);
      for (const name of ['info', 'convert', 'bench', 'serve', ...COMMANDS.map((c) => c.name)]) {
        expect(r.stdout).toMatch(new RegExp(`^  ${name} +\\S`, 'm'));
      }
      expect(r.stdout).toContain('Examples:');
    }
  });

  it('convolab <cmd> --help prints usage, options and an example, exit 0', () => {
    for (const { name } of COMMANDS) {
      const r = cli([name, '--help']);
      expect(r.code, name).toBe(0);
      expect(r.stdout).toContain(`Usage: convolab ${name}`);
      expect(r.stdout).toContain('Options:');
      expect(r.stdout).toMatch(new RegExp(`Examples:\\n  convolab ${name}`));
    }
  });

  it('convolab --version prints the package version', () => {
    const r = cli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('convolab info --bogus exits 2 naming the flag', () => {
    const r = cli(['info', '--bogus']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--bogus');
    expect(r.stdout).toBe('');
  });

  it('convolab frobnicate exits 2 naming the command', () => {
    const r = cli(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown command 'frobnicate'");
  });
});

describe('main(argv, ctx)', () => {
  it('main(["convert", "a.png", "-o"]) is a usage error naming -o/--output', async () => {
    const ctx = fakeContext();
    expect(await main(['convert', 'a.png', '-o'], ctx)).toBe(2);
    expect(ctx.err.join('')).toContain('-o/--output needs a value');
  });

  it('main(["info", "a", "b"]) rejects a second positional with exit 2', async () => {
    const ctx = fakeContext();
    expect(await main(['info', 'a', 'b'], ctx)).toBe(2);
    expect(ctx.err.join('')).toContain('too many arguments: b');
  });

  it('main(["convert"]) names the missing IN', async () => {
    const ctx = fakeContext();
    expect(await main(['convert'], ctx)).toBe(2);
    expect(ctx.err.join('')).toContain('missing IN');
  });

  it('main maps a ConvolabError to "convolab <cmd>: message", exit 1, and other errors to exit 1', async () => {
    const failing = (err: Error): Command => ({
      name: 'info', // borrow a registered name: main only dispatches registered commands
      summary: '',
      usage: 'info',
      examples: [],
      options: {},
      run: async () => {
        throw err;
      },
    });
    const original = COMMANDS[0];
    const registry = COMMANDS as Command[];
    try {
      registry[0] = failing(new ArgumentError('kernel: expected an odd size, got 4', 'kernel'));
      let ctx = fakeContext();
      expect(await main(['info'], ctx)).toBe(1);
      expect(ctx.err.join('')).toBe('convolab info: kernel: expected an odd size, got 4\n');
      registry[0] = failing(new TypeError('boom'));
      ctx = fakeContext();
      expect(await main(['info'], ctx)).toBe(1);
      expect(ctx.err.join('')).toContain('convolab info: boom');
      expect(ctx.err.join('')).not.toContain('    at ');
    } finally {
      registry[0] = original;
    }
  });

  it('main prints the stack of an error only with CONVOLAB_DEBUG=1', async () => {
    const original = COMMANDS[0];
    const registry = COMMANDS as Command[];
    const saved = process.env.CONVOLAB_DEBUG;
    try {
      registry[0] = { ...original, run: async () => Promise.reject(new TypeError('boom')) };
      process.env.CONVOLAB_DEBUG = '1';
      const ctx = fakeContext();
      expect(await main(['info'], ctx)).toBe(1);
      expect(ctx.err.join('')).toMatch(/TypeError: boom\n\s+at /);
    } finally {
      registry[0] = original;
      if (saved === undefined) delete process.env.CONVOLAB_DEBUG;
      else process.env.CONVOLAB_DEBUG = saved;
    }
  });

  it('main reports an aborted run as interrupted, exit 130', async () => {
    const controller = new AbortController();
    controller.abort();
    const ctx = fakeContext(controller.signal);
    expect(await main(['bench', 'W0', '--repeats', '1'], ctx)).toBe(130);
    expect(ctx.err.join('')).toContain('interrupted');
  });
});
