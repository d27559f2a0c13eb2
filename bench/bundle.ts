import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleFigures {
  /** gzip bytes of the JavaScript the first page load fetches (entry + modulepreloads). */
  readonly firstLoad: number;
  /** gzip bytes of the lazy chunk that carries the spreadsheet library. */
  readonly exportChunk: number;
  readonly exportChunkName: string;
  /** True when the spreadsheet library is in no first-load file. */
  readonly spreadsheetLazy: boolean;
}

const gz = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;

/** Builds the app and measures what the first load fetches and the lazy export chunk. */
export function measureBundle(): BundleFigures {
  const build = spawnSync(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'error'],
    {
      stdio: 'inherit',
    },
  );
  if (build.status !== 0) throw new Error('vite build failed');
  const html = readFileSync('dist/index.html', 'utf8');
  const first = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  const firstLoad = first.reduce((sum, file) => sum + gz(join('dist', file)), 0);
  const chunks = readdirSync('dist/assets').filter((f) => f.endsWith('.js'));
  // The library's own code (its class name), not a mention of its chunk's file name: the page
  // names the lazy chunk in its dynamic import() without carrying the library.
  const isSpreadsheet = (file: string) => /ExcelJS/.test(readFileSync(join('dist/assets', file), 'utf8'));
  // The workbook is built in a module worker; the in-page copy is only a fallback for browsers that
  // cannot start it. Report the worker chunk when there is one.
  const lazy = chunks.filter((f) => !first.includes(`assets/${f}`) && isSpreadsheet(f));
  const worker = lazy.filter((f) => f.includes('worker'));
  const exportFiles = worker.length > 0 ? worker : lazy;
  const exportChunk = exportFiles.reduce((sum, f) => sum + gz(join('dist/assets', f)), 0);
  return {
    firstLoad,
    exportChunk,
    exportChunkName: exportFiles.join(', ') || '(none)',
    spreadsheetLazy: !first.some((f) => isSpreadsheet(f.replace('assets/', ''))),
  };
}
