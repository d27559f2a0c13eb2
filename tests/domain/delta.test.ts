import { comparableName } from '@/domain/checks/host-names';
import { catalogue } from '@/domain/default-catalogue';
import { compareFlows, deltaEntries, linkChanges, portsText } from '@/domain/delta/compare-flows';
import type { DeltaEntry, DeltaRow } from '@/domain/delta/delta-types';
import { deriveFlows } from '@/domain/derive';
import type { TopologyDocument } from '@/domain/document';
import { type FlowPort, formatPort } from '@/domain/flow';
import { flowsToRows } from '@/domain/rows';
import { rowWords } from '@/i18n/row-words';
import { makeDocument, makeHost, makeLink } from '../builders';

const rowsOf = (document: TopologyDocument) =>
  flowsToRows(deriveFlows(document, catalogue).flows, document, rowWords(catalogue, 'en'));

/** A site server with its SQL server, a management point and a client group. */
function base(): TopologyDocument {
  return makeDocument(
    [
      makeHost('site', ['site-server'], { name: 'P01-SITE' }),
      makeHost('sql', ['sql-server'], { name: 'P01-SQL' }),
      makeHost('mp', ['management-point'], { name: 'P01-MP' }),
      makeHost('pc', ['client'], { name: 'Clients' }),
    ],
    [makeLink('site', 'sql', 'l1'), makeLink('mp', 'site', 'l2'), makeLink('pc', 'mp', 'l3')],
  );
}

/** `added TCP 80 Clients>P01-MP` style lines: what an entry says, without its sections. */
const said = (entries: readonly DeltaEntry[]) =>
  entries.map(
    (e) =>
      `${e.change} ${e.protocol} ${portsText(e.portsBefore) || '-'} > ${portsText(e.portsAfter) || '-'} ${e.source}>${e.target}`,
  );

const single = (port: number): FlowPort => ({ kind: 'single', port });

