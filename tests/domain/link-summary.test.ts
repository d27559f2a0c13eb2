import { catalogue } from '@/domain/default-catalogue';
import { deriveFlows } from '@/domain/derive';
import type { FlowPort } from '@/domain/flow';
import { type FlowFacts, linkSummaries, summarizeFlows, summarizeLink } from '@/domain/link-summary';
import { makeDocument, makeHost, makeLink } from '../builders';

const single = (port: number): FlowPort => ({ kind: 'single', port });
const range = (from: number, to: number): FlowPort => ({ kind: 'range', from, to });
const facts = (protocol: 'TCP' | 'UDP', port: FlowPort, patch: Partial<FlowFacts> = {}): FlowFacts => ({
  protocol,
  port,
  service: 'web',
  services: [],
  dynamic: false,
  ...patch,
});

function summaryOf(roles: [string[], string[]]) {
  const doc = makeDocument([makeHost('a', roles[0]), makeHost('b', roles[1])], [makeLink('a', 'b', 'l1')]);
  const { flows } = deriveFlows(doc, catalogue);
  return { summary: summarizeLink(doc.links[0]!, flows, catalogue), flows, doc };
}

describe('a link summary', () => {
  it('sums up a client–MP link: one-way from the client, services in catalogue order, ports as values', () => {
    const { summary, flows } = summaryOf([['client'], ['management-point']]);
    expect(summary.forward).toBe(true);
    expect(summary.backward).toBe(false);
    expect(summary.empty).toBe(false);
    expect(summary.flowCount).toBe(flows.length);
    expect(summary.dynamic).toBe(false);
    expect(summary.ports).toEqual([{ protocol: 'TCP', ports: [single(80), single(443), single(10123)] }]);
    expect(summary.services).toContain('web');
    expect(summary.services).toContain('notification');
    const order = catalogue.services.map((s) => s.id).filter((id) => summary.services.includes(id));
    expect(summary.services).toEqual(order);
  });

  it('marks a link both hosts open, with the RPC dynamic range (site server ↔ MP)', () => {
    const { summary } = summaryOf([['management-point'], ['site-server']]);
    expect(summary.forward && summary.backward).toBe(true);
    expect(summary.dynamic).toBe(true);
    const tcp = summary.ports.find((p) => p.protocol === 'TCP')?.ports ?? [];
    expect(tcp).toContainEqual(range(49152, 65535));
  });

  it('marks a link without flows as empty', () => {
    const { summary } = summaryOf([['client'], ['sql-server']]);
    expect(summary).toEqual({
      services: [],
      forward: false,
      backward: false,
      empty: true,
      flowCount: 0,
      ports: [],
      dynamic: false,
    });
  });

  it('lists each port once per protocol, sorted, a single port before the same numbers as a range', () => {
    const summary = summarizeFlows(
      [facts('UDP', single(67)), facts('TCP', range(443, 443)), facts('TCP', single(8530))],
      [facts('TCP', single(443)), facts('TCP', single(80)), facts('TCP', range(443, 443))],
      catalogue,
    );
    expect(summary.ports).toEqual([
      { protocol: 'TCP', ports: [single(80), single(443), range(443, 443), single(8530)] },
      { protocol: 'UDP', ports: [single(67)] },
    ]);
    expect(summary.flowCount).toBe(6);
    expect(summary.forward && summary.backward).toBe(true);
  });

  it('takes every merged service class, falling back to the flow’s own one, unknown ones last', () => {
    const [first, second] = catalogue.services;
    if (!first || !second) throw new Error('catalogue without services');
    const summary = summarizeFlows(
      [facts('TCP', single(1), { service: 'nonesuch', services: [] })],
      [facts('TCP', single(2), { service: second.id, services: [second.id, first.id] })],
      catalogue,
    );
    expect(summary.services).toEqual([first.id, second.id, 'nonesuch']);
    expect(summary.forward).toBe(true);
    expect(summary.backward).toBe(true);
  });

  it('summarises every link in one pass, as summarizeLink does one by one', () => {
    const doc = makeDocument(
      [makeHost('pc', ['client']), makeHost('mp', ['management-point']), makeHost('site', ['site-server'])],
      [makeLink('pc', 'mp'), makeLink('mp', 'site'), makeLink('pc', 'site')],
    );
    const { flows } = deriveFlows(doc, catalogue);
    const all = linkSummaries(doc.links, flows, catalogue);
    expect([...all.keys()]).toEqual(doc.links.map((l) => l.id));
    for (const link of doc.links) {
      const own = flows.filter((f) => f.linkId === link.id);
      expect(all.get(link.id)).toEqual(summarizeLink(link, own, catalogue));
    }
    expect(all.get('pc-mp')?.empty).toBe(false);
  });
});
