import { describe, expect, it } from 'vitest';
import { intOption, parseCommandArgs } from '../../src/cli/args.js';
import type { Command } from '../../src/cli/command.js';
import { UsageError } from '../../src/cli/usage.js';

const cmd: Command = {
  name: 't',
  summary: '',
  usage: 't A [B]',
  examples: [],
  options: { out: { type: 'string', short: 'o', description: '' }, json: { type: 'boolean', description: '' } },
  positionals: { min: 1, max: 2, names: ['A', 'B'] },
  run: async () => 0,
};

describe('parseCommandArgs', () => {
  it('parseCommandArgs(cmd, ["a", "-o", "x", "--json"]) returns values and positionals', () => {
    const r = parseCommandArgs(cmd, ['a', '-o', 'x', '--json']);
    expect(r.positionals).toEqual(['a']);
    expect(r.values).toMatchObject({ out: 'x', json: true });
  });

  it('parseCommandArgs(cmd, ["a", "--nope"]) throws a UsageError naming --nope', () => {
    expect(() => parseCommandArgs(cmd, ['a', '--nope'])).toThrow(new UsageError('unknown option --nope'));
  });

  it('parseCommandArgs(cmd, ["a", "--json=1"]) says --json takes no value', () => {
    expect(() => parseCommandArgs(cmd, ['a', '--json=1'])).toThrow('option --json does not take a value');
  });

  it('parseCommandArgs(cmd, []) names the missing positional', () => {
    expect(() => parseCommandArgs(cmd, [])).toThrow('missing A');
  });

  it('parseCommandArgs(cmd, ["a", "b", "c"]) rejects the extra positional', () => {
    expect(() => parseCommandArgs(cmd, ['a', 'b', 'c'])).toThrow('too many arguments: c (at most 2)');
  });

  it('parseCommandArgs(cmd, ["--help"]) skips the positional check', () => {
    expect(parseCommandArgs(cmd, ['--help']).values.help).toBe(true);
  });
});

describe('intOption', () => {
  it('intOption({ n: "1e6" }, "n") is 1000000', () => {
    expect(intOption({ n: '1e6' }, 'n')).toBe(1_000_000);
    expect(intOption({}, 'n')).toBeUndefined();
  });

  it('intOption rejects fractions, words and values below min, naming the option', () => {
    for (const bad of ['1.5', 'ten', '0', '']) expect(() => intOption({ n: bad }, 'n')).toThrow(/--n: expected an integer >= 1/);
    expect(() => intOption({ t: '9' }, 't', 1, 8)).toThrow('option --t: expected an integer 1..8, got "9"');
  });
});
