/**
 * Opening a large file (issue 15: a 20,000-host file opens within 5 s, parsed off the main thread,
 * the page answering). Builds the app into bench-results/open-app, serves it, opens a synthetic
 * 20,000-host document through the toolbar's Open input in headless Chromium and reports, from
 * the moment the file is handed to the input: the open notice, the first hosts on the canvas
 * (host nodes or the far layer), when a toolbar click answers, and the longest main-thread task.
 *
 * Issue 18 adds a 100,000-host file with zones (like `npm run bench -- stages`): the time from
 * handing the file to the input until the matrix shows its first rows of the new document (its
 * count says the new flows; the matrix is set to normal size first), the canvas shows its hosts
 * and the toolbar's problem count is the new document's (the checks are part of the open), against
 * < 3 s. The app's "replace the diagram?" question is answered by the page itself the moment it
 * appears, so no polling delay of this script counts.
 *
 * The far layer's hosts count from when the page has shown its canvas and its worker has painted
 * them, whichever is later: an OffscreenCanvas shows its worker's paint without the page's thread,
 * which may still be busy with the checks or the matrix.
 * Each open also reads the duration of the far layer's last paint on its worker.
 *
 * `npx tsx bench/open-large.ts [--runs 3] [--size 20000] [--zones] [--matrix] [--profile] [--dsf 2]`
 * prints the runs (`--matrix`: wait for the matrix too and answer the question in the page;
 * `--profile` builds unminified and prints the functions with the most self time; `--dsf`: the
 * pixel ratio); `npm run bench -- open` runs it as part of the benchmarks.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type CDPSession, chromium, type Page } from 'playwright-core';
import { FAR_ZOOM } from '@/canvas/far-layer';
import { createChecker } from '@/domain/checks/checker';
import { countFindings } from '@/domain/checks/finding';
import { catalogue } from '@/domain/default-catalogue';
import { deriveFlows } from '@/domain/derive';
import { readDocumentText, serializeDocument } from '@/domain/restore';
import { OPEN_MARKS, type OpenMark, openMarkName } from '@/store/open-marks';
import { CHROMIUM_ARGS, findChromium } from '../tests/e2e/support/chromium';
import { type Touched, touchedBetween, traceFaults } from './fault-trace';
import { faultedMb, freshMemoryCost, minorFaults } from './fresh-memory';
import { serveApp } from './serve';
import { type Figure, ms } from './stats';
import { syntheticHierarchy } from './synthetic';

const OUT = 'bench-results/open-app';
/** One open, in milliseconds from handing the file to the input. */
export interface OpenRun {
  notice: number;
  hosts: number;
  /** The matrix's first rows of the new document. */
  matrix: number;
  /** The toolbar's problem count of the new document (the checks done). */
  problems: number;
  answers: number;
  /** When each step of the open was reached (src/store/open-marks.ts). */
  steps: Steps;
  /** The far layer's last paint, in milliseconds (on its worker), once the page answers. */
  farPaint: number;
  longestTask: number;
  blocked: number;
  /** Megabytes the page's processes (the renderers, their workers' threads included) touched for the first time during the open; NaN without /proc. */
  touchedMb: number;
  /** The same per phase of {@link PHASES}, on the page's thread and in all. */
  touchedByPhase: readonly Touched[];
}

/** Milliseconds from handing the file over to each mark of the open. */
type Steps = Readonly<Record<OpenMark, number>>;

/** The mode bench-results/open-app was last built in by this process (one build serves every size). */
let builtFor: boolean | undefined;

