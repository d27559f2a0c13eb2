/**
 * The benchmarks' static server: built pages served from folders on 127.0.0.1 at a free port, each
 * folder at a path prefix; a path that is not a file of its folder gets the folder's fallback page
 * (the app's index.html, as a single-page app's host would).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';

/** A folder served at a path prefix (`/` or `/bare/`). */
export interface ServedFolder {
  readonly prefix: string;
  readonly root: string;
  /** The page for a path that is not a file of the folder. */
  readonly fallback: string;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
};

/**
 * Serves `folders` (the longest matching prefix wins) until the server is closed.
 *
 * @returns the server and its base URL, without a trailing slash
 * @example const { server, url } = await serveFolders([{ prefix: '/', root: 'dist', fallback: 'index.html' }]);
 */
export function serveFolders(folders: readonly ServedFolder[]): Promise<{ server: Server; url: string }> {
  const byPrefix = [...folders].sort((a, b) => b.prefix.length - a.prefix.length);
  const server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]!);
    const folder = byPrefix.find((f) => path.startsWith(f.prefix)) ?? byPrefix[byPrefix.length - 1]!;
    const rest = path.startsWith(folder.prefix) ? path.slice(folder.prefix.length) : '';
    let file = normalize(join(folder.root, rest || 'index.html'));
    if (!file.startsWith(normalize(folder.root)) || !existsSync(file))
      file = join(folder.root, folder.fallback);
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      done({ server, url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` });
    }),
  );
}

/** Serves one built app at `/`, its index.html for any other path. */
export const serveApp = (root: string) => serveFolders([{ prefix: '/', root, fallback: 'index.html' }]);
