/**
 * Geometry the automatic layout promises, as test helpers: every host placed, no two hosts
 * overlapping, and no host crossing a zone border (inside its zone's box and its parents', below
 * their titles, clear of every other zone's box).
 */
import { expect } from 'vitest';
import type { TopologyDocument } from '@/domain/document';
import { DEFAULT_HOST_SIZE } from '@/domain/layout/host-size';
import type { Box, LayoutPlacement, Size } from '@/domain/layout/layout-types';

/** Room at the top of a zone box for its title: no host may sit in it. */
export const ZONE_TITLE = 44;

/** Each host's box on the canvas: its position and its (measured or default) size. */
export function hostBoxes(
  document: TopologyDocument,
  placement: LayoutPlacement,
  sizes: Readonly<Record<string, Size>> = {},
): Map<string, Box> {
  const boxes = new Map<string, Box>();
  for (const h of document.hosts) {
    const p = placement.positions[h.id];
    if (p) boxes.set(h.id, { ...p, ...(sizes[h.id] ?? DEFAULT_HOST_SIZE) });
  }
  return boxes;
}

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const contains = (outer: Box, inner: Box) =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.width <= outer.x + outer.width &&
  inner.y + inner.height <= outer.y + outer.height;

/** The zones a host lies in: its own and its parents, for documents whose zone parents form no cycle. */
function zoneChain(document: TopologyDocument, zone: string | undefined): Set<string> {
  const parent = new Map(document.zones.map((z) => [z.id, z.parent]));
  const chain = new Set<string>();
  for (let z = zone; z !== undefined && parent.has(z) && !chain.has(z); z = parent.get(z)) chain.add(z);
  return chain;
}

/**
 * Fails with the offending ids unless the placement keeps every promise above: hosts placed and
 * apart, each in its zone below the zone's title and out of other zones, zones apart unless nested.
 */
export function expectTidy(
  document: TopologyDocument,
  placement: LayoutPlacement,
  sizes: Readonly<Record<string, Size>> = {},
): void {
  const unplaced = document.hosts.filter((h) => !placement.positions[h.id]).map((h) => h.id);
  expect(unplaced, 'hosts without a position').toEqual([]);
  for (const p of Object.values(placement.positions)) {
    expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
  }
  const boxes = [...hostBoxes(document, placement, sizes)];
  const overlapping: string[] = [];
  for (let i = 0; i < boxes.length; i += 1) {
    for (let j = i + 1; j < boxes.length; j += 1) {
      if (overlaps(boxes[i]![1], boxes[j]![1])) overlapping.push(`${boxes[i]![0]} / ${boxes[j]![0]}`);
    }
  }
  expect(overlapping, 'hosts on top of each other').toEqual([]);
  expect(Object.keys(placement.zoneBoxes).sort()).toEqual(document.zones.map((z) => z.id).sort());
  const crossing: string[] = [];
  for (const h of document.hosts) {
    const box = boxes.find(([id]) => id === h.id)![1];
    const chain = zoneChain(document, h.zone);
    for (const [zone, zoneBox] of Object.entries(placement.zoneBoxes)) {
      const ok = chain.has(zone)
        ? contains(zoneBox, box) && box.y >= zoneBox.y + ZONE_TITLE
        : !overlaps(zoneBox, box);
      if (!ok) crossing.push(`${h.id} ${chain.has(zone) ? 'sticks out of' : 'lies on'} ${zone}`);
    }
  }
  expect(crossing, 'hosts crossing a zone border').toEqual([]);
  // Zones of which neither holds the other lie apart.
  const zones = Object.entries(placement.zoneBoxes);
  const touching: string[] = [];
  for (let i = 0; i < zones.length; i += 1) {
    for (let j = i + 1; j < zones.length; j += 1) {
      const [a, boxA] = zones[i]!;
      const [b, boxB] = zones[j]!;
      const nested = zoneChain(document, a).has(b) || zoneChain(document, b).has(a);
      if (!nested && overlaps(boxA, boxB)) touching.push(`${a} / ${b}`);
    }
  }
  expect(touching, 'zones on top of each other').toEqual([]);
}