function build(profile: boolean) {
  if (builtFor === profile) return;
  const args = [
    'node_modules/vite/bin/vite.js',
    'build',
    '--outDir',
    OUT,
    '--emptyOutDir',
    '--logLevel',
    'error',
  ];
  if (profile) args.push('--minify', 'false');
  const r = spawnSync(process.execPath, args, { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('vite build failed');
  builtFor = profile;
}

/**
 * Records long tasks, and when the open notice and the new document's hosts (not the example's the
 * app starts with) appear, in page time. A string: tsx would wrap named inner functions in a
 * helper the page does not have.
 */
const PROBE = `
  window.__open = { tasks: [] };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__open.tasks.push([e.startTime, e.duration]);
  }).observe({ entryTypes: ['longtask'] });
  addEventListener('DOMContentLoaded', () => new MutationObserver(() => {
    const o = window.__open;
    const now = performance.now();
    if (o.notice === undefined && [...document.querySelectorAll('.toast')].some((t) => /Opened "/.test(t.textContent)))
      o.notice = now;
    const far = document.querySelector('[data-testid="far-layer"]');
    // The far layer's picture shows once the page has shown its canvas and its worker has painted it
    // (not when the page, busy with the checks, hears so).
    if (far && o.farShown === undefined) o.farShown = now;
    // Painted where the fit put the view (far out), not at the last diagram's zoom.
    if (o.hosts === undefined && far && Number(far.getAttribute('data-hosts')) === EXPECTED.count &&
        Number(far.getAttribute('data-paint-zoom')) < FAR_ZOOM)
      o.hosts = Math.max(o.farShown, Math.min(now, Number(far.getAttribute('data-painted-at')) || now));
    if (o.hosts === undefined && document.querySelector('.react-flow__node-host[data-id="' + EXPECTED.id + '"]'))
      o.hosts = now;
    const problems = document.querySelector('.problems-indicator');
    if (o.problems === undefined && problems && problems.title === EXPECTED.problems) o.problems = now;
    const count = document.querySelector('.matrix__count');
    if (o.matrix === undefined && count && count.textContent === EXPECTED.flows &&
        document.querySelector('.matrix__table tbody tr:not(.matrix__spacer)'))
      o.matrix = now;
    if (EXPECTED.confirm && o.confirmed === undefined) {
      const button = [...document.querySelectorAll('[role=dialog] button')].find((b) => b.textContent === 'Open file');
      if (button) { o.confirmed = now; setTimeout(() => button.click()); }
    }
  }).observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true }));
`;

type Probe = { notice?: number; hosts?: number; matrix?: number; problems?: number };

async function openOnce(
  page: Page,
  url: string,
  file: string,
  withMatrix: boolean,
  renderers: () => Promise<number[]>,
  cdp?: CDPSession,
): Promise<OpenRun> {
  await page.goto(url);
  await page.waitForSelector('.toolbar');
  // The matrix starts collapsed at this size; at normal size it shows its first rows.
  if (withMatrix) {
    await page.getByRole('button', { name: 'Flow matrix at normal size' }).click();
    await page.locator('.matrix--normal').waitFor();
  }
  await page.waitForTimeout(500);
  const t0 = await page.evaluate(() => performance.now());
  if (cdp) await cdp.send('Profiler.start');
  // Page faults of the renderer processes (a spare one touches next to nothing) over the open.
  const faults = async () => {
    let sum = 0;
    for (const pid of await renderers()) sum += minorFaults(pid) ?? Number.NaN;
    return sum;
  };
  const faultsBefore = await faults();
  const stopTrace = traceFaults(await renderers());
  await page.setInputFiles('[data-testid="open-file"]', file);
  const confirm = page.getByRole('button', { name: 'Open file' });
  await page.waitForFunction(
    () => {
      const o = (window as unknown as { __open: Probe }).__open;
      return (o.notice !== undefined && o.hosts !== undefined) || document.querySelector('[role=dialog]');
    },
    null,
    { timeout: 600_000, polling: 100 },
  );
  // The app starts with a diagram, so Open asks first; answer at once (the click's own wait for the
  // page would time out while it is busy).
  if (await confirm.count())
    await page.evaluate(() => {
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Open file');
      setTimeout(() => button?.click());
    });
  await page.waitForFunction(
    (matrix) => {
      const o = (window as unknown as { __open: Probe }).__open;
      return (
        o.notice !== undefined &&
        o.hosts !== undefined &&
        (!matrix || (o.matrix !== undefined && o.problems !== undefined))
      );
    },
    withMatrix,
    { timeout: 600_000, polling: 100 },
  );
  const touchedMb = faultedMb((await faults()) - faultsBefore);
  const samples = stopTrace();
  // The page answers when a click on the toolbar opens the Templates menu.
  const templates = page.getByRole('button', { name: 'Templates' });
  await templates.click({ timeout: 600_000 });
  await page.getByRole('menu').waitFor({ timeout: 600_000 });
  const answered = await page.evaluate(() => performance.now());
  const farPaint = Number(
    (await page
      .locator('[data-testid="far-layer"]')
      .getAttribute('data-paint-ms', { timeout: 1000 })
      .catch(() => null)) ?? Number.NaN,
  );
  await page.keyboard.press('Escape');
  await page.waitForTimeout(1000);
  if (cdp) {
    const { profile } = await cdp.send('Profiler.stop');
    printProfile(profile);
    writeFileSync('bench-results/open-large.cpuprofile', JSON.stringify(profile));
  }
  const o = await page.evaluate(
    () =>
      (
        window as unknown as {
          __open: {
            tasks: [number, number][];
            notice: number;
            hosts: number;
            matrix?: number;
            problems?: number;
          };
        }
      ).__open,
  );
  const after = o.tasks.filter(([start]) => start >= t0);
  // The open's own marks (src/store/open-marks.ts), the last of each since the file was handed over.
  const marks = await page.evaluate(
    (names) => names.map((name) => performance.getEntriesByName(name).at(-1)?.startTime ?? Number.NaN),
    OPEN_MARKS.map(openMarkName),
  );
  const steps = Object.fromEntries(OPEN_MARKS.map((mark, i) => [mark, (marks[i] as number) - t0])) as Steps;
  const shown =
    Math.max(o.hosts, o.matrix ?? Number.NEGATIVE_INFINITY, o.problems ?? Number.NEGATIVE_INFINITY) - t0;
  const touchedByPhase = PHASES.map(([, from, to]) =>
    touchedBetween(samples, from ? steps[from] : 0, to ? steps[to] : shown),
  );
  if (cdp)
    console.log(
      'tasks (start, ms):',
      after.map(([s, d]) => `${Math.round(s - t0)}+${Math.round(d)}`).join(' '),
    );
  return {
    notice: o.notice - t0,
    hosts: o.hosts - t0,
    matrix: o.matrix === undefined ? Number.NaN : o.matrix - t0,
    problems: o.problems === undefined ? Number.NaN : o.problems - t0,
    answers: answered - t0,
    farPaint,
    steps,
    longestTask: Math.max(0, ...after.map(([, d]) => d)),
    blocked: after.reduce((sum, [, d]) => sum + d, 0),
    touchedMb,
    touchedByPhase,
  };
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

/** The 30 functions with the most self time in a CPU profile. */
function printProfile(profile: { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[] }) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i += 1) {
    const n = byId.get(samples[i]!)!;
    const f = n.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (deltas[i] ?? 0) / 1000);
  }
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 30);
  for (const [k, v] of top) console.error(`${v.toFixed(0).padStart(7)} ms  ${k}`);
}

