/**
 * The canvas mount only, ours against the bare page, for a quick ratio while working on the mount:
 * `npx tsx bench/canvas/mount-ratio.ts <app dir> <bare dir> [size]` opens the synthetic document
 * (1,000 hosts unless `size` says otherwise; `zones3000` style keys add zones) in each built page,
 * RUNS times interleaved (ours, bare, ours, bare, ...), and prints each run's main-thread CPU until
 * the hosts are painted and the ratio of the medians and per pair. The bare page opens at the view
 * ours settles at, as bench/canvas.ts does; build the pages as it does (`vite build --outDir <app
 * dir>`; `vite build --config bench/canvas/vite.config.ts --outDir <bare dir>`). No pan or drag:
 * bench/canvas.ts gives the figures; `CANVAS_PROFILE=mount` profiles every run (both pages).
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { catalogue } from '@/domain/default-catalogue';
import { serializeDocument } from '@/domain/restore';
import { CHROMIUM_ARGS, findChromium } from '../../tests/e2e/support/chromium';
import { serveFolders } from '../serve';
import { median } from '../stats';
import { syntheticHierarchy } from '../synthetic';
import { bareDocument } from './bare-document';
import { openPage, readView } from './page';
import { PROFILE } from './profile';

const AUTOSAVE_KEY = 'cm-port-planner/autosave';
const RUNS = Number(process.env.RUNS ?? 3);
async function main(appDir: string, bareDir: string, size = '1000') {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('no Chromium');
  const zones = size.startsWith('zones');
  const doc = syntheticHierarchy(Number(size.replace('zones', '')), catalogue, zones ? { zones: true } : {});
  const text = serializeDocument(doc);
  const app = resolve(appDir);
  const bare = resolve(bareDir);
  writeFileSync(join(bare, `bare-${size}.json`), JSON.stringify(bareDocument(doc, catalogue)));
  const { server, url } = await serveFolders([
    { prefix: '/', root: app, fallback: 'index.html' },
    { prefix: '/bare/', root: bare, fallback: 'bare.html' },
  ]);
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  const ours = { hostSelector: '.react-flow__node-host', farHosts: doc.hosts.length };
  const barePage = { hostSelector: '.react-flow__node-default', farHosts: -1 };
  const openOurs = (profile: boolean) =>
    openPage(
      browser,
      `${url}/`,
      ours,
      async (context) => {
        await context.addInitScript(([key, value]) => localStorage.setItem(key, value), [
          AUTOSAVE_KEY,
          text,
        ] as const);
      },
      profile,
    );
  const a: number[] = [];
  const b: number[] = [];
  try {
    const probe = await openOurs(false);
    await probe.page.waitForTimeout(3000);
    const v = await readView(probe.page);
    await probe.page.context().close();
    const bareUrl = `${url}/bare/bare.html?doc=bare-${size}.json&w=${v.width}&h=${v.height}&x=${v.x}&y=${v.y}&zoom=${v.zoom}`;
    for (let run = 0; run < RUNS; run += 1) {
      const mine = await openOurs(PROFILE === 'mount');
      a.push(mine.mountCpu);
      await mine.page.context().close();
      const theirs = await openPage(browser, bareUrl, barePage, undefined, PROFILE === 'mount');
      b.push(theirs.mountCpu);
      await theirs.page.context().close();
      console.error(
        `run ${run + 1}: ours ${a.at(-1)!.toFixed(0)} ms, bare ${b.at(-1)!.toFixed(0)} ms, ratio ${(a.at(-1)! / b.at(-1)!).toFixed(2)}`,
      );
    }
  } finally {
    await browser.close();
    server.close();
  }
  const ratios = a.map((x, i) => x / b[i]!);
  console.log(
    `${size}: ours ${median(a).toFixed(0)} ms, bare ${median(b).toFixed(0)} ms; ratio per pair median ${median(ratios).toFixed(2)} (${Math.min(...ratios).toFixed(2)}-${Math.max(...ratios).toFixed(2)})`,
  );
}

const [appDir, bareDir, size] = process.argv.slice(2);
if (!appDir || !bareDir) throw new Error('usage: mount-ratio.ts <app dir> <bare dir> [size]');
await main(appDir, bareDir, size);
