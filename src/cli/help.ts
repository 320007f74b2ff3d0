/** Help text: the command list (`convolab --help`) and one command's usage (`convolab CMD --help`). */
import { HELP_OPTION } from './args.js';
import type { Command, OptionSpec } from './command.js';

export function formatMainHelp(commands: readonly Command[], version: string): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = [
    `convolab ${version} — convolution toolkit`,
    '',
    'Usage: convolab <command> [inputs] [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options:',
    '  -h, --help     show this help (or `convolab <command> --help`)',
    '  -v, --version  print the version',
    '',
    'Examples:',
    '  convolab info',
    '  convolab convert samples/astronaut.png -o astronaut.npy',
    '  convolab bench W0 --compare',
    '',
    'Exit codes: 0 success, 1 bad input or failed run, 2 usage error.',
    'Environment: CONVOLAB_THREADS (worker count), CONVOLAB_DEBUG=1 (stack traces).',
  ];
  return `${lines.join('\n')}\n`;
}

export function formatCommandHelp(command: Command): string {
  const options = { ...command.options, ...HELP_OPTION } as Record<string, OptionSpec>;
  const flags = Object.entries(options).map(([name, spec]) => [flagText(name, spec), spec.description] as const);
  const width = Math.max(...flags.map(([f]) => f.length));
  const lines = [
    `Usage: convolab ${command.usage}`,
    '',
    command.summary,
    '',
    'Options:',
    ...flags.map(([f, d]) => `  ${f.padEnd(width)}  ${d}`),
    '',
    ...(command.details ? [command.details().trimEnd(), ''] : []),
    'Examples:',
    ...command.examples.map((e) => `  ${e}`),
  ];
  return `${lines.join('\n')}\n`;
}

function flagText(name: string, spec: OptionSpec): string {
  const short = spec.short ? `-${spec.short}, ` : '    ';
  const value = spec.type === 'string' ? ` ${spec.valueName ?? 'VALUE'}` : '';
  return `${short}--${name}${value}`;
}