/** How many flows the app derives for the file, and the problem count's title (English) for its findings. */
function expectedOf(file: string): { flows: number; problems: string } {
  const read = readDocumentText(readFileSync(file, 'utf8'), catalogue);
  if (!read.ok) throw new Error(JSON.stringify(read.error));
  const derivation = deriveFlows(read.document, catalogue);
  const counts = countFindings(createChecker(catalogue).check(read.document, derivation));
  const say = (n: number, one: string) => `${n.toLocaleString('en')} ${one}${n === 1 ? '' : 's'}`;
  return {
    flows: derivation.flows.length,
    problems: `Checks: ${say(counts.error, 'error')}, ${say(counts.warning, 'warning')}, ${say(counts.info, 'info')}. Open the Problems panel.`,
  };
}

/**
 * Runs `runs` opens of a `size`-host document in a fresh browser; the runs in order. With `matrix`,
 * each open also waits for the matrix's first rows of the new document, and the page answers the
 * "replace the diagram?" question itself.
 */
export async function measureOpen(
  runs = 3,
  size = 20_000,
  zones = false,
  profile = false,
  matrix = false,
  deviceScaleFactor = 1,
): Promise<OpenRun[]> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('no Chromium');
  build(profile);
  mkdirSync('bench-results', { recursive: true });
  const doc = syntheticHierarchy(size, catalogue, { zones });
  const file = resolve(`bench-results/open-${size}${zones ? '-zones' : ''}.cmports.json`);
  writeFileSync(file, serializeDocument(doc));
  // The matrix's count once it shows the new document (as restore reads it: the synthetic estate's
  // four-letter site codes above 10,000 hosts are dropped), as the app writes it in English.
  const expectedCounts = matrix ? expectedOf(file) : undefined;
  const flows = expectedCounts ? `${expectedCounts.flows.toLocaleString('en')} flows` : '';
  const { server, url } = await serveApp(OUT);
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  const system = await browser.newBrowserCDPSession();
  const renderers = async () => {
    const { processInfo } = (await system.send('SystemInfo.getProcessInfo')) as {
      processInfo: { type: string; id: number }[];
    };
    return processInfo.filter((p) => p.type === 'renderer').map((p) => p.id);
  };
  try {
    const out: OpenRun[] = [];
    for (let i = 0; i < runs; i += 1) {
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, deviceScaleFactor });
      const expected = JSON.stringify({
        id: doc.hosts[0]!.id,
        count: doc.hosts.length,
        flows,
        problems: expectedCounts?.problems ?? '',
        confirm: matrix,
      });
      await context.addInitScript({
        content: `const EXPECTED = ${expected};const FAR_ZOOM = ${FAR_ZOOM};${PROBE}`,
      });
      const page = await context.newPage();
      const cdp = profile ? await context.newCDPSession(page) : undefined;
      if (cdp) await cdp.send('Profiler.enable');
      out.push(await openOnce(page, `${url}/`, file, matrix, renderers, cdp));
      await context.close();
    }
    return out;
  } finally {
    await browser.close();
    server.close();
  }
}

