/**
 * One run of the canvas benchmark on one page (ours or the bare baseline): main-thread CPU from a
 * Chromium trace for the mount (navigation start until the hosts are painted), per step of a pan
 * and per step of a host drag, at given screen offsets relative to the `.react-flow` element.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { printProfile, startProfile } from './profile';
import { mainThreadMs, type TraceEvent } from './trace';

const STEPS = 30;
/**
 * Trace categories: top-level tasks (`ThreadControllerImpl::RunTask`, with thread time) and the
 * page's own marks. Not `disabled-by-default-devtools.timeline`: its per-layout and per-paint
 * events slowed the traced pages by more than the figures' differences.
 */
const CATEGORIES = ['toplevel', 'blink.user_timing'];

/** The flow element's box in the window and React Flow's view (translate x, y and zoom). */
export interface View {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
  readonly x: number;
  readonly y: number;
  readonly zoom: number;
}

/** A point relative to the flow element's top-left corner. */
export interface Offset {
  readonly x: number;
  readonly y: number;
}

/** What a page shows: its host nodes' selector, and the far layer's host count (ours only). */
export interface PageKind {
  readonly hostSelector: string;
  readonly farHosts: number;
}

/** One run's figures (ms of main-thread CPU; `wall` is the mount's wall time). */
export interface RunFigures {
  mountCpu: number;
  mountWall: number;
  pan: number;
  drag: number;
}

/**
 * Marks `hosts-painted` once a host node is visible (React Flow shows a node once it is measured)
 * or the far layer has drawn every host: checked each animation frame, marked in the task after
 * that frame, so after its paint. The same probe runs on both pages.
 */
const probe = (kind: PageKind) => `
  (() => {
    const check = () => {
      const host = document.querySelector(${JSON.stringify(kind.hostSelector)});
      const far = document.querySelector('[data-testid="far-layer"]');
      const done = (host && host.style.visibility !== 'hidden') ||
        (far && Number(far.getAttribute('data-hosts')) === ${kind.farHosts});
      if (!done) return requestAnimationFrame(check);
      const channel = new MessageChannel();
      channel.port1.onmessage = () => { window.__mounted = performance.mark('hosts-painted').startTime; };
      channel.port2.postMessage(0);
    };
    requestAnimationFrame(check);
  })();
`;

async function frame(page: Page) {
  await page.evaluate(
    () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))),
  );
}

async function stopTrace(browser: Browser): Promise<TraceEvent[]> {
  return (JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] }).traceEvents;
}

/** The flow element's box and React Flow's current view. */
export async function readView(page: Page): Promise<View> {
  return page.evaluate(() => {
    const flow = document.querySelector('.react-flow')!.getBoundingClientRect();
    const t = getComputedStyle(document.querySelector('.react-flow__viewport')!).transform;
    const m = new DOMMatrixReadOnly(t === 'none' ? undefined : t);
    return {
      left: flow.left,
      top: flow.top,
      width: flow.width,
      height: flow.height,
      x: m.e,
      y: m.f,
      zoom: m.a,
    };
  });
}

/** Main-thread ms per step of a mouse drag from `from` by (dx, dy), in `STEPS` steps (0 untraced). */
async function dragCost(
  browser: Browser | undefined,
  page: Page,
  view: View,
  from: Offset,
  dx: number,
  dy: number,
): Promise<number> {
  const x = view.left + from.x;
  const y = view.top + from.y;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await frame(page);
  if (browser) await browser.startTracing(page, { categories: CATEGORIES });
  await page.evaluate(() => performance.mark('steps-start'));
  for (let i = 1; i <= STEPS; i += 1) {
    await page.mouse.move(x + (dx * i) / STEPS, y + (dy * i) / STEPS);
    await frame(page);
  }
  await page.evaluate(() => performance.mark('steps-end'));
  const events = browser ? await stopTrace(browser) : [];
  await page.mouse.up();
  await frame(page);
  return browser ? mainThreadMs(events, 'steps-end', { mark: 'steps-start' }) / STEPS : 0;
}

/** Opens `url` in a fresh 1366×768 context and waits for the hosts to be painted; the mount's figures. */
export async function openPage(
  browser: Browser,
  url: string,
  kind: PageKind,
  setup?: (context: BrowserContext) => Promise<void>,
  profile = false,
): Promise<{ page: Page; mountCpu: number; mountWall: number }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  if (setup) await setup(context);
  await context.addInitScript({ content: probe(kind) });
  const page = await context.newPage();
  await browser.startTracing(page, { categories: CATEGORIES });
  const cdp = profile ? await startProfile(page) : undefined;
  await page.goto(url);
  await page.waitForFunction(() => (window as { __mounted?: number }).__mounted !== undefined, null, {
    timeout: 180_000,
    polling: 100,
  });
  const events = await stopTrace(browser);
  if (cdp) await printProfile(cdp, 'mount');
  const mountWall = await page.evaluate(() => (window as unknown as { __mounted: number }).__mounted);
  return { page, mountCpu: mainThreadMs(events, 'hosts-painted', { sinceMs: mountWall }), mountWall };
}

/** Pan of the empty pane at `pan`, then a drag of the host at `host` (after `beforeDrag`). */
export async function moveFigures(
  browser: Browser,
  page: Page,
  pan: Offset,
  host: Offset,
  beforeDrag?: (view: View) => Promise<void>,
  profile?: 'pan' | 'drag',
): Promise<{ pan: number; drag: number }> {
  const view = await readView(page);
  let cdp = profile === 'pan' ? await startProfile(page) : undefined;
  const panMs = await dragCost(browser, page, view, pan, 160, 90);
  if (cdp) await printProfile(cdp, 'pan');
  // Back to the view the drag was chosen in.
  await dragCost(undefined, page, await readView(page), { x: pan.x + 160, y: pan.y + 90 }, -160, -90);
  if (beforeDrag) await beforeDrag(view);
  cdp = profile === 'drag' ? await startProfile(page) : undefined;
  const dragMs = await dragCost(browser, page, await readView(page), host, 120, 60);
  if (cdp) await printProfile(cdp, 'drag');
  return { pan: panMs, drag: dragMs };
}
