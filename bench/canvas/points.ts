/**
 * Where the canvas benchmark pans and drags: points on the empty pane and on a host that are the
 * same on both pages, relative to the flow element, found in a probe run of each page.
 */
import type { Page } from 'playwright-core';
import { type Offset, readView, type View } from './page';

/** The zoom a host is dragged at (hosts a few pixels wide, or drawn on our far layer, are not dragged). */
const DRAG_ZOOM = 0.7;
/** React Flow zooms by 2^(deltaY × 0.002) per wheel event. */
const WHEEL_DELTA = -100;

type Opened = { page: Page };

/** How to zoom in before the drag: wheel `steps` times at `at` (relative to the flow element). */
export interface ZoomIn {
  readonly steps: number;
  readonly at: Offset;
}

/** Wheels as `zoom` says, then lets the view settle. */
export const zoomIn = (view: View, zoom: ZoomIn) => async (page: Page) => {
  await page.mouse.move(view.left + zoom.at.x, view.top + zoom.at.y);
  const steps = zoom.steps;
  for (let i = 0; i < steps; i += 1) {
    await page.mouse.wheel(0, WHEEL_DELTA);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
  }
  await page.waitForTimeout(2000);
};

/** Points on the empty pane (relative to the flow element), leaving room to pan by (160, 90). */
function panePoints(page: Page, view: View, candidates?: readonly Offset[]): Promise<Offset[]> {
  return page.evaluate(
    ([v, given]) => {
      const out: { x: number; y: number }[] = [];
      const grid: { x: number; y: number }[] = [];
      for (let y = 30; y < v.height - 130; y += 9)
        for (let x = 30; x < v.width - 200; x += 9) grid.push({ x, y });
      for (const p of given ?? grid) {
        const hit = document.elementFromPoint(v.left + p.x, v.top + p.y);
        if (hit?.classList.contains('react-flow__pane')) out.push(p);
        if (out.length >= 200) break;
      }
      return out;
    },
    [view, candidates] as const,
  );
}

type Rect = { id: string; x: number; y: number; width: number; height: number };

/** Host nodes' boxes relative to the flow element, those of `ids` only when given. */
function hostRects(page: Page, view: View, ids?: readonly string[]): Promise<Rect[]> {
  return page.evaluate(
    ([v, wanted]) => {
      const keep = wanted ? new Set(wanted) : undefined;
      return [...document.querySelectorAll<HTMLElement>('.react-flow__node')]
        .filter((n) => (keep ? keep.has(n.dataset.id!) : n.classList.contains('react-flow__node-host')))
        .map((n) => {
          const r = n.getBoundingClientRect();
          return {
            id: n.dataset.id!,
            x: r.left - v.left,
            y: r.top - v.top,
            width: r.width,
            height: r.height,
          };
        });
    },
    [view, ids] as const,
  );
}

/** The points of `points` where the page hits that host's node itself (not a handle). */
function hits(page: Page, view: View, points: readonly (Offset & { id: string })[]) {
  return page.evaluate(
    ([v, given]) =>
      given.filter((p) => {
        const hit = document.elementFromPoint(v.left + p.x, v.top + p.y);
        if (!hit || hit.closest('.react-flow__handle')) return false;
        return hit.closest<HTMLElement>('.react-flow__node')?.dataset.id === p.id;
      }),
    [view, points] as const,
  );
}

/** The centres of the overlap of each host's box on both pages, away from the flow element's edges. */
function overlapCentres(ours: readonly Rect[], bare: readonly Rect[], view: View) {
  const byId = new Map(bare.map((r) => [r.id, r]));
  return ours.flatMap((a) => {
    const b = byId.get(a.id);
    if (!b) return [];
    const x0 = Math.max(a.x, b.x);
    const y0 = Math.max(a.y, b.y);
    const x1 = Math.min(a.x + a.width, b.x + b.width);
    const y1 = Math.min(a.y + Math.min(a.height, 24), b.y + b.height);
    const p = { id: a.id, x: (x0 + x1) / 2, y: (y0 + y1) / 2 };
    const inside = p.x > 40 && p.y > 40 && p.x < view.width - 160 && p.y < view.height - 100;
    return x1 > x0 && y1 > y0 && inside ? [p] : [];
  });
}

const near = (p: number, q: number) => Math.abs(p - q) < 0.01;
const sameView = (a: View, b: View) =>
  a.width === b.width && a.height === b.height && near(a.x, b.x) && near(a.y, b.y) && near(a.zoom, b.zoom);

async function stableView(page: Page): Promise<View> {
  let view = await readView(page);
  for (let i = 0; i < 20; i += 1) {
    await page.waitForTimeout(500);
    const next = await readView(page);
    if (JSON.stringify(next) === JSON.stringify(view)) return view;
    view = next;
  }
  return view;
}

/**
 * Opens our page, reads its view after mount and finds pane points there; zooms in at `middle`
 * (a point of the diagram among hosts) and finds host points; then opens the bare page at the
 * same view, does the same and keeps the points that hit the same thing on both pages.
 */
export async function choosePoints(
  openOurs: () => Promise<Opened>,
  openBare: (view: View) => Promise<Opened>,
  middle: Offset,
): Promise<{ view: View; pan: Offset; host: Offset; zoom: ZoomIn; dragZoom: number }> {
  const ours = await openOurs();
  const view = await stableView(ours.page);
  const panes = await panePoints(ours.page, view);
  // Hosts of a fitted large diagram are a few pixels wide (or drawn on our far layer): drag closer in.
  const steps = Math.max(0, Math.ceil(Math.log2(DRAG_ZOOM / view.zoom) / (-WHEEL_DELTA * 0.002)));
  const zoom = { steps, at: { x: view.x + view.zoom * middle.x, y: view.y + view.zoom * middle.y } };
  const far = steps > 0;
  if (far) await zoomIn(view, zoom)(ours.page);
  const dragView = await stableView(ours.page);
  const ourRects = await hostRects(ours.page, dragView);
  const bare = await openBare(view);
  const bareView = await stableView(bare.page);
  if (!sameView(bareView, view))
    console.error(`views differ: ours ${JSON.stringify(view)}, bare ${JSON.stringify(bareView)}`);
  const pan = (await panePoints(bare.page, bareView, panes))[0];
  if (far) await zoomIn(bareView, zoom)(bare.page);
  const bareDragView = await stableView(bare.page);
  if (!sameView(bareDragView, dragView))
    console.error(
      `drag views differ: ours ${JSON.stringify(dragView)}, bare ${JSON.stringify(bareDragView)}`,
    );
  const bareRects = await hostRects(
    bare.page,
    bareDragView,
    ourRects.map((r) => r.id),
  );
  const centres = overlapCentres(ourRects, bareRects, dragView);
  const bareHits = await hits(bare.page, bareDragView, centres);
  const host = (await hits(ours.page, dragView, bareHits))[0];
  await ours.page.context().close();
  await bare.page.context().close();
  if (!pan || !host)
    throw new Error(`no common point: pan ${JSON.stringify(pan)}, host ${JSON.stringify(host)}`);
  return { view, pan, host, zoom, dragZoom: dragView.zoom };
}
