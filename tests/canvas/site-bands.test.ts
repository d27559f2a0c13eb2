import { boundsAfter, hostBounds } from '@/canvas/host-bounds';
import { changedHosts } from '@/canvas/host-changes';
import { siteBands } from '@/canvas/site-bands';
import { catalogue } from '@/domain/default-catalogue';
import type { Host, Position } from '@/domain/document';
import { siteFrames } from '@/domain/zones/site-frames';
import { syntheticHierarchy } from '../../bench/synthetic';

const SIZE = { width: 172, height: 64 };

describe('kept across edits: site bands and the hosts’ box', () => {
  it('match siteFrames and hostBounds from scratch after every random edit', () => {
    const doc = syntheticHierarchy(600, catalogue, { zones: true });
    let state = { hosts: doc.hosts, layout: doc.layout as Readonly<Record<string, Position>>, measured: {} };
    let bands = siteBands(state);
    let bounds = boundsAfter(state, SIZE);
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const sites = [...new Set(doc.hosts.map((h) => h.site))];
    for (let step = 0; step < 200; step += 1) {
      const i = random(state.hosts.length);
      const host = state.hosts[i]!;
      const kind = random(4);
      let hosts = state.hosts;
      let layout = state.layout;
      if (kind === 0) {
        const copy = [...hosts];
        copy[i] = { ...host, roles: [...host.roles, 'distribution-point'] } as Host;
        hosts = copy;
      } else if (kind === 1) {
        const copy = [...hosts];
        copy[i] = { ...host, site: sites[random(sites.length)] } as Host;
        hosts = copy;
      } else if (kind === 2) {
        const p = layout[host.id] ?? { x: 0, y: 0 };
        layout = { ...layout, [host.id]: { x: p.x + random(4000) - 2000, y: p.y + random(400) - 200 } };
      } else {
        const { [host.id]: _, ...rest } = layout;
        layout = rest;
      }
      state = { hosts, layout, measured: {} };
      bands = siteBands(state, bands);
      bounds = boundsAfter(state, SIZE, bounds);
      expect(bands.frames).toEqual(siteFrames(state.hosts, state.layout, {}));
      expect(bounds.box).toEqual(hostBounds(state.hosts, state.layout, {}, SIZE));
    }
  });

  it('names the hosts whose object, position or size changed, and none when the ids differ', () => {
    const a = { id: 'a', name: 'A', roles: [], options: {} } as Host;
    const b = { id: 'b', name: 'B', roles: [], options: {} } as Host;
    const layout = { a: { x: 0, y: 0 }, b: { x: 1, y: 1 } };
    const before = { hosts: [a, b], layout, measured: {} };
    expect(changedHosts(before, { ...before, hosts: [a, { ...b }] })).toEqual([1]);
    expect(changedHosts(before, { ...before, layout: { ...layout, a: { x: 5, y: 0 } } })).toEqual([0]);
    expect(changedHosts(before, { ...before, measured: { b: SIZE } })).toEqual([1]);
    expect(changedHosts(before, { ...before, hosts: [b, a] })).toBeUndefined();
    expect(changedHosts(before, { ...before, hosts: [a] })).toBeUndefined();
  });
});