/** min / median / max of one figure over the runs. */
function spread(runs: readonly OpenRun[], pick: (r: OpenRun) => number): string {
  const sorted = runs.map(pick).sort((a, b) => a - b);
  return sorted
    .map(ms)
    .filter((_, i) => i === 0 || i === sorted.length - 1 || i === sorted.length >> 1)
    .join(' / ');
}

const medianOf = (runs: readonly OpenRun[], pick: (r: OpenRun) => number) =>
  runs.map(pick).sort((a, b) => a - b)[runs.length >> 1]!;

/**
 * The open's phases, between two of its marks (none: handing the file over, or everything shown):
 * the reading worker reads the file (a large one as bytes, decoded in the next phase), parses and
 * restores it (with its helper on a large file), packs and posts it; the page unpacks it, asks
 * whether to replace the diagram and paints its notice, derives the flows, then draws, checks and
 * fills the matrix.
 */
const PHASES: readonly (readonly [string, OpenMark | undefined, OpenMark | undefined])[] = [
  ['read the file', undefined, 'read'],
  ['parse and restore', 'read', 'restored'],
  ['pack and post', 'restored', 'received'],
  ['unpack', 'received', 'unpacked'],
  ['question and notice', 'unpacked', 'replacing'],
  ['derive', 'replacing', 'replaced'],
  ['draw, check and fill the matrix', 'replaced', undefined],
];

/** Until the matrix's first rows, the hosts on the canvas and the problem count all show the new document. */
const opened = (r: OpenRun) => Math.max(r.matrix, r.hosts, r.problems);

/** A phase's length in one run, from its first mark (or the hand-over) to its second (or everything shown). */
const phaseMs = (r: OpenRun, from: OpenMark | undefined, to: OpenMark | undefined) =>
  (to ? r.steps[to] : opened(r)) - (from ? r.steps[from] : 0);

/** Megabytes first touched, and what they took at this machine's first-touch cost. */
function touched(mb: number, cost: { first: number; again: number }): string {
  if (Number.isNaN(mb)) return 'n/a (no /proc)';
  return `${mb.toFixed(0)} MB, ≈ ${ms(mb * cost.first)} at ${cost.first.toFixed(2)} ms per MB (${cost.again.toFixed(2)} ms per MB to write it again)`;
}

/** MB first touched per phase, page's thread / all, medians over the runs. */
function byPhase(runs: readonly OpenRun[]): string {
  return PHASES.map((_, i) => {
    const main = medianOf(runs, (r) => r.touchedByPhase[i]?.main ?? Number.NaN);
    const all = medianOf(runs, (r) => r.touchedByPhase[i]?.all ?? Number.NaN);
    return Number.isNaN(all) ? 'n/a' : `${main.toFixed(0)}/${all.toFixed(0)}`;
  }).join(' · ');
}

/**
 * Bench figures: three opens of 20,000 hosts (the median and each run), then three opens of
 * 100,000 hosts with zones (min / median / max) against issue 18's < 3 s.
 */
