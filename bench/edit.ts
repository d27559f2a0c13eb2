/**
 * One edit at 10,000 hosts (issue 18): add a role, add a link, move a host into a zone, in headless
 * Chromium at 1366x768 on a synthetic estate with zones, from the store update until the canvas (the
 * far layer's next paint), the matrix (its row count) and the problem count (the toolbar) show it.
 *
 * The edits go through the store actions the UI calls (the inspector's role list calls
 * `addRoleToHost`, a connection drawn on the canvas `linkHosts`, the inspector's zone list
 * `moveHostIntoZone`): at 10,000 hosts the canvas is the far layer, which has no DOM to drag. The
 * store is reached through a build-time hook (VITE_BENCH_HOOKS=1, src/store/bench-hook.ts) that the
 * normal build does not contain. Main-thread tasks come from a Chromium trace (RunTask on the
 * renderer's main thread): the longest task and their total. Three runs of each edit. The
 * problem count and the matrix follow an edit at this size in tasks of their own (store/follower.ts)
 * and the far layer paints on a worker: the numbers the screen must show are read once the page's
 * work has caught up (`settled`), never inside a measured task, and every task counts.
 *
 * `npx tsx bench/edit.ts [--runs 3] [--size 10000] [--profile]` (`--profile` builds unminified and
 * prints the functions with the most self time over all edits); `npm run bench -- edit`.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Browser, type CDPSession, chromium, type Page } from 'playwright-core';
import { catalogue } from '@/domain/default-catalogue';
import type { TopologyDocument } from '@/domain/document';
import { serializeDocument } from '@/domain/restore';
import type { AppStore } from '@/store/app-store';
import { CHROMIUM_ARGS, findChromium } from '../tests/e2e/support/chromium';
import { serveApp } from './serve';
import { type Figure, median, ms } from './stats';
import { syntheticHierarchy } from './synthetic';

const OUT = 'bench-results/edit-app';
/** One edit: the longest main-thread task and all tasks, and when all three showed it (ms after the update). */
export interface EditRun {
  longest: number;
  total: number;
  /** The same in main-thread CPU time (the trace's thread time): what a busy machine does not inflate. */
  longestCpu: number;
  totalCpu: number;
  shown: number;
}

/** An edit as the page runs it: `window.__bench.store.getState()` is `s`. */
interface Edit {
  readonly name: string;
  /** Selects what the user would have selected before the edit (not measured). */
  readonly before: string;
  readonly action: string;
}

function build(profile: boolean) {
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
  const r = spawnSync(process.execPath, args, {
    stdio: 'inherit',
    env: { ...process.env, VITE_BENCH_HOOKS: '1' },
  });
  if (r.status !== 0) throw new Error('vite build failed');
}

/** The three edits of run `i`, each on hosts no earlier run touched. */
function editsOf(doc: TopologyDocument, i: number): Edit[] {
  const clients = doc.hosts.filter((h) => h.roles.includes('client'));
  const mps = doc.hosts.filter((h) => h.roles.includes('management-point'));
  const host = clients[100 + i * 37]!;
  const a = clients[500 + i * 41]!;
  const b = mps.find((m) => m.site !== a.site)!;
  const moved = clients[900 + i * 43]!;
  const zone = doc.zones.find((z) => z.kind === 'clients' && z.id !== moved.zone)!;
  const select = (id: string) => `s.select(${JSON.stringify([id])}, [])`;
  return [
    {
      name: 'add a role',
      before: select(host.id),
      action: `s.addRoleToHost(${JSON.stringify(host.id)}, 'distribution-point')`,
    },
    {
      name: 'add a link',
      before: select(a.id),
      action: `s.linkHosts(${JSON.stringify(a.id)}, ${JSON.stringify(b.id)})`,
    },
    {
      name: 'move a host into a zone',
      before: select(moved.id),
      action: `s.moveHostIntoZone(${JSON.stringify(moved.id)}, ${JSON.stringify(zone.id)})`,
    },
  ];
}

