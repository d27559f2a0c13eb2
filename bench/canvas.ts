/**
 * Canvas figures in headless Chromium (issue 18): our app against a bare @xyflow/react page of the
 * same size, with the same nodes, edges, view and interactions, at 1,000 hosts without zones and
 * 1,000, 3,000 and 5,000 hosts in zones. Per size, a probe run of each page finds the view and
 * the points to pan and drag at; then three runs alternate (ours, bare, ours, bare, ours, bare).
 * Each figure is main-thread CPU from a trace (see canvas/trace.ts); ratios are per pair of runs,
 * printed as median (min-max) beside the target, passing on the median.
 *
 * `npx tsx bench/canvas.ts [1000 zones3000 ...]` runs only those sizes; `CANVAS_PROFILE=pan` (or
 * `drag`, `mount`) prints a CPU profile of that part of our runs (see canvas/profile.ts).
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { catalogue } from '@/domain/default-catalogue';
import type { TopologyDocument } from '@/domain/document';
import { serializeDocument } from '@/domain/restore';
import { CHROMIUM_ARGS, findChromium } from '../tests/e2e/support/chromium';
import { bareDocument } from './canvas/bare-document';
import { moveFigures, type Offset, openPage, type PageKind, type RunFigures, type View } from './canvas/page';
import { choosePoints, zoomIn } from './canvas/points';
import { PROFILE } from './canvas/profile';
import { serveFolders } from './serve';
import { type Figure, median, ms, table } from './stats';
import { syntheticHierarchy } from './synthetic';

const AUTOSAVE_KEY = 'cm-port-planner/autosave';
const RUNS = 3;
const TARGET = 1.15;
function vite(...args: string[]) {
  const r = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', ...args, '--logLevel', 'error'], {
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error(`vite ${args.join(' ')} failed`);
}

/** Where our app is built for the benchmark (a profile's unminified build apart). */
const APP = process.env.CANVAS_PROFILE ? 'bench-results/canvas-app-profile' : 'bench-results/canvas-app';
/** Where the bare page and the documents it reads are. */
const BARE = process.env.CANVAS_PROFILE ? 'bench-results/bare-profile' : 'bench-results/bare';

/** One size: the document, and how each page is opened. */
interface Case {
  readonly key: string;
  readonly label: string;
  readonly doc: TopologyDocument;
}

function cases(only: readonly string[]): Case[] {
  const all: Case[] = [];
  const add = (key: string, doc: TopologyDocument) => {
    if (only.length > 0 && !only.includes(key)) return;
    const sites = new Set(doc.hosts.map((h) => h.site)).size;
    const zones = doc.zones.length ? `, ${doc.zones.length} zones, ${sites} sites` : '';
    all.push({ key, doc, label: `${doc.hosts.length} hosts, ${doc.links.length} links${zones}` });
  };
  add('1000', syntheticHierarchy(1000, catalogue));
  for (const size of [1000, 3000, 5000])
    add(`zones${size}`, syntheticHierarchy(size, catalogue, { zones: true }));
  return all;
}

/** Inside the host in the middle of the diagram (by rows), in diagram units: where the drag zooms in. */
function middleHost(doc: TopologyDocument): Offset {
  const at = doc.hosts.map((h) => doc.layout[h.id] ?? { x: 0, y: 0 }).sort((a, b) => a.y - b.y || a.x - b.x)[
    Math.floor(doc.hosts.length / 2)
  ]!;
  return { x: at.x + 60, y: at.y + 20 };
}

/** The figures of one size: probe, then RUNS alternating runs of ours and the bare page. */
async function measureCase(browser: Browser, url: string, c: Case): Promise<Figure[]> {
  const text = serializeDocument(c.doc);
  const file = `bare-${c.key}.json`;
  writeFileSync(`${BARE}/${file}`, JSON.stringify(bareDocument(c.doc, catalogue)));
  const ours: PageKind = { hostSelector: '.react-flow__node-host', farHosts: c.doc.hosts.length };
  const bare: PageKind = { hostSelector: '.react-flow__node-default', farHosts: -1 };
  const openOurs = (profile = false) =>
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
  const bareUrl = (v: View) =>
    `${url}/bare/bare.html?doc=${file}&w=${v.width}&h=${v.height}&x=${v.x}&y=${v.y}&zoom=${v.zoom}`;
  const { view, pan, host, zoom, dragZoom } = await choosePoints(
    () => openOurs(),
    (v) => openPage(browser, bareUrl(v), bare),
    middleHost(c.doc),
  );
  const beforeDrag = zoom.steps > 0 ? (v: View) => zoomIn(v, zoom) : undefined;
  const a: RunFigures[] = [];
  const b: RunFigures[] = [];
  const run = async (
    open: () => ReturnType<typeof openOurs>,
    into: RunFigures[],
    profile?: 'pan' | 'drag',
  ) => {
    const opened = await open();
    await opened.page.waitForTimeout(1000);
    const moves = await moveFigures(
      browser,
      opened.page,
      pan,
      host,
      beforeDrag && ((v) => beforeDrag(v)(opened.page)),
      profile,
    );
    into.push({ mountCpu: opened.mountCpu, mountWall: opened.mountWall, ...moves });
    await opened.page.context().close();
  };
  for (let i = 0; i < RUNS; i += 1) {
    const moving = PROFILE === 'mount' ? undefined : PROFILE;
    await run(() => openOurs(PROFILE === 'mount'), a, moving);
    await run(() => openPage(browser, bareUrl(view), bare), b);
  }
  const where = `${c.label}; flow ${view.width}×${view.height}, zoom ${view.zoom.toFixed(3)}`;
  const figure = (name: string, key: keyof RunFigures, target = true): Figure => {
    const ratios = a.map((r, i) => r[key] / b[i]![key]);
    const mid = median(ratios);
    const each = (v: RunFigures[]) => ms(median(v.map((r) => r[key])));
    return {
      group: 'canvas',
      name: `${name}, ${where} (ours / bare)`,
      value: `${each(a)} / ${each(b)}, ratio ${mid.toFixed(2)} (${Math.min(...ratios).toFixed(2)}-${Math.max(...ratios).toFixed(2)})`,
      ...(target ? { target: `ratio ≤ ${TARGET}`, pass: mid <= TARGET } : {}),
    };
  };
  return [
    figure('mount, main thread until hosts painted', 'mountCpu'),
    figure('mount, wall time until hosts painted', 'mountWall', false),
    figure('pan, main thread per step', 'pan'),
    figure(`node drag at zoom ${dragZoom.toFixed(2)}, main thread per step`, 'drag'),
  ];
}

/** The canvas figures; `only` picks sizes by key (`1000`, `zones1000`, `zones3000`, `zones5000`). */
export async function measureCanvas(only: readonly string[] = []): Promise<Figure[]> {
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
  // A profile names functions: build unminified.
  vite('build', '--outDir', APP, '--emptyOutDir', ...(PROFILE ? ['--minify', 'false'] : []));
  vite('build', '--config', 'bench/canvas/vite.config.ts', '--outDir', resolve(BARE));
  const { server, url } = await serveFolders([
    { prefix: '/', root: APP, fallback: 'index.html' },
    { prefix: '/bare/', root: BARE, fallback: 'bare.html' },
  ]);
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  try {
    const figures: Figure[] = [];
    for (const c of cases(only)) {
      const some = await measureCase(browser, url, c);
      // Each size as it is done (a whole run takes a while).
      console.error(table(some));
      figures.push(...some);
    }
    return figures;
  } finally {
    await browser.close();
    server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(table(await measureCanvas(process.argv.slice(2))));
}
