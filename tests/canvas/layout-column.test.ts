import { describe, expect, it } from 'vitest';
import { farScene } from '@/canvas/far-scene';
import { hostBounds } from '@/canvas/host-bounds';
import { placeholderLayout } from '@/canvas/placeholder-layout';
import { siteBands } from '@/canvas/site-bands';
import { catalogue } from '@/domain/default-catalogue';
import type { Position } from '@/domain/document';
import { columnFor } from '@/domain/layout-column';
import { siteFrames } from '@/domain/zones/site-frames';
import { syntheticHierarchy } from '../../bench/synthetic';

/** A synthetic estate as the page unpacks it: the layout in host order, and its column. */
function estate() {
  const doc = syntheticHierarchy(1_200, catalogue, { zones: true });
  const layout: Record<string, Position> = {};
  const xy = new Float64Array(doc.hosts.length * 2);
  doc.hosts.forEach((host, i) => {
    const p = doc.layout[host.id]!;
    layout[host.id] = { x: p.x, y: p.y };
    xy[2 * i] = p.x;
    xy[2 * i + 1] = p.y;
  });
  return { hosts: doc.hosts, links: doc.links, layout, xy };
}

const SIZE = { width: 172, height: 64 };

describe('a layout column', () => {
  const { hosts, links, layout, xy } = estate();
  // Some measured sizes, read by id either way.
  const measured = { [hosts[3]!.id]: { width: 300, height: 90 } };

  it('is read only for the very hosts and layout it was made for', () => {
    const column = { hosts, layout, xy };
    expect(columnFor(column, hosts, layout)).toBe(xy);
    expect(columnFor(column, [...hosts], layout)).toBeUndefined();
    expect(columnFor(column, hosts, { ...layout })).toBeUndefined();
    expect(columnFor({ hosts, layout, xy: xy.subarray(2) }, hosts, layout)).toBeUndefined();
    expect(columnFor(null, hosts, layout)).toBeUndefined();
  });

  it('gives the host bounds, site frames and bands the layout gives', () => {
    expect(hostBounds(hosts, layout, measured, SIZE, xy)).toEqual(hostBounds(hosts, layout, measured, SIZE));
    const frames = siteFrames(hosts, layout, measured);
    expect(frames.length).toBeGreaterThan(3);
    expect(siteFrames(hosts, layout, measured, xy)).toEqual(frames);
    const bands = siteBands({ hosts, layout, measured, xy });
    const plain = siteBands({ hosts, layout, measured });
    expect(bands.frames).toEqual(plain.frames);
    expect(bands.members).toEqual(plain.members);
    expect(bands.members.size).toBe(frames.length);
  });

  it('gives the far scene the layout gives', () => {
    const input = { hosts, links, layout, measured, selectedHostIds: [], catalogue, size: SIZE };
    const a = farScene({ ...input, xy });
    const b = farScene(input);
    for (const k of ['x', 'y', 'w', 'h', 'colour', 'links'] as const) expect(a[k]).toEqual(b[k]);
  });

  it('gives the placeholders the positions the layout gives', () => {
    const placeholders = [{ sources: [hosts[5]!.id] }, { sources: [hosts[700]!.id, hosts[900]!.id] }];
    const cut = placeholderLayout(placeholders, layout, { hosts, xy });
    expect(Object.keys(cut).length).toBeGreaterThan(3);
    expect(cut).toEqual(placeholderLayout(placeholders, layout));
  });
});
