/**
 * Vite config for the lab (vanilla TypeScript, multi-page).
 *   npx vite --config lab/vite.config.ts          dev server (http://127.0.0.1:5173)
 *   npx vite build --config lab/vite.config.ts    static build into lab-dist/ (served by `convolab serve`)
 *
 * Pages: lab/index.html and every lab/chapters/*.html. Sample images: `/samples/` is the
 * repository's samples/ folder — in dev and preview a middleware serves it; the build does not copy
 * it (convolab serve mounts the package's samples/ at /samples/). Both servers send the COOP/COEP
 * headers so the lab is cross-origin isolated (SharedArrayBuffer) exactly as under convolab serve.
 */
import { createReadStream, existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Connect, defineConfig, type Plugin } from 'vite';

const labRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = resolve(labRoot, '..');
const samplesDir = join(repoRoot, 'samples');

const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** Slugs of the chapter pages that exist (lab/chapters/<slug>.html); the landing page links only these. */
function chapterPages(): string[] {
  const folder = join(labRoot, 'chapters');
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith('.html'))
    .map((name) => name.slice(0, -5))
    .sort();
}

function pages(): Record<string, string> {
  const input: Record<string, string> = { index: join(labRoot, 'index.html'), components: join(labRoot, 'components.html') };
  for (const slug of chapterPages()) input[`chapters/${slug}`] = join(labRoot, 'chapters', `${slug}.html`);
  return input;
}

/** Serve repo/samples at /samples/ in dev and preview (plain files only, no escaping the folder). */
function samplesMiddleware(): Plugin {
  const types: Record<string, string> = {
    '.png': 'image/png',
    '.jpg': 'image/jpeg',
    '.md': 'text/markdown; charset=utf-8',
    '.csv': 'text/csv; charset=utf-8',
  };
  const handler: Connect.NextHandleFunction = (req, res, next) => {
    const path = (req.url ?? '').split('?', 1)[0];
    if (!path.startsWith('/samples/')) return next();
    const notFound = () => {
      res.statusCode = 404;
      res.end('404 not found\n');
    };
    const name = path.slice('/samples/'.length);
    if (!/^([\w-]+\/)?[\w-][\w.-]*$/.test(name)) return notFound(); // a plain file name, optionally in one sub-folder (series/); no escapes
    let real: string;
    try {
      real = realpathSync(join(samplesDir, name));
    } catch {
      return notFound();
    }
    if (!real.startsWith(realpathSync(samplesDir) + sep) || !statSync(real).isFile()) return notFound();
    res.setHeader('Content-Type', types[extname(real)] ?? 'application/octet-stream');
    for (const [k, v] of Object.entries(isolation)) res.setHeader(k, v);
    createReadStream(real).pipe(res);
  };
  return {
    name: 'convolab-samples',
    configureServer: (server) => void server.middlewares.use(handler),
    configurePreviewServer: (server) => void server.middlewares.use(handler),
  };
}

export default defineConfig({
  root: labRoot,
  base: '/',
  publicDir: false,
  plugins: [samplesMiddleware()],
  server: { host: '127.0.0.1', headers: isolation, fs: { allow: [repoRoot] } },
  preview: { host: '127.0.0.1', headers: isolation },
  worker: { format: 'es' },
  define: { __LAB_PAGES__: JSON.stringify(chapterPages()) },
  build: {
    outDir: join(repoRoot, 'lab-dist'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false, // the dev server has source maps; the published lab stays lean (≈ 3 MB instead of 14)
    rolldownOptions: { input: pages() },
  },
});
