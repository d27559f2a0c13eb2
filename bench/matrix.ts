/**
 * Flow matrix figures: what one edit costs the matrix's rows at 10,000 hosts (Node), and typing
 * one character in the matrix's overall filter at 5,000 hosts (headless Chromium, main-thread
 * TaskDuration from the key press to two frames later; three runs, each the median of seven keys).
 *
 * `npx tsx bench/matrix.ts` alone, or `npm run bench matrix`.
 */
import { spawnSync } from 'node:child_process';
import { chromium, type Page } from 'playwright-core';
import { catalogue } from '@/domain/default-catalogue';
import { deriveFlows, flowListOf } from '@/domain/derive';
import { queryMatrix } from '@/domain/matrix/matrix-query';
import { createRowSources } from '@/domain/matrix/row-source';
import { serializeDocument } from '@/domain/restore';
import { flowsToRows } from '@/domain/rows';
import { rowWords } from '@/i18n/row-words';
import { CHROMIUM_ARGS, findChromium } from '../tests/e2e/support/chromium';
import { serveApp } from './serve';
import { type Figure, median, ms } from './stats';
import { syntheticHierarchy } from './synthetic';

const AUTOSAVE_KEY = 'cm-port-planner/autosave';
const OUT = 'bench-results/matrix-dist';

/** Milliseconds per edit (adding a role to one host) spent turning the flows into what the matrix reads. */
function rowsPerEdit(hosts: number): { before: number; after: number; afterFiltered: number; flows: number } {
  const doc = syntheticHierarchy(hosts, catalogue);
  let derivation = deriveFlows(doc, catalogue);
  const nextSource = createRowSources();
  let source = nextSource(flowListOf(derivation), doc, rowWords(catalogue, 'en'));
  source.row(0);
  source.columns();
  const before: number[] = [];
  const after: number[] = [];
  const filtered: number[] = [];
  let current = doc.hosts;
  for (let i = 0; i < 9; i += 1) {
    const at = 50 + i * 97;
    const host = current[at]!;
    current = current.with(at, {
      ...host,
      roles: [...host.roles, i % 2 ? 'fallback-status-point' : 'reporting-point'],
    });
    const edited = { ...doc, hosts: current };
    derivation = deriveFlows(edited, catalogue, derivation);
    let t = performance.now();
    flowsToRows(derivation.flows, edited, rowWords(catalogue, 'en'));
    before.push(performance.now() - t);
    t = performance.now();
    source = nextSource(flowListOf(derivation), edited, rowWords(catalogue, 'en'));
    for (let r = 0; r < 40; r += 1) source.row(r);
    after.push(performance.now() - t);
    // With a filter set, an edit also codes the rows it changed (the rest are copied) and scans them.
    t = performance.now();
    queryMatrix(source.columns(), { global: 'p01', columns: [] });
    filtered.push(performance.now() - t);
  }
  return {
    before: median(before.slice(2)),
    after: median(after.slice(2)),
    afterFiltered: median(filtered.slice(2)),
    flows: derivation.flows.length,
  };
}

async function frames(page: Page) {
  await page.evaluate(
    () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))),
  );
}

interface Keystroke {
  /** Main-thread busy time (TaskDuration). */
  task: number;
  /** Of which JavaScript (ScriptDuration), layout (LayoutDuration) and style (RecalcStyleDuration). */
  script: number;
  layout: number;
  style: number;
}

/** Main-thread milliseconds for each of `keys` typed into the overall filter (cleared between). */
async function keystrokes(page: Page, keys: readonly string[]): Promise<Keystroke[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const metrics = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const get = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
    return {
      task: get('TaskDuration'),
      script: get('ScriptDuration'),
      layout: get('LayoutDuration'),
      style: get('RecalcStyleDuration'),
    };
  };
  const search = page.getByRole('searchbox', { name: 'Filter all columns' });
  const out: Keystroke[] = [];
  for (const key of keys) {
    await search.fill('');
    await frames(page);
    await page.waitForTimeout(200);
    await search.focus();
    const before = await metrics();
    await page.keyboard.type(key);
    await page.waitForFunction(() => document.querySelector('.matrix__count')?.textContent?.includes(' of '));
    await frames(page);
    const after = await metrics();
    out.push({
      task: after.task - before.task,
      script: after.script - before.script,
      layout: after.layout - before.layout,
      style: after.style - before.style,
    });
  }
  await cdp.detach();
  return out;
}

