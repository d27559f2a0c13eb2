import { linkModels } from '@/canvas/link-model';
import { createLinkModels } from '@/canvas/link-models';
import { catalogue } from '@/domain/default-catalogue';
import { type Derivation, deriveFlows } from '@/domain/derive';
import type { Host, Link, TopologyDocument } from '@/domain/document';
import { linkViewOf } from '@/domain/engine/result';
import { syntheticHierarchy } from '../../bench/synthetic';
import { example } from '../support/examples';
import { seededRandom } from '../support/random';

const ROLES = [
  'client',
  'management-point',
  'distribution-point',
  'sql-server',
  'software-update-point',
  'site-server',
  'domain-controller',
  'no-such-role',
];

type Next = (n: number) => number;
const pick = <T>(next: Next, list: readonly T[]): T => list[next(list.length)] as T;

/**
 * One random edit of the kinds the app makes: most append links or replace hosts (what the engine
 * patches), some remove or insert links, rename hosts or change settings (what it derives anew).
 */
function edit(doc: TopologyDocument, next: Next, step: number): TopologyDocument {
  const hosts = doc.hosts;
  const host = pick(next, hosts);
  const replace = (patch: (h: Host) => Host) => ({
    ...doc,
    hosts: hosts.map((h) => (h === host ? patch(h) : h)),
  });
  const kind = next(10);
  if (kind <= 1) {
    const role = pick(next, ROLES);
    return replace((h) => ({
      ...h,
      roles: h.roles.includes(role) ? h.roles.filter((r) => r !== role) : [...h.roles, role],
    }));
  }
  if (kind === 2) return replace((h) => ({ ...h, options: { ...h.options, pxe: next(2) === 0 } }));
  if (kind <= 4) {
    // Append a link, as drawing one does: sometimes a repeat, a self-link or a dangling one.
    const other = next(8) === 0 ? host : pick(next, hosts);
    const target = next(12) === 0 ? 'missing-host' : other.id;
    const flip = next(2) === 0;
    const link: Link = {
      id: `drawn-${step}`,
      source: flip ? target : host.id,
      target: flip ? host.id : target,
    };
    return { ...doc, links: [...doc.links, link] };
  }
  if (kind === 5 && doc.links.length > 0) {
    const i = next(doc.links.length);
    return { ...doc, links: doc.links.filter((_, j) => j !== i) };
  }
  if (kind === 6) {
    const link: Link = { id: `inserted-${step}`, source: host.id, target: pick(next, hosts).id };
    const at = next(doc.links.length + 1);
    return { ...doc, links: [...doc.links.slice(0, at), link, ...doc.links.slice(at)] };
  }
  if (kind === 7) return replace((h) => ({ ...h, name: `R${step}-${h.name}` }));
  if (kind === 8) {
    const { settings } = doc;
    return {
      ...doc,
      settings: {
        ...settings,
        ports: { ...settings.ports, http: pick(next, [80, 8080]) },
        flags: { ...settings.flags, includeSiteInstallation: next(2) === 0 },
      },
    };
  }
  // Move a host into a zone (or out of it): a new host object the flows do not depend on.
  return replace((h) => ({ ...h, zone: next(2) === 0 ? 'z1' : undefined }));
}

/** Several edits in one step, as an undo of a grouped change, or one. */
function step(doc: TopologyDocument, next: Next, n: number): TopologyDocument {
  let out = edit(doc, next, n * 10);
  if (next(6) === 0) out = edit(out, next, n * 10 + 1);
  return out;
}

const START: readonly [string, () => TopologyDocument][] = [
  ['hierarchy', () => example('hierarchy')],
  ['all-sections', () => example('all-sections')],
  ['synthetic 300', () => syntheticHierarchy(300, catalogue)],
];

const plain = (models: ReadonlyMap<string, unknown>) => new Map(models);

describe('link models after edits equal link models from scratch', () => {
  for (const [name, start] of START) {
    it.each([1, 2, 3])(`${name}, 80 random edits (seed %i)`, (seed) => {
      const next = seededRandom(seed);
      const models = createLinkModels(catalogue);
      let doc = start();
      let derivation: Derivation = deriveFlows(doc, catalogue);
      let patched = 0;
      for (let n = 0; n < 80; n += 1) {
        const before = models.update(doc.links, derivation);
        const edited = step(doc, next, n);
        const nextDerivation = deriveFlows(edited, catalogue, derivation);
        const got = models.update(edited.links, nextDerivation);
        const want = linkModels(edited.links, nextDerivation.flows, catalogue);
        const listed = plain(got);
        expect(listed, `step ${n}`).toEqual(plain(want));
        expect(got.size).toBe(want.size);
        // Looked up by id, each link finds the model it is listed with.
        expect(edited.links.filter((l) => got.get(l.id) !== listed.get(l.id))).toEqual([]);
        // An older version still answers for its own links only.
        expect(doc.links.filter((l) => !before.has(l.id))).toEqual([]);
        if (linkViewOf(nextDerivation)?.base !== -1) patched += 1;
        doc = edited;
        derivation = nextDerivation;
      }
      // Most steps went the incremental way (the engine patched), not only the full one.
      expect(patched).toBeGreaterThan(30);
    });
  }

  it('keeps the model object of every link the edit did not touch', () => {
    const models = createLinkModels(catalogue);
    const doc = syntheticHierarchy(300, catalogue);
    const derivation = deriveFlows(doc, catalogue);
    const before = models.update(doc.links, derivation);
    const [a, b] = [doc.hosts[40]!, doc.hosts[41]!];
    const edited = { ...doc, links: [...doc.links, { id: 'new', source: a.id, target: b.id }] };
    const after = models.update(edited.links, deriveFlows(edited, catalogue, derivation));
    for (const link of doc.links) {
      const near = [a.id, b.id].includes(link.source) || [a.id, b.id].includes(link.target);
      if (!near) expect(after.get(link.id), link.id).toBe(before.get(link.id));
    }
    expect(after.get('new')).toBeDefined();
    expect(before.get('new')).toBeUndefined();
  });

  it('summarises a derivation its deriver has moved on from by its flows', () => {
    const models = createLinkModels(catalogue);
    const doc = syntheticHierarchy(100, catalogue);
    const first = deriveFlows(doc, catalogue);
    const edited = {
      ...doc,
      links: [...doc.links, { id: 'new', source: doc.hosts[5]!.id, target: doc.hosts[9]!.id }],
    };
    deriveFlows(edited, catalogue, first);
    expect(plain(models.update(doc.links, first))).toEqual(
      plain(linkModels(doc.links, first.flows, catalogue)),
    );
  });
});
