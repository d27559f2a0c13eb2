import { describe, expect, it } from 'vitest';
import { type FarPicture, paintFar } from '@/canvas/far-paint';
import { farScene } from '@/canvas/far-scene';
import { hostPixels, hostsUnderAPixel, pixelPairs, pixelRuns } from '@/canvas/far-tiny';
import { catalogue } from '@/domain/default-catalogue';
import { syntheticHierarchy } from '../../bench/synthetic';
import { testPalette } from './far-palette';

const SIZE = { width: 172, height: 64 };
const PALETTE = testPalette();

/** Hosts of 10 × 10 units at these corners. */
function boxes(corners: readonly [number, number][]): Pick<FarPicture, 'x' | 'y' | 'w' | 'h'> {
  return {
    x: Float64Array.from(corners.map(([x]) => x)),
    y: Float64Array.from(corners.map(([, y]) => y)),
    w: new Float64Array(corners.length).fill(10),
    h: new Float64Array(corners.length).fill(10),
  };
}

describe('hosts under a device pixel', () => {
  it('tells when every host is under a pixel wide and high', () => {
    const picture = boxes([
      [0, 0],
      [100, 0],
    ]);
    expect(hostsUnderAPixel(picture, 0.09)).toBe(true);
    expect(hostsUnderAPixel(picture, 0.1)).toBe(false);
  });

  it('places each host on the pixel of its centre, none outside the canvas', () => {
    // 0.05 pixels per unit, origin at (2, 3): centres (5, 5) → (2.25, 3.25), (995, 5) → (51.75, 3.25).
    const pixels = hostPixels(
      boxes([
        [0, 0],
        [990, 0],
        [-200, 0],
        [0, 5000],
      ]),
      {
        k: 0.05,
        ox: 2,
        oy: 3,
        width: 60,
        height: 40,
      },
    );
    expect([...pixels]).toEqual([3 * 60 + 2, 3 * 60 + 51, -1, -1]);
  });

  it('keeps each pair of pixels once, either way round, and none within one pixel or off the canvas', () => {
    const pixels = Int32Array.from([5, 5, 9, 12, -1]);
    const links = Int32Array.from([0, 2, 2, 0, 1, 2, 0, 1, 2, 3, 3, 2, 4, 0]);
    // 0–2, 2–0 and 1–2 are pixels 5–9; 0–1 share pixel 5; 2–3 and 3–2 are 9–12; 4 is off the canvas.
    expect([...pixelPairs(links, pixels, 100)]).toEqual([5 * 100 + 9, 9 * 100 + 12]);
  });
});

describe('painting a whole large estate, every host under a pixel', () => {
  /** A 2D context that records what is filled and stroked. */
  function recording() {
    const fills: [number, number, number, number][] = [];
    let strokes = 0;
    let lines = 0;
    const ctx = new Proxy(
      {
        fillRect: (...r: [number, number, number, number]) => fills.push(r),
        lineTo: () => {
          lines += 1;
        },
        stroke: () => {
          strokes += 1;
        },
        getImageData: () => ({ data: [] }),
      } as Record<string, unknown>,
      { get: (target, key: string) => (key in target ? target[key] : () => {}) },
    );
    const canvas = { width: 0, height: 0, getContext: () => ctx } as unknown as HTMLCanvasElement;
    return { canvas, fills, strokes: () => strokes, lines: () => lines };
  }

  it('fills each pixel once per colour and strokes each pair of pixels once, the selected host as three pixels', () => {
    const doc = syntheticHierarchy(2_000, catalogue);
    const scene = farScene({
      ...doc,
      measured: {},
      selectedHostIds: [doc.hosts[5]!.id],
      catalogue,
      size: SIZE,
    });
    const { canvas, fills, strokes, lines } = recording();
    // The estate (22,000 × 3,200 units) seen whole in a 400 × 300 view: 44 × 6 pixels for 2,000 hosts.
    paintFar(canvas, scene, { view: [10, 10, 0.002], width: 400, height: 300, dpr: 1, palette: PALETTE });
    const hostFills = fills.filter(([, , w]) => w === 1);
    const distinct = new Set(hostFills.map(([x, y]) => `${x},${y}`));
    expect(hostFills.length).toBeLessThan(doc.hosts.length / 3);
    expect(distinct.size).toBeGreaterThan(50);
    expect(strokes()).toBe(1);
    expect(lines()).toBeGreaterThan(0);
    expect(lines()).toBeLessThan(doc.links.length / 2);
    expect(fills.filter(([, , w, h]) => w === 3 && h === 3)).toHaveLength(1);
    // Nearer, a host over a pixel: every host and every link in view is drawn as before.
    const near = recording();
    paintFar(near.canvas, scene, {
      view: [10, 10, 0.02],
      width: 1600,
      height: 1200,
      dpr: 1,
      palette: PALETTE,
    });
    expect(near.fills.length).toBeGreaterThanOrEqual(doc.hosts.length * 2);
    expect(near.lines()).toBe(scene.links.length / 2);
  });
});

describe('pixels to fill', () => {
  it('fills each pixel once per run of one colour, the runs in order, none off the canvas', () => {
    const colour = Int32Array.from([0, 0, 0, 1, 1, 0]);
    const pixels = Int32Array.from([7, 3, 7, 3, -1, 7]);
    const runs = pixelRuns(colour, pixels).map(([c, p]) => [c, [...p]]);
    // The last host is a run of its own (colours are sorted in a scene; the order holds anyway).
    expect(runs).toEqual([
      [0, [3, 7]],
      [1, [3]],
      [0, [7]],
    ]);
  });
});
