import hierarchy from '@data/examples/hierarchy.json';
import { catalogue } from '@/domain/default-catalogue';
import type { Box, Host, TopologyDocument } from '@/domain/document';
import { restoreDocument } from '@/domain/restore';
import { runLayout } from '@/layout/run-layout';
import { syntheticHierarchy } from '../../bench/synthetic';
import { makeDocument, makeHost } from '../builders';
import { expectTidy, hostBoxes } from './layout-geometry';
import { randomEstate } from './random-estate';

function hierarchyDocument(): TopologyDocument {
  const result = restoreDocument(hierarchy, catalogue);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.document;
}

describe('runLayout on the hierarchy example', () => {
  it('puts the CAS above both primaries, primaries above the secondary, clients below their site servers', async () => {
    const document = hierarchyDocument();
    const placement = await runLayout(document);
    const boxes = hostBoxes(document, placement);
    const box = (id: string) => boxes.get(id)!;
    const bottom = (id: string) => box(id).y + box(id).height;
    const servers = document.hosts.filter((h) => h.roles.includes('site-server'));
    const ofType = (type: string) => servers.filter((h) => h.options.siteType === type).map((h) => h.id);
    const [cas] = ofType('cas');
    const primaries = ofType('primary');
    const secondaries = ofType('secondary');
    expect(primaries).toHaveLength(2);
    expect(secondaries.length).toBeGreaterThan(0);
    for (const p of primaries) expect(bottom(cas!), `CAS above ${p}`).toBeLessThanOrEqual(box(p).y);
    for (const p of primaries) {
      for (const s of secondaries) expect(bottom(p), `${p} above ${s}`).toBeLessThanOrEqual(box(s).y);
    }
    const clients = document.hosts.filter((h) => h.roles.includes('client'));
    expect(clients.length).toBeGreaterThan(0);
    for (const c of clients) {
      const server = servers.find((s) => s.site === c.site)!;
      expect(box(c.id).y, `${c.id} below ${server.id}`).toBeGreaterThanOrEqual(bottom(server.id));
    }
    expectTidy(document, placement);
  });

  it('lays it out landscape: the CAS above both primaries, the primaries side by side in one row', async () => {
    const document = hierarchyDocument();
    const placement = await runLayout(document);
    const { positions, siteBoxes } = placement;
    const boxes = hostBoxes(document, placement);
    const bottom = (b: Box) => b.y + b.height;
    expect(bottom(boxes.get('cas')!)).toBeLessThanOrEqual(positions.p01!.y);
    expect(bottom(boxes.get('cas')!)).toBeLessThanOrEqual(positions.p02!.y);
    expect(bottom(siteBoxes.CAS!)).toBeLessThanOrEqual(Math.min(siteBoxes.P01!.y, siteBoxes.P02!.y));
    // One row: the site servers and their boxes at one height, side by side.
    expect(Math.abs(positions.p01!.y - positions.p02!.y)).toBeLessThanOrEqual(2);
    expect(Math.abs(siteBoxes.P01!.y - siteBoxes.P02!.y)).toBeLessThanOrEqual(2);
    const [left, right] = [siteBoxes.P01!, siteBoxes.P02!].sort((a, b) => a.x - b.x);
    expect(left!.x + left!.width).toBeLessThanOrEqual(right!.x);
    // The secondary below its primary.
    expect(bottom(boxes.get('p01')!)).toBeLessThanOrEqual(positions.s01!.y);
    const all = [...boxes.values(), ...Object.values(placement.zoneBoxes)];
    const width = Math.max(...all.map((b) => b.x + b.width)) - Math.min(...all.map((b) => b.x));
    const height = Math.max(...all.map(bottom)) - Math.min(...all.map((b) => b.y));
    expect(width, `${width} × ${height}`).toBeGreaterThanOrEqual(height);
    expectTidy(document, placement);
  });

  it('boxes each site inside the zone most of its hosts are in', async () => {
    const document = hierarchyDocument();
    const { siteBoxes, zoneBoxes, positions } = await runLayout(document);
    expect(Object.keys(siteBoxes).sort()).toEqual(['CAS', 'P01', 'P02', 'S01']);
    const inside = (outer: { x: number; y: number; width: number; height: number }, x: number, y: number) =>
      x >= outer.x && y >= outer.y && x <= outer.x + outer.width && y <= outer.y + outer.height;
    const p01 = siteBoxes.P01!;
    expect(inside(zoneBoxes.core!, p01.x, p01.y)).toBe(true);
    expect(inside(zoneBoxes.core!, p01.x + p01.width, p01.y + p01.height)).toBe(true);
    expect(inside(p01, positions.p01!.x, positions.p01!.y)).toBe(true);
    // The P01 clients sit in the client LAN, so outside the P01 box (which is in the core zone).
    expect(inside(p01, positions.c01!.x, positions.c01!.y)).toBe(false);
    expect(inside(zoneBoxes.lan!, positions.c01!.x, positions.c01!.y)).toBe(true);
  });

  it('takes measured sizes into account', async () => {
    const document = hierarchyDocument();
    const sizes = Object.fromEntries(document.hosts.map((h) => [h.id, { width: 260, height: 140 }]));
    expectTidy(document, await runLayout(document, sizes), sizes);
  });
});

