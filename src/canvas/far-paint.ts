/**
 * Painting the far layer (far-layer.tsx): the scene's link lines and host boxes on a 2D canvas.
 * At 10,000 hosts rasterising some 40,000 lines is most of a frame (issue 18), so where the page
 * can, the canvas is handed to a worker (far-paint-worker.ts) that paints it off the main thread;
 * elsewhere (tests, no OffscreenCanvas) it is painted here, once per frame.
 */

import type { Severity } from '@/domain/checks/finding';
import type { WorkerFactory } from '@/store/worker-shelf';
import type { FarFrames } from './far-frames';
import type { FarScene } from './far-scene';
import { hostsUnderAPixel, paintTiny } from './far-tiny';

/**
 * What a paint needs of a scene: numbers and colours only (it crosses to the worker as a copy);
 * with `frames` when zones and site bands are drawn here too (very far, far-frames.ts).
 */
export type FarPicture = Pick<
  FarScene,
  'x' | 'y' | 'w' | 'h' | 'colour' | 'colours' | 'links' | 'selected'
> & { readonly frames?: FarFrames | undefined };

/** The far layer's colours (read from the page's style). */
export interface FarPalette {
  readonly link: string;
  readonly host: string;
  readonly chosen: string;
  /** Each zone colour id's colour. */
  readonly zones: Readonly<Record<string, string>>;
  /** How opaque a zone's fill is over its colour (0 to 1). */
  readonly zoneFill: number;
  readonly siteFill: string;
  readonly siteEdge: string;
  /** A missing-role placeholder's colour by severity (its node's border). */
  readonly missing: Readonly<Record<Severity, string>>;
}

/** Zone boxes (filled in their colour, edged) and site bands below everything else, edges one device pixel wide. */
function paintFrames(
  ctx: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D,
  frames: FarFrames,
  palette: FarPalette,
  hairline: number,
): void {
  const { boxes, zones, colours } = frames;
  ctx.lineWidth = hairline;
  // The placeholders at the end are drawn above everything (paintMissing).
  const end = boxes.length - frames.missing.length * 4;
  for (let i = 0; i < end; i += 4) {
    const zone = i / 4 < zones ? (palette.zones[colours[i / 4]!] ?? palette.link) : undefined;
    ctx.globalAlpha = zone ? palette.zoneFill : 1;
    ctx.fillStyle = zone ?? palette.siteFill;
    ctx.fillRect(boxes[i]!, boxes[i + 1]!, boxes[i + 2]!, boxes[i + 3]!);
    ctx.globalAlpha = 1;
    ctx.strokeStyle = zone ?? palette.siteEdge;
    ctx.strokeRect(boxes[i]!, boxes[i + 1]!, boxes[i + 2]!, boxes[i + 3]!);
  }
}

/** The fewest device pixels a placeholder is drawn across: a missing role stays in sight however far. */
const MISSING_MIN_PIXELS = 4;

/**
 * The missing-role placeholders (the last frames), above the links and hosts, in their severity's
 * colour and at least {@link MISSING_MIN_PIXELS} device pixels across. Leaves the context drawing in
 * device pixels.
 */
function paintMissing(
  ctx: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D,
  frames: FarFrames,
  at: FarView,
): void {
  const { boxes, missing } = frames;
  const [tx, ty, zoom] = at.view;
  const k = zoom * at.dpr;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.globalAlpha = 1;
  const first = boxes.length / 4 - missing.length;
  missing.forEach((severity, n) => {
    const i = (first + n) * 4;
    const width = Math.max(MISSING_MIN_PIXELS, boxes[i + 2]! * k);
    const height = Math.max(MISSING_MIN_PIXELS, boxes[i + 3]! * k);
    // Centred on the box, so a grown marker stays where its placeholder is.
    const x = (boxes[i]! + boxes[i + 2]! / 2) * k + tx * at.dpr - width / 2;
    const y = (boxes[i + 1]! + boxes[i + 3]! / 2) * k + ty * at.dpr - height / 2;
    ctx.fillStyle = at.palette.missing[severity];
    ctx.fillRect(Math.round(x), Math.round(y), Math.round(width), Math.round(height));
  });
}

/** One paint: the view [tx, ty, zoom], the canvas's size in device pixels and the pixel ratio. */
export interface FarView {
  readonly view: readonly [number, number, number];
  readonly width: number;
  readonly height: number;
  readonly dpr: number;
  readonly palette: FarPalette;
}

