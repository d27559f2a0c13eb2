/**
 * Checks at 10,000 and 100,000 hosts: a run from scratch and one edit, and the scaling exponent.
 * `measureChecks()` runs each size in its own process (`node --expose-gc --import tsx
 * bench/checks.ts <hosts>` prints a JSON line), so sizes share no JIT state or heap.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createChecker } from '@/domain/checks/checker';
import type { Finding } from '@/domain/checks/finding';
import { runChecks } from '@/domain/checks/run-checks';
import { catalogue } from '@/domain/default-catalogue';
import { deriveFlows } from '@/domain/derive';
import type { TopologyDocument } from '@/domain/document';
import { type Figure, median, ms } from './stats';
import { syntheticHierarchy } from './synthetic';

interface ChecksRun {
  hosts: number;
  links: number;
  findings: number;
  scratchMs: number;
  /** The incremental checker's first run (what the app pays on open). */
  openMs: number;
  /** One role added to one host, checked incrementally. */
  editMs: number;
  /** One link added, checked incrementally. */
  linkMs: number;
}

const collect = (globalThis as { gc?: () => void }).gc ?? (() => {});

/** One size, in this process. */
function measure(size: number): ChecksRun {
  const doc = syntheticHierarchy(size, catalogue);
  let derivation = deriveFlows(doc, catalogue);
  const runs = size > 50_000 ? 3 : 7;
  const scratch: number[] = [];
  let findings = 0;
  for (let i = 0; i < runs + 1; i += 1) {
    collect();
    const start = performance.now();
    findings = runChecks(doc, catalogue, derivation).length;
    if (i > 0) scratch.push(performance.now() - start);
  }
  const open: number[] = [];
  for (let i = 0; i < runs + 1; i += 1) {
    collect();
    const start = performance.now();
    createChecker(catalogue).check(doc, derivation);
    if (i > 0) open.push(performance.now() - start);
  }
  // One edit: add a role to one host, or a link, as the store hands the checker the new document.
  const checker = createChecker(catalogue);
  let last: readonly Finding[] = checker.check(doc, derivation);
  const edits: number[] = [];
  const linkEdits: number[] = [];
  let current: TopologyDocument = doc;
  for (let i = 0; i < runs + 1; i += 1) {
    const target = current.hosts[(i * 37 + 11) % current.hosts.length]!;
    const hosts = current.hosts.map((h) =>
      h === target ? { ...h, roles: [...h.roles, 'distribution-point'] } : h,
    );
    current = { ...current, hosts };
    derivation = deriveFlows(current, catalogue, derivation);
    collect();
    let start = performance.now();
    last = checker.check(current, derivation, last);
    if (i > 0) edits.push(performance.now() - start);
    const a = hosts[(i * 53) % hosts.length]!.id;
    const b = hosts[(i * 91 + 7) % hosts.length]!.id;
    current = { ...current, links: [...current.links, { id: `bench-${i}`, source: a, target: b }] };
    derivation = deriveFlows(current, catalogue, derivation);
    collect();
    start = performance.now();
    last = checker.check(current, derivation, last);
    if (i > 0) linkEdits.push(performance.now() - start);
  }
  return {
    hosts: doc.hosts.length,
    links: doc.links.length,
    findings,
    scratchMs: median(scratch),
    openMs: median(open),
    editMs: median(edits),
    linkMs: median(linkEdits),
  };
}

/**
 * The checks' figures for `npm run bench`.
 *
 * @returns Scratch and one-edit times at 10,000 and 100,000 hosts, and the exponent between them.
 */
export function measureChecks(): Figure[] {
  const runs = [10_000, 100_000].map((n) => {
    const out = execFileSync(
      process.execPath,
      ['--expose-gc', '--max-old-space-size=4096', '--import', 'tsx', 'bench/checks.ts', String(n)],
      { encoding: 'utf8' },
    );
    return JSON.parse(out.trim().split('\n').pop()!) as ChecksRun;
  });
  const [mid, large] = runs as [ChecksRun, ChecksRun];
  const exponent = (key: 'scratchMs' | 'openMs' | 'editMs' | 'linkMs') =>
    Math.log(large[key] / mid[key]) / Math.log(large.hosts / mid.hosts);
  const figures: Figure[] = runs.map((r) => ({
    group: 'checks',
    name: `${r.hosts.toLocaleString('en')} hosts, ${r.links.toLocaleString('en')} links → ${r.findings} findings: runChecks / checker's first run / add a role / add a link`,
    value: `${ms(r.scratchMs)} / ${ms(r.openMs)} / ${ms(r.editMs)} / ${ms(r.linkMs)}`,
  }));
  const what = {
    scratchMs: 'runChecks',
    openMs: "checker's first run",
    editMs: 'add a role',
    linkMs: 'add a link',
  };
  for (const key of ['scratchMs', 'openMs', 'editMs', 'linkMs'] as const) {
    const e = exponent(key);
    figures.push({
      group: 'checks',
      name: `scaling exponent 10,000 → 100,000 hosts, ${what[key]}`,
      value: e.toFixed(2),
      target: '≤ 1.1',
      pass: e <= 1.1,
    });
  }
  return figures;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const size = Number(process.argv[2] ?? 10_000);
  console.log(JSON.stringify(measure(size)));
}
