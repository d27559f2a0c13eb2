import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DocumentContent, Position, Zone } from '@/domain/document';
import { HOST_BOX, hostBox, zoneBoxes } from '@/domain/zones/zone-frames';
import { moveHostIntoZone } from '@/domain/zones/zone-placement';
import { makeDocument, makeHost } from '../../builders';

type Sizes = Readonly<Record<string, { readonly width: number; readonly height: number }>>;

/** The implementation before issue 18 (every cell tried against every host), kept to compare. */
function oldMoveHostIntoZone<D extends DocumentContent>(
  doc: D,
  hostId: string,
  zoneId: string,
  sizes: Sizes,
): D {
  const host = doc.hosts.find((h) => h.id === hostId);
  const box = zoneBoxes(doc.zones, doc.hosts, doc.layout, sizes).get(zoneId);
  if (!host || !box || host.zone === zoneId) return doc;
  const others = doc.hosts.flatMap((h) => {
    const b = h.id === hostId ? undefined : hostBox(h, doc.layout, sizes);
    return b ? [b] : [];
  });
  const cellW = HOST_BOX.width + 24;
  const cellH = HOST_BOX.height + 32;
  const columns = Math.max(1, Math.floor((box.width - 48) / cellW));
  let spot: Position = { x: box.x + 24, y: box.y + 44 };
  for (let i = 0; i < 10_000; i += 1) {
    spot = { x: box.x + 24 + (i % columns) * cellW, y: box.y + 44 + Math.floor(i / columns) * cellH };
    const clash = others.some(
      (o) =>
        o.x < spot.x + cellW - 8 &&
        spot.x < o.x + o.width + 8 &&
        o.y < spot.y + cellH - 8 &&
        spot.y < o.y + o.height + 8,
    );
    if (!clash) break;
  }
  const bottom = spot.y + HOST_BOX.height + 24;
  const grown = bottom > box.y + box.height ? { ...box, height: bottom - box.y } : box;
  const zones = doc.zones.map((z) =>
    z.id === zoneId && (grown !== box || !z.box) ? { ...z, box: grown } : z,
  );
  return {
    ...doc,
    zones,
    hosts: doc.hosts.map((h) => (h.id === hostId ? { ...h, zone: zoneId } : h)),
    layout: { ...doc.layout, [hostId]: spot },
  };
}

/**
 * Coordinates: mostly at any offset from a cell of the grid of a zone at the origin (so edges meet
 * exactly), sometimes anywhere, or not a finite number.
 */
const onGrid = (first: number, cell: number) =>
  fc
    .tuple(fc.integer({ min: -2, max: 14 }), fc.integer({ min: -cell, max: cell }))
    .map(([k, d]) => first + k * cell + d);
const coord = (first: number, cell: number) =>
  fc.oneof(
    { weight: 6, arbitrary: onGrid(first, cell) },
    { weight: 2, arbitrary: fc.integer({ min: -400, max: 1600 }) },
    { weight: 1, arbitrary: fc.double({ min: -5000, max: 5000, noNaN: true }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        Number.NaN,
        Number.POSITIVE_INFINITY,
        Number.NEGATIVE_INFINITY,
        1e20,
        -1e20,
        0.1,
      ),
    },
  );
const size = fc.record({
  width: fc.oneof(
    fc.integer({ min: 0, max: 600 }),
    fc.constantFrom(-50, 5000, Number.NaN, Number.POSITIVE_INFINITY),
  ),
  height: fc.oneof(fc.integer({ min: 0, max: 300 }), fc.constantFrom(-20, 3000, Number.NaN)),
});
const zoneBox = fc.record({
  x: fc.oneof(fc.constant(0), fc.integer({ min: -300, max: 600 }), fc.constantFrom(Number.NaN, 1e15, -3e12)),
  y: fc.oneof(fc.constant(0), fc.integer({ min: -300, max: 600 }), fc.constantFrom(Number.NaN, 2 ** 41)),
  width: fc.oneof(
    fc.integer({ min: 0, max: 1400 }),
    fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, 1e9, 20),
  ),
  height: fc.oneof(
    fc.integer({ min: 0, max: 900 }),
    fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -10),
  ),
});

/** A random layout: hosts (some in zones, some measured, some without a position) and zones. */
const layoutCase = fc
  .record({
    hosts: fc.array(
      fc.record({
        x: coord(24, 196),
        y: coord(44, 96),
        placed: fc.nat(9).map((n) => n > 0),
        size: fc.option(size, { freq: 3 }),
        zone: fc.option(fc.constantFrom('z1', 'z2', 'z3'), { freq: 2 }),
      }),
      { minLength: 1, maxLength: 80 },
    ),
    boxes: fc.tuple(fc.option(zoneBox, { freq: 4 }), fc.option(zoneBox, { freq: 4 })),
    nested: fc.boolean(),
    duplicate: fc.boolean(),
    moved: fc.nat(),
    target: fc.constantFrom('z1', 'z2', 'z3', 'nowhere'),
  })
  .map((c) => {
    const layout: Record<string, Position> = {};
    const sizes: Record<string, { width: number; height: number }> = {};
    const hosts = c.hosts.map((h, i) => {
      const id = `h${i}`;
      if (h.placed) layout[id] = { x: h.x, y: h.y };
      if (h.size) sizes[id] = h.size;
      return makeHost(id, [], h.zone ? { zone: h.zone } : {});
    });
    const [b1, b2] = c.boxes;
    const zones: Zone[] = [
      { id: 'z1', name: 'One', ...(b1 ? { box: b1 } : {}) },
      { id: 'z2', name: 'Two', ...(c.nested ? { parent: 'z1' } : {}), ...(b2 ? { box: b2 } : {}) },
      { id: 'z3', name: 'Three' },
      ...(c.duplicate
        ? [{ id: 'z1', name: 'One again', box: { x: 900, y: 0, width: 500, height: 300 } }]
        : []),
    ];
    const doc = makeDocument(hosts, [], { layout, zones });
    return { doc, sizes, moved: `h${c.moved % hosts.length}`, target: c.target };
  });

