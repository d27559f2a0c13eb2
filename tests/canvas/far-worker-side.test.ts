import { describe, expect, it } from 'vitest';
import type { FarPainted, FarPalette, FarView } from '@/canvas/far-paint';
import { farScene } from '@/canvas/far-scene';
import { answerFarPaints } from '@/canvas/far-worker-side';
import { catalogue } from '@/domain/default-catalogue';
import { syntheticHierarchy } from '../../bench/synthetic';
import { testPalette } from './far-palette';

const PALETTE: FarPalette = testPalette({ blue: '#00f', orange: '#f80' });

/** An offscreen canvas that counts how often it was resized and drawn on, and what was cleared. */
function fakeCanvas() {
  const log = { resizes: 0, draws: 0, clears: [] as number[][] };
  let width = 300;
  let height = 150;
  const ctx = new Proxy({} as Record<string, unknown>, {
    get: (target, key: string) =>
      key in target
        ? target[key]
        : (...args: number[]) => {
            log.draws += 1;
            if (key === 'clearRect') log.clears.push(args);
          },
    set: (target, key: string, value) => {
      target[key] = value;
      return true;
    },
  });
  const canvas = {
    get width() {
      return width;
    },
    set width(w: number) {
      log.resizes += 1;
      width = w;
    },
    get height() {
      return height;
    },
    set height(h: number) {
      log.resizes += 1;
      height = h;
    },
    getContext: () => ctx,
  };
  return { canvas: canvas as unknown as OffscreenCanvas, log };
}

/** The worker's side with frames run by hand. */
function worker() {
  const painted: FarPainted[] = [];
  const frames: (() => void)[] = [];
  const answer = answerFarPaints({ post: (done) => painted.push(done), frame: (run) => frames.push(run) });
  const nextFrame = () => {
    for (const run of frames.splice(0)) run();
  };
  return { answer, painted, nextFrame };
}

const doc = syntheticHierarchy(40, catalogue);
const scene = farScene({
  ...doc,
  measured: {},
  selectedHostIds: [],
  catalogue,
  size: { width: 172, height: 64 },
});
const at = (width: number, height: number, zoom = 0.1): FarView => ({
  view: [0, 0, zoom],
  width,
  height,
  dpr: 1,
  palette: PALETTE,
});

describe('the far layer worker', () => {
  it('sizes the canvas when told the pane’s size, so the first paint after an open resizes nothing', () => {
    const { canvas, log } = fakeCanvas();
    const { answer, painted, nextFrame } = worker();
    answer({ kind: 'canvas', canvas });
    answer({ kind: 'size', width: 786, height: 467 });
    expect([canvas.width, canvas.height]).toEqual([786, 467]);
    expect(log.resizes).toBe(2);
    // Drawn on once at the new size, while the page is idle.
    expect(log.clears).toEqual([[0, 0, 786, 467]]);
    answer({ kind: 'scene', scene });
    answer({ kind: 'paint', seq: 1, at: at(786, 467) });
    expect(painted).toEqual([]);
    nextFrame();
    expect(painted.map((p) => [p.seq, p.hosts])).toEqual([[1, scene.x.length]]);
    expect(log.resizes).toBe(2);
  });

  it('leaves the canvas alone at the size it has, and while a picture shows (the next paint resizes it)', () => {
    const { canvas, log } = fakeCanvas();
    const { answer, nextFrame } = worker();
    answer({ kind: 'canvas', canvas });
    answer({ kind: 'size', width: 400, height: 300 });
    answer({ kind: 'size', width: 400, height: 300 });
    expect(log.resizes).toBe(2);
    expect(log.clears).toHaveLength(1);
    answer({ kind: 'scene', scene });
    answer({ kind: 'paint', seq: 1, at: at(400, 300) });
    nextFrame();
    // Resizing would empty the picture until the paint that follows: that paint resizes.
    const { draws } = log;
    answer({ kind: 'size', width: 400, height: 250 });
    expect(log.resizes).toBe(2);
    expect(log.draws).toBe(draws);
    answer({ kind: 'paint', seq: 2, at: at(400, 250) });
    nextFrame();
    expect([log.resizes, canvas.height]).toEqual([3, 250]);
    // Once cleared (the view came near), the canvas takes the next size at once again.
    answer({ kind: 'clear' });
    answer({ kind: 'size', width: 500, height: 250 });
    expect([log.resizes, canvas.width]).toEqual([4, 500]);
  });

  it('paints the latest view once per frame, and nothing without a canvas, a scene or after clear', () => {
    const { canvas } = fakeCanvas();
    const { answer, painted, nextFrame } = worker();
    answer({ kind: 'size', width: 100, height: 100 });
    answer({ kind: 'paint', seq: 1, at: at(100, 100) });
    nextFrame();
    expect(painted).toEqual([]);
    answer({ kind: 'canvas', canvas });
    answer({ kind: 'paint', seq: 2, at: at(100, 100) });
    nextFrame();
    expect(painted).toEqual([]);
    answer({ kind: 'scene', scene });
    answer({ kind: 'paint', seq: 3, at: at(100, 100, 0.1) });
    answer({ kind: 'paint', seq: 4, at: at(100, 100, 0.05) });
    nextFrame();
    expect(painted.map((p) => [p.seq, p.zoom])).toEqual([[4, 0.05]]);
    answer({ kind: 'paint', seq: 5, at: at(100, 100) });
    answer({ kind: 'clear' });
    nextFrame();
    expect(painted.map((p) => p.seq)).toEqual([4]);
  });
});
