/**
 * `convolab info [FILE] [--json]` — without FILE: version, WebAssembly SIMD (relaxed too), huge pages, threads; with FILE:
 * format, shape, dtype, channels and bit depth read from the header (nothing is decoded).
 */
import { resolve } from 'node:path';
import { readImageHeader } from '../../io/image.js';
import { readNpyHeader } from '../../io/npy.js';
import type { Command, CommandContext, ParsedArgs } from '../command.js';
import { isNpy, readHead } from '../files.js';
import { hugePagesInUse } from '../huge-pages.js';
import { threadsAvailable, threadsInUse, wasmRelaxedSupported, wasmSimdSupported } from '../runtime.js';
import { packageVersion } from '../version.js';

/** Headers are read from the first MiB; a file whose header is longer is read whole. */
const HEAD_BYTES = 1 << 20;

type Record_ = Record<string, string | number | boolean | null | readonly number[]>;

export function runtimeInfo(): Record_ {
  const { threads, source } = threadsInUse();
  return {
    version: packageVersion(),
    node: process.versions.node,
    simd: wasmSimdSupported(),
    relaxed_simd: wasmRelaxedSupported(),
    huge_pages: hugePagesInUse(),
    threads_available: threadsAvailable(),
    threads,
    threads_source: source,
  };
}

/** Header facts of the image or `.npy` file at `path`; errors name the file as `name`. */
export async function fileInfo(path: string, name = path): Promise<Record_> {
  const head = await readHead(path, HEAD_BYTES, name);
  const parse = (bytes: Uint8Array): Record_ => (isNpy(bytes) ? npyInfo(bytes, name) : imageInfo(bytes, name));
  try {
    return { file: name, bytes: head.size, ...parse(head.bytes) };
  } catch (err) {
    if (head.size <= head.bytes.length) throw err;
    const whole = await readHead(path, head.size, name);
    return { file: name, bytes: head.size, ...parse(whole.bytes) };
  }
}

function npyInfo(bytes: Uint8Array, name: string): Record_ {
  const h = readNpyHeader(bytes, name);
  const shape = [...h.shape];
  const channels = shape.length === 2 ? 1 : shape.length === 3 && shape[0] >= 1 && shape[0] <= 4 ? shape[0] : null;
  return {
    format: 'npy',
    shape,
    dtype: h.dtype,
    channels,
    bit_depth: h.storedItemSize * 8,
    descr: h.descr,
    fortran_order: h.fortranOrder,
    npy_version: h.version.join('.'),
  };
}

function imageInfo(bytes: Uint8Array, name: string): Record_ {
  const h = readImageHeader(bytes, name);
  return {
    format: h.format,
    shape: [h.channels, h.height, h.width],
    dtype: h.bitDepth > 8 ? 'uint16' : 'uint8',
    channels: h.channels,
    bit_depth: h.bitDepth,
    width: h.width,
    height: h.height,
  };
}

function formatText(info: Record_): string {
  const width = Math.max(...Object.keys(info).map((k) => k.length));
  const show = (v: Record_[string]): string => (Array.isArray(v) ? `[${v.join(', ')}]` : String(v));
  return `${Object.entries(info)
    .map(([k, v]) => `${k.replaceAll('_', ' ').padEnd(width)}  ${show(v)}`)
    .join('\n')}\n`;
}

async function run(args: ParsedArgs, ctx: CommandContext): Promise<number> {
  const [file] = args.positionals;
  const info = file === undefined ? runtimeInfo() : await fileInfo(resolve(ctx.cwd, file), file);
  ctx.stdout(args.values.json ? `${JSON.stringify(info)}\n` : formatText(info));
  return 0;
}

export const command: Command = {
  name: 'info',
  summary: 'show version, SIMD and threads; or a file’s format, shape, dtype and bit depth',
  usage: 'info [FILE] [--json]',
  examples: ['convolab info', 'convolab info samples/astronaut.png --json', 'convolab info image.npy'],
  options: { json: { type: 'boolean', description: 'print one JSON object' } },
  positionals: { min: 0, max: 1, names: ['FILE'] },
  run,
};
