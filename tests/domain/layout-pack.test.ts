import { layoutGraph } from '@/domain/layout/layout-graph';
import { ASPECT_RATIO, elkBoxes, MIN_WRAP_WIDTH, packLayout } from '@/domain/layout/layout-pack';
import { positionsFrom } from '@/domain/layout/layout-result';
import type { LayoutNode } from '@/domain/layout/layout-types';
import { makeDocument, makeHost } from '../builders';

/** A stand-in for ELK: a site box's children in one column below its title. */
function column(box: LayoutNode): LayoutNode {
  let y = 44;
  const children = (box.children ?? []).map((c) => {
    const placed = { ...c, x: 24, y };
    y += (c.height ?? 0) + 40;
    return placed;
  });
  const width = Math.max(...children.map((c) => c.width ?? 0)) + 48;
  return { ...box, width, height: y - 40 + 24, children };
}

/** Packs a document, its site boxes laid out by {@link column}: the packer alone. */
const pack = (document: ReturnType<typeof makeDocument>) => {
  const graph = layoutGraph(document);
  const laidOut = new Map(elkBoxes(graph).map((box) => [box.id, column(box)]));
  return positionsFrom(packLayout(graph, laidOut));
};

describe('packLayout', () => {
  it('puts a band of zones that no link ties to the row above in that row; hosts keep their bands', () => {
    const document = makeDocument(
      [
        makeHost('cas', ['site-server'], { site: 'CAS', zone: 'core', options: { siteType: 'cas' } }),
        makeHost('dc', ['domain-controller'], { zone: 'core' }),
        makeHost('s01', ['site-server'], { site: 'S01', zone: 'branch', options: { siteType: 'secondary' } }),
        makeHost('c', ['client'], { zone: 'lan' }),
        makeHost('loose-client', ['client']),
        makeHost('cloud', ['intune']),
      ],
      [
        ['dc', 's01'],
        ['dc', 'c'],
      ],
      {
        zones: [
          { id: 'core', name: 'Core' },
          { id: 'branch', name: 'Branch' },
          { id: 'lan', name: 'Clients' },
        ],
      },
    );
    const { zoneBoxes, positions } = pack(document);
    const { core, branch, lan } = zoneBoxes;
    // The LAN's band (clients) comes after the branch's (a secondary), but nothing links the two: one row.
    expect(lan!.y).toBe(branch!.y);
    expect(branch!.y).toBeGreaterThanOrEqual(core!.y + core!.height);
    // The peer on the top edge; the loose client below everything it could talk to.
    expect(positions.cloud!.y + 64).toBeLessThanOrEqual(core!.y);
    expect(positions['loose-client']!.y).toBeGreaterThanOrEqual(lan!.y + lan!.height);
  });

  it('wraps a wide band to about the aspect ratio, and leaves one narrower than a screen in one row', () => {
    const clients = Array.from({ length: 300 }, (_, i) => makeHost(`c${i}`, ['client'], { zone: 'lan' }));
    const { zoneBoxes } = pack(makeDocument(clients, [], { zones: [{ id: 'lan', name: 'Clients' }] }));
    const lan = zoneBoxes.lan!;
    expect(lan.width / lan.height).toBeGreaterThanOrEqual(ASPECT_RATIO);
    expect(lan.width / lan.height).toBeLessThan(ASPECT_RATIO * 1.5);

    const few = Array.from({ length: 6 }, (_, i) => makeHost(`c${i}`, ['client']));
    const { positions } = pack(makeDocument(few));
    expect(6 * 172 + 5 * 40).toBeLessThan(MIN_WRAP_WIDTH);
    expect(new Set(Object.values(positions).map((p) => p.y)).size).toBe(1);
  });

  it('orders a band below by where the nodes it links to sit above', () => {
    const document = makeDocument(
      [
        makeHost('a', ['domain-controller']),
        makeHost('b', ['domain-controller']),
        makeHost('under-b', ['client']),
        makeHost('under-a', ['client']),
      ],
      [
        ['under-b', 'b'],
        ['under-a', 'a'],
      ],
    );
    const { positions } = pack(document);
    expect(positions.a!.x).toBeLessThan(positions.b!.x);
    expect(positions['under-a']!.x).toBeLessThan(positions['under-b']!.x);
  });

  it('sizes a zone to its children with room for its title', () => {
    const document = makeDocument([makeHost('dc', ['domain-controller'], { zone: 'core' })], [], {
      zones: [{ id: 'core', name: 'Core' }],
    });
    const { zoneBoxes, positions } = pack(document);
    expect(positions.dc!.y - zoneBoxes.core!.y).toBe(44);
    expect(zoneBoxes.core!.height).toBe(44 + 64 + 24);
  });
});
