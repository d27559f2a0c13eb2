import { catalogue } from '@/domain/default-catalogue';
import { type Derivation, deriveFlows } from '@/domain/derive';
import type { Host, TopologyDocument } from '@/domain/document';
import { linkViewOf } from '@/domain/engine/result';
import { createServiceUse, flowCounts } from '@/store/flow-use';
import { syntheticHierarchy } from '../../bench/synthetic';
import { makeDocument, makeHost } from '../builders';
import { seededRandom } from '../support/random';

const ROLES = [
  'client',
  'management-point',
  'distribution-point',
  'software-update-point',
  'sql-server',
  'domain-controller',
  'internet',
  'cloud-management-gateway',
];

function scratchServices(d: Derivation): Set<string> {
  const used = new Set<string>();
  for (const f of d.flows) for (const id of f.services) used.add(id);
  return used;
}

function scratchCounts(d: Derivation, ids: ReadonlySet<string>): Map<string, number> {
  const count = new Map([...ids].map((id) => [id, 0]));
  for (const f of d.flows) if (count.has(f.linkId)) count.set(f.linkId, count.get(f.linkId)! + 1);
  return count;
}

/** One random edit: replace a host's roles, append a link (sometimes a repeat), or drop a link. */
function edit(doc: TopologyDocument, next: (n: number) => number, step: number): TopologyDocument {
  const kind = next(6);
  const host = doc.hosts[next(doc.hosts.length)]!;
  if (kind <= 2) {
    const roles = [ROLES[next(ROLES.length)]!, ...(next(2) === 0 ? [ROLES[next(ROLES.length)]!] : [])];
    const changed: Host = { ...host, roles: [...new Set(roles)] };
    return { ...doc, hosts: doc.hosts.map((h) => (h === host ? changed : h)) };
  }
  if (kind <= 4) {
    const other = doc.hosts[next(doc.hosts.length)]!;
    return { ...doc, links: [...doc.links, { id: `n${step}`, source: host.id, target: other.id }] };
  }
  const at = next(doc.links.length);
  return { ...doc, links: doc.links.filter((_, i) => i !== at) };
}

describe('what the panels read of the flows, per link', () => {
  it('counts the services in use edit by edit as a walk over every flow would', () => {
    let doc = syntheticHierarchy(400, catalogue);
    const servicesOf = createServiceUse();
    let d = deriveFlows(doc, catalogue);
    let used = servicesOf(d);
    expect(used).toEqual(scratchServices(d));
    const next = seededRandom(5);
    let patched = 0;
    for (let step = 0; step < 150; step += 1) {
      doc = edit(doc, next, step);
      d = deriveFlows(doc, catalogue, d);
      if (linkViewOf(d)!.base !== -1) patched += 1;
      const now = servicesOf(d);
      const scratch = scratchServices(d);
      expect(now, `step ${step}`).toEqual(scratch);
      // The same set object while the services in use stay the same.
      if (scratch.size === used.size && [...scratch].every((s) => used.has(s))) expect(now).toBe(used);
      used = now;
    }
    // Most edits were patches: the incremental count was the one tested.
    expect(patched).toBeGreaterThan(75);
  }, 120_000);

  it('counts a run of alike links once, and each of them again as edits empty them one by one', () => {
    // One management point and 120 clients linked to it, one after the other: every link carries
    // the same list of flow contents, counted from scratch as one run.
    const clients = Array.from({ length: 120 }, (_, i) => makeHost(`pc${i}`, ['client']));
    let doc = makeDocument(
      [makeHost('mp', ['management-point']), ...clients],
      clients.map((c, i) => ({ id: `l${i}`, source: c.id, target: 'mp' })),
    );
    const servicesOf = createServiceUse();
    let d = deriveFlows(doc, catalogue);
    expect(servicesOf(d).size).toBeGreaterThan(0);
    expect(servicesOf(d)).toEqual(scratchServices(d));
    let patched = 0;
    for (let i = 0; i < clients.length; i += 1) {
      doc = { ...doc, hosts: doc.hosts.map((h) => (h.id === `pc${i}` ? { ...h, roles: [] } : h)) };
      d = deriveFlows(doc, catalogue, d);
      if (linkViewOf(d)!.base !== -1) patched += 1;
      expect(servicesOf(d), `${i + 1} clients emptied`).toEqual(scratchServices(d));
    }
    expect(patched).toBe(clients.length);
    expect(servicesOf(d).size).toBe(0);
  });

  it('counts a derivation the engine did not make from its flows', () => {
    const d = deriveFlows(syntheticHierarchy(100, catalogue), catalogue);
    const copy: Derivation = { flows: [...d.flows], emptyLinks: d.emptyLinks };
    expect(createServiceUse()(copy)).toEqual(scratchServices(d));
  });

  it('counts the flows of a host’s links as the flows name them, repeats and copies included', () => {
    let doc = syntheticHierarchy(300, catalogue);
    const next = seededRandom(11);
    let d = deriveFlows(doc, catalogue);
    for (let step = 0; step < 60; step += 1) {
      doc = edit(doc, next, step);
      // A link repeating a pair, and a second link with an id already used.
      if (step === 10) doc = { ...doc, links: [...doc.links, { ...doc.links[0]!, id: 'again' }] };
      if (step === 20)
        doc = { ...doc, links: [...doc.links, { ...doc.links[1]!, source: doc.links[2]!.source }] };
      d = deriveFlows(doc, catalogue, d);
      const host = doc.hosts[next(doc.hosts.length)]!;
      const at: number[] = [];
      doc.links.forEach((l, i) => {
        if (l.source === host.id || l.target === host.id || l.id === 'again' || next(50) === 0) at.push(i);
      });
      const ids = new Set(at.map((i) => doc.links[i]!.id));
      // Every link of an id counted (a document with a repeated link id has both).
      doc.links.forEach((l, i) => {
        if (ids.has(l.id) && !at.includes(i)) at.push(i);
      });
      expect(flowCounts(d, doc.links, at), `step ${step}`).toEqual(scratchCounts(d, ids));
    }
  }, 120_000);
});
