/**
 * One engine measurement in a fresh process (so sizes don't share JIT state or heap):
 * `node --expose-gc --import tsx bench/engine-worker.ts <hosts>` prints a JSON line.
 */
import { catalogue } from '@/domain/default-catalogue';
import { type Derivation, deriveFlows } from '@/domain/derive';
import type { TopologyDocument } from '@/domain/document';
import { median } from './stats';
import { syntheticHierarchy } from './synthetic';

const size = Number(process.argv[2] ?? 1000);
const doc = syntheticHierarchy(size, catalogue);

/**
 * New link objects each time, so every link is derived again: a derivation from scratch over the
 * same hosts (what the app does when a link is removed). `opened` also makes every host new, as
 * when a document is opened, so nothing at all is remembered from the previous run.
 */
const cold = (): TopologyDocument => ({ ...doc, links: doc.links.map((l) => ({ ...l })) });
const opened = (): TopologyDocument => ({
  ...doc,
  hosts: doc.hosts.map((h) => ({ ...h, roles: [...h.roles], options: { ...h.options } })),
  links: doc.links.map((l) => ({ ...l })),
});

// Small estates run in well under a millisecond: more warm-up runs so the JIT has settled.
const warmup = size <= 1000 ? 40 : 10;
const runs = size <= 1000 ? 101 : 31;
let flows = 0;
/**
 * The last result, handed to the next call as the app's store does, so the engine reuses its
 * deriver (rule index, templates, host order) for this catalogue.
 */
let last: Derivation | undefined;
/** Collects the previous run's garbage before timing, so each run pays for its own collections only. */
const collect = (globalThis as { gc?: () => void }).gc ?? (() => {});
function timed(make: () => TopologyDocument): number[] {
  const times: number[] = [];
  for (let i = 0; i < warmup + runs; i += 1) {
    const input = make();
    collect();
    const start = performance.now();
    last = deriveFlows(input, catalogue, last);
    flows = last.flows.length;
    if (i >= warmup) times.push(performance.now() - start);
  }
  return times;
}
const openTimes = timed(opened);
const times = timed(cold);

// Incremental: one role added to one host; one link appended.
const base = cold();
last = deriveFlows(base, catalogue, last);
const roleTimes: number[] = [];
const linkTimes: number[] = [];
let current = base;
for (let i = 0; i < 9; i += 1) {
  const target = current.hosts[(i * 37) % current.hosts.length]!;
  const hosts = current.hosts.map((h) =>
    h === target
      ? {
          ...h,
          roles: h.roles.includes('distribution-point')
            ? h.roles.filter((r) => r !== 'distribution-point')
            : [...h.roles, 'distribution-point'],
        }
      : h,
  );
  let start = performance.now();
  last = deriveFlows({ ...current, hosts }, catalogue, last);
  roleTimes.push(performance.now() - start);
  const a = hosts[(i * 53) % hosts.length]!.id;
  const b = hosts[(i * 91 + 7) % hosts.length]!.id;
  const links = [...current.links, { id: `bench-${i}`, source: a, target: b }];
  current = { ...current, hosts, links };
  start = performance.now();
  last = deriveFlows(current, catalogue, last);
  linkTimes.push(performance.now() - start);
}

console.log(
  JSON.stringify({
    size,
    hosts: doc.hosts.length,
    links: doc.links.length,
    flows,
    ms: median(times),
    openMs: median(openTimes),
    roleMs: median(roleTimes.slice(2)),
    linkMs: median(linkTimes.slice(2)),
    maxRss: process.resourceUsage().maxRSS * 1024,
  }),
);
