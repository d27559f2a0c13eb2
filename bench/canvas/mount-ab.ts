import { normalize } from 'node:path';
import { chromium } from 'playwright-core';
import { catalogue } from '@/domain/default-catalogue';
import { serializeDocument } from '@/domain/restore';
import { CHROMIUM_ARGS, findChromium } from '../../tests/e2e/support/chromium';
import { serveApp } from '../serve';
import { median } from '../stats';
import { syntheticHierarchy } from '../synthetic';
import { openPage } from './page';
import { PROFILE } from './profile';

const AUTOSAVE_KEY = 'cm-port-planner/autosave';
const RUNS = Number(process.env.RUNS ?? 3);
async function main(dirs: readonly string[]) {
  const executablePath = findChromium();
  if (!executablePath || dirs.length === 0) throw new Error('usage: mount-ab.ts <built app dir> ...');
  const text = serializeDocument(syntheticHierarchy(1000, catalogue));
  const servers = await Promise.all(
    dirs.map(async (d) => {
      const served = await serveApp(normalize(d));
      return { ...served, url: `${served.url}/` };
    }),
  );
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
