/**
 * `convolab kernels [--json]` — the kernel library (src/filters KERNELS): each name with its
 * parameters and one-line description, the specs `convolab filter --kernel` accepts. With
 * `--json`: `{ "kernels": [{ "name", "params", "description", "example", "shape" }, …] }`, where
 * `shape` is the kernel's size for the example spec.
 */
import { KERNELS, parseKernelSpec } from '../../filters/index.js';
import type { Command, CommandContext, ParsedArgs } from '../command.js';

/** A spec that works for each entry: its parameters filled with typical values. */
const EXAMPLE_ARGS: Record<string, string> = {
  SIGMA: '2',
  'SIGMA1,SIGMA2': '1,2',
  'AMOUNT,SIGMA': '1,2',
  'LENGTH[,ANGLE]': '9,30',
  'SIGMA,THETA,LAMBDA[,GAMMA[,PSI]]': '4,30,10',
  '[N]': '5',
  '[4|8]': '8',
};

export function kernelList() {
  return Object.entries(KERNELS).map(([name, entry]) => {
    const args = entry.params ? EXAMPLE_ARGS[entry.params] : undefined;
    const example = args === undefined ? name : `${name}:${args}`;
    const { kernels } = parseKernelSpec(example);
    return {
      name,
      params: entry.params,
      description: entry.description,
      example,
      shape: [...kernels[0].shape],
      kernels: kernels.length,
    };
  });
}

async function run(args: ParsedArgs, ctx: CommandContext): Promise<number> {
  const list = kernelList();
  if (args.values.json) {
    ctx.stdout(`${JSON.stringify({ kernels: list.map(({ kernels: _k, ...k }) => k) })}\n`);
    return 0;
  }
  const spec = (k: (typeof list)[number]) =>
    k.params === '' ? k.name : k.params.startsWith('[') ? `${k.name}[:${k.params.slice(1, -1)}]` : `${k.name}:${k.params}`;
  const width = Math.max(...list.map((k) => spec(k).length));
  const lines = list.map((k) => `  ${spec(k).padEnd(width)}  ${k.description}`);
  ctx.stdout(
    `Kernels for convolab filter --kernel NAME[:PARAMS] ([ ] = optional):\n${lines.join('\n')}\n` +
      `Example: convolab filter samples/astronaut.png --kernel ${list.find((k) => k.name === 'gaussian')?.example ?? 'box'} -o out.png\n`,
  );
  return 0;
}

export const command: Command = {
  name: 'kernels',
  summary: 'list the kernel library: names, parameters and what each kernel does',
  usage: 'kernels [--json]',
  examples: ['convolab kernels', 'convolab kernels --json'],
  options: { json: { type: 'boolean', description: 'print { "kernels": [{ name, params, description, example, shape }] }' } },
  positionals: { min: 0, max: 0, names: [] },
  run,
};
