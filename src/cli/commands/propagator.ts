/**
 * `convolab propagator KERNEL_SPEC [--softmax T | --l1 | --shift] [--json] [-o OUT.npy]` — a
 * kernel read as a propagator: the probability density of one random step (non-negative, sums
 * to 1), with its mean displacement, covariance and entropy. KERNEL_SPEC is a named kernel
 * (`gaussian:2`, `laplacian:8`, …), `edge` (the seed's [[-1,-1,-1],[-1,8,-1],[-1,-1,-1]]), an
 * inline matrix `[[0,1,0],[1,-4,1],[0,1,0]]`, or a 2-D `.npy` file.
 * Also holds the option helpers the `diffuse` and `sample` commands share.
 */
import { resolve } from 'node:path';
import { ArgumentError } from '../../core/errors.js';
import { NDArray } from '../../core/ndarray.js';
import { type Propagator, type PropagatorMethod, toPropagator } from '../../diffusion/propagator.js';
import { parseKernelSpec } from '../../filters/registry.js';
import { readNpyFile, writeFileAtomic } from '../../io/node.js';
import { encodeNpy } from '../../io/npy.js';
import type { Command, CommandContext, ParsedArgs } from '../command.js';
import { UsageError } from '../usage.js';

/** The seed's edge-detection kernel. */
export const EDGE_KERNEL = [
  [-1, -1, -1],
  [-1, 8, -1],
  [-1, -1, -1],
];

/** A 2-D kernel from a spec: `edge`, an inline `[[…],[…]]` matrix, a `.npy` file, or a registry name. */
export function readKernel(spec: string, ctx: CommandContext, arg = 'KERNEL_SPEC'): NDArray<'float64'> {
  const text = spec.trim();
  if (text === 'edge') return new NDArray('float64', [3, 3], Float64Array.from(EDGE_KERNEL.flat()));
  if (text.startsWith('[')) {
    let rows: unknown;
    try {
      rows = JSON.parse(text);
    } catch {
      throw new UsageError(`${arg} ${spec}: not a valid matrix; expected e.g. [[0,1,0],[1,-4,1],[0,1,0]]`);
    }
    const ok =
      Array.isArray(rows) &&
      rows.length > 0 &&
      rows.every(
        (r) =>
          Array.isArray(r) &&
          r.length === (rows as unknown[][])[0].length &&
          r.length > 0 &&
          r.every((v) => typeof v === 'number' && Number.isFinite(v)),
      );
    if (!ok) throw new UsageError(`${arg} ${spec}: expected a non-empty rectangular matrix of finite numbers`);
    const m = rows as number[][];
    return new NDArray('float64', [m.length, m[0].length], Float64Array.from(m.flat()));
  }
  if (text.toLowerCase().endsWith('.npy')) {
    const a = readNpyFile(resolve(ctx.cwd, text));
    if (a.ndim !== 2 || a.dtype === 'complex64' || a.dtype === 'complex128') {
      throw new ArgumentError(`${text}: expected a real 2-D kernel, got ${a.dtype} [${a.shape.join(', ')}]`, text);
    }
    return new NDArray('float64', a.shape, Float64Array.from(a.data as ArrayLike<number>));
  }
  let parsed: ReturnType<typeof parseKernelSpec>;
  try {
    parsed = parseKernelSpec(text, arg);
  } catch (err) {
    throw new UsageError(`${(err as Error).message}; or use edge, an inline matrix [[…]] or a .npy file`);
  }
  if (parsed.kernels.length !== 1) {
    throw new UsageError(`${arg} ${spec}: a gradient pair has no single propagator; use ${parsed.name}-x or ${parsed.name}-y`);
  }
  return parsed.kernels[0];
}

/** A finite number option (`--D 0.5`), or undefined when absent. */
export function numberOption(
  values: ParsedArgs['values'],
  name: string,
  check: (v: number) => boolean,
  expected: string,
): number | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  const text = String(raw).trim();
  const v = text === '' ? Number.NaN : Number(text);
  if (!Number.isFinite(v) || !check(v)) throw new UsageError(`option --${name}: expected ${expected}, got ${JSON.stringify(raw)}`);
  return v;
}

/** `--name a|b|c`, or `fallback` when absent. */
export function choiceOption<T extends string>(values: ParsedArgs['values'], name: string, options: readonly T[], fallback: T): T {
  const raw = values[name];
  if (raw === undefined) return fallback;
  if (!(options as readonly unknown[]).includes(raw)) {
    throw new UsageError(`option --${name}: expected one of ${options.join(', ')}, got ${JSON.stringify(raw)}`);
  }
  return raw as T;
}

function format(v: number): string {
  return Math.abs(v) >= 1e-3 || v === 0 ? v.toFixed(6) : v.toExponential(4);
}