/** The median of each measure over one page's keystrokes. */
function medianOf(keys: readonly Keystroke[]): Keystroke {
  return {
    task: median(keys.map((k) => k.task)),
    script: median(keys.map((k) => k.script)),
    layout: median(keys.map((k) => k.layout)),
    style: median(keys.map((k) => k.style)),
  };
}

/**
 * Three runs (a fresh page each) of typing keys into the overall filter at `hosts` hosts: the
 * median keystroke of each run.
 */
async function filterKeystroke(
  hosts: number,
  runs = 3,
): Promise<{ ms: Keystroke[]; rows: number } | undefined> {
  const executablePath = findChromium();
  if (!executablePath) return undefined;
  const r = spawnSync(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'build', '--outDir', OUT, '--emptyOutDir', '--logLevel', 'error'],
    { stdio: 'inherit' },
  );
  if (r.status !== 0) throw new Error('vite build failed');
  const doc = syntheticHierarchy(hosts, catalogue);
  const rows = deriveFlows(doc, catalogue).flows.length;
  const text = serializeDocument(doc);
  const { server, url } = await serveApp(OUT);
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  try {
    const out: Keystroke[] = [];
    for (let run = 0; run < runs; run += 1) {
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
      await context.addInitScript(([key, value]) => localStorage.setItem(key, value), [
        AUTOSAVE_KEY,
        text,
      ] as const);
      const page = await context.newPage();
      await page.goto(`${url}/`);
      // A window 768 px high starts with the matrix collapsed: open it as the user does.
      const normal = page.getByRole('button', { name: 'Flow matrix at normal size' });
      await normal.click({ timeout: 120_000 });
      await page.waitForFunction(() => document.querySelector('.matrix tbody tr') !== null, null, {
        timeout: 120_000,
      });
      await page.waitForTimeout(1000);
      out.push(medianOf(await keystrokes(page, ['p', 'c', 's', 'x', '4', 'h', 't'])));
      await context.close();
    }
    return { ms: out, rows };
  } finally {
    await browser.close();
    server.close();
  }
}

/** The matrix figures beside their targets. */
export async function measureMatrix(): Promise<Figure[]> {
  const edit = rowsPerEdit(10_000);
  const figures: Figure[] = [
    {
      group: 'matrix',
      name: `rows per edit, 10,000 hosts (${edit.flows.toLocaleString('en')} flows): all rows (before) / row source + first screen`,
      value: `${ms(edit.before)} / ${ms(edit.after)}`,
    },
    {
      group: 'matrix',
      name: 'rows per edit, 10,000 hosts, with a filter set (compact columns, changed rows + scan)',
      value: ms(edit.afterFiltered),
    },
  ];
  const typed = await filterKeystroke(5000);
  if (!typed) {
    figures.push({ group: 'matrix', name: 'filter keystroke', value: 'skipped: no Chromium' });
  } else {
    const spread = (pick: (k: Keystroke) => number) => {
      const v = typed.ms.map(pick).sort((a, b) => a - b);
      return { min: v[0]!, median: median(v), max: v.at(-1)! };
    };
    const task = spread((k) => k.task);
    const script = spread((k) => k.script);
    const layout = spread((k) => k.layout);
    const style = spread((k) => k.style);
    const rows = typed.rows.toLocaleString('en');
    figures.push(
      {
        group: 'matrix',
        name: `one character in the matrix filter, 5,000 hosts (${rows} rows), main thread, min/median/max of three runs`,
        value: `${ms(task.min)} / ${ms(task.median)} / ${ms(task.max)}`,
        target: '< 100 ms',
        pass: task.median < 100,
      },
      {
        group: 'matrix',
        name: '  of which JavaScript (filter + render), min/median/max',
        value: `${ms(script.min)} / ${ms(script.median)} / ${ms(script.max)}`,
      },
      {
        group: 'matrix',
        name: '  of which layout (the whole page), min/median/max',
        value: `${ms(layout.min)} / ${ms(layout.median)} / ${ms(layout.max)}`,
      },
      {
        group: 'matrix',
        name: '  of which style recalculation, min/median/max',
        value: `${ms(style.min)} / ${ms(style.median)} / ${ms(style.max)}`,
      },
    );
  }
  return figures;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { table } = await import('./stats');
  console.log(table(await measureMatrix()));
}
