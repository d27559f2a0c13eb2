import { catalogue } from '@/domain/default-catalogue';
import { deriveFlows } from '@/domain/derive';
import type { TopologyDocument } from '@/domain/document';
import { ZONE_PAIR_COLUMN } from '@/domain/matrix/compact-columns';
import { queryMatrix } from '@/domain/matrix/matrix-query';
import { createRowSource, createRowSources } from '@/domain/matrix/row-source';
import { type FlowRow, flowsToRows } from '@/domain/rows';
import { zonePairKey } from '@/domain/zones/crossing';
import { rowWords } from '@/i18n/row-words';
import { makeDocument, makeHost } from '../builders';

/** Site server and MP in zone Core, clients in zone Clients, a DP in no zone. */
function zonedDocument(): TopologyDocument {
  return makeDocument(
    [
      makeHost('site', ['site-server'], { name: 'P01-SITE', zone: 'core' }),
      makeHost('mp', ['management-point'], { name: 'P01-MP01', zone: 'core' }),
      makeHost('pc', ['client'], { name: 'Clients', zone: 'clients' }),
      makeHost('dp', ['distribution-point'], { name: 'P01-DP01' }),
    ],
    [
      ['mp', 'site'],
      ['pc', 'mp'],
      ['site', 'dp'],
      ['pc', 'dp'],
    ],
    {
      zones: [
        { id: 'core', name: 'Core' },
        { id: 'clients', name: 'Clients' },
      ],
    },
  );
}

function derived(document: TopologyDocument) {
  const { flows } = deriveFlows(document, catalogue);
  return {
    flows,
    rows: flowsToRows(flows, document, rowWords(catalogue, 'en')),
    source: createRowSource(flows, document, rowWords(catalogue, 'en')),
  };
}

const ids = (rows: readonly FlowRow[]) => rows.map((r) => r.id);

describe('rows and zone boundaries', () => {
  const { rows } = derived(zonedDocument());

  it('marks flows between two hosts of one zone as inside, every other as crossing', () => {
    const byLink = (link: string) => rows.filter((r) => r.linkId === link);
    expect(byLink('mp-site').length).toBeGreaterThan(0);
    expect(byLink('mp-site').every((r) => !r.crossesZone)).toBe(true);
    for (const link of ['pc-mp', 'site-dp', 'pc-dp']) {
      expect(byLink(link).length).toBeGreaterThan(0);
      expect(byLink(link).every((r) => r.crossesZone)).toBe(true);
    }
  });

  it('carries the zone ids and the zone pair key beside the zone names', () => {
    const inside = rows.find((r) => r.linkId === 'mp-site')!;
    expect([inside.sourceZoneId, inside.targetZoneId]).toEqual(['core', 'core']);
    expect([inside.sourceZone, inside.targetZone]).toEqual(['Core', 'Core']);
    expect(inside.zonePair).toBe(zonePairKey('core', 'core'));
    const toDp = rows.find((r) => r.linkId === 'pc-dp' && r.sourceId === 'pc')!;
    expect(toDp.zonePair).toBe(zonePairKey('clients', ''));
    expect(toDp.targetZone).toBe('');
  });
});

describe('the compact columns and zone boundaries', () => {
  it('hides the flows inside a zone, and only those', () => {
    const { rows, source } = derived(zonedDocument());
    const view = queryMatrix(source.columns(), { global: '', columns: [], onlyCrossing: true });
    expect(ids([...view.order].map((i) => source.row(i)))).toEqual(ids(rows.filter((r) => r.crossesZone)));
    expect(view.order.length).toBeLessThan(rows.length);
  });

  it('combines the crossing toggle with the other filters', () => {
    const { rows, source } = derived(zonedDocument());
    const view = queryMatrix(source.columns(), {
      global: 'p01-mp01',
      columns: [{ id: 'protocol', value: 'tcp' }],
      onlyCrossing: true,
    });
    const expected = rows.filter(
      (r) => r.crossesZone && r.protocol === 'TCP' && (r.source === 'P01-MP01' || r.target === 'P01-MP01'),
    );
    expect(expected.length).toBeGreaterThan(0);
    expect([...view.order].map((i) => source.row(i).id)).toEqual(ids(expected));
  });

  it('groups by zone pair, source zone first, in order of each group first row', () => {
    const { rows, source } = derived(zonedDocument());
    const view = queryMatrix(source.columns(), { global: '', columns: [], groupBy: ZONE_PAIR_COLUMN });
    const expected = new Map<string, string[]>();
    for (const r of rows) expected.set(r.zonePair, [...(expected.get(r.zonePair) ?? []), r.id]);
    expect(view.groups?.map((g) => g.label)).toEqual([...expected.keys()]);
    expect(view.groups?.map((g) => g.id)).toEqual([...expected.keys()].map((k) => `zonePair:${k}`));
    for (const g of view.groups ?? []) {
      const shown = [...view.order.subarray(g.start, g.start + g.count)].map((i) => source.row(i).id);
      expect(shown).toEqual(expected.get(g.label));
    }
    expect(view.groups?.map((g) => g.label)).toContain(zonePairKey('core', 'core'));
    expect(view.groups?.map((g) => g.label)).toContain(zonePairKey('clients', 'core'));
  });

  it('re-reads the zones after an edit that keeps the flows (a host moved to another zone)', () => {
    const next = createRowSources();
    const document = zonedDocument();
    const derivation = deriveFlows(document, catalogue);
    const first = next(derivation.flows, document, rowWords(catalogue, 'en'));
    expect(
      queryMatrix(first.columns(), { global: '', columns: [], onlyCrossing: true }).order.length,
    ).toBeLessThan(first.length);
    // The MP moves to the clients' zone: the same flows, but the site server's link now crosses.
    const moved = {
      ...document,
      hosts: document.hosts.map((h) => (h.id === 'mp' ? { ...h, zone: 'clients' } : h)),
    };
    const again = deriveFlows(moved, catalogue, derivation);
    const second = next(again.flows, moved, rowWords(catalogue, 'en'));
    expect(second.columns().reuse.builder).toBe(first.columns().reuse.builder);
    const view = queryMatrix(second.columns(), { global: '', columns: [], onlyCrossing: true });
    const expected = flowsToRows(again.flows, moved, rowWords(catalogue, 'en')).filter((r) => r.crossesZone);
    expect([...view.order].map((i) => second.row(i).id)).toEqual(ids(expected));
    expect(
      second
        .rows()
        .filter((r) => r.linkId === 'mp-site')
        .every((r) => r.crossesZone),
    ).toBe(true);
  });
});