/** The propagator as text: the density grid, then its moments. */
export function describePropagator(name: string, p: Propagator, method: string): string {
  const [kh, kw] = p.kernel.shape;
  const cells = [...p.kernel.data].map(format);
  const width = Math.max(...cells.map((c) => c.length));
  const lines = [`${name} as a propagator (${method}), ${kh}×${kw}, centre row ${p.center[0]} column ${p.center[1]}:`];
  for (let i = 0; i < kh; i++)
    lines.push(
      `  ${cells
        .slice(i * kw, (i + 1) * kw)
        .map((c) => c.padStart(width))
        .join('  ')}`,
    );
  lines.push(`mean displacement  x ${format(p.mean.x)}  y ${format(p.mean.y)} (pixels; x right, y down)`);
  lines.push(`covariance         xx ${format(p.covariance.xx)}  xy ${format(p.covariance.xy)}  yy ${format(p.covariance.yy)} (pixels²)`);
  lines.push(
    `entropy            ${format(p.entropy)} nats (${format(p.entropy / Math.LN2)} bits; uniform over ${kh * kw} cells: ${format(Math.log(kh * kw))} nats)`,
  );
  return `${lines.join('\n')}\n`;
}

async function run(args: ParsedArgs, ctx: CommandContext): Promise<number> {
  const [spec] = args.positionals;
  const T = numberOption(args.values, 'softmax', (v) => v > 0, 'a temperature > 0');
  const chosen = [T !== undefined && 'softmax', args.values.l1 && 'l1', args.values.shift && 'shift'].filter(Boolean) as PropagatorMethod[];
  if (chosen.length > 1) throw new UsageError(`options --${chosen.join(', --')} exclude each other; pick one`);
  const method = chosen[0] ?? 'softmax';
  const kernel = readKernel(spec, ctx);
  const p = toPropagator(kernel, { method, temperature: T ?? 1 });
  const label = method === 'softmax' ? `softmax T=${T ?? 1}` : method;
  const output = args.values.output as string | undefined;
  if (output !== undefined) {
    if (!output.toLowerCase().endsWith('.npy')) throw new UsageError(`-o ${output}: expected a .npy output file`);
    writeFileAtomic(resolve(ctx.cwd, output), encodeNpy(p.kernel));
  }
  if (args.values.json) {
    const [kh, kw] = p.kernel.shape;
    const density = Array.from({ length: kh }, (_, i) => [...p.kernel.data.subarray(i * kw, (i + 1) * kw)]);
    const doc = {
      kernel: spec,
      method,
      ...(method === 'softmax' ? { temperature: T ?? 1 } : {}),
      shape: [kh, kw],
      center: { x: p.center[1], y: p.center[0] },
      density,
      mean: p.mean,
      covariance: p.covariance,
      entropy: p.entropy,
      ...(output !== undefined ? { output } : {}),
    };
    ctx.stdout(`${JSON.stringify(doc)}\n`);
  } else {
    ctx.stdout(describePropagator(spec, p, label));
  }
  return 0;
}

export const command: Command = {
  name: 'propagator',
  summary: 'a kernel read as a propagator: the density of one random step, its drift, covariance and entropy',
  usage: 'propagator KERNEL_SPEC [--softmax T | --l1 | --shift] [--json] [-o OUT.npy]',
  details: () =>
    'KERNEL_SPEC: a named kernel (gaussian:2, box:3, laplacian:8, sobel-x, …), edge (the seed’s\n' +
    '[[-1,-1,-1],[-1,8,-1],[-1,-1,-1]]), an inline matrix such as [[0,1,0],[1,-4,1],[0,1,0]], or a 2-D .npy.\n' +
    'softmax: p = exp(k/T)/Σ exp(k/T) (the default, T = 1); l1: |k|/Σ|k|; shift: (k − min k)/Σ.\n' +
    'Displacements are measured from the kernel centre ⌊(k−1)/2⌋, as convolve(mode same) uses it.',
  examples: ['convolab propagator edge', 'convolab propagator edge --softmax 4 --json', 'convolab propagator gaussian:1 --l1 -o p.npy'],
  options: {
    softmax: { type: 'string', valueName: 'T', description: 'softmax at temperature T (default method, T = 1)' },
    l1: { type: 'boolean', description: 'p = |k| / Σ|k|' },
    shift: { type: 'boolean', description: 'p = (k − min k) / Σ' },
    json: { type: 'boolean', description: 'print one JSON document' },
    output: { type: 'string', short: 'o', valueName: 'OUT.npy', description: 'also write the density as .npy (float64)' },
  },
  positionals: { min: 1, max: 1, names: ['KERNEL_SPEC'] },
  run,
};
