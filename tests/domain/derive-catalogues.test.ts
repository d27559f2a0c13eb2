import notes from '@data/catalogue/notes.json';
import roles from '@data/catalogue/roles.json';
import rules from '@data/catalogue/rules.json';
import services from '@data/catalogue/services.json';
import settings from '@data/catalogue/settings.json';
import supplementary from '@data/catalogue/supplementary.json';
import { buildCatalogue } from '@/domain/catalogue';
import type { Catalogue } from '@/domain/catalogue-types';
import { type Derivation, deriveFlows } from '@/domain/derive';
import type { TopologyDocument } from '@/domain/document';
import { createDeriver, deriverOf } from '@/domain/engine/deriver';
import type { Flow } from '@/domain/flow';
import { syntheticHierarchy } from '../../bench/synthetic';

const MP = 'management-point';
const full = buildCatalogue({ roles, rules, services, notes, settings, supplementary });
/** The same files without the management point: its role, its sections and every rule naming it. */
const withoutMp = buildCatalogue({
  roles: { ...roles, roles: roles.roles.filter((r) => r.id !== MP) },
  rules: {
    ...rules,
    sections: rules.sections.filter((s) => s.from !== MP && s.to !== MP),
    rules: rules.rules.filter((r) => r.from !== MP && r.to !== MP),
  },
  services,
  notes,
  settings,
  supplementary: { ...supplementary, rules: supplementary.rules.filter((r) => r.from !== MP && r.to !== MP) },
});

/** Every field of every flow as plain data (flows are views read through getters). */
const plain = (flows: readonly Flow[]) =>
  flows.map((f) => ({
    linkId: f.linkId,
    initiator: f.initiator,
    responder: f.responder,
    protocol: f.protocol,
    port: f.port,
    services: f.services,
    initiatorRoles: f.initiatorRoles,
    responderRoles: f.responderRoles,
    sections: f.sections,
    ruleIds: f.ruleIds,
    notes: f.notes,
    settings: f.settings,
    dynamic: f.dynamic,
    bothInitiate: f.bothInitiate,
  }));

const mpFlows = (d: Derivation) => d.flows.filter((f) => f.responderRoles.includes(MP)).length;

/** A fresh derivation: a new catalogue-less call, so no deriver is reused. */
function expectFresh(got: Derivation, doc: TopologyDocument, catalogue: Catalogue): void {
  const want = deriveFlows(doc, catalogue);
  expect(plain(got.flows)).toEqual(plain(want.flows));
  expect(got.emptyLinks).toEqual(want.emptyLinks);
}

describe('deriving one document against two catalogues in turns', () => {
  const doc = syntheticHierarchy(200, full);

  it('gives each catalogue its own flows, whichever ran before (the previous result is handed on)', () => {
    let last: Derivation | undefined;
    let current = doc;
    for (const [step, catalogue] of [withoutMp, full, withoutMp, full, full, withoutMp].entries()) {
      // An edit between turns, so a reused deriver would have something to patch.
      current = { ...current, hosts: current.hosts.map((h, i) => (i === step ? { ...h } : h)) };
      const got = deriveFlows(current, catalogue, last);
      expect(deriverOf(got)?.catalogue).toBe(catalogue);
      expectFresh(got, current, catalogue);
      if (catalogue === full) expect(mpFlows(got), `step ${step}`).toBeGreaterThan(0);
      else expect(mpFlows(got), `step ${step}`).toBe(0);
      last = got;
    }
  });

  it('keeps two derivers apart when both are used in turns', () => {
    const a = createDeriver(withoutMp);
    const b = createDeriver(full);
    for (let round = 0; round < 3; round += 1) {
      expectFresh(a.derive(doc), doc, withoutMp);
      expectFresh(b.derive(doc), doc, full);
    }
    expect(mpFlows(b.derive(doc))).toBeGreaterThan(0);
  });

  it('reuses the previous deriver only for the same catalogue object', () => {
    const first = deriveFlows(doc, full);
    expect(deriverOf(deriveFlows(doc, full, first))).toBe(deriverOf(first));
    expect(
      deriverOf(
        deriveFlows(doc, buildCatalogue({ roles, rules, services, notes, settings, supplementary }), first),
      ),
    ).not.toBe(deriverOf(first));
    expect(deriverOf(deriveFlows(doc, full, { flows: [], emptyLinks: [] }))).not.toBe(deriverOf(first));
  });
});