describe('compareFlows on diagrams', () => {
  const before = rowsOf(base());

  it('finds nothing between a diagram and itself, and counts every flow unchanged', () => {
    const delta = compareFlows(before, rowsOf(base()));
    expect(deltaEntries(delta)).toEqual([]);
    expect(delta.unchanged).toBe(before.length);
    expect(delta.matchedBy).toBe('names-and-ids');
  });

  it('reports a changed port setting as one changed entry with the old and new port', () => {
    const doc = base();
    const after = rowsOf({
      ...doc,
      settings: { ...doc.settings, ports: { ...doc.settings.ports, sqlServer: 1533 } },
    });
    const delta = compareFlows(before, after);
    expect(said(deltaEntries(delta))).toEqual(['changed TCP 1433 > 1533 P01-SITE>P01-SQL']);
    expect(delta.changed[0]).toMatchObject({
      service: 'SQL Server',
      portsBefore: [single(1433)],
      portsAfter: [single(1533)],
      sections: ['BKMK_PortsSite-SQL'],
      linkId: 'l1',
      sourceId: 'site',
      targetId: 'sql',
    });
    expect(delta.unchanged).toBe(before.length - 1);
  });

  it('reports a narrowed RPC range in both directions, range against range', () => {
    const doc = base();
    const ranges = { ...doc.settings.ranges, rpcDynamic: { from: 50_000, to: 50_100 } };
    const delta = compareFlows(before, rowsOf({ ...doc, settings: { ...doc.settings, ranges } }));
    expect(said(delta.changed)).toEqual([
      'changed TCP 49152-65535 > 50000-50100 P01-MP>P01-SITE',
      'changed TCP 49152-65535 > 50000-50100 P01-SITE>P01-MP',
    ]);
    expect(delta.added).toEqual([]);
    expect(delta.removed).toEqual([]);
  });

  it('removes one direction only when the site server must initiate (note 5)', () => {
    const doc = base();
    const hosts = doc.hosts.map((h) =>
      h.id === 'mp' ? { ...h, options: { siteServerInitiates: true } } : h,
    );
    const delta = compareFlows(before, rowsOf({ ...doc, hosts }));
    expect(delta.added).toEqual([]);
    expect(delta.changed).toEqual([]);
    expect(delta.removed.length).toBeGreaterThan(0);
    for (const e of delta.removed) expect([e.source, e.target]).toEqual(['P01-MP', 'P01-SITE']);
    expect(said(delta.removed)).toContain('removed TCP 135 > - P01-MP>P01-SITE');
  });

  it('lists a removed link as removed flows carrying that link', () => {
    const doc = base();
    const delta = compareFlows(before, rowsOf({ ...doc, links: doc.links.filter((l) => l.id !== 'l3') }));
    expect(said(delta.removed)).toEqual([
      'removed TCP 80 > - Clients>P01-MP',
      'removed TCP 443 > - Clients>P01-MP',
      'removed TCP 10123 > - Clients>P01-MP',
    ]);
    expect(delta.removed.every((e) => e.linkId === 'l3')).toBe(true);
    expect(linkChanges(delta)).toEqual(new Map([['l3', 'removed']]));
    expect(delta.unchanged).toBe(before.length - 3);
  });

  it('lists an added host and its link as added flows', () => {
    const doc = base();
    const added = makeDocument(
      [...doc.hosts, makeHost('pc2', ['client'], { name: 'Clients 2' })],
      [...doc.links, makeLink('pc2', 'mp', 'l4')],
    );
    const delta = compareFlows(before, rowsOf(added));
    expect(said(delta.added)).toEqual([
      'added TCP - > 80 Clients 2>P01-MP',
      'added TCP - > 443 Clients 2>P01-MP',
      'added TCP - > 10123 Clients 2>P01-MP',
    ]);
    expect(delta.added[0]).toMatchObject({ linkId: 'l4', sourceId: 'pc2', service: 'Web (HTTP/HTTPS)' });
    expect(delta.removed).toEqual([]);
    expect(linkChanges(delta).get('l4')).toBe('added');
  });

  it("changes a link end's roles: new flows added, flows merged with the new rule stay unchanged", () => {
    const doc = base();
    const hosts = doc.hosts.map((h) =>
      h.id === 'mp' ? { ...h, roles: ['management-point', 'distribution-point'] } : h,
    );
    const after = rowsOf({ ...doc, hosts });
    const delta = compareFlows(before, after);
    expect(delta.removed).toEqual([]);
    expect(delta.changed).toEqual([]);
    expect(said(delta.added)).toEqual(['added UDP - > 135 P01-SITE>P01-MP']);
    expect(delta.added[0]).toMatchObject({ service: 'SMB / RPC', linkId: 'l2' });
    // 80 and 443 from the client now also serve the DP rule: the same firewall rule, unchanged.
    const web = after.filter(
      (r) => r.source === 'Clients' && (formatPort(r.port) === '80' || formatPort(r.port) === '443'),
    );
    expect(web.every((r) => r.sections.length > 1)).toBe(true);
    expect(delta.unchanged).toBe(before.length);
    expect(delta.added.length + delta.unchanged).toBe(after.length);
  });

  it('takes a renamed host (same id) and a re-created host (same name, new id) as other hosts', () => {
    const doc = base();
    const renamed = doc.hosts.map((h) => (h.id === 'pc' ? { ...h, name: 'Desktops' } : h));
    const delta = compareFlows(before, rowsOf({ ...doc, hosts: renamed }));
    expect(delta.removed.map((e) => e.source)).toEqual(['Clients', 'Clients', 'Clients']);
    expect(delta.added.map((e) => e.source)).toEqual(['Desktops', 'Desktops', 'Desktops']);

    const recreated = makeDocument(
      doc.hosts.map((h) => (h.id === 'pc' ? { ...h, id: 'pc-new' } : h)),
      doc.links.map((l) => (l.source === 'pc' ? { ...l, source: 'pc-new' } : l)),
    );
    const again = compareFlows(before, rowsOf(recreated));
    expect(again.added).toHaveLength(3);
    expect(again.removed).toHaveLength(3);
  });

  it('sorts each list by source, destination, protocol and port, whatever order the rows came in', () => {
    const doc = base();
    const delta = compareFlows([...before].reverse(), []);
    const ordered = compareFlows(before, []);
    expect(delta.removed).toEqual(ordered.removed);
    const keys = delta.removed.map((e) => `${comparableName(e.source)} ${comparableName(e.target)}`);
    expect(keys).toEqual([...keys].sort());
    expect(delta.removed).toHaveLength(rowsOf(doc).length);
  });
});

