/**
 * The Excel export in headless Chromium, the way the app does it (issue 17): builds the app into
 * bench-results/export-app, opens a synthetic estate through the toolbar's Open input, picks
 * Export → Excel workbook and measures, from the click: the download, the longest main-thread task
 * (PerformanceObserver longtask) and memory: the page's JS heap (CDP Performance.getMetrics) and
 * the peak resident memory of the browser's renderer processes, which hold the page and its
 * export worker, sampled every 100 ms.
 *
 * `npx tsx bench/export-browser.ts [--size 1000]` prints one run; `npm run bench -- export-browser`
 * runs the 1,000-host estate (~11,500 rows) and ~100,000 rows beside their targets.
 * Diagnostics: `BENCH_PROFILE=1` prints the page thread's functions by self time and each long
 * task, `BENCH_TRACE=1` writes a Chromium trace to bench-results/export-trace.json, and
 * `BENCH_ITEM=CSV` exports another Export menu item instead of the workbook.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { catalogue } from '@/domain/default-catalogue';
import { deriveFlows } from '@/domain/derive';
import { serializeDocument } from '@/domain/restore';
import { CHROMIUM_ARGS, findChromium } from '../tests/e2e/support/chromium';
import { serveApp } from './serve';
import { type Figure, mb, ms } from './stats';
import { syntheticHierarchy } from './synthetic';

const OUT = 'bench-results/export-app';
export interface BrowserExportRun {
  readonly hosts: number;
  readonly rows: number;
  /** From the menu click to the download, or undefined when none came (the page crashed or timed out). */
  readonly download?: number;
  readonly longestTask: number;
  /** The page's JS heap after the export (the worker's heap is not in it). */
  readonly heap: number;
  /** Peak resident memory of the renderer processes (page and worker) during the export. */
  readonly rendererPeak: number;
  readonly bytes: number;
  readonly error?: string;
}

function build() {
  const args = [
    'node_modules/vite/bin/vite.js',
    'build',
    '--outDir',
    OUT,
    '--emptyOutDir',
    '--logLevel',
    'error',
  ];
  const r = spawnSync(process.execPath, args, { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('vite build failed');
}

/** Resident memory of the renderer processes under the browser started with `tag`, in bytes. */
function rendererRss(tag: string): number {
  const out = execFileSync('ps', ['-eo', 'pid=,ppid=,rss=,args='], { encoding: 'utf8', maxBuffer: 1 << 24 });
  const procs = out
    .trim()
    .split('\n')
    .map((line) => {
      const [pid, ppid, rss, ...args] = line.trim().split(/\s+/);
      return { pid: Number(pid), ppid: Number(ppid), rss: Number(rss) * 1024, args: args.join(' ') };
    });
  const root = procs.find((p) => p.args.includes(tag) && !p.args.includes('--type='));
  if (!root) return 0;
  const ours = new Set([root.pid]);
  // Renderers hang under the zygote, which hangs under the browser: walk the tree.
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of procs)
      if (!ours.has(p.pid) && ours.has(p.ppid)) {
        ours.add(p.pid);
        grew = true;
      }
  }
  return procs
    .filter((p) => ours.has(p.pid) && p.args.includes('--type=renderer'))
    .reduce((sum, p) => sum + p.rss, 0);
}

/** Long tasks in page time; a string, as tsx would wrap a function in a helper the page lacks. */
const PROBE = `
  window.__tasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__tasks.push([e.startTime, e.duration]);
  }).observe({ entryTypes: ['longtask'] });
`;

async function openFile(page: Page, url: string, file: string, expected: { id: string; count: number }) {
  await page.goto(url);
  await page.waitForSelector('.toolbar');
  await page.setInputFiles('[data-testid="open-file"]', file);
  // The app starts with a diagram, so Open asks first.
  await page.getByRole('button', { name: 'Open file' }).click({ timeout: 120_000 });
  // Opened when the new document's hosts are on the canvas (as nodes, or in the far layer).
  await page.waitForFunction(
    (e) => {
      const far = document.querySelector('[data-testid="far-layer"]');
      return Boolean(
        document.querySelector(`.react-flow__node-host[data-id="${e.id}"]`) ||
          Number(far ? far.getAttribute('data-hosts') : 0) === e.count,
      );
    },
    expected,
    { timeout: 300_000, polling: 250 },
  );
  await page.waitForTimeout(1500);
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

/** `BENCH_PROFILE=1`: the 25 functions of the page's thread with the most self time during the export. */
function printProfile(profile: { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[] }) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const samples = profile.samples ?? [];
  for (let i = 0; i < samples.length; i += 1) {
    const f = byId.get(samples[i]!)!.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas?.[i] ?? 0) / 1000);
  }
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25))
    console.error(`${v.toFixed(0).padStart(7)} ms  ${k}`);
}