/**
 * Runs `code` with `s` the store's state at the start of a task, records what the far layer had
 * painted, and returns; `window.__edit.shown` is set (page time after the update) once the far
 * layer painted again and the matrix and the toolbar show the store's numbers. A string: tsx would
 * wrap inner functions in a helper the page does not have.
 */
const EDIT = (action: string) => `(() => {
  const b = window.__bench;
  const far = document.querySelector('[data-testid="far-layer"]');
  const paints = Number(far ? far.getAttribute('data-paints') : 0);
  window.__edit = { start: performance.now() };
  const s = b.store.getState();
  ${action};
  // The numbers the screen should show are read once the app has made them (a memo then: the
  // screen's own work, not the bench's, is what the trace times), never inside the edit's task.
  const check = () => {
    const f = document.querySelector('[data-testid="far-layer"]');
    const painted = !f || Number(f.getAttribute('data-paints')) > paints;
    if (!painted || !b.settled()) {
      requestAnimationFrame(check);
      return;
    }
    const rows = b.rows().toLocaleString('en');
    const counts = b.counts();
    const words = [counts.error > 0 ? counts.error.toLocaleString('en') + ' error' : '',
      counts.warning > 0 ? counts.warning.toLocaleString('en') + ' warning' : ''].filter(Boolean);
    const matrix = (document.querySelector('.matrix__count') || {}).textContent || '';
    const problems = (document.querySelector('.problems-indicator') || {}).textContent || '';
    if (matrix.includes(rows) && words.every((w) => problems.includes(w))) {
      window.__edit.shown = performance.now() - window.__edit.start;
      return;
    }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})()`;

async function frames(page: Page) {
  await page.evaluate(
    () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))),
  );
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of the event, where the trace has it. */
  tdur?: number;
  args?: { name?: string };
}