/** A row as read back from a workbook: names only. */
const nameRow = (
  source: string,
  target: string,
  port: FlowPort,
  patch: Partial<DeltaRow> = {},
): DeltaRow => ({
  source,
  target,
  protocol: 'TCP',
  port,
  service: 'Web (HTTP/HTTPS)',
  sections: ['BKMK_A'],
  ...patch,
});

describe('compareFlows on rows by name', () => {
  it('matches hosts by comparable name when a side has no ids (case and blanks aside)', () => {
    const workbook = [nameRow('clients p01', 'P01-MP', single(80))];
    const diagram = [
      { ...nameRow('Clients P01', 'p01-mp', single(80)), sourceId: 'c', targetId: 'm', linkId: 'l' },
    ];
    const delta = compareFlows(workbook, diagram);
    expect(delta).toMatchObject({ unchanged: 1, added: [], removed: [], changed: [], matchedBy: 'names' });
  });

  it('tells a single port from a one-port range and a range from another', () => {
    const delta = compareFlows(
      [nameRow('A', 'B', single(80)), nameRow('A', 'B', { kind: 'range', from: 1024, to: 5000 })],
      [
        nameRow('A', 'B', { kind: 'range', from: 80, to: 80 }),
        nameRow('A', 'B', { kind: 'range', from: 1024, to: 5000 }),
      ],
    );
    expect(delta.unchanged).toBe(1);
    expect(said(delta.changed)).toEqual(['changed TCP 80 > 80-80 A>B']);
  });

  it('merges duplicate rows of one flow, joining their sections', () => {
    const delta = compareFlows(
      [],
      [
        nameRow('A', 'B', single(80), { sections: ['X'] }),
        nameRow('a', 'b', single(80), { sections: ['Y', 'X'] }),
      ],
    );
    expect(delta.added).toHaveLength(1);
    expect(delta.added[0]?.sections).toEqual(['X', 'Y']);
  });

  it('keeps directions apart: A opening B is not B opening A', () => {
    const delta = compareFlows([nameRow('A', 'B', single(445))], [nameRow('B', 'A', single(445))]);
    expect(said(deltaEntries(delta))).toEqual(['added TCP - > 445 B>A', 'removed TCP 445 > - A>B']);
  });

  it('changes ports per service and leaves ports both sides have out of the change', () => {
    const sql = { service: 'SQL Server' };
    const delta = compareFlows(
      [nameRow('A', 'B', single(80)), nameRow('A', 'B', single(443)), nameRow('A', 'B', single(1433), sql)],
      [
        nameRow('A', 'B', single(80)),
        nameRow('A', 'B', single(8443)),
        nameRow('A', 'B', single(8080)),
        nameRow('A', 'B', single(4022), sql),
      ],
    );
    expect(said(delta.changed)).toEqual(['changed TCP 443 > 8080, 8443 A>B', 'changed TCP 1433 > 4022 A>B']);
    expect(delta.unchanged).toBe(1);
  });

  it('keeps protocols apart', () => {
    const delta = compareFlows(
      [nameRow('A', 'B', single(53))],
      [nameRow('A', 'B', single(53), { protocol: 'UDP' })],
    );
    expect(said(deltaEntries(delta))).toEqual(['added UDP - > 53 A>B', 'removed TCP 53 > - A>B']);
  });

  it('gives an empty delta for two empty sides', () => {
    expect(compareFlows([], [])).toEqual({
      added: [],
      removed: [],
      changed: [],
      unchanged: 0,
      matchedBy: 'names',
    });
  });
});
