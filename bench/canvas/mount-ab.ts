/**
 * Our canvas mount only, for two builds of the app side by side (a change's before and after):
 * `npx tsx bench/canvas/mount-ab.ts <dir> [<dir> ...]` opens the 1,000-host document in each built
 * app in turn, RUNS times interleaved, and prints each run's main-thread CPU until the hosts are
 * painted (as bench/canvas.ts measures it) and the median per build. Build a dir with
 * `node node_modules/vite/bin/vite.js build --outDir <dir>` (`--minify false` to profile).
 * `CANVAS_PROFILE=mount` prints a CPU profile of each run. No bare page: use bench/canvas.ts for
 * the ratio; this is for a quick like-for-like comparison of our own builds on a busy machine.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';
import { catalogue } from '@/domain/default-catalogue';
import { serializeDocument } from '@/domain/restore';
import { CHROMIUM_ARGS, findChromium } from '../../tests/e2e/support/chromium';
import { median } from '../stats';
import { syntheticHierarchy } from '../synthetic';
import { openPage } from './page';
import { PROFILE } from './profile';

const AUTOSAVE_KEY = 'cm-port-planner/autosave';
const RUNS = Number(process.env.RUNS ?? 3);
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

function serve(root: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]!);
    let file = normalize(join(root, path.slice(1) || 'index.html'));
    if (!file.startsWith(root) || !existsSync(file)) file = join(root, 'index.html');
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({ server, url: `http://127.0.0.1:${port}/` });
    }),
  );
}

async function main(dirs: readonly string[]) {
  const executablePath = findChromium();
  if (!executablePath || dirs.length === 0) throw new Error('usage: mount-ab.ts <built app dir> ...');
  const text = serializeDocument(syntheticHierarchy(1000, catalogue));
  const servers = await Promise.all(dirs.map((d) => serve(normalize(d))));
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  const figures = dirs.map(() => [] as number[]);
  try {
    for (let run = 0; run < RUNS; run += 1) {
      for (const [i, { url }] of servers.entries()) {
        const opened = await openPage(
          browser,
          url,
          { hostSelector: '.react-flow__node-host', farHosts: -1 },
          async (context) => {
            await context.addInitScript(([key, value]) => localStorage.setItem(key, value), [
              AUTOSAVE_KEY,
              text,
            ] as const);
          },
          PROFILE === 'mount',
        );
        figures[i]!.push(opened.mountCpu);
        console.error(`${dirs[i]} run ${run + 1}: ${opened.mountCpu.toFixed(0)} ms main thread`);
        await opened.page.context().close();
      }
    }
  } finally {
    await browser.close();
    for (const { server } of servers) server.close();
  }
  for (const [i, dir] of dirs.entries()) {
    const f = figures[i]!;
    console.log(
      `${dir}: median ${median(f).toFixed(0)} ms (${Math.min(...f).toFixed(0)}-${Math.max(...f).toFixed(0)})`,
    );
  }
}

await main(process.argv.slice(2));
