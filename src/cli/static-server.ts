/**
 * A small static file server for the lab (Node only). It serves a root folder and optional
 * mounts (e.g. `/samples/` → the package's samples folder) on a loopback address, with the
 * cross-origin isolation headers that `SharedArrayBuffer` needs in the browser.
 *
 * Safety: the raw request path is checked before it touches the file system. Backslashes, NUL
 * bytes and malformed percent-escapes → 400; `.` / `..` segments (plain or percent-encoded) and
 * encoded separators (`%2f`, `%5c`) → 403; a file whose real path (symlinks resolved) lies
 * outside its root → 403; only GET and HEAD are allowed (405 otherwise).
 */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, sep } from 'node:path';

export const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.npy': 'application/octet-stream',
  '.bin': 'application/octet-stream',
  '.woff2': 'font/woff2',
};

/** Headers sent with every response: cross-origin isolation, and no MIME sniffing. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

export interface ServerOptions {
  /** Folder served at `/`. */
  root: string;
  /** Extra folders by URL prefix, e.g. `{ '/samples/': 'path/to/samples' }` (prefix starts and ends with `/`). */
  mounts?: Record<string, string>;
  /** Port; 0 picks a free one. Default 0. */
  port?: number;
  /** Interface to listen on. Default `127.0.0.1`. */
  host?: string;
  /** Milliseconds allowed for a whole request / for its headers. Defaults 30 000 / 10 000. */
  requestTimeoutMs?: number;
  headersTimeoutMs?: number;
}

export interface RunningServer {
  /** Base URL, e.g. `http://127.0.0.1:8080/`. */
  url: string;
  port: number;
  close(): Promise<void>;
}

type Resolution = { status: number; message: string } | { folder: string; segments: string[] };

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Split the raw request target into decoded path segments, refusing anything that could
 * step outside the served folder. Throws HttpError(400 | 403).
 */
export function safeSegments(rawUrl: string): string[] {
  if (!rawUrl.startsWith('/')) throw new HttpError(400, 'request target must be an absolute path');
  const path = rawUrl.split(/[?#]/, 1)[0];
  if (path.includes('\\') || path.includes('\0')) throw new HttpError(400, 'backslash or NUL in path');
  const segments: string[] = [];
  for (const raw of path.split('/')) {
    if (raw === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      throw new HttpError(400, 'malformed percent-escape in path');
    }
    if (segment.includes('\0')) throw new HttpError(400, 'NUL in path');
    if (segment.includes('/') || segment.includes('\\')) throw new HttpError(403, 'encoded separator in path');
    if (segment === '.' || segment === '..') throw new HttpError(403, 'dot segment in path');
    segments.push(segment);
  }
  return segments;
}

function resolveTarget(rawUrl: string, root: string, mounts: [string, string][]): Resolution {
  let segments: string[];
  try {
    segments = safeSegments(rawUrl);
  } catch (err) {
    if (err instanceof HttpError) return { status: err.status, message: err.message };
    throw err;
  }
  for (const [prefix, folder] of mounts) {
    const prefixSegments = prefix.split('/').filter(Boolean);
    if (prefixSegments.every((p, i) => segments[i] === p) && segments.length >= prefixSegments.length) {
      return { folder, segments: segments.slice(prefixSegments.length) };
    }
  }
  return { folder: root, segments };
}

/** True when `child` is `parent` or inside it (both real, absolute paths). */
function isInside(parent: string, child: string): boolean {
  return child === parent || child.startsWith(parent.endsWith(sep) ? parent : parent + sep);
}

async function findFile(folder: string, segments: string[]): Promise<{ path: string; size: number } | HttpError> {
  let folderReal: string;
  try {
    folderReal = await realpath(folder);
  } catch {
    return new HttpError(404, 'not found');
  }
  let candidate = join(folderReal, ...segments);
  for (let attempt = 0; attempt < 2; attempt++) {
    let real: string;
    try {
      real = await realpath(candidate);
    } catch {
      return new HttpError(404, 'not found');
    }
    if (!isInside(folderReal, real)) return new HttpError(403, 'forbidden');
    const info = await stat(real);
    if (info.isFile()) return { path: real, size: info.size };
    if (!info.isDirectory()) return new HttpError(403, 'forbidden');
    candidate = join(real, 'index.html');
  }
  return new HttpError(404, 'not found');
}

function sendError(res: ServerResponse, status: number, message: string, extra: Record<string, string> = {}): void {
  const body = `${status} ${message}\n`;
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    ...extra,
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
  });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

async function handle(req: IncomingMessage, res: ServerResponse, root: string, mounts: [string, string][]): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendError(res, 405, 'method not allowed', { Allow: 'GET, HEAD' });
    return;
  }
  const target = resolveTarget(req.url ?? '', root, mounts);
  if ('status' in target) {
    sendError(res, target.status, target.message);
    return;
  }
  const found = await findFile(target.folder, target.segments);
  if (found instanceof HttpError) {
    sendError(res, found.status, found.message);
    return;
  }
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': MIME_TYPES[extname(found.path).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': found.size,
    'Cache-Control': 'no-cache',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = createReadStream(found.path);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

/** Start serving `root` (and `mounts`) and resolve once listening. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new RangeError(`port: expected an integer in 0..65535, got ${port}`);
  }
  const mounts = Object.entries(options.mounts ?? {});
  for (const [prefix] of mounts) {
    if (!prefix.startsWith('/') || !prefix.endsWith('/'))
      throw new RangeError(`mounts: prefix ${JSON.stringify(prefix)} must start and end with /`);
  }
  const server = createServer((req, res) => {
    handle(req, res, options.root, mounts).catch(() => {
      if (!res.headersSent) sendError(res, 500, 'internal error');
      else res.destroy();
    });
  });
  server.requestTimeout = options.requestTimeoutMs ?? 30_000;
  server.headersTimeout = options.headersTimeoutMs ?? 10_000;
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${shownHost}:${address.port}/`,
    port: address.port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