describe('runLayout bands', () => {
  it('keeps server, systems and clients in bands inside a site box even without links between them', async () => {
    // Partitions, not edges, make the bands: ELK's INCLUDE_CHILDREN mode drops them below the top level.
    const document = makeDocument(
      [
        makeHost('client', ['client'], { site: 'P01', zone: 'dc' }),
        makeHost('mp', ['management-point'], { site: 'P01', zone: 'dc' }),
        makeHost('server', ['site-server'], { site: 'P01', zone: 'dc', options: { siteType: 'primary' } }),
        makeHost('cloud', ['intune']),
      ],
      [],
      { zones: [{ id: 'dc', name: 'Datacenter' }] },
    );
    const placement = await runLayout(document);
    const boxes = hostBoxes(document, placement);
    const bottom = (id: string) => boxes.get(id)!.y + boxes.get(id)!.height;
    expect(bottom('server')).toBeLessThanOrEqual(boxes.get('mp')!.y);
    expect(bottom('mp')).toBeLessThanOrEqual(boxes.get('client')!.y);
    // The cloud peer sits at the top edge, above the zone.
    expect(bottom('cloud')).toBeLessThanOrEqual(placement.zoneBoxes.dc!.y);
    expectTidy(document, placement);
  });
});

describe('runLayout on a busy site', () => {
  it('still puts the server above its systems above its clients when bands are set by first and last layers', async () => {
    const hosts = [
      makeHost('server', ['site-server'], { site: 'P01', options: { siteType: 'primary' } }),
      ...Array.from({ length: 80 }, (_, i) => makeHost(`dp${i}`, ['distribution-point'], { site: 'P01' })),
      ...Array.from({ length: 80 }, (_, i) => makeHost(`c${i}`, ['client'], { site: 'P01' })),
    ];
    const links = hosts.slice(1, 81).map((h, i) => [h.id, i % 2 === 0 ? 'server' : `c${i}`] as const);
    const document = makeDocument(hosts, links);
    const placement = await runLayout(document);
    const boxes = hostBoxes(document, placement);
    const top = (prefix: string) =>
      Math.min(...[...boxes].filter(([id]) => id.startsWith(prefix)).map(([, b]) => b.y));
    const bottom = (prefix: string) =>
      Math.max(...[...boxes].filter(([id]) => id.startsWith(prefix)).map(([, b]) => b.y + b.height));
    expect(bottom('server')).toBeLessThanOrEqual(top('dp'));
    expect(bottom('dp')).toBeLessThanOrEqual(top('c'));
    expectTidy(document, placement);
  });
});

describe('runLayout on a synthetic estate', () => {
  it('lays out 300 hosts in zones, grids and all, with nothing on top of anything', async () => {
    const flat = syntheticHierarchy(300, catalogue);
    const zones = [
      { id: 'estate', name: 'Estate' },
      { id: 'core', name: 'Core', parent: 'estate' },
      { id: 'lan', name: 'Clients', parent: 'estate' },
    ];
    const zoneOf = (h: Host) => (h.roles.includes('client') ? 'lan' : 'core');
    const document: TopologyDocument = {
      ...flat,
      zones,
      hosts: flat.hosts.map((h) => ({ ...h, zone: zoneOf(h) })),
    };
    const placement = await runLayout(document);
    expectTidy(document, placement);
    // And without zones: the clients in their site boxes.
    expectTidy(flat, await runLayout(flat));
  });
});

describe('runLayout on random documents', () => {
  it('places every host, overlaps none and keeps each inside its zone and out of the others (50 documents)', async () => {
    for (let seed = 1; seed <= 50; seed += 1) {
      const { document, sizes } = randomEstate(seed);
      const placement = await runLayout(document, sizes);
      try {
        expectTidy(document, placement, sizes);
      } catch (error) {
        throw new Error(`random document ${seed}: ${(error as Error).message}`);
      }
    }
  });
});
