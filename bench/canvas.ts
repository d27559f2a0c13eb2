import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { catalogue } from '@/domain/default-catalogue';
import { serializeDocument } from '@/domain/restore';
import { CHROMIUM_ARGS, findChromium } from '../tests/e2e/support/chromium';
import { measurePage, type PageFigures } from './canvas/page';
import { type Figure, ms } from './stats';
import { syntheticHierarchy } from './synthetic';

const AUTOSAVE_KEY = 'cm-port-planner/autosave';
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
};

function vite(...args: string[]) {
  const r = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', ...args, '--logLevel', 'error'], {
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error(`vite ${args.join(' ')} failed`);
}

/** Serves dist/ at / and the bare baseline at /bare/ on 127.0.0.1. */
function serve(): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]!);
    const [root, rest] = path.startsWith('/bare/')
      ? ['bench-results/bare', path.slice(6)]
      : ['dist', path.slice(1)];
    let file = normalize(join(root, rest || 'index.html'));
    if (!file.startsWith(root) || !existsSync(file))
      file = join(root, root === 'dist' ? 'index.html' : 'bare.html');
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({
        server,
        url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
      });
    }),
  );
}

/** Our app in a fresh 1366×768 window whose autosave holds `text`, as if the user had left it open. */
async function appPage(browser: Browser, text: string) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  await context.addInitScript(([key, value]) => localStorage.setItem(key, value), [
    AUTOSAVE_KEY,
    text,
  ] as const);
  return context.newPage();
}

async function barePage(browser: Browser) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  return context.newPage();
}

const ratio = (a: number, b: number) => (a / b).toFixed(2);

/** Pan and drag figures of ours against the bare page (issue 18: within 1.15× of it). */
function motionFigures(a: PageFigures, b: PageFigures, what = ''): Figure[] {
  return [
    {
      group: 'canvas',
      name: `pan${what}, main thread per step (ours / bare)`,
      value: `${ms(a.pan)} / ${ms(b.pan)} = ${ratio(a.pan, b.pan)}`,
      target: 'ratio ≤ 1.15',
      pass: a.pan / b.pan <= 1.15,
    },
    {
      group: 'canvas',
      name: `node drag${what}, main thread per step (ours / bare)`,
      value: `${ms(a.drag)} / ${ms(b.drag)} = ${ratio(a.drag, b.drag)}`,
      target: 'ratio ≤ 1.15',
      pass: a.drag / b.drag <= 1.15,
    },
  ];
}

/**
 * Canvas figures in headless Chromium: mount time, and main-thread milliseconds per step of a pan
 * and of a host drag, for the app and for a bare React Flow page in the same run: 1,000 hosts
 * without zones, then the same estate in zones with boxes (sites drawn as bands) at 1,000 and
 * 3,000 hosts, where the bare page draws the zones as its own group nodes.
 */
export async function measureCanvas(hosts = 1000, zonedSizes = [1000, 3000]): Promise<Figure[]> {
  const executablePath = findChromium();
  if (!executablePath) {
    return [
      {
        group: 'canvas',
        name: 'canvas benchmarks',
        value: 'skipped: no Chromium (apt-get install chromium)',
      },
    ];
  }
  vite('build');
  vite('build', '--config', 'bench/canvas/vite.config.ts');
  const doc = syntheticHierarchy(hosts, catalogue);
  const text = serializeDocument(doc);
  writeFileSync('bench-results/bare/doc.json', text);
  const { server, url } = await serve();
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  try {
    const a = await measurePage(await appPage(browser, text), `${url}/`);
    const b = await measurePage(await barePage(browser), `${url}/bare/bare.html`);
    const label = `${doc.hosts.length} hosts, ${doc.links.length} links`;
    const figures: Figure[] = [
      {
        group: 'canvas',
        name: `mount, ${label} (ours / bare)`,
        value: `${ms(a.mount)} / ${ms(b.mount)} = ${ratio(a.mount, b.mount)}`,
        target: '< 2 s',
        pass: a.mount < 2000,
      },
      {
        group: 'canvas',
        name: 'flow matrix ready (ours, after the canvas)',
        value: ms(a.matrix),
      },
      ...motionFigures(a, b),
    ];
    for (const size of zonedSizes) {
      const zoned = syntheticHierarchy(size, catalogue, { zones: true });
      const zonedText = serializeDocument(zoned);
      const file = `doc-zones-${size}.json`;
      writeFileSync(`bench-results/bare/${file}`, zonedText);
      // Two runs, not three, above 1,000 hosts: each pan or drag step there takes a third of a second.
      const runs = size > 1000 ? 2 : 3;
      const za = await measurePage(await appPage(browser, zonedText), `${url}/`, runs);
      const zb = await measurePage(await barePage(browser), `${url}/bare/bare.html?doc=${file}`, runs);
      const sites = new Set(zoned.hosts.map((h) => h.site)).size;
      figures.push(
        {
          group: 'canvas',
          name: `mount with zones, ${zoned.hosts.length} hosts, ${zoned.links.length} links, ${zoned.zones.length} zones, ${sites} sites (ours / bare)`,
          value: `${ms(za.mount)} / ${ms(zb.mount)} = ${ratio(za.mount, zb.mount)}`,
          target: 'ratio ≤ 1.15',
          pass: za.mount / zb.mount <= 1.15,
        },
        ...motionFigures(za, zb, ` with zones, ${zoned.hosts.length} hosts`),
      );
    }
    return figures;
  } finally {
    await browser.close();
    server.close();
  }
}