/** Top-level tasks (RunTask) on the renderer's main thread of a trace: wall and CPU milliseconds of each. */
function mainTasks(trace: Buffer): { wall: number; cpu: number }[] {
  const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const main = events.filter(
    (e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain',
  );
  const threads = new Set(main.map((e) => `${e.pid}:${e.tid}`));
  const tasks = events
    .filter(
      (e) =>
        e.ph === 'X' &&
        (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') &&
        threads.has(`${e.pid}:${e.tid}`),
    )
    .sort((a, b) => a.ts - b.ts);
  // Only the outermost: a nested RunTask is inside one already counted.
  const out: { wall: number; cpu: number }[] = [];
  let end = -1;
  for (const t of tasks) {
    if (t.ts < end) continue;
    end = t.ts + (t.dur ?? 0);
    out.push({ wall: (t.dur ?? 0) / 1000, cpu: (t.tdur ?? t.dur ?? 0) / 1000 });
  }
  return out;
}

async function editOnce(browser: Browser, page: Page, edit: Edit, cdp?: CDPSession): Promise<EditRun> {
  await page.evaluate(`(() => { const s = window.__bench.store.getState(); ${edit.before}; })()`);
  await frames(page);
  await page.waitForTimeout(1500);
  await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline'] });
  if (cdp) await cdp.send('Profiler.start');
  let traceFile: string | undefined;
  await page.evaluate(EDIT(edit.action));
  await page.waitForFunction(
    () => (window as unknown as { __edit: { shown?: number } }).__edit.shown !== undefined,
    null,
    {
      timeout: 120_000,
      polling: 100,
    },
  );
  await frames(page);
  await page.waitForTimeout(1000);
  if (cdp) {
    const { profile } = await cdp.send('Profiler.stop');
    collect(profile, edit.name);
    // EDIT_PROFILE_DIR=dir writes each edit's profile (open in DevTools, or read its call tree).
    const dir = process.env.EDIT_PROFILE_DIR;
    if (dir) {
      mkdirSync(dir, { recursive: true });
      const file = `${edit.name.replaceAll(' ', '-')}-${Date.now()}`;
      writeFileSync(join(dir, `${file}.cpuprofile`), JSON.stringify(profile));
      traceFile = join(dir, `${file}.trace.json`);
    }
  }
  const trace = await browser.stopTracing();
  // Beside the profile: its samples fall into the trace's tasks (the same clock).
  if (traceFile) writeFileSync(traceFile, trace);
  if (process.env.EDIT_TRACE) writeFileSync(process.env.EDIT_TRACE, trace);
  const tasks = mainTasks(trace);
  // EDIT_TASKS=1 lists the edit's tasks of 5 ms CPU or more, in order (how the work is split).
  if (process.env.EDIT_TASKS)
    console.error(
      `${edit.name}: tasks (CPU ms) ${tasks
        .filter((t) => t.cpu >= 5)
        .map((t) => t.cpu.toFixed(0))
        .join(' ')}`,
    );
  const shown = await page.evaluate(() => (window as unknown as { __edit: { shown: number } }).__edit.shown);
  const long = tasks.filter((t) => t.wall >= 1);
  return {
    longest: Math.max(0, ...tasks.map((t) => t.wall)),
    longestCpu: Math.max(0, ...tasks.map((t) => t.cpu)),
    total: long.reduce((a, t) => a + t.wall, 0),
    totalCpu: long.reduce((a, t) => a + t.cpu, 0),
    shown,
  };
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

const selfTime = new Map<string, number>();
const totalTime = new Map<string, number>();
/** Inclusive time per edit kind (`EDIT_PROFILE_EACH=1` prints the top entries of each). */
const totalByEdit = new Map<string, Map<string, number>>();

/** Adds a CPU profile's self time per function to {@link selfTime}. */
function collect(profile: { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[] }, edit: string) {
  let mine = totalByEdit.get(edit);
  if (!mine) {
    mine = new Map();
    totalByEdit.set(edit, mine);
  }
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (n: ProfileNode) =>
    `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}`;
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i += 1) {
    const t = (deltas[i] ?? 0) / 1000;
    const node = byId.get(samples[i]!)!;
    selfTime.set(name(node), (selfTime.get(name(node)) ?? 0) + t);
    // Inclusive: once per function on the sample's stack.
    const seen = new Set<string>();
    for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
      const key = name(byId.get(id)!);
      if (seen.has(key)) continue;
      seen.add(key);
      totalTime.set(key, (totalTime.get(key) ?? 0) + t);
      mine.set(key, (mine.get(key) ?? 0) + t);
    }
  }
}

/** Each edit's runs, in order; a fresh page per run, the document opened from the autosave. */
export async function measureEdits(
  runs = 3,
  size = 10_000,
  profile = false,
): Promise<Map<string, EditRun[]>> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('no Chromium');
  build(profile);
  const doc = syntheticHierarchy(size, catalogue, { zones: true });
  mkdirSync('bench-results', { recursive: true });
  const file = resolve(`bench-results/edit-${size}-zones.cmports.json`);
  writeFileSync(file, serializeDocument(doc));
  const { server, url } = await serveApp(OUT);
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  const out = new Map<string, EditRun[]>();
  try {
    for (let i = 0; i < runs; i += 1) {
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
      const page = await context.newPage();
      const cdp = profile ? await context.newCDPSession(page) : undefined;
      if (cdp) await cdp.send('Profiler.enable');
      await page.goto(`${url}/`);
      await page.waitForSelector('.toolbar');
      // Too large for localStorage: opened through the toolbar's Open input, as a user opens it.
      await page.setInputFiles('[data-testid="open-file"]', file);
      await page.getByRole('button', { name: 'Open file' }).click({ timeout: 120_000 });
      await page.waitForFunction(
        (count) => {
          const b = (window as unknown as { __bench?: { store: AppStore } }).__bench;
          // The matrix open at its normal size, as a user who reads it has it.
          if (b && b.store.getState().matrixSize === 'collapsed') b.store.getState().setMatrixSize('normal');
          return (
            document.querySelector('.matrix tbody tr') !== null &&
            b !== undefined &&
            document.querySelector(`[data-testid="far-layer"][data-hosts="${count}"]`) !== null
          );
        },
        doc.hosts.length,
        { timeout: 300_000, polling: 200 },
      );
      await page.waitForTimeout(3000);
      for (const edit of editsOf(doc, i)) {
        const run = await editOnce(browser, page, edit, cdp);
        out.set(edit.name, [...(out.get(edit.name) ?? []), run]);
      }
      await context.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  if (profile) {
    const top = [...selfTime].sort((a, b) => b[1] - a[1]).slice(0, 30);
    for (const [k, v] of top) console.error(`${v.toFixed(0).padStart(7)} ms  ${k}`);
    console.error('\nInclusive:');
    const inclusive = [...totalTime].sort((a, b) => b[1] - a[1]).slice(0, 70);
    for (const [k, v] of inclusive) console.error(`${v.toFixed(0).padStart(7)} ms  ${k}`);
    if (process.env.EDIT_PROFILE_EACH)
      for (const [edit, times] of totalByEdit) {
        console.error(`\nInclusive, ${edit} (all runs):`);
        const top = [...times].sort((a, b) => b[1] - a[1]).slice(0, 90);
        for (const [k, v] of top) console.error(`${v.toFixed(0).padStart(7)} ms  ${k}`);
      }
  }
  return out;
}

const spread = (v: number[]) => {
  const s = [...v].sort((a, b) => a - b);
  return `${ms(s[0]!)} / ${ms(median(s))} / ${ms(s.at(-1)!)}`;
};

/** Bench figures: per edit, the longest task (min / median / max of three runs) beside the target, and the totals. */
export async function measureEditFigures(): Promise<Figure[]> {
  if (!findChromium())
    return [{ group: 'edit', name: 'one edit at 10,000 hosts', value: 'skipped: no Chromium' }];
  const results = await measureEdits(3);
  const figures: Figure[] = [];
  for (const [name, runs] of results) {
    // The target is on main-thread CPU from the trace, as issue 18 asks: wall time on a shared
    // two-core machine is mostly other processes' (a loaded run stretched a 30 ms task to 300 ms).
    const longest = runs.map((r) => r.longestCpu);
    figures.push(
      {
        group: 'edit',
        name: `${name}, 10,000 hosts: longest main-thread task (CPU), min/median/max`,
        value: spread(longest),
        target: '< 50 ms',
        pass: median(longest) < 50,
      },
      {
        group: 'edit',
        name: '  the same in wall time (longest); all tasks in CPU time',
        value: `${spread(runs.map((r) => r.longest))}; ${spread(runs.map((r) => r.totalCpu))}`,
      },
      {
        group: 'edit',
        name: '  all main-thread tasks / until canvas, matrix and count show it, min/median/max',
        value: `${spread(runs.map((r) => r.total))}; ${spread(runs.map((r) => r.shown))}`,
      },
    );
  }
  return figures;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name: string) => process.argv.indexOf(name);
  const runs = arg('--runs') > 0 ? Number(process.argv[arg('--runs') + 1]) : 3;
  const size = arg('--size') > 0 ? Number(process.argv[arg('--size') + 1]) : 10_000;
  const result = await measureEdits(runs, size, arg('--profile') > 0);
  for (const [name, list] of result)
    for (const r of list)
      console.log(
        `${name.padEnd(24)} longest ${ms(r.longest)} (CPU ${ms(r.longestCpu)})  all ${ms(r.total)} (CPU ${ms(r.totalCpu)})  shown after ${ms(r.shown)}`,
      );
}
