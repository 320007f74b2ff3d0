#!/usr/bin/env node
/**
 * Build every kernel family: each `assembly/<family>.ts` is compiled by AssemblyScript three
 * times (SIMD with relaxed SIMD's fused multiply-add, plain SIMD, and a scalar fallback) and
 * embedded as base64 in `src/wasm/generated/<family>.ts`, plus `src/wasm/generated/index.ts` listing the families. See src/wasm/README.md.
 *
 *   node scripts/build-wasm.mjs            build all families
 *   node scripts/build-wasm.mjs conv2d     build only the named families
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import asc from 'assemblyscript/asc';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const srcDir = join(root, 'assembly');
const wasmDir = join(root, 'build', 'wasm');
const genDir = join(root, 'src', 'wasm', 'generated');

const COMMON = ['-O3', '--noAssert', '--runtime', 'stub', '--importMemory', '--uncheckedBehavior', 'always'];
const VARIANTS = { relaxed: ['--enable', 'simd', '--enable', 'relaxed-simd'], simd: ['--enable', 'simd'], scalar: [] };
/**
 * Families also built against a shared memory (`--sharedMemory`, up to 4 GiB), in their relaxed and
 * SIMD variants: instantiated by a worker over the shared WebAssembly.Memory that holds an output
 * array (src/core/kernel-memory.ts), they write that array in place.
 */
const SHARED_FAMILIES = new Set(['conv2d']);
const SHARED = ['--enable', 'threads', '--sharedMemory', '--maximumMemory', '65536'];