export async function measureOpenFigures(): Promise<Figure[]> {
  if (!findChromium()) return [{ group: 'open', name: 'open large file', value: 'skipped: no Chromium' }];
  const runs = await measureOpen(3);
  type Timed = Exclude<keyof OpenRun, 'steps' | 'touchedByPhase'>;
  const mid = (k: Timed) => [...runs.map((r) => r[k])].sort((a, b) => a - b)[1]!;
  const each = (k: Timed) => runs.map((r) => ms(r[k])).join(', ');
  const large = await measureOpen(3, 100_000, true, false, true);
  // A HiDPI screen paints four times the pixels (one run: a figure to watch, without a target).
  const [hidpi] = await measureOpen(1, 100_000, true, false, true, 2);
  const label = '100,000 hosts with zones';
  return [
    { group: 'open', name: '20,000 hosts: open notice', value: `${ms(mid('notice'))} (${each('notice')})` },
    {
      group: 'open',
      name: '20,000 hosts: hosts on the canvas',
      value: `${ms(mid('hosts'))} (${each('hosts')})`,
    },
    {
      group: 'open',
      name: '20,000 hosts: a toolbar click answers',
      value: `${ms(mid('answers'))} (${each('answers')})`,
      target: '< 5 s',
      pass: mid('answers') < 5000,
    },
    {
      group: 'open',
      name: '20,000 hosts: longest main-thread task / all long tasks',
      value: `${ms(mid('longestTask'))} / ${ms(mid('blocked'))}`,
    },
    {
      group: 'open',
      name: `${label}: open, from handing the file to the input to the matrix's first rows, the hosts on the canvas and the problem count`,
      value: spread(large, opened),
      target: '< 3 s',
      pass: medianOf(large, opened) < 3000,
    },
    {
      group: 'open',
      name: `${label}: open notice / hosts on the canvas / matrix's first rows / problem count (medians)`,
      value: [
        medianOf(large, (r) => r.notice),
        medianOf(large, (r) => r.hosts),
        medianOf(large, (r) => r.matrix),
        medianOf(large, (r) => r.problems),
      ]
        .map(ms)
        .join(' / '),
    },
    {
      group: 'open',
      name: `${label}: where the open's time goes (medians): ${PHASES.map(([name]) => name).join(' / ')}`,
      value: PHASES.map(([, from, to]) => ms(medianOf(large, (r) => phaseMs(r, from, to)))).join(' / '),
    },
    {
      group: 'open',
      name: `${label}: the far layer's paint on its worker (all hosts and links in view), pixel ratio 1; pixel ratio 2, one run`,
      value: `${spread(large, (r) => r.farPaint)}; ${hidpi ? ms(hidpi.farPaint) : 'n/a'}`,
    },
    {
      group: 'open',
      name: `${label}: memory the page's processes (their workers included) touched for the first time during the open (median), and what that took at this machine's rate (measured now)`,
      value: touched(
        medianOf(large, (r) => r.touchedMb),
        freshMemoryCost(),
      ),
    },
    {
      group: 'open',
      name: `${label}: of it, MB touched for the first time in each phase (medians), on the page's thread / in all (the parse workers and the garbage collector's threads are the rest): ${PHASES.map(([name]) => name).join(' / ')}`,
      value: byPhase(large),
    },
    {
      group: 'open',
      name: `${label}: longest main-thread task / all long tasks (medians)`,
      value: `${ms(medianOf(large, (r) => r.longestTask))} / ${ms(medianOf(large, (r) => r.blocked))}`,
    },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name: string) => process.argv.indexOf(name);
  const runs = arg('--runs') > 0 ? Number(process.argv[arg('--runs') + 1]) : 3;
  const size = arg('--size') > 0 ? Number(process.argv[arg('--size') + 1]) : 20_000;
  const withMatrix = arg('--matrix') > 0;
  const dsf = arg('--dsf') > 0 ? Number(process.argv[arg('--dsf') + 1]) : 1;
  const result = await measureOpen(runs, size, arg('--zones') > 0, arg('--profile') > 0, withMatrix, dsf);
  const cost = freshMemoryCost();
  for (const r of result)
    console.log(
      `${PHASES.map(([name, from, to]) => `${name} ${ms(phaseMs(r, from, to))}`).join(', ')}\n` +
        `first touched per phase, MB on the page's thread / in all: ${byPhase([r])}\n` +
        `notice ${ms(r.notice)}  hosts ${ms(r.hosts)}  far paint ${ms(r.farPaint)}${withMatrix ? `  matrix ${ms(r.matrix)}  problems ${ms(r.problems)}  open ${ms(opened(r))}` : ''}  answers ${ms(r.answers)}  longest task ${ms(r.longestTask)}  long tasks ${ms(r.blocked)}  first touched ${touched(r.touchedMb, cost)}`,
    );
}
