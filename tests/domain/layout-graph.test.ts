import type { RoleId } from '@/domain/catalogue-types';
import { catalogue } from '@/domain/default-catalogue';
import { DEFAULT_HOST_SIZE } from '@/domain/layout/host-size';
import {
  EMPTY_ZONE_SIZE,
  layoutGraph,
  NODE_PREFIX,
  PARTITION_PAIRS_LIMIT,
} from '@/domain/layout/layout-graph';
import { BUSY_BAND, GRID_MIN } from '@/domain/layout/layout-grid';
import { positionsFrom } from '@/domain/layout/layout-result';
import { hostKind, siteTypes, TIER_CLIENTS, TIER_EDGE, TIER_SITE } from '@/domain/layout/layout-tiers';
import type { LayoutNode } from '@/domain/layout/layout-types';
import { makeDocument, makeHost, makeLink } from '../builders';

/** Every node of the graph by id, with the id of the node that holds it. */
function index(root: LayoutNode): Map<string, { node: LayoutNode; parent: string }> {
  const nodes = new Map<string, { node: LayoutNode; parent: string }>();
  const visit = (node: LayoutNode) => {
    for (const child of node.children ?? []) {
      nodes.set(child.id, { node: child, parent: node.id });
      visit(child);
    }
  };
  visit(root);
  return nodes;
}
const partition = (node: LayoutNode) => Number(node.layoutOptions?.['elk.partitioning.partition']);

const estate = () =>
  makeDocument(
    [
      makeHost('cas', ['site-server'], { site: 'CAS', zone: 'core', options: { siteType: 'cas' } }),
      makeHost('p01', ['site-server'], { site: 'P01', zone: 'core', options: { siteType: 'primary' } }),
      makeHost('mp', ['management-point'], { site: 'P01', zone: 'core' }),
      makeHost('c1', ['client'], { site: 'P01', zone: 'lan' }),
      makeHost('c2', ['client'], { site: 'P01', zone: 'lan' }),
      makeHost('dc', ['domain-controller'], { zone: 'core' }),
      makeHost('net', ['internet']),
    ],
    [
      ['p01', 'cas'],
      ['mp', 'p01'],
      ['c1', 'mp'],
      ['c2', 'mp'],
      ['c1', 'c2'],
      ['mp', 'c1'],
      ['net', 'dc'],
      ['dc', 'c2'],
    ],
    {
      zones: [
        { id: 'site-net', name: 'Site network' },
        { id: 'core', name: 'Core', parent: 'site-net' },
        { id: 'lan', name: 'Client LAN', parent: 'site-net' },
        { id: 'empty', name: 'Empty' },
      ],
    },
  );