/** The minimum page count of the imported memory `env.memory` (the module's static data ends below it). */
export function importedMemoryMinPages(bytes) {
  let pos = 8;
  const leb = () => {
    let result = 0;
    let shift = 0;
    let byte;
    do {
      byte = bytes[pos++];
      result += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    return result;
  };
  const name = () => {
    const n = leb();
    const s = new TextDecoder().decode(bytes.subarray(pos, pos + n));
    pos += n;
    return s;
  };
  const limits = () => {
    const flags = bytes[pos++];
    const min = leb();
    if (flags & 1) leb();
    return min;
  };
  while (pos < bytes.length) {
    const id = bytes[pos++];
    const size = leb();
    const end = pos + size;
    if (id === 2) {
      for (let count = leb(); count > 0; count--) {
        const module = name();
        const field = name();
        const kind = bytes[pos++];
        if (kind === 0) {
          leb(); // function: type index
        } else if (kind === 1) {
          pos++; // table: reference type, then limits
          limits();
        } else if (kind === 2) {
          const min = limits();
          if (module === 'env' && field === 'memory') return min;
        } else if (kind === 3) {
          pos += 2; // global: value type, mutability
        } else {
          pos++; // tag: attribute, then type index
          leb();
        }
      }
    }
    pos = end;
  }
  throw new Error('no imported env.memory: compile with --importMemory');
}

async function compile(family, variant, shared = false) {
  const outFile = join(wasmDir, `${family}.${variant}${shared ? '.shared' : ''}.wasm`);
  const argv = [join(srcDir, `${family}.ts`), ...COMMON, ...VARIANTS[variant], ...(shared ? SHARED : []), '--outFile', outFile];
  const { error, stderr } = await asc.main(argv);
  if (error) throw new Error(`asc failed for assembly/${family}.ts (${variant}):\n${stderr.toString()}`);
  return new Uint8Array(await readFile(outFile));
}

async function writeIfChanged(path, text) {
  const old = await readFile(path, 'utf8').catch(() => null);
  if (old !== text) await writeFile(path, text);
}

function wrap(base64) {
  const lines = [];
  for (let i = 0; i < base64.length; i += 120) lines.push(`  '${base64.slice(i, i + 120)}'`);
  return lines.join(' +\n');
}

async function main() {
  const all = (await readdir(srcDir, { withFileTypes: true }))
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts'))
    .map((e) => e.name.slice(0, -3))
    .sort();
  const only = process.argv.slice(2);
  const unknown = only.filter((f) => !all.includes(f));
  if (unknown.length) throw new Error(`unknown kernel family ${unknown.join(', ')}; assembly/ has ${all.join(', ')}`);
  await mkdir(wasmDir, { recursive: true });
  await mkdir(genDir, { recursive: true });
  let failed = 0;
  for (const family of only.length ? only : all) {
    try {
      await buildFamily(family);
    } catch (err) {
      // Keep going: one family mid-edit must not block the others.
      console.error(err.message ?? err);
      failed++;
    }
  }
  // The index lists the families that have a generated module (this build or an earlier one).
  const built = [];
  for (const name of await readdir(genDir)) {
    const family = name.slice(0, -3);
    if (name === 'index.ts' || !name.endsWith('.ts')) continue;
    if (all.includes(family)) built.push(family);
    else await rm(join(genDir, name)); // assembly/<family>.ts was removed
  }
  built.sort();
  const index =
    `// Generated by scripts/build-wasm.mjs. Do not edit.\n` +
    built.map((f) => `import * as ${ident(f)} from './${f}.js';\n`).join('') +
    `\nexport interface GeneratedFamily {\n  readonly minPages: number;\n  readonly relaxed: string;\n  readonly simd: string;\n  readonly scalar: string;\n  readonly relaxedShared?: string;\n  readonly simdShared?: string;\n}\n\n` +
    `/** Every kernel family built from assembly/, by name. */\n` +
    `export const FAMILIES: Readonly<Record<string, GeneratedFamily>> = {\n` +
    built.map((f) => `  '${f}': ${ident(f)},\n`).join('') +
    `};\n`;
  await writeIfChanged(join(genDir, 'index.ts'), index);
  if (failed) throw new Error(`${failed} kernel famil${failed === 1 ? 'y' : 'ies'} failed to build`);
}

async function buildFamily(family) {
  const t0 = performance.now();
  const relaxed = await compile(family, 'relaxed');
  const simd = await compile(family, 'simd');
  const scalar = await compile(family, 'scalar');
  const minPages = Math.max(importedMemoryMinPages(relaxed), importedMemoryMinPages(simd), importedMemoryMinPages(scalar));
  const text =
    `// Generated by scripts/build-wasm.mjs from assembly/${family}.ts. Do not edit.\n` +
    `/** Minimum pages of the imported memory (static data lies below minPages * 64 KiB). */\n` +
    `export const minPages = ${minPages};\n` +
    `/** The module compiled with --enable simd --enable relaxed-simd (${relaxed.length} bytes), base64. */\n` +
    `export const relaxed =\n${wrap(Buffer.from(relaxed).toString('base64'))};\n` +
    `/** The module compiled with --enable simd (${simd.length} bytes), base64. */\n` +
    `export const simd =\n${wrap(Buffer.from(simd).toString('base64'))};\n` +
    `/** The scalar fallback (${scalar.length} bytes), base64. */\n` +
    `export const scalar =\n${wrap(Buffer.from(scalar).toString('base64'))};\n` +
    (await sharedBuilds(family));
  await writeIfChanged(join(genDir, `${family}.ts`), text);
  const ms = (performance.now() - t0).toFixed(0);
  console.log(
    `assembly/${family}.ts -> relaxed ${relaxed.length} B, simd ${simd.length} B, scalar ${scalar.length} B, minPages ${minPages} (${ms} ms)`,
  );
}

/** The shared-memory builds of a SHARED_FAMILIES family, as generated source ('' for the others). */
async function sharedBuilds(family) {
  if (!SHARED_FAMILIES.has(family)) return '';
  let text = '';
  for (const variant of ['relaxed', 'simd']) {
    const bytes = await compile(family, variant, true);
    text +=
      `/** The ${variant} module against a shared memory (--sharedMemory, ${bytes.length} bytes), base64. */\n` +
      `export const ${variant}Shared =\n${wrap(Buffer.from(bytes).toString('base64'))};\n`;
  }
  return text;
}

function ident(family) {
  return `family_${family.replace(/[^A-Za-z0-9_]/g, '_')}`;
}

main().catch((err) => {
  console.error(err.message ?? err);
  process.exit(1);
});
