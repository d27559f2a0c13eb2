/**
 * Every stage after the file is read, at 10,000 and 100,000 hosts (issue 18), in Node, without
 * paint: restore, derive, checks, rows and link models, as the app opens a file and as the store
 * runs them after one edit (add a role, add a link, move a host into a zone).
 *
 * Each size runs three times, each run in its own process (`node --expose-gc
 * --max-old-space-size=4096 --import tsx bench/stages.ts run <file>` prints a JSON line); the file
 * is written once per size by `bench/stages.ts make <hosts> <file>`, so a run's peak memory is what
 * opening and editing take, not what making the estate took. Figures are min / median / max of the
 * three runs; PASS is on the median.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FAR_HOSTS_ABOVE } from '@/canvas/far-layer';
import { createLinkModels } from '@/canvas/link-models';
import { createChecker } from '@/domain/checks/checker';
import type { Finding } from '@/domain/checks/finding';
import { catalogue } from '@/domain/default-catalogue';
import { type Derivation, deriveFlows, flowListOf } from '@/domain/derive';
import type { Host, TopologyDocument } from '@/domain/document';
import { createRowSources } from '@/domain/matrix/row-source';
import { readDocumentText, serializeDocument } from '@/domain/restore';
import { rowOptions } from '@/domain/results/link-results';
import { rowWords } from '@/i18n/row-words';
import { faultedMb, freshMemoryCost } from './fresh-memory';
import { type Figure, mb, median, ms } from './stats';
import { syntheticHierarchy } from './synthetic';

const STAGES = ['restore', 'derive', 'checks', 'rows', 'columns', 'links'] as const;
type Stage = (typeof STAGES)[number];
type Times = Record<Stage, number>;
const EDITS = ['role', 'link', 'zone'] as const;
type Edit = (typeof EDITS)[number];

interface StagesRun {
  hosts: number;
  links: number;
  flows: number;
  bytes: number;
  open: Times;
  /** Megabytes each stage of the open touched for the first time (page faults). */
  touched: Times;
  /** Per edit kind, each stage's median over the rounds (restore is 0: an edit reads no file). */
  edits: Record<Edit, Times>;
  maxRss: number;
}

/** Rows a first screen of the matrix shows. */
const SCREEN = 40;
const ROUNDS = 7;
const collect = (globalThis as { gc?: () => void }).gc ?? (() => {});
const sum = (t: Times) => STAGES.reduce((s, k) => s + t[k], 0);

/**
 * The app's reader: JSON, then restore (`readDocumentText`, as the app's worker and the CLI read a
 * file). A file over a cap of limits.ts is refused there, and so here.
 */
function restore(text: string): TopologyDocument {
  const r = readDocumentText(text, catalogue);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.document;
}

/** Opens the file as the app does, then edits it as the store does; times each stage. */
function run(file: string): StagesRun {
  const text = readFileSync(file, 'utf8');
  const words = rowWords(catalogue, 'en');
  const open = {} as Times;
  const touched = {} as Times;
  const time = <T>(stage: Stage, into: Times, fn: () => T): T => {
    const faults = process.resourceUsage().minorPageFault;
    const start = performance.now();
    const out = fn();
    into[stage] = performance.now() - start;
    if (into === open) touched[stage] = faultedMb(process.resourceUsage().minorPageFault - faults);
    return out;
  };
  collect();
  let doc: TopologyDocument = time('restore', open, () => restore(text));
  let derivation: Derivation = time('derive', open, () => deriveFlows(doc, catalogue));
  const checker = createChecker(catalogue);
  let findings: readonly Finding[] = time('checks', open, () => checker.check(doc, derivation));
  const nextRows = createRowSources();
  // The row source and the first screen of rows; then the compact columns a filter or sort reads.
  const rows = (into: Times) => {
    const source = time('rows', into, () => {
      const made = nextRows(flowListOf(derivation), doc, words, rowOptions(doc.results));
      for (let i = 0; i < Math.min(SCREEN, made.length); i += 1) made.row(i);
      return made;
    });
    time('columns', into, () => source.columns());
  };
  rows(open);
  const models = createLinkModels(catalogue);
  time('links', open, () => models.update(doc.links, derivation));

  const zones = doc.zones.filter((z) => z.kind === 'clients').map((z) => z.id);
  const samples: Record<Edit, Times[]> = { role: [], link: [], zone: [] };
  const replace = (at: number, host: Host) => {
    doc = { ...doc, hosts: doc.hosts.with(at, host) };
  };
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const edit of EDITS) {
      const at = (round * 7919 + EDITS.indexOf(edit) * 104_729) % doc.hosts.length;
      const host = doc.hosts[at]!;
      if (edit === 'role') replace(at, { ...host, roles: [...host.roles, 'reporting-point'] });
      else if (edit === 'zone')
        replace(at, { ...host, zone: zones[(round + 1) % zones.length] ?? host.zone } as Host);
      else {
        const other = doc.hosts[(at * 31 + 17) % doc.hosts.length]!;
        doc = { ...doc, links: [...doc.links, { id: `bench-${round}`, source: host.id, target: other.id }] };
      }
      collect();
      const t = { restore: 0 } as Times;
      derivation = time('derive', t, () => deriveFlows(doc, catalogue, derivation));
      findings = time('checks', t, () => checker.check(doc, derivation, findings));
      rows(t);
      time('links', t, () => models.update(doc.links, derivation));
      samples[edit].push(t);
    }
  }
  const medianOf = (list: Times[]) =>
    Object.fromEntries(STAGES.map((k) => [k, median(list.slice(1).map((t) => t[k]))])) as Times;
  return {
    hosts: doc.hosts.length,
    links: doc.links.length,
    flows: derivation.flows.length,
    bytes: text.length,
    open,
    touched,
    edits: { role: medianOf(samples.role), link: medianOf(samples.link), zone: medianOf(samples.zone) },
    maxRss: process.resourceUsage().maxRSS * 1024,
  };
}

