import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { catalogue } from '@/domain/default-catalogue';
import { serializeDocument } from '@/domain/restore';
import { CHROMIUM_ARGS, findChromium } from '../tests/e2e/support/chromium';
import { type Figure, ms } from './stats';
import { syntheticHierarchy } from './synthetic';

const AUTOSAVE_KEY = 'cm-port-planner/autosave';
const STEPS = 30;
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

async function frame(page: Page) {
  await page.evaluate(
    () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))),
  );
}

/** Main-thread busy milliseconds (Chrome's TaskDuration) spent per step of a mouse drag. */
async function dragCost(page: Page, from: { x: number; y: number }, dx: number, dy: number): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const task = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
  };
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await frame(page);
  const before = await task();
  for (let i = 1; i <= STEPS; i += 1) {
    await page.mouse.move(from.x + (dx * i) / STEPS, from.y + (dy * i) / STEPS);
    await frame(page);
  }
  const after = await task();
  await page.mouse.up();
  await cdp.detach();
  return (after - before) / STEPS;
}

/** A point on the empty pane (not on a node or edge), for panning. */
async function emptyPanePoint(page: Page) {
  return page.evaluate(() => {
    const pane = document.querySelector('.react-flow__pane')!.getBoundingClientRect();
    for (let y = pane.top + 20; y < pane.bottom - 20; y += 17) {
      for (let x = pane.left + 20; x < pane.right - 20; x += 17) {
        if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) return { x, y };
      }
    }
    return { x: pane.left + 5, y: pane.top + 5 };
  });
}

async function nodePoint(page: Page) {
  return page.evaluate(() => {
    const pane = document.querySelector('.react-flow__pane')!.getBoundingClientRect();
    for (const node of document.querySelectorAll('.react-flow__node')) {
      const r = node.getBoundingClientRect();
      const x = r.left + r.width / 2;
      const y = r.top + Math.min(10, r.height / 2);
      if (x > pane.left + 40 && x < pane.right - 200 && y > pane.top + 40 && y < pane.bottom - 120) {
        if (node.contains(document.elementFromPoint(x, y))) return { x, y };
      }
    }
    throw new Error('no node to drag');
  });
}

interface PageFigures {
  mount: number;
  /** Our app only: when the flow matrix has its first rows (it fills in once the canvas is drawn). */
  matrix: number;
  pan: number;
  drag: number;
}

async function measurePage(page: Page, url: string, runs = 3): Promise<PageFigures> {
  const mounts: number[] = [];
  const matrices: number[] = [];
  const pans: number[] = [];
  const drags: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    await page.goto(url);
    await page.waitForFunction(() => document.querySelectorAll('.react-flow__node').length > 0, null, {
      timeout: 60_000,
    });
    await frame(page);
    mounts.push(await page.evaluate(() => performance.now()));
    if (await page.locator('.matrix').count()) {
      await page.waitForFunction(() => document.querySelector('.matrix tbody tr') !== null, null, {
        timeout: 60_000,
      });
      matrices.push(await page.evaluate(() => performance.now()));
    }
    await page.waitForTimeout(300);
    pans.push(await dragCost(page, await emptyPanePoint(page), 160, 90));
    drags.push(await dragCost(page, await nodePoint(page), 120, 60));
  }
  const mid = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;
  return {
    mount: mid(mounts),
    matrix: matrices.length ? mid(matrices) : 0,
    pan: mid(pans),
    drag: mid(drags),
  };
}

/**
 * Canvas figures for 1,000 hosts in headless Chromium: mount time, and main-thread milliseconds per
 * step of a pan and of a node drag, for the app and for a bare React Flow page in the same run.
 */
export async function measureCanvas(hosts = 1000): Promise<Figure[]> {
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
    const ours = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    await ours.addInitScript(([key, value]) => localStorage.setItem(key, value), [
      AUTOSAVE_KEY,
      text,
    ] as const);
    const oursPage = await ours.newPage();
    const bare = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const barePage = await bare.newPage();
    const a = await measurePage(oursPage, `${url}/`);
    const b = await measurePage(barePage, `${url}/bare/bare.html`);
    const label = `${doc.hosts.length} hosts, ${doc.links.length} links`;
    return [
      {
        group: 'canvas',
        name: `mount, ${label} (ours / bare)`,
        value: `${ms(a.mount)} / ${ms(b.mount)}`,
        target: '< 2 s',
        pass: a.mount < 2000,
      },
      {
        group: 'canvas',
        name: 'flow matrix filled in (ours, after the canvas)',
        value: ms(a.matrix),
      },
      {
        group: 'canvas',
        name: 'pan, main thread per step (ours / bare)',
        value: `${ms(a.pan)} / ${ms(b.pan)} = ${(a.pan / b.pan).toFixed(2)}`,
        target: 'ratio ≤ 1.15',
        pass: a.pan / b.pan <= 1.15,
      },
      {
        group: 'canvas',
        name: 'node drag, main thread per step (ours / bare)',
        value: `${ms(a.drag)} / ${ms(b.drag)} = ${(a.drag / b.drag).toFixed(2)}`,
        target: 'ratio ≤ 1.15',
        pass: a.drag / b.drag <= 1.15,
      },
    ];
  } finally {
    await browser.close();
    server.close();
  }
}
