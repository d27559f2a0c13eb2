import { compareFlows } from '@/domain/delta/compare-flows';
import type { DeltaRow } from '@/domain/delta/delta-types';
import { linkDeltas } from '@/domain/delta/link-deltas';
import type { TopologyDocument } from '@/domain/document';
import { makeDocument, makeHost, makeLink } from '../builders';
import { loadExample, rowsOf } from '../export/support';

const hierarchy = loadExample('hierarchy');

/** What a workbook keeps of a row: names, no ids. */
const withoutIds = (r: DeltaRow): DeltaRow => ({
  source: r.source,
  target: r.target,
  protocol: r.protocol,
  port: r.port,
  service: r.service,
  sections: r.sections,
});

const without = (doc: TopologyDocument, linkId: string): TopologyDocument => ({
  ...doc,
  links: doc.links.filter((l) => l.id !== linkId),
});

describe('linkDeltas', () => {
  it('puts the flows of a link deleted since a saved diagram beside the canvas, and marks no other link', () => {
    const now = without(hierarchy, 'l17');
    const delta = compareFlows(rowsOf(hierarchy), rowsOf(now));
    const { byLink, elsewhere } = linkDeltas(delta, now.links, now.hosts);
    expect(delta.removed.length).toBeGreaterThan(0);
    expect([...byLink]).toEqual([]);
    expect(elsewhere).toEqual(delta.removed);
    expect(new Set(elsewhere.map((e) => [e.source, e.target].sort().join(' ')))).toEqual(
      new Set(['Clients P01 P01-MPDP']),
    );
  });

  it('finds the link of a workbook row (names only) in either direction', () => {
    const changed: TopologyDocument = {
      ...hierarchy,
      hosts: hierarchy.hosts.map((h) =>
        h.id === 'p01mp' ? { ...h, options: { ...h.options, siteServerInitiates: true } } : h,
      ),
    };
    const delta = compareFlows(rowsOf(hierarchy).map(withoutIds), rowsOf(changed));
    expect(delta.removed.length).toBeGreaterThan(0);
    const { byLink, elsewhere } = linkDeltas(delta, changed.links, changed.hosts);
    expect(elsewhere).toEqual([]);
    // Only P01's site server and its management point lose the flows the MP no longer opens.
    expect([...byLink]).toEqual([['l8', 'removed']]);
  });

  it('marks a link added since the earlier request, and one with ports gone and come as changed', () => {
    const now = { ...hierarchy, links: [...hierarchy.links] };
    const before = without(hierarchy, 'l17');
    const delta = compareFlows(rowsOf(before), rowsOf(now));
    expect(linkDeltas(delta, now.links, now.hosts).byLink).toEqual(new Map([['l17', 'added']]));

    const mixed = {
      added: [{ ...delta.added[0]!, linkId: 'l17' }],
      removed: [{ ...delta.added[0]!, change: 'removed' as const, linkId: 'l17' }],
      changed: [],
      unchanged: 0,
      matchedBy: 'names-and-ids' as const,
    };
    expect(linkDeltas(mixed, now.links, now.hosts).byLink).toEqual(new Map([['l17', 'changed']]));
  });

  it("does not give a deleted link's changes to a new link that took its id", () => {
    const hosts = ['a', 'b', 'c', 'd'].map((id) => makeHost(id, [], { name: id.toUpperCase() }));
    const now = makeDocument(hosts, [makeLink('c', 'd', 'lx')]);
    const entry = {
      change: 'removed' as const,
      source: 'A',
      target: 'B',
      protocol: 'TCP' as const,
      service: 'SMB',
      portsBefore: [{ kind: 'single' as const, port: 445 }],
      portsAfter: [],
      sections: [],
      linkId: 'lx',
    };
    const delta = { added: [], removed: [entry], changed: [], unchanged: 0, matchedBy: 'names' as const };
    const { byLink, elsewhere } = linkDeltas(delta, now.links, now.hosts);
    expect(byLink.size).toBe(0);
    expect(elsewhere).toEqual([entry]);
  });
});
