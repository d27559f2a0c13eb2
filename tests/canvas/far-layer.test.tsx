/** @vitest-environment jsdom */
import { act, waitFor } from '@testing-library/react';
import { useStore as useFlowStore } from '@xyflow/react';
import { placeholderNodes } from '@/canvas/canvas-elements';
import type { CanvasNode, HostNodeType } from '@/canvas/canvas-types';
import { FAR_BOUNDS_ID, FAR_HOSTS_ABOVE, FAR_TINY_HOSTS_ABOVE, farNodes } from '@/canvas/far-layer';
import { farState } from '@/canvas/far-mode';
import { farScene } from '@/canvas/far-scene';
import { hostBounds } from '@/canvas/host-bounds';
import { placeholderLayout } from '@/canvas/placeholder-layout';
import { catalogue } from '@/domain/default-catalogue';
import type { Position } from '@/domain/document';
import { zoneBoxes } from '@/domain/zones/zone-frames';
import { useProblems } from '@/store/derived';
import { syntheticHierarchy } from '../../bench/synthetic';
import { makeDocument, makeHost, makeLink } from '../builders';
import { canvasT } from './canvas-words';
import { renderCanvas } from './render-canvas';

const SIZE = { width: 172, height: 64 };

describe('far scene', () => {
  const doc = makeDocument(
    [
      makeHost('pc', ['client']),
      makeHost('mp', ['management-point']),
      makeHost('pc2', ['client']),
      makeHost('odd', ['quantum-point']),
    ],
    [makeLink('pc', 'mp', 'l1'), makeLink('pc2', 'mp', 'l2'), makeLink('pc', 'gone', 'l3')],
    { layout: { pc: { x: 0, y: 0 }, mp: { x: 400, y: 0 }, pc2: { x: 0, y: 200 } } },
  );
  const scene = farScene({
    hosts: doc.hosts,
    links: doc.links,
    layout: doc.layout,
    measured: { mp: { width: 200, height: 80 } },
    selectedHostIds: ['pc2'],
    catalogue,
    size: SIZE,
  });

  it('draws every host with its measured size (else the default), sorted by colour', () => {
    expect(scene.x.length).toBe(4);
    const colours = [...scene.colour];
    expect(colours).toEqual([...colours].sort((a, b) => a - b));
    // Both clients share one colour, so they sit next to each other.
    const byPlace = (x: number, y: number) => [...scene.x].findIndex((v, i) => v === x && scene.y[i] === y);
    const pc = byPlace(0, 0);
    const pc2 = byPlace(0, 200);
    const mp = byPlace(400, 0);
    expect(Math.abs(pc - pc2)).toBe(1);
    expect(scene.colours[scene.colour[pc]!]).toBe(catalogue.roleById.get('client')!.color);
    expect([scene.w[mp], scene.h[mp]]).toEqual([200, 80]);
    expect([scene.w[pc], scene.h[pc]]).toEqual([172, 64]);
    expect(scene.selected).toEqual([pc2]);
  });

  it('draws links between hosts it has, as index pairs, and skips a dangling one', () => {
    expect(scene.links.length).toBe(4);
    const ends = [...scene.links].map((i) => `${scene.x[i]},${scene.y[i]}`);
    expect(ends).toEqual(['0,0', '400,0', '0,200', '400,0']);
  });

  it('bounds all hosts', () => {
    expect(hostBounds(doc.hosts, doc.layout, {}, SIZE)).toEqual({ x: 0, y: 0, width: 572, height: 264 });
    expect(hostBounds([], {}, {}, SIZE)).toBeUndefined();
  });
});

describe('far nodes', () => {
  const host = (id: string): HostNodeType => ({
    id,
    type: 'host',
    position: { x: 0, y: 0 },
    data: { host: makeHost(id, ['client']), status: undefined },
  });
  const zone = { id: 'zone/z', type: 'zone', position: { x: 0, y: 0 }, data: {} } as unknown as CanvasNode;
  const nodes: CanvasNode[] = [zone, host('a'), host('b')];
  const bounds = { x: 0, y: 0, width: 100, height: 50 };

  it('hides every host in far view and keeps the other nodes as they are', () => {
    const out = farNodes(nodes, true, bounds);
    expect(out[0]).toBe(zone);
    expect(out.slice(1, 3).map((n) => [n.id, n.hidden])).toEqual([
      ['a', true],
      ['b', true],
    ]);
    // The same node object gives the same hidden copy, so React Flow re-adopts only changed hosts.
    expect(farNodes(nodes, true, bounds)[1]).toBe(out[1]);
  });

  it('adds an invisible stand-in as large as the hosts, so fitting the view takes them in', () => {
    const stand = farNodes(nodes, false, bounds).at(-1)!;
    expect(stand.id).toBe(FAR_BOUNDS_ID);
    expect(stand.measured).toEqual({ width: 100, height: 50 });
    expect(stand.selectable).toBe(false);
    expect(farNodes(nodes, false, undefined)).toEqual(nodes);
    expect(farNodes(nodes, false, bounds).slice(0, 3)).toEqual(nodes);
  });
});