const SIZES = [10_000, 100_000] as const;
const RUNS = 3;
const OPEN_TARGET = 3000;
const EDIT_TARGET = 200;
const EXPONENT = 1.1;
const MEMORY = 1.5 * 1024 ** 3;

function node(...args: string[]): string {
  return execFileSync(
    process.execPath,
    ['--expose-gc', '--max-old-space-size=4096', '--import', 'tsx', 'bench/stages.ts', ...args],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
}

/** min / median / max of a figure over the runs, formatted. */
function spread(values: readonly number[], format: (v: number) => string): string {
  const sorted = [...values].sort((a, b) => a - b);
  return `${format(sorted[0]!)} / ${format(median(sorted))} / ${format(sorted[sorted.length - 1]!)}`;
}

const exponentOf = (a: number, b: number, n: [number, number]) => Math.log(b / a) / Math.log(n[1] / n[0]);

/**
 * The stages' figures for `npm run bench -- stages`.
 *
 * @returns Open and one edit per stage and in sum, peak memory, and each stage's exponent
 *   10,000 → 100,000 hosts, with their targets.
 */
export function measureStages(): Figure[] {
  mkdirSync('bench-results', { recursive: true });
  const bySize = SIZES.map((size) => {
    const file = `bench-results/stages-${size}.json`;
    if (!existsSync(file)) node('make', String(size), file);
    // Runs of the two sizes interleave, so a busy moment of the machine does not land on one size.
    return { size, file, runs: [] as StagesRun[] };
  });
  for (let r = 0; r < RUNS; r += 1)
    for (const s of bySize)
      s.runs.push(JSON.parse(node('run', s.file).trim().split('\n').pop()!) as StagesRun);
  const figures: Figure[] = [];
  const cost = freshMemoryCost();
  const editTotal = (x: StagesRun) => Math.max(...EDITS.map((e) => sum(x.edits[e])));
  for (const { size, runs } of bySize) {
    const first = runs[0]!;
    const big = size === 100_000;
    const label = `${first.hosts.toLocaleString('en')} hosts, ${first.links.toLocaleString('en')} links, ${first.flows.toLocaleString('en')} flows`;
    for (const stage of STAGES)
      figures.push({
        group: 'stages',
        name: `${label}: open, ${stage}${stage === 'restore' ? ' (JSON text to document, as the app reads a file)' : ''}`,
        value: spread(
          runs.map((x) => x.open[stage]),
          ms,
        ),
      });
    // The app builds the compact columns only for a filter, sort, grouping or "only crossing"
    // (useMatrixTable, highlightOf): a file opens without them, and the first such query pays for
    // them. The open target is on what opening does; the sum with them is printed beside it.
    // A document of more than FAR_HOSTS_ABOVE hosts opens in far view, where the far layer draws the
    // links from their flows: the app makes link models when the view comes near, not at open.
    const opensFar = first.hosts > FAR_HOSTS_ABOVE;
    const opens = runs.map((x) => sum(x.open) - x.open.columns - (opensFar ? x.open.links : 0));
    figures.push({
      group: 'stages',
      name: `${label}: open as the app opens (Node, without paint: restore + derive + checks + rows${opensFar ? '; link models when the view comes near' : ' + link models'}; no compact columns until a filter, sort or grouping)`,
      value: spread(opens, ms),
      ...(big ? { target: `< ${OPEN_TARGET / 1000} s`, pass: median(opens) < OPEN_TARGET } : {}),
    });
    const opensTouched = runs.map(
      (x) => sum(x.touched) - x.touched.columns - (opensFar ? x.touched.links : 0),
    );
    figures.push({
      group: 'stages',
      name: `${label}: memory the open (as above) touched for the first time, restore / derive / checks / rows (medians), and what that took at this machine's rate (measured now)`,
      value: `${(['restore', 'derive', 'checks', 'rows'] as const)
        .map((k) => median(runs.map((x) => x.touched[k])).toFixed(0))
        .join(' / ')} MB; ${median(opensTouched).toFixed(0)} MB ≈ ${ms(median(opensTouched) * cost.first)}`,
    });
    figures.push({
      group: 'stages',
      name: `${label}: open with the compact columns too (a filter, sort or grouping set at open)`,
      value: spread(
        runs.map((x) => sum(x.open)),
        ms,
      ),
    });
    for (const edit of EDITS)
      figures.push({
        group: 'stages',
        name: `${label}: one edit (${edit}), derive / checks / rows / columns / link models (medians)`,
        value: STAGES.slice(1)
          .map((k) => ms(median(runs.map((x) => x.edits[edit][k]))))
          .join(' / '),
      });
    const edits = runs.map(editTotal);
    figures.push({
      group: 'stages',
      name: `${label}: one edit (Node, without paint: the slowest of add a role, add a link, move a host into a zone; all stages)`,
      value: spread(edits, ms),
      ...(big ? { target: `< ${EDIT_TARGET} ms`, pass: median(edits) < EDIT_TARGET } : {}),
    });
    figures.push({
      group: 'stages',
      name: `${label}: one edit as above, without a filter or sort set (no compact columns)`,
      value: spread(
        runs.map((x) => Math.max(...EDITS.map((e) => sum(x.edits[e]) - x.edits[e].columns))),
        ms,
      ),
    });
    const rss = runs.map((x) => x.maxRss);
    figures.push({
      group: 'stages',
      name: `${label}: peak memory (process RSS, open and ${ROUNDS * EDITS.length} edits)`,
      value: spread(rss, mb),
      ...(big ? { target: '< 1.5 GB', pass: median(rss) < MEMORY } : {}),
    });
  }
  const [mid, large] = bySize as [(typeof bySize)[0], (typeof bySize)[0]];
  const n: [number, number] = [mid.runs[0]!.hosts, large.runs[0]!.hosts];
  const exp = (pick: (x: StagesRun) => number) =>
    exponentOf(median(mid.runs.map(pick)), median(large.runs.map(pick)), n);
  for (const stage of STAGES) {
    const e = exp((x) => x.open[stage]);
    figures.push({
      group: 'stages',
      name: `scaling exponent 10,000 → 100,000 hosts, open, ${stage}`,
      value: e.toFixed(2),
      target: `≤ ${EXPONENT}`,
      pass: e <= EXPONENT,
    });
  }
  for (const stage of STAGES.slice(1)) {
    const e = exp((x) => Math.max(...EDITS.map((edit) => x.edits[edit][stage])));
    figures.push({
      group: 'stages',
      name: `scaling exponent 10,000 → 100,000 hosts, one edit (slowest kind), ${stage}`,
      value: e.toFixed(2),
      target: `≤ ${EXPONENT}`,
      pass: e <= EXPONENT,
    });
  }
  return figures;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [mode, arg, file] = process.argv.slice(2);
  if (mode === 'make') {
    writeFileSync(file!, serializeDocument(syntheticHierarchy(Number(arg), catalogue, { zones: true })));
  } else if (mode === 'run') {
    console.log(JSON.stringify(run(arg!)));
  } else {
    const { table } = await import('./stats');
    console.log(table(measureStages()));
  }
}
