import { describe, expect, it } from 'vitest';
import {
  changedPicture,
  createFarPainter,
  type FarPaintRequest,
  type FarPalette,
  type FarPicture,
  paintFar,
  timedPaint,
} from '@/canvas/far-paint';
import { type FarSceneInput, farScene } from '@/canvas/far-scene';
import { mergePicture } from '@/canvas/far-worker-side';
import { catalogue } from '@/domain/default-catalogue';
import { syntheticHierarchy } from '../../bench/synthetic';
import { seededRandom } from '../support/random';
import { testPalette } from './far-palette';

const SIZE = { width: 172, height: 64 };
const FIELDS = ['x', 'y', 'w', 'h', 'colour', 'colours', 'links', 'selected'] as const;

/** The picture's contents as plain lists. */
const contents = (p: FarPicture) => Object.fromEntries(FIELDS.map((k) => [k, [...p[k]]]));

/** The far layer's colours as a test gives them. */
const PALETTE: FarPalette = testPalette({ blue: '#00f', orange: '#f80' });

describe('the far layer worker’s copy of the scene', () => {
  it('equals the scene after every edit, though only the changed arrays crossed', () => {
    const doc = syntheticHierarchy(300, catalogue, { zones: true });
    let input: FarSceneInput = { ...doc, measured: {}, selectedHostIds: [], catalogue, size: SIZE };
    let scene = farScene(input);
    // What the worker holds: structured copies, as postMessage makes them.
    let held = mergePicture(undefined, structuredClone(changedPicture(scene, undefined)));
    let sent: FarPicture = scene;
    const next = seededRandom(15);
    let skipped = 0;
    for (let step = 0; step < 100; step += 1) {
      const i = next(input.hosts.length);
      const host = input.hosts[i]!;
      const kind = next(5);
      if (kind === 0)
        input = {
          ...input,
          hosts: input.hosts.with(i, { ...host, roles: [...host.roles, 'distribution-point'] }),
        };
      if (kind === 1)
        input = {
          ...input,
          links: [...input.links, { id: `x${step}`, source: host.id, target: input.hosts[0]!.id }],
        };
      if (kind === 2)
        input = { ...input, layout: { ...input.layout, [host.id]: { x: step * 10, y: -step } } };
      if (kind === 3) input = { ...input, selectedHostIds: [host.id] };
      if (kind === 4)
        input = { ...input, measured: { ...input.measured, [host.id]: { width: 90, height: 30 } } };
      scene = farScene(input, scene);
      const changed = changedPicture(scene, sent);
      skipped += FIELDS.length - Object.keys(changed).length;
      held = mergePicture(held, structuredClone(changed));
      sent = scene;
      expect(contents(held), `step ${step}`).toEqual(contents(scene));
    }
    // Most edits leave most arrays as they were: those are not copied again.
    expect(skipped).toBeGreaterThan(100);
  });
});

describe('painting the far layer', () => {
  /** A 2D context that keeps the line width each stroke was drawn with, in device pixels. */
  function recordingCanvas() {
    const strokes: number[] = [];
    let scale = 1;
    const ctx = new Proxy(
      {
        lineWidth: 1,
        setTransform: (a: number) => {
          scale = a;
        },
        stroke() {
          strokes.push(ctx.lineWidth * scale);
        },
      } as Record<string, unknown> & { lineWidth: number },
      { get: (target, key: string) => (key in target ? target[key] : () => {}) },
    );
    const canvas = { width: 0, height: 0, getContext: () => ctx };
    return { canvas: canvas as unknown as HTMLCanvasElement, strokes };
  }

  it('draws links one device pixel wide at any zoom and pixel ratio (hairlines: the fast path)', () => {
    const doc = syntheticHierarchy(50, catalogue);
    const scene = farScene({ ...doc, measured: {}, selectedHostIds: [], catalogue, size: SIZE });
    const palette = PALETTE;
    for (const dpr of [1, 1.5, 2, 3])
      for (const zoom of [0.02, 0.1, 0.3]) {
        const { canvas, strokes } = recordingCanvas();
        paintFar(canvas, scene, { view: [0, 0, zoom], width: 800 * dpr, height: 600 * dpr, dpr, palette });
        expect(strokes.length, `${dpr} ${zoom}`).toBe(1);
        expect(strokes[0], `${dpr} ${zoom}`).toBeCloseTo(1, 9);
      }
  });

  it('says which paint it was, of how many hosts, how long it took and when it ended (epoch time)', () => {
    const doc = syntheticHierarchy(50, catalogue);
    const scene = farScene({ ...doc, measured: {}, selectedHostIds: [], catalogue, size: SIZE });
    const palette = PALETTE;
    const before = performance.timeOrigin + performance.now();
    const done = timedPaint(
      recordingCanvas().canvas,
      scene,
      { view: [0, 0, 0.1], width: 80, height: 60, dpr: 1, palette },
      7,
    );
    const after = performance.timeOrigin + performance.now();
    expect(done).toMatchObject({ seq: 7, hosts: doc.hosts.length });
    expect(done.ms).toBeGreaterThanOrEqual(0);
    expect(done.at).toBeGreaterThanOrEqual(before + done.ms - 1);
    expect(done.at).toBeLessThanOrEqual(after + 1);
  });
});

describe('the far layer’s painter on a worker', () => {
  it('hands the canvas to the worker it is given, sends scene and paints, empties the canvas on clear', () => {
    const sent: FarPaintRequest['kind'][] = [];
    const worker = {
      postMessage: (m: FarPaintRequest) => sent.push(m.kind),
      addEventListener: () => {},
      terminate: () => sent.push('terminated' as FarPaintRequest['kind']),
    } as unknown as Worker;
    const offscreen = {} as OffscreenCanvas;
    const canvas = { transferControlToOffscreen: () => offscreen } as unknown as HTMLCanvasElement;
    let started = 0;
    const painter = createFarPainter(
      canvas,
      () => {},
      () => {
        started += 1;
        return worker;
      },
    );
    const doc = syntheticHierarchy(20, catalogue);
    const scene = farScene({ ...doc, measured: {}, selectedHostIds: [], catalogue, size: SIZE });
    const at = {
      view: [0, 0, 0.1] as const,
      width: 80,
      height: 60,
      dpr: 1,
      palette: PALETTE,
    };
    painter.size(80, 60);
    painter.paint(scene, at);
    painter.paint(scene, at);
    painter.clear();
    painter.dispose();
    expect(started).toBe(1);
    // The size is told; the scene crosses once; each paint is asked for; clear empties the canvas.
    expect(sent).toEqual(['canvas', 'size', 'scene', 'paint', 'paint', 'clear', 'terminated']);
  });
});
