import { describe, expect, it } from 'vitest';
import type { Zone } from '@/domain/document';
import {
  addZone,
  assignZonesByPosition,
  deleteZone,
  moveZone,
  resizeZone,
  zoneAroundHosts,
} from '@/domain/zones/zone-edits';
import { zoneBoxes } from '@/domain/zones/zone-frames';
import { moveHostIntoZone, setZoneBoxes } from '@/domain/zones/zone-placement';
import { innermostZoneAt, parentsFirst } from '@/domain/zones/zone-tree';
import { makeDocument, makeHost } from '../../builders';

const twoHosts = () =>
  makeDocument([makeHost('mp', ['management-point']), makeHost('dp', ['distribution-point'])], [], {
    layout: { mp: { x: 0, y: 0 }, dp: { x: 300, y: 0 } },
  });

describe('zone edits', () => {
  it('draws a zone around hosts and puts them in it', () => {
    const result = zoneAroundHosts(twoHosts(), ['mp', 'dp'], {}, 'dmz');
    expect(result?.id).toBe('z1');
    const zone = result?.doc.zones[0];
    expect(zone).toMatchObject({ id: 'z1', name: 'DMZ', kind: 'dmz' });
    expect(zone?.box).toEqual({ x: -24, y: -44, width: 172 + 300 + 48, height: 64 + 68 });
    expect(result?.doc.hosts.map((h) => h.zone)).toEqual(['z1', 'z1']);
  });

  it('numbers zone names and nests a zone drawn inside another', () => {
    const first = zoneAroundHosts(twoHosts(), ['mp', 'dp'], {}, 'dmz');
    const second = zoneAroundHosts(first?.doc ?? twoHosts(), ['dp'], {}, 'dmz');
    expect(second?.doc.zones[1]).toMatchObject({ id: 'z2', name: 'DMZ 2', parent: 'z1' });
  });

  it('moves a zone with its hosts and nested zones', () => {
    const outer = zoneAroundHosts(twoHosts(), ['mp', 'dp'], {})?.doc ?? twoHosts();
    const inner = zoneAroundHosts(outer, ['dp'], {})?.doc ?? outer;
    const moved = moveZone(inner, 'z1', { x: 76, y: 56 }, {});
    expect(moved.layout.mp).toEqual({ x: 100, y: 100 });
    expect(moved.layout.dp).toEqual({ x: 400, y: 100 });
    expect(moved.zones[1]?.box?.x).toBe((inner.zones[1]?.box?.x ?? 0) + 100);
  });

  it('re-reads membership on resize, and deleting a zone keeps its hosts in the parent', () => {
    const doc = zoneAroundHosts(twoHosts(), ['mp', 'dp'], {})?.doc ?? twoHosts();
    const shrunk = resizeZone(doc, 'z1', { x: -24, y: -44, width: 220, height: 132 }, {});
    expect(shrunk.hosts.map((h) => h.zone)).toEqual(['z1', undefined]);
    const nested = zoneAroundHosts(doc, ['dp'], {})?.doc ?? doc;
    const gone = deleteZone(nested, 'z2');
    expect(gone.zones.map((z) => z.id)).toEqual(['z1']);
    expect(gone.hosts.find((h) => h.id === 'dp')?.zone).toBe('z1');
    expect(deleteZone(gone, 'z1').hosts.every((h) => h.zone === undefined)).toBe(true);
  });

  it('assigns the innermost zone by a dropped host’s centre', () => {
    const { doc } = addZone(twoHosts(), { box: { x: 250, y: -50, width: 300, height: 200 }, kind: 'branch' });
    const placed = assignZonesByPosition(doc, ['mp', 'dp'], {});
    expect(placed.hosts.map((h) => h.zone)).toEqual([undefined, 'z1']);
    expect(assignZonesByPosition(placed, ['mp', 'dp'], {})).toBe(placed);
  });

  it('moves a host into a zone at a free spot and grows the zone when full', () => {
    const { doc } = addZone(twoHosts(), { box: { x: 1000, y: 0, width: 220, height: 60 } });
    const next = moveHostIntoZone(doc, 'mp', 'z1', {});
    expect(next.hosts[0]?.zone).toBe('z1');
    expect(next.layout.mp).toEqual({ x: 1024, y: 44 });
    expect(next.zones[0]?.box?.height).toBeGreaterThanOrEqual(44 + 64 + 24);
  });

  it('takes boxes from a layout, ignoring ones that are not finite', () => {
    const { doc } = addZone(twoHosts(), { box: { x: 0, y: 0, width: 10, height: 10 } });
    const next = setZoneBoxes(doc, {
      z1: { x: 5.4, y: 6, width: 100, height: 50 },
      zz: { x: 0, y: 0, width: 1, height: 1 },
    });
    expect(next.zones[0]?.box).toEqual({ x: 5, y: 6, width: 100, height: 50 });
    expect(setZoneBoxes(next, { z1: { x: Number.NaN, y: 0, width: 1, height: 1 } })).toBe(next);
  });
});

describe('zone frames and tree', () => {
  const zones: Zone[] = [
    { id: 'inner', name: 'Inner', parent: 'outer' },
    { id: 'outer', name: 'Outer' },
    { id: 'empty', name: 'Empty' },
  ];
  it('orders parents first and fits zones without a box around hosts and child zones', () => {
    expect(parentsFirst(zones).map((z) => z.id)).toEqual(['outer', 'inner', 'empty']);
    const hosts = [makeHost('a', [], { zone: 'inner' }), makeHost('b', [], { zone: 'outer' })];
    const boxes = zoneBoxes(zones, hosts, { a: { x: 0, y: 0 }, b: { x: 400, y: 0 } }, {});
    const inner = boxes.get('inner');
    const outer = boxes.get('outer');
    expect(inner).toEqual({ x: -24, y: -44, width: 220, height: 132 });
    expect(outer?.x).toBeLessThan(inner?.x ?? 0);
    expect(outer?.y).toBeLessThan(inner?.y ?? 0);
    expect(boxes.get('empty')?.x).toBeGreaterThan(572);
    expect(innermostZoneAt({ x: 50, y: 20 }, parentsFirst(zones), boxes)).toBe('inner');
    expect(innermostZoneAt({ x: 450, y: 20 }, parentsFirst(zones), boxes)).toBe('outer');
    expect(innermostZoneAt({ x: -900, y: 20 }, parentsFirst(zones), boxes)).toBeUndefined();
  });
});

describe('nesting by position', () => {
  it('nests a zone dropped inside another, and un-nests it when moved out', async () => {
    const { nestZoneByPosition } = await import('@/domain/zones/zone-placement');
    const outer = addZone(twoHosts(), { box: { x: 0, y: 0, width: 800, height: 600 } }).doc;
    const both = addZone(outer, { box: { x: 100, y: 100, width: 200, height: 100 } }).doc;
    const nested = nestZoneByPosition(both, 'z2', {});
    expect(nested.zones[1]?.parent).toBe('z1');
    // z1 cannot go inside its own child.
    expect(nestZoneByPosition(nested, 'z1', {}).zones[0]?.parent).toBeUndefined();
    const out = moveZone(nested, 'z2', { x: 2000, y: 0 }, {});
    expect(nestZoneByPosition(out, 'z2', {}).zones[1]?.parent).toBeUndefined();
  });
});