describe('placeholder layout', () => {
  it('gives placeholders the same places as the whole layout does', () => {
    // A dense grid of 2,000 hosts, as a large estate laid out in rows.
    const layout: Record<string, Position> = {};
    for (let i = 0; i < 2000; i += 1) layout[`h${i}`] = { x: (i % 40) * 220, y: Math.floor(i / 40) * 160 };
    const placeholders = [
      { id: 'ph1', role: 'management-point', sources: ['h0', 'h41'], severity: 'error' as const },
      { id: 'ph2', role: 'distribution-point', sources: ['h0'], severity: 'warning' as const },
      { id: 'ph3', role: 'software-update-point', sources: ['h1999'], severity: 'warning' as const },
      { id: 'ph4', role: 'sql-server', sources: ['nowhere'], severity: 'warning' as const },
    ];
    const input = { placeholders, measured: {}, catalogue, capturing: false, t: canvasT };
    const whole = placeholderNodes({ ...input, layout }, new Map()).nodes.map((n) => n.position);
    const cut = placeholderLayout(placeholders, layout);
    expect(Object.keys(cut).length).toBeLessThan(300);
    expect(placeholderNodes({ ...input, layout: cut }, new Map()).nodes.map((n) => n.position)).toEqual(
      whole,
    );
  });

  it('keeps no position for placeholders none of whose hosts is placed (the last document’s)', () => {
    const layout: Record<string, Position> = {};
    for (let i = 0; i < 2000; i += 1) layout[`h${i}`] = { x: (i % 40) * 220, y: Math.floor(i / 40) * 160 };
    const placeholders = [
      { id: 'ph1', role: 'management-point', sources: ['old-1', 'old-2'], severity: 'error' as const },
    ];
    const input = { placeholders, measured: {}, catalogue, capturing: false, t: canvasT };
    const cut = placeholderLayout(placeholders, layout);
    expect(cut).toEqual({});
    expect(placeholderNodes({ ...input, layout: cut }, new Map()).nodes.map((n) => n.position)).toEqual(
      placeholderNodes({ ...input, layout }, new Map()).nodes.map((n) => n.position),
    );
  });
});

describe('far layer on the canvas', () => {
  it('mounts no host of a large diagram as it opens; the far layer draws them', async () => {
    const doc = syntheticHierarchy(FAR_HOSTS_ABOVE + 500, catalogue);
    const view = renderCanvas(doc);
    await waitFor(() => expect(view.container.querySelector('[data-testid="far-layer"]')).not.toBeNull());
    expect(view.container.querySelectorAll('.react-flow__node-host')).toHaveLength(0);
    expect(view.container.querySelectorAll('.react-flow__edge')).toHaveLength(0);
  });

  it('leaves a small diagram as it was: hosts as nodes, no far layer', async () => {
    const doc = makeDocument(
      [makeHost('pc', ['client']), makeHost('mp', ['management-point'])],
      [makeLink('pc', 'mp', 'l1')],
    );
    const view = renderCanvas(doc);
    await waitFor(() => expect(view.node('pc')).not.toBeNull());
    expect(view.container.querySelector('[data-testid="far-layer"]')).toBeNull();
    expect(view.container.querySelector(`[data-id="${FAR_BOUNDS_ID}"]`)).toBeNull();
    // Its canvas is there, hidden, made ready for a large document opened later.
    const canvas = view.container.querySelector<HTMLCanvasElement>('canvas.far-layer');
    expect(canvas?.style.visibility).toBe('hidden');
  });
});

/** The nodes React Flow holds, read on each of its renders. */
const held: { nodes: readonly CanvasNode[]; placeholders: number } = { nodes: [], placeholders: 0 };
function Probe() {
  held.nodes = useFlowStore((s) => s.nodes) as unknown as readonly CanvasNode[];
  held.placeholders = useProblems().placeholders.length;
  return null;
}

