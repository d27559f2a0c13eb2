import { createChecker } from '@/domain/checks/checker';
import type { Finding } from '@/domain/checks/finding';
import { runChecks } from '@/domain/checks/run-checks';
import { catalogue } from '@/domain/default-catalogue';
import { type Derivation, deriveFlows } from '@/domain/derive';
import type { Host, Link, TopologyDocument } from '@/domain/document';
import { syntheticHierarchy } from '../../../bench/synthetic';
import { example } from '../../support/examples';
import { seededRandom } from '../../support/random';

const ROLES = [
  'client',
  'management-point',
  'distribution-point',
  'cloud-distribution-point',
  'sql-server',
  'software-update-point',
  'wsus-upstream',
  'internet',
  'site-server',
  'sms-provider',
  'console',
  'enrollment-proxy-point',
  'mobile-device',
  'endpoint-protection-point',
  'domain-controller',
  'no-such-role',
];
const SITES = ['P01', 'P02', 'CAS', 'S01', ' p01 ', '', undefined];
const IPS = ['10.0.0.1', '10.0.0.2', '10.0.0.300', 'fe80::1', undefined, ' 10.0.0.1 '];

type Next = (n: number) => number;
const pick = <T>(next: Next, list: readonly T[]): T => list[next(list.length)] as T;

/** One random edit of the kinds the app makes (and a few it should not, such as dangling links). */
function edit(doc: TopologyDocument, next: Next, step: number, depth = 0): TopologyDocument {
  const hosts = doc.hosts;
  const host = hosts.length > 0 ? pick(next, hosts) : undefined;
  const replace = (patch: (h: Host) => Host) => ({
    ...doc,
    hosts: hosts.map((h) => (h === host ? patch(h) : h)),
  });
  // An empty document only grows; a nested edit (depth 1) is one of the single edits.
  const kind = hosts.length === 0 ? 3 : depth > 0 ? next(12) : next(13);
  if (host && kind === 0) {
    const role = pick(next, ROLES);
    return replace((h) => ({
      ...h,
      roles: h.roles.includes(role) ? h.roles.filter((r) => r !== role) : [...h.roles, role],
    }));
  }
  if (host && kind === 1) {
    return replace((h) => ({
      ...h,
      options: {
        ...h.options,
        pxe: next(2) === 0,
        siteType: pick(next, ['primary', 'secondary', 'cas', undefined] as const),
        parentSite: pick(next, SITES),
        siteServerInitiates: next(3) === 0,
        wsusHttp: pick(next, [80, 8530, undefined]),
      },
    }));
  }
  if (host && kind === 2) return replace((h) => ({ ...h, site: pick(next, SITES) }));
  if (kind === 3) {
    const id = `n${step}`;
    const name = host && next(3) === 0 ? ` ${host.name.toUpperCase()}` : `NEW${step}`;
    const added: Host = {
      id,
      name,
      roles: [pick(next, ROLES), pick(next, ROLES)].filter((r, i, a) => a.indexOf(r) === i),
      site: pick(next, SITES),
      ip: pick(next, IPS),
      options: { pxe: next(2) === 0 },
    };
    const at = next(hosts.length + 1);
    const links =
      host && next(2) === 0 ? [...doc.links, { id: `nl${step}`, source: id, target: host.id }] : doc.links;
    return { ...doc, hosts: [...hosts.slice(0, at), added, ...hosts.slice(at)], links };
  }
  if (host && kind === 4) {
    // Remove a host; usually with its links, as the store does, sometimes leaving them dangling.
    const keep = next(4) === 0;
    return {
      ...doc,
      hosts: hosts.filter((h) => h !== host),
      links: keep ? doc.links : doc.links.filter((l) => l.source !== host.id && l.target !== host.id),
    };
  }
  if (host && kind === 5) {
    const other = next(5) === 0 ? host : pick(next, hosts);
    const target = next(10) === 0 ? 'missing-host' : other.id;
    const link: Link = { id: `l${step}`, source: host.id, target };
    const at = next(doc.links.length + 1);
    return { ...doc, links: [...doc.links.slice(0, at), link, ...doc.links.slice(at)] };
  }
  if (kind === 6 && doc.links.length > 0) {
    const i = next(doc.links.length);
    return { ...doc, links: doc.links.filter((_, j) => j !== i) };
  }
  if (host && kind === 7) {
    const other = pick(next, hosts);
    return replace((h) => ({ ...h, name: next(2) === 0 ? other.name.toLowerCase() : `R${step}-${h.name}` }));
  }
  if (host && kind === 8) return replace((h) => ({ ...h, ip: pick(next, IPS) }));
  if (kind === 9) {
    const { settings } = doc;
    return {
      ...doc,
      settings: {
        ...settings,
        ports: { ...settings.ports, wsusHttp: pick(next, [80, 8530]), http: pick(next, [80, 8080]) },
        ranges:
          next(2) === 0 ? { ...settings.ranges, rpcDynamic: { from: 50000, to: 50100 } } : settings.ranges,
        flags: { ...settings.flags, includeSiteInstallation: next(2) === 0 },
      },
    };
  }
  if (host && kind === 10) return replace((h) => ({ ...h, zone: next(2) === 0 ? 'z1' : undefined }));
  if (kind === 11 && doc.links.length > 0) {
    // A second link between two linked hosts (either way round), before or after the first:
    // only the first of a pair carries flows.
    const first = pick(next, doc.links);
    const flip = next(2) === 0;
    const link: Link = {
      id: `r${step}`,
      source: flip ? first.target : first.source,
      target: flip ? first.source : first.target,
    };
    const at = next(doc.links.length + 1);
    return { ...doc, links: [...doc.links.slice(0, at), link, ...doc.links.slice(at)] };
  }
  // Two edits in one step, as an undo of a grouped change or a fix that adds a host and links.
  if (depth > 0) return doc;
  return edit(edit(doc, next, step * 1000 + 1, 1), next, step * 1000 + 2, 1);
}