/** One export of a `size`-host synthetic estate in a fresh browser. */
export async function measureBrowserExport(size: number): Promise<BrowserExportRun> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('no Chromium');
  mkdirSync('bench-results', { recursive: true });
  const doc = syntheticHierarchy(size, catalogue);
  // One matrix row per flow.
  const rows = deriveFlows(doc, catalogue).flows.length;
  const file = resolve(`bench-results/export-${size}.cmports.json`);
  writeFileSync(file, serializeDocument(doc));
  const { server, url } = await serveApp(OUT);
  const tag = `--bench-export-${process.pid}-${size}`;
  const browser = await chromium.launch({ executablePath, args: [...CHROMIUM_ARGS, tag], headless: true });
  let peak = 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, rendererRss(tag));
  }, 100);
  try {
    const context = await browser.newContext({
      viewport: { width: 1366, height: 768 },
      acceptDownloads: true,
    });
    await context.addInitScript({ content: PROBE });
    const page = await context.newPage();
    const crashed = new Promise<string>((done) => page.on('crash', () => done('the page crashed')));
    await openFile(page, `${url}/`, file, { id: doc.hosts[0]!.id, count: doc.hosts.length });
    await page.getByRole('button', { name: 'Export' }).click();
    peak = rendererRss(tag);
    const profiler = process.env.BENCH_PROFILE ? await context.newCDPSession(page) : undefined;
    if (profiler) {
      await profiler.send('Profiler.enable');
      await profiler.send('Profiler.start');
    }
    if (process.env.BENCH_TRACE)
      await browser.startTracing(page, {
        path: 'bench-results/export-trace.json',
        categories: [
          'devtools.timeline',
          'disabled-by-default-devtools.timeline',
          'v8.execute',
          'blink',
          'cc',
        ],
      });
    const t0 = await page.evaluate(() => performance.now());
    const started = Date.now();
    const download = page.waitForEvent('download', { timeout: 600_000 });
    await page
      .getByRole('menuitem', {
        name: process.env.BENCH_ITEM ? new RegExp(process.env.BENCH_ITEM) : /Excel workbook/,
      })
      .click();
    // The synthetic estate may have check errors: the app asks first, the planner exports anyway.
    const anyway = page.getByRole('button', { name: 'Export anyway' });
    if (await anyway.isVisible({ timeout: 1000 }).catch(() => false)) await anyway.click();
    const outcome = await Promise.race([download.then((d) => ({ d })), crashed.then((error) => ({ error }))]);
    const elapsed = Date.now() - started;
    if ('error' in outcome) {
      return {
        hosts: doc.hosts.length,
        rows,
        longestTask: 0,
        heap: 0,
        rendererPeak: peak,
        bytes: 0,
        error: outcome.error,
      };
    }
    const bytes = readFileSync(await outcome.d.path()).byteLength;
    if (process.env.BENCH_TRACE) await browser.stopTracing();
    if (profiler) printProfile((await profiler.send('Profiler.stop')).profile);
    await page.waitForTimeout(500);
    const tasks = await page.evaluate(() => (window as unknown as { __tasks: [number, number][] }).__tasks);
    if (process.env.BENCH_PROFILE)
      console.error(
        tasks.filter(([start]) => start >= t0).map(([start, d]) => `+${ms(start - t0)}: ${ms(d)}`),
      );
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
    return {
      hosts: doc.hosts.length,
      rows,
      download: elapsed,
      longestTask: Math.max(0, ...tasks.filter(([start]) => start >= t0).map(([, d]) => d)),
      heap,
      rendererPeak: peak,
      bytes,
    };
  } finally {
    clearInterval(sampler);
    await browser.close();
    server.close();
  }
}

/** Bench figures: the 1,000-host estate and ~100,000 rows, each beside its target. */
export async function measureBrowserExportFigures(): Promise<Figure[]> {
  if (!findChromium())
    return [{ group: 'export', name: 'Excel export in Chromium', value: 'skipped: no Chromium' }];
  build();
  const figures: Figure[] = [];
  const small = await measureBrowserExport(1000);
  const smallName = `xlsx in Chromium, ${small.hosts.toLocaleString('en')} hosts, ${small.rows.toLocaleString('en')} rows`;
  figures.push(
    {
      group: 'export',
      name: `${smallName}: click to download`,
      value:
        small.download === undefined
          ? `no download (${small.error})`
          : `${ms(small.download)}, file ${mb(small.bytes)}`,
      target: '≤ 10 s',
      pass: small.download !== undefined && small.download <= 10_000,
    },
    {
      group: 'export',
      name: `${smallName}: longest main-thread task`,
      value: ms(small.longestTask),
      target: '< 200 ms',
      pass: small.download !== undefined && small.longestTask < 200,
    },
  );
  const big = await measureBrowserExport(8700);
  const bigName = `xlsx in Chromium, ${big.rows.toLocaleString('en')} rows`;
  figures.push(
    {
      group: 'export',
      name: `${bigName}: click to download`,
      value:
        big.download === undefined
          ? `no download (${big.error})`
          : `${ms(big.download)}, file ${mb(big.bytes)}`,
      target: '≤ 60 s',
      pass: big.download !== undefined && big.download <= 60_000,
    },
    {
      group: 'export',
      name: `${bigName}: page memory (renderer peak; page JS heap after)`,
      value: `${mb(big.rendererPeak)}; ${mb(big.heap)}`,
      target: '< 1.5 GB',
      pass: big.download !== undefined && big.rendererPeak < 1.5 * 1024 ** 3,
    },
  );
  return figures;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const at = process.argv.indexOf('--size');
  const size = at > 0 ? Number(process.argv[at + 1]) : 1000;
  if (process.argv.includes('--build')) build();
  const r = await measureBrowserExport(size);
  console.log(
    `${r.hosts} hosts, ${r.rows} rows: download ${r.download === undefined ? r.error : ms(r.download)}  longest task ${ms(r.longestTask)}  renderer peak ${mb(r.rendererPeak)}  page heap ${mb(r.heap)}  file ${mb(r.bytes)}`,
  );
}
