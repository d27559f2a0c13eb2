import type { Box } from '@/canvas/geometry';
import { floatingSegment } from '@/canvas/geometry';
import { type LabelRequest, labelBoxAt, labelSize, overlaps } from '@/canvas/label-layout';
import { type LinkLabelsInput, placeLinkLabels } from '@/canvas/link-labels';
import { labelLines, linkModels } from '@/canvas/link-model';
import { catalogue } from '@/domain/default-catalogue';
import { deriveFlows } from '@/domain/derive';
import type { TopologyDocument } from '@/domain/document';
import type { ElementStatus } from '@/store/derived';
import { sampleDocument } from '@/store/templates';
import { makeDocument, makeHost, makeLink } from '../builders';

const HOST = { width: 172, height: 72 };

function inputFor(doc: TopologyDocument, patch: Partial<LinkLabelsInput> = {}): LinkLabelsInput {
  return {
    noPorts: 'no ports',
    hosts: doc.hosts,
    links: doc.links,
    layout: doc.layout,
    measured: Object.fromEntries(doc.hosts.map((h) => [h.id, HOST])),
    models: linkModels(doc.links, deriveFlows(doc, catalogue).flows, catalogue),
    selectedLinkIds: [],
    statuses: new Map(),
    view: { detail: 'full', scale: 1 },
    ...patch,
  };
}

/** The boxes of the shown labels, as the edges draw them. */
function shown(input: LinkLabelsInput, places: ReturnType<typeof placeLinkLabels>): Map<string, Box> {
  const out = new Map<string, Box>();
  const box = (id: string): Box => ({ ...input.layout[id]!, ...HOST });
  for (const link of input.links) {
    const place = places.get(link.id);
    if (!place || place.hidden) continue;
    const model = input.models.get(link.id)!;
    const selected = input.selectedLinkIds.includes(link.id);
    const lines = labelLines(model, selected ? 'full' : input.view.detail, input.noPorts);
    const request: LabelRequest = {
      id: link.id,
      segment: floatingSegment(box(link.source), box(link.target), 4),
      at: model.labelAt,
      ...labelSize(lines, input.statuses.has(link.id), input.view.scale),
      priority: 0,
    };
    out.set(link.id, labelBoxAt(request, place.t));
  }
  return out;
}

function expectNoOverlaps(input: LinkLabelsInput, boxes: Map<string, Box>) {
  const hosts = input.hosts.map((h) => ({ ...input.layout[h.id]!, ...HOST }));
  const list = [...boxes.values()];
  list.forEach((b, i) => {
    for (const h of hosts) expect(overlaps(b, h)).toBe(false);
    for (const other of list.slice(i + 1)) expect(overlaps(b, other)).toBe(false);
  });
}

describe('the canvas link labels', () => {
  it('places every label of the sample diagram clear of hosts and of each other', () => {
    const input = inputFor(sampleDocument(catalogue));
    const places = placeLinkLabels(input);
    expect(places.size).toBe(input.links.length);
    const boxes = shown(input, places);
    expect(boxes.size).toBeGreaterThan(0);
    expectNoOverlaps(input, boxes);
  });

  it('moves a label off a host that stands on its link, and hides it when the whole link is covered', () => {
    const hosts = [
      makeHost('pc', ['client']),
      makeHost('mp', ['management-point']),
      makeHost('dc', ['client']),
    ];
    const links = [makeLink('pc', 'mp', 'l1')];
    // DC stands in the middle of the link: the label moves along it.
    const beside = makeDocument(hosts, links, {
      layout: { pc: { x: 0, y: 0 }, mp: { x: 700, y: 0 }, dc: { x: 350, y: -10 } },
    });
    const moved = placeLinkLabels(inputFor(beside)).get('l1')!;
    expect(moved.hidden).toBe(false);
    expect(moved.t).not.toBe(0.5);
    expectNoOverlaps(inputFor(beside), shown(inputFor(beside), new Map([['l1', moved]])));
    // Hosts close together: no spot between them is free, the label hides.
    const tight = makeDocument(hosts, links, {
      layout: { pc: { x: 0, y: 0 }, mp: { x: 200, y: 0 }, dc: { x: 100, y: 100 } },
    });
    expect(placeLinkLabels(inputFor(tight)).get('l1')).toMatchObject({ hidden: true });
  });

  it('gives the spot two labels contest to the selected link, then to a link with findings', () => {
    // Two links crossing at their middles: both labels would like the crossing.
    const doc = makeDocument(
      [
        makeHost('pc1', ['client']),
        makeHost('mp1', ['management-point']),
        makeHost('mp2', ['management-point']),
        makeHost('pc2', ['client']),
      ],
      [makeLink('pc1', 'mp1', 'l1'), makeLink('mp2', 'pc2', 'l2')],
      {
        layout: {
          pc1: { x: 0, y: 0 },
          mp1: { x: 600, y: 400 },
          mp2: { x: 600, y: 0 },
          pc2: { x: 0, y: 400 },
        },
      },
    );
    const status: ElementStatus = {
      level: 'warning',
      messages: [{ key: 'x' }],
      count: 1,
      errors: 0,
      warnings: 1,
    };
    for (const [winner, loser, patch] of [
      ['l1', 'l2', { selectedLinkIds: ['l1'] }],
      ['l2', 'l1', { selectedLinkIds: ['l2'] }],
      ['l2', 'l1', { statuses: new Map([['l2', status]]) }],
      ['l1', 'l2', { statuses: new Map([['l1', status]]) }],
    ] as const) {
      const input = inputFor(doc, patch);
      const places = placeLinkLabels(input);
      expect(places.get(winner)).toEqual({ t: 0.5, hidden: false });
      expect(places.get(loser)!.hidden || places.get(loser)!.t !== 0.5).toBe(true);
      expectNoOverlaps(input, shown(input, places));
    }
  });

  it('places nothing for links whose hosts are not measured yet, or at a detail with nothing to show', () => {
    const doc = makeDocument(
      [makeHost('pc', ['client']), makeHost('mp', ['management-point'])],
      [makeLink('pc', 'mp', 'l1')],
    );
    expect(placeLinkLabels(inputFor(doc, { measured: {} })).size).toBe(0);
    expect(placeLinkLabels(inputFor(doc, { view: { detail: 'none', scale: 1.8 } })).size).toBe(0);
  });
});

describe('zone title bars', () => {
  it('keeps a label clear of a zone’s title bar that lies on its link', () => {
    const doc = makeDocument(
      [makeHost('pc', ['client']), makeHost('mp', ['management-point'])],
      [makeLink('pc', 'mp', 'l1')],
      {
        layout: { pc: { x: 0, y: 0 }, mp: { x: 700, y: 0 } },
      },
    );
    const free = inputFor(doc);
    const label = shown(free, placeLinkLabels(free)).get('l1');
    expect(label).toBeDefined();
    // A title bar exactly where the label would go.
    const title: Box = {
      x: (label?.x ?? 0) - 10,
      y: (label?.y ?? 0) - 5,
      width: (label?.width ?? 0) + 20,
      height: 30,
    };
    const blocked = inputFor(doc, { obstacles: [title] });
    const place = placeLinkLabels(blocked).get('l1');
    const moved = shown(blocked, placeLinkLabels(blocked)).get('l1');
    expect(place?.hidden === true || (moved !== undefined && !overlaps(moved, title))).toBe(true);
  });
});
