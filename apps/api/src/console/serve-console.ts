import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Where `npm run build:console` writes the console (apps/console/dist), seen from apps/api/src/console. */
export const CONSOLE_DIST = path.resolve(__dirname, '../../../console/dist');

interface BuiltFile {
  readonly body: Buffer;
  readonly type: string;
  /** Vite names every asset after its content hash, so an asset never changes under its name. */
  readonly immutable: boolean;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

// The page loads only its own scripts and styles, and no other site may frame it.
const PAGE_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/**
 * Serves the built console at `/` in the one-process default, from memory: the files are read once here, so no
 * path taken from a URL ever reaches the file system. Any other path that is not a file (a page of the console,
 * `/claims/…`) gets index.html and the console's router takes over; `/api/…` and `/health` are never answered
 * here, so an unknown api route stays a JSON 404. Returns false, serving nothing, when the console is not built.
 */
export function serveConsole(fastify: FastifyInstance, distDir: string = CONSOLE_DIST): boolean {
  const files = readBuiltFiles(distDir);
  const index = files.get('/index.html');
  if (!index) return false;
  const send = (reply: FastifyReply, file: BuiltFile) => {
    void reply.header('content-type', file.type).header('x-content-type-options', 'nosniff');
    void reply.header('cache-control', file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    if (file === index) void reply.header('content-security-policy', PAGE_POLICY).header('referrer-policy', 'same-origin');
    return reply.send(file.body);
  };
  fastify.get('/*', (request: FastifyRequest, reply: FastifyReply) => {
    const urlPath = request.url.split('?')[0]!;
    if (isApiPath(urlPath)) return reply.callNotFound();
    const file = files.get(urlPath);
    if (file) return send(reply, file);
    // A missing asset is a 404, not the page: a browser must not run index.html as a script.
    return urlPath.startsWith('/assets/') ? reply.callNotFound() : send(reply, index);
  });
  return true;
}

const isApiPath = (urlPath: string): boolean => urlPath === '/api' || urlPath.startsWith('/api/') || urlPath === '/health' || urlPath.startsWith('/health/');

function readBuiltFiles(distDir: string): Map<string, BuiltFile> {
  const files = new Map<string, BuiltFile>();
  const walk = (dir: string): void => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) {
        walk(full);
        continue;
      }
      const urlPath = `/${path.relative(distDir, full).split(path.sep).join('/')}`;
      const type = TYPES[path.extname(name).toLowerCase()] ?? 'application/octet-stream';
      files.set(urlPath, { body: readFileSync(full), type, immutable: urlPath.startsWith('/assets/') });
    }
  };
  walk(distDir);
  return files;
}
