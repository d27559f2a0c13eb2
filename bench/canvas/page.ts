/**
 * What the canvas benchmark measures on one page (ours or the bare baseline): mount time, and
 * main-thread milliseconds per step of a pan and of a host drag.
 */
import type { CDPSession, Page } from 'playwright-core';

const STEPS = 30;
/** A host node: ours, or the bare page's default node (never a zone, a site band or a group). */
const HOST_NODE = '.react-flow__node-host, .react-flow__node-default';

async function frame(page: Page) {
  await page.evaluate(
    () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))),
  );
}

async function taskMs(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
}

/** Main-thread busy milliseconds (Chrome's TaskDuration) spent per step of a mouse drag. */
async function dragCost(page: Page, from: { x: number; y: number }, dx: number, dy: number): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await frame(page);
  const before = await taskMs(cdp);
  for (let i = 1; i <= STEPS; i += 1) {
    await page.mouse.move(from.x + (dx * i) / STEPS, from.y + (dy * i) / STEPS);
    await frame(page);
  }
  const after = await taskMs(cdp);
  await page.mouse.up();
  await cdp.detach();
  return (after - before) / STEPS;
}

/** A point on the empty pane (not on a node, zone or edge), for panning. */
async function emptyPanePoint(page: Page) {
  return page.evaluate(() => {
    const pane = document.querySelector('.react-flow__pane')!.getBoundingClientRect();
    for (let y = pane.top + 20; y < pane.bottom - 20; y += 7) {
      for (let x = pane.left + 20; x < pane.right - 20; x += 7) {
        if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) return { x, y };
      }
    }
    throw new Error('no empty pane to pan');
  });
}

/** A point on a host node's top strip, away from the panels, where the host itself is hit. */
async function hostPoint(page: Page) {
  return page.evaluate((selector) => {
    const pane = document.querySelector('.react-flow__pane')!.getBoundingClientRect();
    for (const node of document.querySelectorAll(selector)) {
      const r = node.getBoundingClientRect();
      const x = r.left + r.width / 2;
      const y = r.top + Math.min(10, r.height / 2);
      if (x > pane.left + 40 && x < pane.right - 200 && y > pane.top + 40 && y < pane.bottom - 120) {
        if (node.contains(document.elementFromPoint(x, y))) return { x, y };
      }
    }
    throw new Error('no host to drag');
  }, HOST_NODE);
}

/** The figures of one page, medians of its runs (ms). */
export interface PageFigures {
  mount: number;
  /** Our app only: when the flow matrix is ready (it fills in once the canvas is drawn). */
  matrix: number;
  pan: number;
  drag: number;
}

/**
 * Loads `url` `runs` times (figures are medians; of two runs, their mean); each time, the mount time (until the first node is drawn), then a pan
 * of the empty pane and a drag of a host, each of 30 steps.
 */
export async function measurePage(page: Page, url: string, runs = 3): Promise<PageFigures> {
  const mounts: number[] = [];
  const matrices: number[] = [];
  const pans: number[] = [];
  const drags: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    await page.goto(url);
    await page.waitForFunction(() => document.querySelectorAll('.react-flow__node').length > 0, null, {
      timeout: 60_000,
    });
    await frame(page);
    mounts.push(await page.evaluate(() => performance.now()));
    if (await page.locator('.matrix').count()) {
      // The matrix section drops aria-busy once its table is made (at 768 px tall it stays a bar).
      await page.waitForFunction(() => document.querySelector('.matrix:not([aria-busy])') !== null, null, {
        timeout: 60_000,
      });
      matrices.push(await page.evaluate(() => performance.now()));
    }
    await page.waitForTimeout(300);
    pans.push(await dragCost(page, await emptyPanePoint(page), 160, 90));
    drags.push(await dragCost(page, await hostPoint(page), 120, 60));
  }
  const mid = (v: number[]) => {
    const sorted = [...v].sort((a, b) => a - b);
    const half = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[half]! : (sorted[half - 1]! + sorted[half]!) / 2;
  };
  return {
    mount: mid(mounts),
    matrix: matrices.length ? mid(matrices) : 0,
    pan: mid(pans),
    drag: mid(drags),
  };
}
