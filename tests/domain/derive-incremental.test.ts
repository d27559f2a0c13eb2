import notes from '@data/catalogue/notes.json';
import roles from '@data/catalogue/roles.json';
import rules from '@data/catalogue/rules.json';
import services from '@data/catalogue/services.json';
import settings from '@data/catalogue/settings.json';
import supplementary from '@data/catalogue/supplementary.json';
import { buildCatalogue } from '@/domain/catalogue';
import { deriveFlows } from '@/domain/derive';
import type { Host, Link, TopologyDocument } from '@/domain/document';
import { deriverOf } from '@/domain/engine/deriver';
import type { Flow } from '@/domain/flow';
import { syntheticHierarchy } from '../../bench/synthetic';
import { seededRandom } from '../support/random';

const files = { roles, rules, services, notes, settings, supplementary };
/** The catalogue whose derivations are patched step by step. */
const patched = buildCatalogue(files);

/** A fresh catalogue object and no previous result, so nothing is remembered: the reference result. */
const fromScratch = (doc: TopologyDocument) => deriveFlows(doc, buildCatalogue(files));

/**
 * Every field of every flow as plain data: flows are views whose hosts are read through getters,
 * which a deep equality of the objects alone would not compare.
 */
const plain = (flows: readonly Flow[]) =>
  flows.map((f) => ({
    linkId: f.linkId,
    initiator: f.initiator,
    responder: f.responder,
    protocol: f.protocol,
    port: f.port,
    service: f.service,
    services: f.services,
    initiatorRoles: f.initiatorRoles,
    responderRoles: f.responderRoles,
    sections: f.sections,
    ruleIds: f.ruleIds,
    descriptions: f.descriptions,
    notes: f.notes,
    configurable: f.configurable,
    settings: f.settings,
    dynamic: f.dynamic,
    bothInitiate: f.bothInitiate,
  }));

const roleChoices = [
  'client',
  'management-point',
  'distribution-point',
  'sql-server',
  'software-update-point',
  'site-server',
];

describe('deriveFlows after edits equals a derivation from scratch', () => {
  it.each([1, 2, 3])('over 60 random edits (seed %i)', (seed) => {
    const next = seededRandom(seed);
    let doc = syntheticHierarchy(300, patched);
    let last = deriveFlows(doc, patched);
    for (let step = 0; step < 60; step += 1) {
      const kind = next(6);
      if (kind <= 2) {
        // change one host's roles or options (a new host object, same id and name)
        const i = next(doc.hosts.length);
        const hosts = doc.hosts.map((h, j): Host => {
          if (j !== i) return h;
          const role = roleChoices[next(roleChoices.length)]!;
          const roles = h.roles.includes(role) ? h.roles.filter((r) => r !== role) : [...h.roles, role];
          return {
            ...h,
            roles,
            options: { ...h.options, pxe: next(2) === 0, siteServerInitiates: next(3) === 0 },
          };
        });
        doc = { ...doc, hosts };
      } else if (kind === 3) {
        // append a link, sometimes a repeat or a self-link
        const a = doc.hosts[next(doc.hosts.length)]!.id;
        const b = doc.hosts[next(doc.hosts.length)]!.id;
        const link: Link = { id: `x${step}`, source: a, target: b };
        doc = { ...doc, links: [...doc.links, link] };
      } else if (kind === 4) {
        // remove a link
        const i = next(doc.links.length);
        doc = { ...doc, links: doc.links.filter((_, j) => j !== i) };
      } else {
        // rename a host (changes the matrix order)
        const i = next(doc.hosts.length);
        doc = {
          ...doc,
          hosts: doc.hosts.map((h, j) => (j === i ? { ...h, name: `R${step}-${h.name}` } : h)),
        };
      }
      const before = [...last.flows];
      const emptyBefore = [...last.emptyLinks];
      const got = deriveFlows(doc, patched, last);
      expect(deriverOf(got), 'the deriver is handed on').toBe(deriverOf(last));
      // A patch makes new lists: the last result's flows and empty links stay as they were.
      expect(last.flows.length).toBe(before.length);
      expect(last.flows.every((f, i) => f === before[i])).toBe(true);
      expect(last.emptyLinks).toEqual(emptyBefore);
      last = got;
      const want = fromScratch(doc);
      expect(got.flows.length, `step ${step}`).toBe(want.flows.length);
      expect(plain(got.flows)).toEqual(plain(want.flows));
      expect(got.emptyLinks).toEqual(want.emptyLinks);
    }
  });

  it('returns the same result object when nothing the engine reads changed', () => {
    const doc = syntheticHierarchy(100, patched);
    const first = deriveFlows(doc, patched);
    expect(deriveFlows({ hosts: doc.hosts, links: doc.links, settings: doc.settings }, patched, first)).toBe(
      first,
    );
  });

  it('derives again from scratch when an older document comes back (undo)', () => {
    const before = syntheticHierarchy(100, patched);
    const a = deriveFlows(before, patched);
    const after = { ...before, hosts: before.hosts.map((h, i) => (i === 5 ? { ...h, roles: [] } : h)) };
    const b = deriveFlows(after, patched, a);
    expect(plain(deriveFlows(before, patched, b).flows)).toEqual(plain(a.flows));
  });

  it('gives a host pair the flows of its first link only, however its links are added', () => {
    const base = syntheticHierarchy(200, patched);
    const next = seededRandom(7);
    const pick = () => base.links[next(base.links.length)]!;
    // Repeats of earlier links in both directions, self-links and links to missing hosts.
    const extra = (tag: string, n: number): Link[] =>
      Array.from({ length: n }, (_, k) => {
        const l = pick();
        const kind = k % 4;
        if (kind === 0) return { id: `${tag}${k}`, source: l.source, target: l.target };
        if (kind === 1) return { id: `${tag}${k}`, source: l.target, target: l.source };
        if (kind === 2) return { id: `${tag}${k}`, source: l.source, target: l.source };
        return { id: `${tag}${k}`, source: l.source, target: 'missing-host' };
      });
    const broken = (links: readonly Link[]) =>
      links.filter((l) => l.source === l.target || l.target === 'missing-host').map((l) => l.id);
    for (const n of [3, 40]) {
      const links = [...base.links, ...extra(`r${n}-`, n)];
      const repeated = { ...base, links };
      const want = fromScratch(base);
      const full = fromScratch(repeated);
      expect(plain(full.flows)).toEqual(plain(want.flows));
      expect(full.emptyLinks).toEqual([...want.emptyLinks, ...broken(links)]);
      // Appended to a derived document: a few are checked by scanning, many through the adjacency.
      const appended = deriveFlows(repeated, patched, deriveFlows(base, patched));
      expect(plain(appended.flows)).toEqual(plain(full.flows));
      expect(appended.emptyLinks).toEqual(full.emptyLinks);
    }
  });
});