describe('layoutGraph', () => {
  it('asks for a layered layout downwards with partitions in every graph', () => {
    const graph = layoutGraph(estate());
    expect(graph.layoutOptions).toMatchObject({
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.partitioning.activate': 'true',
    });
    for (const { node } of index(graph).values()) {
      if (node.children) expect(node.layoutOptions?.['elk.partitioning.activate']).toBe('true');
    }
  });

  it('nests zones by parent, boxes a site in its main zone and leaves its hosts elsewhere in their own zone', () => {
    const nodes = index(layoutGraph(estate()));
    const parentOf = (id: string) => nodes.get(id)!.parent;
    expect(parentOf(`${NODE_PREFIX.zone}core`)).toBe(`${NODE_PREFIX.zone}site-net`);
    expect(parentOf(`${NODE_PREFIX.site}P01`)).toBe(`${NODE_PREFIX.zone}core`);
    expect(parentOf(`${NODE_PREFIX.host}mp`)).toBe(`${NODE_PREFIX.site}P01`);
    expect(parentOf(`${NODE_PREFIX.host}c1`)).toBe(`${NODE_PREFIX.zone}lan`);
    expect(parentOf(`${NODE_PREFIX.host}dc`)).toBe(`${NODE_PREFIX.zone}core`);
    expect(parentOf(`${NODE_PREFIX.host}net`)).toBe('root');
    expect(nodes.get(`${NODE_PREFIX.zone}empty`)!.node).toMatchObject(EMPTY_ZONE_SIZE);
    expect(nodes.get(`${NODE_PREFIX.host}cas`)!.node).toMatchObject(DEFAULT_HOST_SIZE);
  });

  it('bands: peers first, CAS before primaries, clients last; server, systems, clients inside a site', () => {
    const nodes = index(layoutGraph(estate()));
    const p = (id: string) => partition(nodes.get(id)!.node);
    expect(p(`${NODE_PREFIX.host}net`)).toBe(TIER_EDGE);
    expect(p(`${NODE_PREFIX.site}CAS`)).toBe(TIER_SITE.cas);
    expect(p(`${NODE_PREFIX.site}P01`)).toBe(TIER_SITE.primary);
    expect(p(`${NODE_PREFIX.host}c1`)).toBe(TIER_CLIENTS);
    expect(p(`${NODE_PREFIX.zone}lan`)).toBe(TIER_CLIENTS);
    expect(p(`${NODE_PREFIX.zone}site-net`)).toBe(TIER_SITE.cas);
    expect(p(`${NODE_PREFIX.host}p01`)).toBeLessThan(p(`${NODE_PREFIX.host}mp`));
  });

  it('turns each link into one edge between the side-by-side nodes holding its ends, down the bands', () => {
    const graph = layoutGraph(estate());
    const nodes = index(graph);
    const edges: { owner: string; from: string; to: string }[] = [];
    const visit = (node: LayoutNode) => {
      for (const e of node.edges ?? []) edges.push({ owner: node.id, from: e.sources[0], to: e.targets[0] });
      node.children?.forEach(visit);
    };
    visit(graph);
    for (const e of edges) {
      // ELK's JSON format: an edge sits in the node that holds both its ends directly here.
      expect(nodes.get(e.from)!.parent).toBe(e.owner);
      expect(nodes.get(e.to)!.parent).toBe(e.owner);
      expect(partition(nodes.get(e.from)!.node)).toBeLessThanOrEqual(partition(nodes.get(e.to)!.node));
    }
    const pairs = edges.map((e) => `${e.from} ${e.to}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    expect(pairs).toContain(`${NODE_PREFIX.site}CAS ${NODE_PREFIX.site}P01`);
    expect(pairs).toContain(`${NODE_PREFIX.host}p01 ${NODE_PREFIX.host}mp`);
    // c1→mp and c2→mp meet as core→lan once; the two clients' own link is left out, and so is
    // every client link after its first (mp→c1, dc→c2).
    expect(pairs).toContain(`${NODE_PREFIX.zone}core ${NODE_PREFIX.zone}lan`);
    expect(pairs.filter((p) => p.includes('c1') && p.includes('c2'))).toEqual([]);
    expect(pairs).toContain(`${NODE_PREFIX.host}net ${NODE_PREFIX.zone}site-net`);
  });

  it('boxes a site in the zone of its servers and systems, not of its (many more) clients', () => {
    const document = makeDocument(
      [
        makeHost('p01', ['site-server'], { site: 'P01', zone: 'core', options: { siteType: 'primary' } }),
        ...Array.from({ length: 5 }, (_, i) => makeHost(`c${i}`, ['client'], { site: 'P01', zone: 'lan' })),
        ...Array.from({ length: 3 }, (_, i) => makeHost(`d${i}`, ['client'], { site: 'P02', zone: 'lan' })),
      ],
      [],
      {
        zones: [
          { id: 'core', name: 'Core' },
          { id: 'lan', name: 'Clients' },
        ],
      },
    );
    const nodes = index(layoutGraph(document));
    expect(nodes.get(`${NODE_PREFIX.site}P01`)!.parent).toBe(`${NODE_PREFIX.zone}core`);
    expect(nodes.get(`${NODE_PREFIX.host}c0`)!.parent).toBe(`${NODE_PREFIX.zone}lan`);
    // A site of clients only is boxed where its clients are.
    expect(nodes.get(`${NODE_PREFIX.site}P02`)!.parent).toBe(`${NODE_PREFIX.zone}lan`);
  });

  it('puts zones in a parent cycle, and hosts of unknown zones, at the top level', () => {
    const document = makeDocument(
      [makeHost('a', ['client'], { zone: 'x' }), makeHost('b', ['client'], { zone: 'ghost' })],
      [makeLink('a', 'b')],
      {
        zones: [
          { id: 'x', name: 'X', parent: 'y' },
          { id: 'y', name: 'Y', parent: 'x' },
          { id: 'z', name: 'Z', parent: 'ghost' },
        ],
      },
    );
    const nodes = index(layoutGraph(document));
    for (const id of ['x', 'y', 'z']) expect(nodes.get(`${NODE_PREFIX.zone}${id}`)!.parent).toBe('root');
    expect(nodes.get(`${NODE_PREFIX.host}a`)!.parent).toBe(`${NODE_PREFIX.zone}x`);
    expect(nodes.get(`${NODE_PREFIX.host}b`)!.parent).toBe('root');
  });

  it('bands a busy site by first and last layers, not partitions (their cost grows with the product of band sizes)', () => {
    // Hosts of many role sets per band, so no group of like hosts is big enough for a grid: the
    // system roles one each in turn, the client roles in each of their 15 combinations.
    const systems = [...catalogue.roleById.values()].filter((r) => r.group === 'system').map((r) => r.id);
    const clientRoles: RoleId[] = ['client', 'console', 'mac-client', 'mobile-device'];
    const clients = (i: number) => clientRoles.filter((_, bit) => ((i % 15) + 1) & (1 << bit));
    const hosts = [
      makeHost('server', ['site-server'], { site: 'P01', options: { siteType: 'primary' } }),
      ...Array.from({ length: 80 }, (_, i) =>
        makeHost(`dp${i}`, [systems[i % systems.length]!], { site: 'P01' }),
      ),
      ...Array.from({ length: 80 }, (_, i) => makeHost(`c${i}`, clients(i), { site: 'P01' })),
    ];
    const nodes = index(layoutGraph(makeDocument(hosts)));
    const options = (id: string) => nodes.get(`${NODE_PREFIX.host}${id}`)!.node.layoutOptions ?? {};
    expect(Math.ceil(80 / systems.length)).toBeLessThan(GRID_MIN);
    expect(Math.ceil(80 / 15)).toBeLessThan(GRID_MIN);
    expect(80 * 80).toBeGreaterThan(PARTITION_PAIRS_LIMIT);
    expect(options('server')['elk.layered.layering.layerConstraint']).toBe('FIRST_SEPARATE');
    expect(options('c0')['elk.layered.layering.layerConstraint']).toBe('LAST_SEPARATE');
    expect(options('dp0')['elk.layered.layering.layerConstraint']).toBeUndefined();
    expect(options('c0')['elk.partitioning.partition']).toBeUndefined();
    expect(nodes.get(`${NODE_PREFIX.site}P01`)!.node.layoutOptions?.['elk.layered.thoroughness']).toBe('1');
  });

  it('lays a big group of like hosts in a site out as one grid, its links ending at the grid', () => {
    const hosts = [
      makeHost('server', ['site-server'], { site: 'P01', options: { siteType: 'primary' } }),
      ...Array.from({ length: 5 }, (_, i) => makeHost(`mp${i}`, ['management-point'], { site: 'P01' })),
      ...Array.from({ length: 60 }, (_, i) => makeHost(`dp${i}`, ['distribution-point'], { site: 'P01' })),
      ...Array.from({ length: BUSY_BAND }, (_, i) => makeHost(`c${i}`, ['client'], { site: 'P01' })),
      // Too few for a grid in a busy band: stays a host.
      ...Array.from({ length: GRID_MIN - 1 }, (_, i) =>
        makeHost(`sup${i}`, ['software-update-point'], { site: 'P01' }),
      ),
    ];
    const links = [...hosts.slice(6, 66).map((h) => [h.id, 'server'] as const), ['dp0', 'dp1'] as const];
    const graph = layoutGraph(makeDocument(hosts, links));
    const nodes = index(graph);
    const parentOf = (id: string) => nodes.get(`${NODE_PREFIX.host}${id}`)!.parent;
    const site = nodes.get(`${NODE_PREFIX.site}P01`)!.node;
    const grids = site.children!.filter((n) => n.id.startsWith(NODE_PREFIX.grid));
    expect(grids).toHaveLength(2);
    expect(parentOf('mp0')).toBe(`${NODE_PREFIX.site}P01`);
    expect(parentOf('sup0')).toBe(`${NODE_PREFIX.site}P01`);
    const dpGrid = nodes.get(parentOf('dp0'))!.node;
    expect(parentOf('dp59')).toBe(dpGrid.id);
    expect(parentOf('c0')).not.toBe(dpGrid.id);
    expect(dpGrid.layoutOptions).toMatchObject({ 'elk.algorithm': 'fixed' });
    expect(partition(dpGrid)).toBe(partition(nodes.get(`${NODE_PREFIX.host}mp0`)!.node));
    // Cells do not overlap and the grid holds them all.
    const cells = dpGrid.children!;
    const keys = new Set(cells.map((c) => `${c.x},${c.y}`));
    expect(keys.size).toBe(60);
    for (const c of cells) {
      expect(c.x! + c.width!).toBeLessThanOrEqual(dpGrid.width!);
      expect(c.y! + c.height!).toBeLessThanOrEqual(dpGrid.height!);
    }
    // Sixty links become one edge from the server to the grid; the link inside the grid goes.
    const edges = site.edges ?? [];
    expect(edges.map((e) => `${e.sources[0]} ${e.targets[0]}`)).toEqual([
      `${NODE_PREFIX.host}server ${dpGrid.id}`,
    ]);
    expect(dpGrid.edges).toBeUndefined();
  });

  it('uses measured sizes', () => {
    const graph = layoutGraph(makeDocument([makeHost('a')]), { a: { width: 300, height: 90 } });
    expect(graph.children![0]).toMatchObject({ width: 300, height: 90 });
  });
});

describe('hostKind and siteTypes', () => {
  it('tells clients, site servers and internet or cloud peers by their roles', () => {
    expect(hostKind(makeHost('c', ['client', 'console']), catalogue)).toEqual({
      siteServer: false,
      siteCore: false,
      client: true,
      edge: false,
    });
    expect(hostKind(makeHost('i', ['intune', 'microsoft']), catalogue).edge).toBe(true);
    // A domain controller is external but no cloud peer; a cloud DP is a site system.
    expect(hostKind(makeHost('dc', ['domain-controller']), catalogue).edge).toBe(false);
    expect(hostKind(makeHost('cdp', ['cloud-distribution-point']), catalogue).edge).toBe(false);
    expect(hostKind(makeHost('x', ['client', 'unknown-role']), catalogue).client).toBe(false);
  });

  it('takes a site type from its server, else from the parent site', () => {
    const types = siteTypes([
      makeHost('cas', ['site-server'], { site: 'CAS', options: { siteType: 'cas' } }),
      makeHost('p', ['site-server'], { site: 'P01', options: { parentSite: 'CAS' } }),
      makeHost('s', ['site-server'], { site: 'S01', options: { siteType: 'secondary', parentSite: 'P01' } }),
    ]);
    expect(Object.fromEntries(types)).toEqual({ CAS: 'cas', P01: 'primary', S01: 'secondary' });
  });
});

describe('positionsFrom', () => {
  it('adds parent offsets up to absolute positions and boxes', () => {
    const result: LayoutNode = {
      id: 'root',
      x: 5,
      y: 5,
      children: [
        {
          id: `${NODE_PREFIX.zone}z`,
          x: 10,
          y: 20,
          width: 400,
          height: 300,
          children: [
            {
              id: `${NODE_PREFIX.site}P01`,
              x: 24,
              y: 44,
              width: 220,
              height: 150,
              children: [{ id: `${NODE_PREFIX.host}a`, x: 24, y: 44.4, width: 172, height: 64 }],
            },
          ],
        },
        { id: `${NODE_PREFIX.host}b`, x: 500, y: 0, width: 172, height: 64 },
      ],
    };
    expect(positionsFrom(result)).toEqual({
      positions: { a: { x: 58, y: 108 }, b: { x: 500, y: 0 } },
      zoneBoxes: { z: { x: 10, y: 20, width: 400, height: 300 } },
      siteBoxes: { P01: { x: 34, y: 64, width: 220, height: 150 } },
    });
  });
});
