/**
 * Serves the built app from one folder and nothing outside it: the request path is decoded,
 * normalised and resolved inside the folder, then the file's real path (symlinks followed) must
 * still be inside the folder's real path. App routes (paths without a file extension) get
 * index.html, so a shared link like /room/… opens the app.
 */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

function send(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'X-Content-Type-Options': 'nosniff',
  });
  response.end(text);
}

/** A path inside `root`, or undefined when the request names something outside it or is not a path. */
export function resolveInside(root: string, url: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(new URL(url, 'http://x').pathname);
  } catch {
    return undefined;
  }
  if (path.includes('\0') || path.includes('\\')) return undefined;
  const inside = normalize(join(root, path));
  return inside === root || inside.startsWith(root + sep) ? inside : undefined;
}

async function realFile(root: string, path: string): Promise<string | undefined> {
  try {
    const real = await realpath(path);
    if (real !== root && !real.startsWith(root + sep)) return undefined;
    return (await stat(real)).isFile() ? real : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A request handler for the files of `folder`.
 *
 * @param folder - the built app (dist/)
 * @returns a handler that answers GET and HEAD; 403 for paths outside the folder, 404 for missing
 *   files, index.html for app routes
 * @example http.createServer(await staticFiles('dist'))
 */
export async function staticFiles(
  folder: string,
): Promise<(request: IncomingMessage, response: ServerResponse) => Promise<void>> {
  const root = await realpath(folder);
  return async (request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('Allow', 'GET, HEAD');
      return send(response, 405, 'Method not allowed');
    }
    const path = resolveInside(root, request.url ?? '/');
    if (path === undefined) return send(response, 403, 'Forbidden');
    const index = join(root, 'index.html');
    const file =
      (await realFile(root, path === root ? index : path)) ??
      (extname(path) === '' ? await realFile(root, index) : undefined);
    if (file === undefined) return send(response, 404, 'Not found');
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    // Vite puts content hashes in assets/ names, so those never change; index.html always may.
    const cache = file.startsWith(join(root, 'assets') + sep)
      ? 'public, max-age=31536000, immutable'
      : 'no-cache';
    response.writeHead(200, {
      'Content-Type': type,
      'Cache-Control': cache,
      'X-Content-Type-Options': 'nosniff',
    });
    if (request.method === 'HEAD') return void response.end();
    createReadStream(file)
      .on('error', () => response.destroy())
      .pipe(response);
  };
}
