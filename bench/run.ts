/**
 * `npm run bench`: engine, incremental, checks, matrix, export (Node, and `export-browser`: the
 * Excel export in Chromium), layout, import, sync, canvas and bundle figures beside their targets
 * (`npm run bench -- engine checks` runs only those parts).
 * Each measurement runs in its own process; medians of several runs after a warm-up.
 */
import { execFileSync } from 'node:child_process';
import { measureBundle } from './bundle';
import { measureCanvas } from './canvas';
import { measureChecks } from './checks';
import { freshMemoryCost } from './fresh-memory';
import { measureImport } from './import';
import { measureLayout } from './layout';
import { measureMatrix } from './matrix';
import { type Figure, kb, mb, ms, table } from './stats';
import { measureSync } from './sync';

const figures: Figure[] = [];
const only = process.argv.slice(2);
const want = (part: string) => only.length === 0 || only.includes(part);

// What the machine charges for memory a process touches for the first time (a page fault per 4 KB
// page): on a virtual machine it can dominate an open that builds hundreds of MB (bench/fresh-memory.ts).
const fresh = freshMemoryCost();
figures.push({
  group: 'machine',
  name: 'fresh memory: writing newly mapped memory the first time / writing it again (64 MB blocks, medians)',
  value: `${fresh.first.toFixed(2)} / ${fresh.again.toFixed(2)} ms per MB`,
});

function worker<T>(script: string, ...args: string[]): T {
  const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', script, ...args], {
    encoding: 'utf8',
  });
  return JSON.parse(out.trim().split('\n').pop()!) as T;
}

interface EngineRun {
  size: number;
  hosts: number;
  links: number;
  flows: number;
  ms: number;
  openMs: number;
  roleMs: number;
  linkMs: number;
  maxRss: number;
}

if (want('engine')) {
  const runs = [100, 1000, 10_000].map((n) => worker<EngineRun>('bench/engine-worker.ts', String(n)));
  for (const r of runs) {
    figures.push({
      group: 'engine',
      name: `${r.hosts} hosts, ${r.links} links → ${r.flows} flows (all links anew)`,
      value: `${ms(r.ms)}, ${Math.round(r.flows / (r.ms / 1000)).toLocaleString('en')} flows/s, peak ${mb(r.maxRss)}`,
      ...(r.size === 10_000 ? { target: '< 100 ms', pass: r.ms < 100 } : {}),
    });
  }
  for (const r of runs) {
    figures.push({
      group: 'engine',
      name: `${r.hosts} hosts as opened (all hosts and links anew)`,
      value: ms(r.openMs),
      ...(r.size === 10_000 ? { target: '< 100 ms', pass: r.openMs < 100 } : {}),
    });
  }
  const [small, mid, large] = runs as [EngineRun, EngineRun, EngineRun];
  const exponent = (a: EngineRun, b: EngineRun, key: 'ms' | 'openMs' = 'ms') =>
    Math.log(b[key] / a[key]) / Math.log(b.links / a.links);
  figures.push({
    group: 'engine',
    name: 'scaling exponent 100 → 1,000 hosts',
    value: exponent(small, mid).toFixed(2),
  });
  const e = exponent(mid, large);
  figures.push({
    group: 'engine',
    name: 'scaling exponent 1,000 → 10,000 hosts',
    value: e.toFixed(2),
    target: '≤ 1.1',
    pass: e <= 1.1,
  });
  const eOpen = exponent(mid, large, 'openMs');
  figures.push({
    group: 'engine',
    name: 'scaling exponent 1,000 → 10,000 hosts, as opened',
    value: eOpen.toFixed(2),
    target: '≤ 1.1',
    pass: eOpen <= 1.1,
  });
  figures.push({
    group: 'incremental',
    name: 'add a role to one host (10,000 hosts)',
    value: ms(large.roleMs),
    target: '< 16 ms',
    pass: large.roleMs < 16,
  });
  figures.push({
    group: 'incremental',
    name: 'add one link (10,000 hosts)',
    value: ms(large.linkMs),
    target: '< 16 ms',
    pass: large.linkMs < 16,
  });
}

interface ExportRun {
  format: string;
  rows: number;
  ms: number;
  bytes: number;
  maxRss: number;
}

if (want('export')) {
  for (const format of ['csv', 'xlsx']) {
    for (const rows of [10_000, 100_000]) {
      const r = worker<ExportRun>('bench/export-worker.ts', format, String(rows));
      const big = format === 'xlsx' && rows === 100_000;
      figures.push({
        group: 'export',
        name: `${format} ${rows.toLocaleString('en')} rows (Node)`,
        value: `${ms(r.ms)}, peak ${mb(r.maxRss)}, file ${mb(r.bytes)}`,
        ...(big ? { target: '< 10 s, < 1.5 GB', pass: r.ms < 10_000 && r.maxRss < 1.5 * 1024 ** 3 } : {}),
      });
    }
  }
}

// The Excel export in headless Chromium, as the app does it (issue 17): 1,000 hosts and ~100,000 rows.
if (want('export-browser'))
  figures.push(...(await (await import('./export-browser')).measureBrowserExportFigures()));

if (want('checks')) figures.push(...measureChecks());

// Every stage after the engine at 10,000 and 100,000 hosts: open and one edit (issue 18).
if (want('stages')) figures.push(...(await import('./stages')).measureStages());

if (want('layout')) figures.push(...measureLayout());

if (want('matrix')) figures.push(...(await measureMatrix()));
if (want('import')) figures.push(...measureImport());
if (want('sync')) figures.push(...(await measureSync()));

if (want('edit')) figures.push(...(await (await import('./edit')).measureEditFigures()));

if (want('open')) figures.push(...(await (await import('./open-large')).measureOpenFigures()));

if (want('canvas')) {
  const canvas = await measureCanvas();
  figures.push(...canvas);
}

if (want('bundle')) {
  const b = measureBundle();
  figures.push({
    group: 'bundle',
    name: 'first page load JavaScript (gzip)',
    value: kb(b.firstLoad),
    target: '≤ 250 kB',
    pass: b.firstLoad <= 250 * 1024,
  });
  figures.push({
    group: 'bundle',
    name: `export chunk (gzip): ${b.exportChunkName}`,
    value: kb(b.exportChunk),
    target: 'spreadsheet library lazy only',
    pass: b.spreadsheetLazy && b.exportChunk > 0,
  });
}

console.log(
  `\nBenchmarks on ${process.platform} ${process.arch}, node ${process.version}, ${new Date().toISOString()}\n`,
);
console.log(table(figures));
const failed = figures.filter((f) => f.pass === false).length;
console.log(`\n${figures.filter((f) => f.pass !== undefined).length - failed} targets met, ${failed} missed`);
