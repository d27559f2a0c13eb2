/**
 * Very far, the far layer draws the zones and site bands (issue 18): their boxes in the order the
 * nodes would stack, zones in their colour, bands in the band colours, under the links and hosts.
 */
import { describe, expect, it } from 'vitest';
import { farFrames, unionBox } from '@/canvas/far-frames';
import { paintFar } from '@/canvas/far-paint';
import { farScene } from '@/canvas/far-scene';
import { catalogue } from '@/domain/default-catalogue';
import type { Box, TopologyDocument, Zone } from '@/domain/document';
import type { SiteFrame } from '@/domain/zones/site-frames';
import { makeDocument, makeHost, makeLink } from '../builders';
import { testPalette } from './far-palette';

const box = (x: number, y: number, width: number, height: number): Box => ({ x, y, width, height });
const site = (code: string, b: Box): SiteFrame => ({
  code,
  box: b,
  zone: undefined,
  siteType: undefined,
  parentSite: undefined,
  hostCount: 1,
});

/** The far layer's scene of a document: nothing selected, hosts of the default size. */
const sceneOf = (doc: TopologyDocument) =>
  farScene({ ...doc, measured: {}, selectedHostIds: [], catalogue, size: box(0, 0, 172, 64) });

describe('the frames the far layer draws', () => {
  const zones: Zone[] = [
    { id: 'inner', name: 'Servers', parent: 'outer', kind: 'branch' },
    { id: 'outer', name: 'Data centre', kind: 'dmz', colour: 'red' },
    { id: 'boxless', name: 'Not drawn' },
  ];
  const boxes = new Map([
    ['inner', box(10, 20, 100, 50)],
    ['outer', box(0, 0, 300, 200)],
  ]);

  it('lists zones parents first in their colour, then the site bands, and bounds them all', () => {
    const frames = farFrames(zones, boxes, [site('P01', box(-50, 40, 20, 20))]);
    expect([...frames.boxes]).toEqual([0, 0, 300, 200, 10, 20, 100, 50, -50, 40, 20, 20]);
    expect(frames.zones).toBe(2);
    expect(frames.colours).toEqual(['red', 'green']);
    expect(frames.bounds).toEqual(box(-50, 0, 350, 200));
  });

  it('is empty without zones or bands, and a box joins what there is', () => {
    const none = farFrames([], new Map(), []);
    expect(none.boxes).toHaveLength(0);
    expect(none.bounds).toBeUndefined();
    expect(unionBox(undefined, undefined)).toBeUndefined();
    expect(unionBox(box(0, 0, 1, 1), undefined)).toEqual(box(0, 0, 1, 1));
    expect(unionBox(undefined, box(5, 5, 1, 1))).toEqual(box(5, 5, 1, 1));
    expect(unionBox(box(0, 0, 1, 1), box(5, -5, 1, 1))).toEqual(box(0, -5, 6, 6));
  });

  it('paints zones filled in their colour and edged, then bands, before any link or host', () => {
    const doc = makeDocument(
      [makeHost('a', ['client']), makeHost('b', ['management-point'])],
      [makeLink('a', 'b', 'l1')],
    );
    const scene = sceneOf(doc);
    const frames = farFrames(zones, boxes, [site('P01', box(-50, 40, 20, 20))]);
    const palette = testPalette({ red: '#f00', blue: '#00f', green: '#0f0', teal: '#0ff' });
    const calls: string[] = [];
    const ctx: Record<string, unknown> = {
      lineWidth: 1,
      globalAlpha: 1,
      fillStyle: '',
      strokeStyle: '',
      fillRect: (...r: number[]) => calls.push(`fill ${ctx.fillStyle} ${ctx.globalAlpha} ${r.join(',')}`),
      strokeRect: (...r: number[]) => calls.push(`edge ${ctx.strokeStyle} ${r.join(',')}`),
      stroke: () => calls.push('links'),
    };
    const recorder = new Proxy(ctx, { get: (t, k: string) => (k in t ? t[k] : () => {}) });
    const canvas = { width: 0, height: 0, getContext: () => recorder } as unknown as HTMLCanvasElement;
    paintFar(
      canvas,
      { ...scene, frames },
      { view: [400, 300, 0.05], width: 800, height: 600, dpr: 1, palette },
    );
    expect(calls.slice(0, 7)).toEqual([
      'fill #f00 0.06 0,0,300,200',
      'edge #f00 0,0,300,200',
      'fill #0f0 0.06 10,20,100,50',
      'edge #0f0 10,20,100,50',
      'fill #eee 1 -50,40,20,20',
      'edge #999 -50,40,20,20',
      'links',
    ]);
    // Without frames the links come first.
    calls.length = 0;
    paintFar(canvas, scene, { view: [400, 300, 0.05], width: 800, height: 600, dpr: 1, palette });
    expect(calls[0]).toBe('links');
  });

  it('lists the missing-role placeholders last, with their severities, and bounds them too', () => {
    const missing = [
      { box: box(400, 0, 172, 64), severity: 'error' as const },
      { box: box(0, 300, 172, 64), severity: 'warning' as const },
    ];
    const frames = farFrames(zones, boxes, [site('P01', box(-50, 40, 20, 20))], missing);
    expect([...frames.boxes].slice(12)).toEqual([400, 0, 172, 64, 0, 300, 172, 64]);
    expect(frames.zones).toBe(2);
    expect(frames.missing).toEqual(['error', 'warning']);
    expect(frames.bounds).toEqual(box(-50, 0, 622, 364));
    expect(farFrames(zones, boxes, []).missing).toEqual([]);
  });

  it('paints the placeholders above the hosts in their severity’s colour, four device pixels at least', () => {
    const doc = makeDocument([makeHost('a', ['client'])], []);
    const scene = sceneOf(doc);
    const missing = [
      { box: box(1000, 0, 172, 64), severity: 'error' as const },
      { box: box(0, 2000, 172, 64), severity: 'warning' as const },
    ];
    const frames = farFrames([], new Map(), [site('P01', box(-50, 40, 20, 20))], missing);
    const calls: string[] = [];
    const ctx: Record<string, unknown> = { fillStyle: '', strokeStyle: '', globalAlpha: 1, lineWidth: 1 };
    ctx.fillRect = (...r: number[]) => calls.push(`fill ${ctx.fillStyle} ${r.join(',')}`);
    ctx.strokeRect = (...r: number[]) => calls.push(`edge ${ctx.strokeStyle} ${r.join(',')}`);
    const recorder = new Proxy(ctx, { get: (t, k: string) => (k in t ? t[k] : () => {}) });
    const canvas = { width: 0, height: 0, getContext: () => recorder } as unknown as HTMLCanvasElement;
    const palette = testPalette();
    // Zoom 0.001 at pixel ratio 2: a 172 x 64 placeholder would be 0.34 x 0.13 device pixels.
    paintFar(
      canvas,
      { ...scene, frames },
      { view: [100, 50, 0.001], width: 800, height: 600, dpr: 2, palette },
    );
    // The band is a frame, drawn first; the placeholders are not drawn as frames.
    expect(calls[0]).toBe('fill #eee -50,40,20,20');
    expect(calls.filter((c) => c.startsWith('edge'))).toEqual(['edge #999 -50,40,20,20']);
    // Centred on the placeholder: x (1000 + 86) * 0.002 + 200 = 202.2, less half of 4.
    expect(calls.slice(-2)).toEqual(['fill #e00 200,98,4,4', 'fill #fa0 198,102,4,4']);
  });
});