describe('moveHostIntoZone', () => {
  it('places a host where trying every cell against every host placed it, on random layouts', () => {
    fc.assert(
      fc.property(layoutCase, ({ doc, sizes, moved, target }) => {
        expect(moveHostIntoZone(doc, moved, target, sizes)).toEqual(
          oldMoveHostIntoZone(doc, moved, target, sizes),
        );
      }),
      { numRuns: 1500 },
    );
  });

  it('places a host where trying every cell did, in random crowded zones', () => {
    const crowded = fc.record({
      columns: fc.integer({ min: 1, max: 6 }),
      height: fc.integer({ min: 0, max: 700 }),
      cells: fc.array(
        fc.record({
          free: fc.nat(12).map((n) => n === 0),
          dx: fc.integer({ min: -200, max: 200 }),
          dy: fc.integer({ min: -100, max: 100 }),
        }),
        { minLength: 1, maxLength: 70 },
      ),
      below: fc.array(fc.record({ x: coord(24, 196), y: fc.integer({ min: 0, max: 2000 }) }), {
        maxLength: 10,
      }),
    });
    fc.assert(
      fc.property(crowded, ({ columns, height, cells, below }) => {
        const layout: Record<string, Position> = { dp: { x: -900, y: 0 } };
        const hosts = [makeHost('dp')];
        cells.forEach((c, i) => {
          if (c.free) return;
          const id = `c${i}`;
          hosts.push(makeHost(id, [], { zone: 'z1' }));
          layout[id] = {
            x: 24 + (i % columns) * 196 + (Math.abs(c.dx) < 20 ? c.dx : 0),
            y: 44 + Math.floor(i / columns) * 96 + c.dy,
          };
        });
        below.forEach((b, i) => {
          hosts.push(makeHost(`b${i}`));
          layout[`b${i}`] = b;
        });
        const box = { x: 0, y: 0, width: 48 + columns * 196, height };
        const doc = makeDocument(hosts, [], { layout, zones: [{ id: 'z1', name: 'Clients', box }] });
        expect(moveHostIntoZone(doc, 'dp', 'z1', {})).toEqual(oldMoveHostIntoZone(doc, 'dp', 'z1', {}));
      }),
      { numRuns: 1500 },
    );
  });

  it('places a host in a crowded zone where trying every cell did, growing the zone below', () => {
    const hosts = Array.from({ length: 300 }, (_, i) => makeHost(`c${i}`, [], { zone: 'z1' }));
    const layout: Record<string, Position> = {};
    hosts.forEach((h, i) => {
      layout[h.id] = { x: 24 + (i % 7) * 196 + (i % 3), y: 44 + Math.floor(i / 7) * 96 - (i % 5) };
    });
    const doc = makeDocument([...hosts, makeHost('dp', ['distribution-point'])], [], {
      layout: { ...layout, dp: { x: -900, y: 0 } },
      zones: [{ id: 'z1', name: 'Clients', box: { x: 0, y: 0, width: 1420, height: 400 } }],
    });
    const next = moveHostIntoZone(doc, 'dp', 'z1', {});
    expect(next).toEqual(oldMoveHostIntoZone(doc, 'dp', 'z1', {}));
    expect(next.zones[0]?.box?.height).toBeGreaterThan(400);
  });
});

describe('moveHostIntoZone layout copy', () => {
  it('copies the layout as a spread does, odd keys included', () => {
    const zones: Zone[] = [{ id: 'z1', name: 'One', box: { x: 0, y: 0, width: 440, height: 200 } }];
    const mark = Symbol('mark');
    for (const extra of [{}, JSON.parse('{"__proto__": {"x": 5, "y": 5}}'), { [mark]: { x: 1, y: 1 } }]) {
      const layout = Object.assign({ b: { x: 900, y: 0 }, 2: { x: 0, y: 900 } }, extra);
      const doc = makeDocument([makeHost('b'), makeHost('2')], [], { layout, zones });
      const next = moveHostIntoZone(doc, 'b', 'z1', {});
      const old = oldMoveHostIntoZone(doc, 'b', 'z1', {});
      expect(next.layout).toEqual(old.layout);
      expect(Reflect.ownKeys(next.layout)).toEqual(Reflect.ownKeys(old.layout));
      expect(Object.getPrototypeOf(next.layout)).toBe(Object.getPrototypeOf(old.layout));
      expect(next.layout['2']).toBe(doc.layout['2']);
    }
  });
});
