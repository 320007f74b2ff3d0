#!/usr/bin/env node
/**
 * Runs `convolab search-eval` (or any search command) from the built dist/, in-process, before
 * the command's registry line is in place:
 *
 *   npx tsc -p tsconfig.build.json
 *   node scripts/search-eval.mjs MODEL_DIR [--json] [--queries N] ...   (search-eval)
 *   node scripts/search-eval.mjs --command search-train --out MODEL_DIR --epochs 2 ...
 */
import { parseCommandArgs } from '../dist/cli/args.js';

const argv = process.argv.slice(2);
let name = 'search-eval';
const at = argv.indexOf('--command');
if (at >= 0) {
  name = argv[at + 1];
  argv.splice(at, 2);
}
const { command } = await import(`../dist/cli/commands/${name}.js`);
const ctx = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  stderrIsTTY: Boolean(process.stderr.isTTY),
  cwd: process.cwd(),
  signal: new AbortController().signal,
};
try {
  process.exitCode = await command.run(parseCommandArgs(command, argv), ctx);
} catch (err) {
  process.stderr.write(`convolab ${name}: ${err.message}\n`);
  process.exitCode = err.name === 'UsageError' ? 2 : 1;
}
const { destroyPools } = await import('../dist/parallel/index.js');
await destroyPools();