const START: readonly [string, () => TopologyDocument][] = [
  ['standalone-primary', () => example('standalone-primary')],
  ['hierarchy', () => example('hierarchy')],
  ['all-sections', () => example('all-sections')],
  ['synthetic 300', () => syntheticHierarchy(300, catalogue)],
];

describe('the incremental checker equals runChecks after every edit', () => {
  describe.each(START)('from %s', (_, start) => {
    it.each([1, 2, 3])('over 70 random edits (seed %i)', (seed) => {
      const next = seededRandom(seed * 7919);
      const checker = createChecker(catalogue);
      let doc = start();
      let derivation: Derivation = deriveFlows(doc, catalogue);
      let last: readonly Finding[] = checker.check(doc, derivation);
      expect(last).toEqual(runChecks(doc, catalogue, derivation));
      for (let step = 0; step < 70; step += 1) {
        doc = edit(doc, next, step);
        derivation = deriveFlows(doc, catalogue, derivation);
        const got = checker.check(doc, derivation, last);
        const want = runChecks(doc, catalogue, derivation);
        expect(
          got.map((f) => f.id),
          `step ${step}`,
        ).toEqual(want.map((f) => f.id));
        expect(got, `step ${step}`).toEqual(want);
        last = got;
      }
    });
  });
});

describe('createChecker', () => {
  it('keeps the finding objects of hosts an edit did not touch', () => {
    const checker = createChecker(catalogue);
    const doc = syntheticHierarchy(300, catalogue);
    const derivation = deriveFlows(doc, catalogue);
    const first = checker.check(doc, derivation);
    const target = doc.hosts.find((h) => h.roles.includes('distribution-point'))!;
    const edited = {
      ...doc,
      hosts: doc.hosts.map((h) => (h === target ? { ...h, options: { ...h.options, pxe: true } } : h)),
    };
    const second = checker.check(edited, deriveFlows(edited, catalogue, derivation), first);
    const before = new Set(first);
    const kept = second.filter((f) => before.has(f) && !f.hosts.includes(target.id));
    expect(kept.length).toBeGreaterThan(0);
    // A finding that names the edited host is made again unless it reads exactly as before (the
    // link notes that list it among many hosts keep their objects).
    expect(second.some((f) => f.hosts.includes(target.id) && !before.has(f))).toBe(true);
    const now = new Map(runChecks(edited, catalogue).map((f) => [f.id, f]));
    for (const f of second.filter((f) => f.hosts.includes(target.id) && before.has(f)))
      expect(f).toEqual(now.get(f.id));
  });

  it('checks from scratch when handed another result than its last one', () => {
    const checker = createChecker(catalogue);
    const a = example('hierarchy');
    const b = example('standalone-primary');
    const first = checker.check(a, deriveFlows(a, catalogue));
    checker.check(b, deriveFlows(b, catalogue), first);
    // `first` is no longer the checker's last result: a stale previous must not patch.
    const again = checker.check(a, deriveFlows(a, catalogue), first);
    expect(again).toEqual(runChecks(a, catalogue));
  });
});
