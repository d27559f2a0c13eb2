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
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createLinkModels } from '@/canvas/link-models';
import { createChecker } from '@/domain/checks/checker';
import type { Finding } from '@/domain/checks/finding';
import { catalogue } from '@/domain/default-catalogue';
import { type Derivation, deriveFlows } from '@/domain/derive';
import type { Host, TopologyDocument } from '@/domain/document';
import { MAX_FILE_BYTES, MAX_ITEMS } from '@/domain/limits';
import { createRowSources } from '@/domain/matrix/row-source';
import { restoreDocument, serializeDocument } from '@/domain/restore';
import { rowOptions } from '@/domain/results/link-results';
import { rowWords } from '@/i18n/row-words';
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
  /** Per edit kind, each stage's median over the rounds (restore is 0: an edit reads no file). */
  edits: Record<Edit, Times>;
  maxRss: number;
}

/** Rows a first screen of the matrix shows. */
const SCREEN = 40;
const ROUNDS = 7;
const collect = (globalThis as { gc?: () => void }).gc ?? (() => {});
const sum = (t: Times) => STAGES.reduce((s, k) => s + t[k], 0);

const restoreOrThrow = (input: unknown): TopologyDocument => {
  const r = restoreDocument(input, catalogue);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.document;
};

/**
 * The app's reader: JSON, then restore (readDocumentText also refuses text above 20 MB). A
 * document with more links than restore's cap of items per list (the 100,000-host estate) is
 * refused by the app; here its links are restored in slices under the cap, each slice with every
 * host, and the time of restoring the hosts alone is subtracted for every slice but one.
 */
function restore(text: string): { document: TopologyDocument; subtract: number } {
  const parsed = JSON.parse(text) as TopologyDocument;
  if (parsed.links.length <= MAX_ITEMS) return { document: restoreOrThrow(parsed), subtract: 0 };
  const links = [];
  let document: TopologyDocument | undefined;
  for (let at = 0; at < parsed.links.length; at += MAX_ITEMS) {
    document = restoreOrThrow({ ...parsed, links: parsed.links.slice(at, at + MAX_ITEMS) });
    for (const link of document.links) links.push(link);
  }
  const start = performance.now();
  restoreOrThrow({ ...parsed, links: [] });
  const hostsOnly = performance.now() - start;
  const slices = Math.ceil(parsed.links.length / MAX_ITEMS);
  return { document: { ...document!, links }, subtract: hostsOnly * slices };
}

/** Opens the file as the app does, then edits it as the store does; times each stage. */
function run(file: string): StagesRun {
  const text = readFileSync(file, 'utf8');
  const words = rowWords(catalogue, 'en');
  const open = {} as Times;
  const time = <T>(stage: Stage, into: Times, fn: () => T): T => {
    const start = performance.now();
    const out = fn();
    into[stage] = performance.now() - start;
    return out;
  };
  collect();
  const restored = time('restore', open, () => restore(text));
  let doc: TopologyDocument = restored.document;
  open.restore -= restored.subtract;
  let derivation: Derivation = time('derive', open, () => deriveFlows(doc, catalogue));
  const checker = createChecker(catalogue);
  let findings: readonly Finding[] = time('checks', open, () => checker.check(doc, derivation));
  const nextRows = createRowSources();
  // The row source and the first screen of rows; then the compact columns a filter or sort reads.
  const rows = (into: Times) => {
    const source = time('rows', into, () => {
      const made = nextRows(derivation.flows, doc, words, rowOptions(doc.results));
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

/** What the restore figure is, where the app would refuse the file. */
function restoreNote(x: StagesRun, bytes: number): string {
  const over = [
    ...(bytes > MAX_FILE_BYTES ? [`${mb(bytes)} > ${mb(MAX_FILE_BYTES)}`] : []),
    ...(x.links > MAX_ITEMS
      ? [`${x.links.toLocaleString('en')} links > ${MAX_ITEMS.toLocaleString('en')} items`]
      : []),
  ];
  return over.length === 0
    ? ''
    : ` (the app refuses this file: ${over.join(', ')}; links restored in slices, hosts counted once)`;
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
  const editTotal = (x: StagesRun) => Math.max(...EDITS.map((e) => sum(x.edits[e])));
  for (const { size, file, runs } of bySize) {
    const first = runs[0]!;
    const big = size === 100_000;
    const label = `${first.hosts.toLocaleString('en')} hosts, ${first.links.toLocaleString('en')} links, ${first.flows.toLocaleString('en')} flows`;
    for (const stage of STAGES)
      figures.push({
        group: 'stages',
        name: `${label}: open, ${stage}${stage === 'restore' ? restoreNote(first, statSync(file).size) : ''}`,
        value: spread(
          runs.map((x) => x.open[stage]),
          ms,
        ),
      });
    const opens = runs.map((x) => sum(x.open));
    figures.push({
      group: 'stages',
      name: `${label}: open (Node, without paint: restore + derive + checks + rows + columns + link models)`,
      value: spread(opens, ms),
      ...(big ? { target: `< ${OPEN_TARGET / 1000} s`, pass: median(opens) < OPEN_TARGET } : {}),
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