describe('far view hands React Flow few nodes', () => {
  it('very far, gives no host but the selected ones (hidden, on the canvas itself), and no zone or site band; an edit keeps it so', async () => {
    const doc = syntheticHierarchy(FAR_HOSTS_ABOVE + 500, catalogue, { zones: true });
    expect(doc.zones.length).toBeGreaterThan(1);
    const view = renderCanvas(doc, <Probe />);
    const { store } = view;
    await waitFor(() => expect(view.container.querySelector('[data-testid="far-layer"]')).not.toBeNull());
    const hostsHeld = () => held.nodes.filter((n) => n.type === 'host');
    await waitFor(() => expect(held.nodes.some((n) => n.id === FAR_BOUNDS_ID)).toBe(true));
    // Opened and fitting (on its way to very far): the far layer draws the zones and site bands too.
    expect(hostsHeld()).toHaveLength(0);
    expect(held.nodes.filter((n) => n.type === 'zone' || n.type === 'site')).toHaveLength(0);
    expect(view.container.querySelectorAll('.zone-node, .site-node')).toHaveLength(0);
    // The stand-in a fit takes in holds every zone's box, though no zone is a node.
    const stand = held.nodes.find((n) => n.id === FAR_BOUNDS_ID)!;
    const boxes = zoneBoxes(doc.zones, doc.hosts, doc.layout, {});
    for (const box of boxes.values()) {
      expect(box.x).toBeGreaterThanOrEqual(stand.position.x);
      expect(box.y).toBeGreaterThanOrEqual(stand.position.y);
      expect(box.x + box.width).toBeLessThanOrEqual(stand.position.x + (stand.width ?? 0) + 1e-6);
      expect(box.y + box.height).toBeLessThanOrEqual(stand.position.y + (stand.height ?? 0) + 1e-6);
    }

    const [a, b] = doc.hosts.filter((h) => h.roles.includes('client') && h.zone !== undefined);
    act(() => store.getState().select([a!.id], []));
    await waitFor(() =>
      expect(hostsHeld().map((n) => [n.id, n.hidden, n.selected, n.parentId])).toEqual([
        [a!.id, true, true, undefined],
      ]),
    );
    expect(hostsHeld()[0]!.position).toEqual(doc.layout[a!.id]);

    act(() => store.getState().addRoleToHost(b!.id, 'distribution-point'));
    await waitFor(() =>
      expect(store.getState().hosts.find((h) => h.id === b!.id)?.roles).toContain('distribution-point'),
    );
    expect(hostsHeld().map((n) => n.id)).toEqual([a!.id]);
    expect(view.container.querySelectorAll('.react-flow__node-host')).toHaveLength(0);
  });

  it('very far, gives no missing-role placeholder either: the far layer marks them', async () => {
    const estate = syntheticHierarchy(FAR_HOSTS_ABOVE + 500, catalogue, { zones: true });
    // No management point anywhere: each site's clients miss one.
    const doc = {
      ...estate,
      hosts: estate.hosts.map((h) => ({ ...h, roles: h.roles.filter((r) => r !== 'management-point') })),
    };
    const view = renderCanvas(doc, <Probe />);
    await waitFor(() => expect(view.container.querySelector('[data-testid="far-layer"]')).not.toBeNull());
    await waitFor(() => expect(held.nodes.some((n) => n.id === FAR_BOUNDS_ID)).toBe(true));
    await waitFor(() => expect(held.placeholders).toBeGreaterThan(0));
    expect(held.nodes.filter((n) => n.type === 'placeholder')).toHaveLength(0);
    expect(view.container.querySelectorAll('.placeholder-node')).toHaveLength(0);
  });

  it('far but not very far (zoom 0.1 to 0.35) gives zones and site bands as nodes; very far or fitting, the far layer draws them', () => {
    const large = FAR_HOSTS_ABOVE + 1;
    expect(farState(large, 0, false)).toEqual({ far: false, tiny: false });
    expect(farState(large, 1, false)).toEqual({ far: true, tiny: false });
    expect(farState(large, 2, false)).toEqual({ far: true, tiny: true });
    expect(farState(large, 0, true)).toEqual({ far: true, tiny: true });
    // Some hundreds of hosts are far only very far (or fitted at mount), and then draw their zones too.
    const mid = FAR_TINY_HOSTS_ABOVE + 1;
    expect(farState(mid, 1, false)).toEqual({ far: false, tiny: false });
    expect(farState(mid, 2, false)).toEqual({ far: true, tiny: true });
    expect(farState(mid, 1, true, true)).toEqual({ far: true, tiny: true });
    expect(farState(mid, 1, true, false)).toEqual({ far: false, tiny: false });
    expect(farState(FAR_TINY_HOSTS_ABOVE, 2, true)).toEqual({ far: false, tiny: false });
  });
});
