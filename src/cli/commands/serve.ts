/**
 * `convolab serve` — the lab (the built `lab-dist/`) and the sample images (`/samples/`) on a
 * loopback address, with the COOP/COEP headers that SharedArrayBuffer needs. Runs until SIGINT.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Command, CommandContext, ParsedArgs } from '../command.js';
import { startServer } from '../static-server.js';
import { UsageError } from '../usage.js';

/** Package root: this file is `dist/cli/commands/serve.js` (or `src/cli/commands/serve.ts`). */
const PACKAGE_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface LabPaths {
  /** The built lab (Vite output). */
  labDir: string;
  /** The sample images, served at `/samples/`. */
  samplesDir: string;
}

export function defaultLabPaths(): LabPaths {
  return { labDir: `${PACKAGE_ROOT}lab-dist`, samplesDir: `${PACKAGE_ROOT}samples` };
}

function parsePort(value: unknown): number | undefined {
  const text = String(value ?? '8080');
  if (!/^\d{1,5}$/.test(text)) return undefined;
  const port = Number(text);
  return port <= 65535 ? port : undefined;
}

function openBrowser(url: string): void {
  const [cmd, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '', url]]
        : ['xdg-open', [url]];
  const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
  child.on('error', () => {});
  child.unref();
}

/** The command's body, with the folders injectable for tests. */
export async function runServe(args: ParsedArgs, ctx: CommandContext, paths: LabPaths = defaultLabPaths()): Promise<number> {
  const port = parsePort(args.values.port);
  if (port === undefined) throw new UsageError(`--port: expected an integer in 0..65535, got ${JSON.stringify(args.values.port)}`);
  const host = String(args.values.host ?? '127.0.0.1');
  if (!existsSync(`${paths.labDir}/index.html`)) {
    ctx.stderr(`convolab serve: the lab is not built (${paths.labDir}/index.html is missing); run \`npm run build\` first\n`);
    return 1;
  }
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer({ root: paths.labDir, mounts: { '/samples/': paths.samplesDir }, port, host });
  } catch (err) {
    ctx.stderr(`convolab serve: cannot listen on ${host}:${port}: ${(err as Error).message}\n`);
    return 1;
  }
  ctx.stdout(`${server.url}\n`);
  ctx.stderr(`convolab lab at ${server.url} — press Ctrl+C to stop\n`);
  if (args.values.open) openBrowser(server.url);
  await new Promise<void>((resolve) => {
    if (ctx.signal.aborted) resolve();
    else ctx.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  await server.close();
  return 0;
}

export const command: Command = {
  name: 'serve',
  summary: 'Serve the interactive lab on http://127.0.0.1:PORT',
  usage: 'serve [--port P] [--host H] [--open]',
  examples: ['convolab serve', 'convolab serve --port 0 --open'],
  options: {
    port: { type: 'string', short: 'p', valueName: 'P', description: 'port to listen on; 0 picks a free port (default 8080)' },
    host: { type: 'string', valueName: 'H', description: 'interface to listen on (default 127.0.0.1)' },
    open: { type: 'boolean', description: 'open the lab in the default browser' },
  },
  positionals: { min: 0, max: 0, names: [] },
  run: (args, ctx) => runServe(args, ctx),
};