/** Messages to the worker: the canvas (once), a new scene, a paint of the latest scene, the pane's size. */
export type FarPaintRequest =
  | { readonly kind: 'canvas'; readonly canvas: OffscreenCanvas }
  /** The fields of the scene that changed since the last (the arrays an edit kept are not copied again). */
  | { readonly kind: 'scene'; readonly scene: Partial<FarPicture> }
  | { readonly kind: 'paint'; readonly seq: number; readonly at: FarView }
  /** The view came near: the canvas is emptied, so it shows nothing old when the view goes far again. */
  | { readonly kind: 'clear' }
  | { readonly kind: 'size'; readonly width: number; readonly height: number }; // far-worker-side.ts

/** The worker's answer: a paint is on the canvas, with so many hosts. */
export interface FarPainted {
  readonly seq: number;
  readonly hosts: number;
  /** How long the paint took, in milliseconds, and at what zoom. */
  readonly ms: number;
  readonly zoom: number;
  /** When it ended, in milliseconds since the epoch (`performance.timeOrigin` + `now()`: the page's clock and the worker's differ in origin). */
  readonly at: number;
}

/**
 * Paints and times it (the bench reads the figures: the far layer's paint at 100,000 hosts).
 *
 * @returns the paint's figures for `painted`
 */
export function timedPaint(canvas: Canvas, scene: FarPicture, at: FarView, seq: number): FarPainted {
  const start = performance.now();
  paintFar(canvas, scene, at);
  const end = performance.now();
  return { seq, hosts: scene.x.length, ms: end - start, zoom: at.view[2], at: performance.timeOrigin + end };
}

type Canvas = HTMLCanvasElement | OffscreenCanvas;

/** Empties `canvas`. */
export function clearCanvas(canvas: Canvas): void {
  const ctx = canvas.getContext('2d') as CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null;
  ctx?.setTransform(1, 0, 0, 1, 0, 0);
  ctx?.clearRect(0, 0, canvas.width, canvas.height);
}

/** Paints `scene` on `canvas` as the view shows it, resizing the canvas to the view first. */
export function paintFar(canvas: Canvas, scene: FarPicture, at: FarView): void {
  if (canvas.width !== at.width) canvas.width = at.width;
  if (canvas.height !== at.height) canvas.height = at.height;
  const ctx = canvas.getContext('2d') as CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null;
  if (!ctx) return;
  const { dpr, palette } = at;
  const [tx, ty, zoom] = at.view;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  ctx.setTransform(dpr * zoom, 0, 0, dpr * zoom, dpr * tx, dpr * ty);
  // What is in view, in diagram units (a margin so boxes and lines at the edge are drawn whole).
  const x0 = -tx / zoom - 200;
  const y0 = -ty / zoom - 200;
  const x1 = x0 + canvas.width / dpr / zoom + 400;
  const y1 = y0 + canvas.height / dpr / zoom + 400;
  // One device pixel: Skia draws such hairlines fast, a wider line through its path filler. At a
  // pixel ratio of 2 (HiDPI screens, paper) 400,000 lines took 11 s per paint, as hairlines 0.6 s
  // (headless Chromium on two cores).
  const hairline = 1 / (zoom * dpr);
  if (scene.frames) paintFrames(ctx, scene.frames, palette, hairline);
  ctx.strokeStyle = palette.link;
  ctx.globalAlpha = 0.35;
  // Every host under a device pixel: pixels and lines between them, each drawn once (far-tiny.ts).
  if (hostsUnderAPixel(scene, zoom * dpr)) paintTiny(ctx, scene, at, canvas);
  else paintBoxes(ctx, scene, palette, { hairline, x0, y0, x1, y1 });
  if (scene.frames && scene.frames.missing.length > 0) paintMissing(ctx, scene.frames, at);
}

