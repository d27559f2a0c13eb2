/**
 * Zone boxes and site bands are framed from running bounds, without a box per host (issue 18):
 * the same boxes, zones and counts as framing the list of every host's box, for random estates.
 */
import { describe, expect, it } from 'vitest';
import type { Box, Host, Position, Zone } from '@/domain/document';
import { siteFrames } from '@/domain/zones/site-frames';
import { HOST_BOX, ZONE_PADDING, zoneBoxes } from '@/domain/zones/zone-frames';
import { parentsFirst } from '@/domain/zones/zone-tree';
import { seededRandom } from '../../support/random';

type Sizes = Record<string, { width: number; height: number }>;

const boxOf = (host: Host, layout: Record<string, Position>, sizes: Sizes): Box | undefined => {
  const p = layout[host.id];
  return p && { x: p.x, y: p.y, ...(sizes[host.id] ?? HOST_BOX) };
};

/** The padded box around `boxes`, by min and max over the list (as zones were fitted before). */
function fitAround(boxes: readonly Box[]): Box {
  const left = Math.min(...boxes.map((b) => b.x));
  const top = Math.min(...boxes.map((b) => b.y));
  const right = Math.max(...boxes.map((b) => b.x + b.width));
  const bottom = Math.max(...boxes.map((b) => b.y + b.height));
  return {
    x: Math.round(left - ZONE_PADDING.side),
    y: Math.round(top - ZONE_PADDING.top),
    width: Math.round(right - left + 2 * ZONE_PADDING.side),
    height: Math.round(bottom - top + ZONE_PADDING.top + ZONE_PADDING.bottom),
  };
}

/** Zone boxes as a list of boxes per zone frames them (the way before running bounds). */
function zoneBoxesByLists(zones: Zone[], hosts: Host[], layout: Record<string, Position>, sizes: Sizes) {
  const boxes = new Map<string, Box>();
  const members = new Map<string, Box[]>();
  for (const host of hosts) {
    const box = host.zone === undefined ? undefined : boxOf(host, layout, sizes);
    if (box) members.set(host.zone as string, [...(members.get(host.zone as string) ?? []), box]);
  }
  const ordered = parentsFirst(zones);
  for (let i = ordered.length - 1; i >= 0; i -= 1) {
    const zone = ordered[i]!;
    const inside = members.get(zone.id) ?? [];
    const box = zone.box ?? (inside.length > 0 ? fitAround(inside) : undefined);
    if (!box) continue;
    boxes.set(zone.id, box);
    if (zone.parent !== undefined) members.set(zone.parent, [...(members.get(zone.parent) ?? []), box]);
  }
  return boxes;
}

/** Site frames by lists of member hosts (the way before running bounds). */
function siteFramesByLists(hosts: Host[], layout: Record<string, Position>, sizes: Sizes) {
  const bySite = new Map<string, Host[]>();
  for (const host of hosts) {
    if (host.site && layout[host.id]) bySite.set(host.site, [...(bySite.get(host.site) ?? []), host]);
  }
  return [...bySite].map(([code, members]) => {
    const count = new Map<string | undefined, number>();
    for (const h of members) count.set(h.zone, (count.get(h.zone) ?? 0) + 1);
    let zone: string | undefined;
    let most = -1;
    for (const [z, n] of count) {
      if (n > most) {
        zone = z;
        most = n;
      }
    }
    const server = members.find((h) => h.roles.includes('site-server'));
    return {
      code,
      box: fitAround(members.filter((h) => h.zone === zone).map((h) => boxOf(h, layout, sizes)!)),
      zone,
      siteType: server?.options.siteType,
      parentSite: server?.options.parentSite,
      hostCount: members.length,
    };
  });
}

describe('zones and site bands framed from running bounds', () => {
  it('give the same boxes as framing every host’s box, for random estates', () => {
    // The generator's high bits: its low bits repeat in short cycles (every zone got a box).
    const bits = seededRandom(21);
    const random = (n: number) => Math.floor((bits(2 ** 30) / 2 ** 30) * n);
    let fitted = 0;
    for (let round = 0; round < 60; round += 1) {
      const zones: Zone[] = Array.from({ length: random(6) }, (_, i) => ({
        id: `z${i}`,
        name: `Zone ${i}`,
        ...(i > 0 && random(2) === 0 ? { parent: `z${random(i)}` } : {}),
        ...(random(4) === 0
          ? { box: { x: random(500) - 250, y: random(500), width: 300, height: 200 } }
          : {}),
      }));
      const hosts: Host[] = Array.from({ length: random(40) }, (_, i) => ({
        id: `h${i}`,
        name: `H${i}`,
        roles: random(5) === 0 ? ['site-server'] : ['client'],
        options: random(5) === 0 ? { siteType: 'primary', parentSite: 'CAS' } : {},
        ...(random(4) > 0 ? { site: `S${random(3)}` } : {}),
        ...(zones.length > 0 && random(3) > 0 ? { zone: `z${random(zones.length)}` } : {}),
      }));
      const layout: Record<string, Position> = {};
      const sizes: Sizes = {};
      for (const h of hosts) {
        if (random(6) > 0)
          layout[h.id] = { x: random(2000) - 1000 + 0.5 * random(2), y: random(2000) - 1000 };
        if (random(3) === 0) sizes[h.id] = { width: 100 + random(200), height: 40 + random(60) };
      }
      const label = `round ${round}`;
      const actual = zoneBoxes(zones, hosts, layout, sizes);
      for (const [id, box] of zoneBoxesByLists(zones, hosts, layout, sizes))
        expect(actual.get(id), `${label}: ${id}`).toEqual(box);
      // The others (no box, nothing inside) are put beside the drawing.
      expect(actual.size, label).toBe(zones.length);
      expect(siteFrames(hosts, layout, sizes), label).toEqual(siteFramesByLists(hosts, layout, sizes));
      fitted += [...zoneBoxesByLists(zones, hosts, layout, sizes)].filter(([id]) =>
        zones.some((z) => z.id === id && z.box === undefined),
      ).length;
    }
    // Most rounds fit zones around hosts and child zones, not only take their own boxes.
    expect(fitted).toBeGreaterThan(60);
  });
});
