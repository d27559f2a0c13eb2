import { catalogue } from '@/domain/default-catalogue';
import { diagramScene, EMPTY_LINK_COLOUR, PICTURE_MAX_SIDE } from '@/export/diagram-scene';
import { diagramSvg } from '@/export/diagram-svg';
import { syntheticHierarchy } from '../../bench/synthetic';
import { makeDocument, makeHost, makeLink } from '../builders';
import { loadExample, rowsOf } from './support';

const colourOf = (serviceId: string) => catalogue.serviceById.get(serviceId)!.color;

describe('the diagram picture drawn from the model', () => {
  const document = loadExample('standalone-primary');
  const rows = rowsOf(document);

  it('draws every host with its name and first role colour, every link in its services’ colours', () => {
    const scene = diagramScene({ document, catalogue, rows })!;
    const svg = diagramSvg(scene);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.match(/<g class="host">/g)).toHaveLength(document.hosts.length);
    for (const host of document.hosts) {
      expect(svg).toContain(`>${host.name}</text>`);
      const role = catalogue.roleById.get(host.roles[0]!)!;
      expect(svg).toContain(`stroke="${role.color}"`);
    }
    for (const link of document.links) {
      const services = new Set(rows.filter((r) => r.linkId === link.id).map((r) => r.serviceId));
      for (const service of services) expect(svg).toContain(`stroke="${colourOf(service)}"`);
    }
    // One stroke per service a link carries.
    const strokes = document.links.reduce(
      (sum, link) =>
        sum + Math.max(1, new Set(rows.filter((r) => r.linkId === link.id).map((r) => r.serviceId)).size),
      0,
    );
    expect(svg.match(/<line class="link"/g)).toHaveLength(strokes);
  });

  it('puts a link between the centres of its hosts, grey and dashed when it carries no flow', () => {
    const doc = makeDocument(
      [makeHost('a', ['site-server']), makeHost('b', ['site-server'])],
      [makeLink('a', 'b')],
      {
        layout: { a: { x: 0, y: 0 }, b: { x: 400, y: 0 } },
      },
    );
    const scene = diagramScene({ document: doc, catalogue, rows: [] })!;
    expect(scene.links).toHaveLength(1);
    const [link] = scene.links;
    const a = scene.hosts[0]!;
    const b = scene.hosts[1]!;
    expect([link!.x1, link!.y1]).toEqual([a.x + a.width / 2, a.y + a.height / 2]);
    expect([link!.x2, link!.y2]).toEqual([b.x + b.width / 2, b.y + b.height / 2]);
    expect(diagramSvg(scene)).toContain(
      `stroke="${EMPTY_LINK_COLOUR}" stroke-width="2" stroke-dasharray="6 4"`,
    );
  });

  it('draws zones with boxes and escapes names', () => {
    const doc = makeDocument([makeHost('a', ['site-server'], { name: 'A&B <sql>' })], [], {
      layout: { a: { x: 100, y: 100 } },
      zones: [{ id: 'z', name: 'DMZ "east"', kind: 'dmz', box: { x: 0, y: 0, width: 600, height: 400 } }],
    });
    const svg = diagramSvg(diagramScene({ document: doc, catalogue, rows: [] })!);
    expect(svg).toContain('>A&amp;B &lt;sql&gt;</text>');
    expect(svg).toContain('>DMZ &quot;east&quot;</text>');
    expect(svg).toContain('stroke="#ea580c"');
    expect(svg).not.toMatch(/<sql>/);
  });

  it('keeps the longest side at 4,096 pixels for a 1,000-host estate, and leaves unreadable names out', () => {
    const big = syntheticHierarchy(1000, catalogue);
    const scene = diagramScene({ document: big, catalogue, rows: [] })!;
    expect(Math.max(scene.width, scene.height)).toBe(PICTURE_MAX_SIDE);
    expect(Math.max(scene.width, scene.height)).toBeLessThanOrEqual(PICTURE_MAX_SIDE);
    expect(scene.hosts).toHaveLength(big.hosts.length);
    expect(scene.links).toHaveLength(big.links.length);
    const svg = diagramSvg(scene);
    expect(svg).toContain(`width="${scene.width}" height="${scene.height}"`);
    if (!scene.names) expect(svg).not.toContain('</text>');
  });

  it('draws a small diagram at twice its size and honours a smaller cap', () => {
    const doc = makeDocument([makeHost('a', ['site-server'])], [], { layout: { a: { x: 0, y: 0 } } });
    const scene = diagramScene({ document: doc, catalogue, rows: [] })!;
    expect(scene.scale).toBe(2);
    expect(scene.names).toBe(true);
    const capped = diagramScene({ document: syntheticHierarchy(100, catalogue), catalogue, rows: [] }, 500)!;
    expect(Math.max(capped.width, capped.height)).toBe(500);
  });

  it('has nothing to draw without hosts', () => {
    expect(diagramScene({ document: makeDocument(), catalogue, rows: [] })).toBeUndefined();
  });
});