/** Links as hairlines and hosts as boxes (grey, their role's colour on top), what is in view of them. */
function paintBoxes(
  ctx: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D,
  scene: FarPicture,
  palette: FarPalette,
  view: {
    readonly hairline: number;
    readonly x0: number;
    readonly y0: number;
    readonly x1: number;
    readonly y1: number;
  },
): void {
  const { x, y, w, h, colour, links, selected, colours } = scene;
  const { hairline, x0, y0, x1, y1 } = view;
  ctx.lineWidth = hairline;
  ctx.beginPath();
  for (let i = 0; i < links.length; i += 2) {
    const a = links[i]!;
    const b = links[i + 1]!;
    const ax = x[a]! + w[a]! / 2;
    const ay = y[a]! + h[a]! / 2;
    const bx = x[b]! + w[b]! / 2;
    const by = y[b]! + h[b]! / 2;
    if ((ax < x0 && bx < x0) || (ax > x1 && bx > x1) || (ay < y0 && by < y0) || (ay > y1 && by > y1))
      continue;
    ctx.moveTo(ax, ay);
    ctx.lineTo(bx, by);
  }
  ctx.stroke();
  ctx.globalAlpha = 1;
  // Hosts are sorted by colour: one fillStyle per run. A box in the far-host grey, its role's colour on top.
  ctx.fillStyle = palette.host;
  for (let i = 0; i < x.length; i += 1) {
    if (x[i]! > x1 || y[i]! > y1 || x[i]! + w[i]! < x0 || y[i]! + h[i]! < y0) continue;
    ctx.fillRect(x[i]!, y[i]!, w[i]!, h[i]!);
  }
  let current = -1;
  for (let i = 0; i < x.length; i += 1) {
    if (x[i]! > x1 || y[i]! > y1 || x[i]! + w[i]! < x0 || y[i]! + h[i]! < y0) continue;
    if (colour[i] !== current) {
      current = colour[i]!;
      ctx.fillStyle = colours[current]!;
    }
    ctx.fillRect(x[i]!, y[i]!, w[i]!, h[i]! / 3);
  }
  ctx.fillStyle = palette.chosen;
  for (const i of selected) ctx.fillRect(x[i]!, y[i]!, w[i]!, h[i]!);
}

/** Paints a canvas: on a worker, or here. */
export interface FarPainter {
  /** Paints `scene` as `at` shows it (the latest call per frame wins); `painted` follows once it is on the canvas. */
  readonly paint: (scene: FarPicture, at: FarView) => void;
  /** Empties the canvas (and forgets a paint not yet made). */
  readonly clear: () => void;
  /** The size the canvas will be painted at, in device pixels, told while the page is idle. */
  readonly size: (width: number, height: number) => void;
  readonly dispose: () => void;
}

const FIELDS = ['x', 'y', 'w', 'h', 'colour', 'colours', 'links', 'selected', 'frames'] as const;

/** The fields of `next` that are not the same objects as in `sent` (all of them without `sent`). */
export function changedPicture(next: FarPicture, sent: FarPicture | undefined): Partial<FarPicture> {
  const out: Record<string, unknown> = {};
  for (const k of FIELDS) if (!sent || sent[k] !== next[k]) out[k] = next[k];
  return out as Partial<FarPicture>;
}

/** Starts a far layer worker; undefined where the page has none or refuses it. */
export const startFarPaintWorker: WorkerFactory = () => {
  if (typeof Worker === 'undefined') return undefined;
  try {
    return new Worker(new URL('./far-paint-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return undefined;
  }
};

/**
 * Paints on a worker where the page can hand the canvas over, else here once per animation frame.
 *
 * @param canvas - the far layer's canvas
 * @param painted - called after each paint, with its figures
 * @param startWorker - starts the worker (tests give their own)
 */
export function createFarPainter(
  canvas: HTMLCanvasElement,
  painted: (done: FarPainted) => void,
  startWorker: WorkerFactory = startFarPaintWorker,
): FarPainter {
  const worker = typeof canvas.transferControlToOffscreen === 'function' ? startWorker() : undefined;
  if (worker) {
    const offscreen = canvas.transferControlToOffscreen();
    const post = (m: FarPaintRequest, transfer: Transferable[] = []) => worker.postMessage(m, transfer);
    post({ kind: 'canvas', canvas: offscreen }, [offscreen]);
    let sent: FarPicture | undefined;
    let seq = 0;
    worker.addEventListener('message', (event: MessageEvent<FarPainted>) => painted(event.data));
    return {
      paint(scene, at) {
        if (scene !== sent) {
          post({ kind: 'scene', scene: changedPicture(scene, sent) });
          sent = scene;
        }
        seq += 1;
        post({ kind: 'paint', seq, at });
      },
      clear: () => post({ kind: 'clear' }),
      size: (width, height) => post({ kind: 'size', width, height }),
      dispose: () => worker.terminate(),
    };
  }
  let frame = 0;
  let seq = 0;
  return {
    paint(scene, at) {
      cancelAnimationFrame(frame);
      seq += 1;
      frame = requestAnimationFrame(() => painted(timedPaint(canvas, scene, at, seq)));
    },
    clear() {
      cancelAnimationFrame(frame);
      clearCanvas(canvas);
    },
    size: () => {}, // a canvas on the page is sized as it is painted
    dispose: () => cancelAnimationFrame(frame),
  };
}
