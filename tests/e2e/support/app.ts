import type { Locator, Page } from 'playwright-core';
import { catalogue } from '@/domain/default-catalogue';
import { ZONE_MESSAGES } from '@/table/matrix-messages';

/** What a person sees of the app, by role and label, shared by the scenarios. */

export const serviceColour = (id: string) => catalogue.serviceById.get(id)!.color;

/** `#2563eb` as the browser's computed `rgb(37, 99, 235)`. */
export const rgb = (hex: string) =>
  `rgb(${[1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;

export function hostNode(page: Page, name: string): Locator {
  return page
    .locator('.react-flow__node')
    .filter({ has: page.locator('.host-node__name', { hasText: new RegExp(`^${name}$`) }) });
}

/** Every host node of the canvas (zones and sites are React Flow nodes too). */
export function hostNodes(page: Page): Locator {
  return page.locator('.react-flow__node-host');
}

export function matrix(page: Page): Locator {
  return page.getByRole('region', { name: 'Flow matrix' });
}

/**
 * Raises the matrix to its normal size and waits for its table: at 900 px tall or less (the
 * 1366×768 test window) it starts as its bar, and the table fills in once the page has drawn the diagram.
 */
export async function matrixReady(page: Page): Promise<Locator> {
  const normal = matrix(page).getByRole('button', { name: 'Flow matrix at normal size' });
  await normal.waitFor();
  if ((await normal.getAttribute('aria-pressed')) !== 'true') await normal.click();
  await matrix(page).getByRole('table').waitFor();
  return matrix(page);
}

/**
 * The matrix rows' text as the export writes it, one string per row, cells separated by " | ".
 * Two cells read differently in the panel: merged sections show as one link each (the export joins
 * them with ";"), and the zone boundary column says "inside zone X" or "crosses" where the export
 * writes its boolean as "no" or "yes".
 */
export async function matrixRows(page: Page): Promise<string[]> {
  return (await matrixReady(page)).getByRole('table').evaluate(
    (table, words) => {
      const headers = [...table.querySelectorAll('thead tr:first-child th')];
      const zoneColumn = headers.findIndex((th) => (th.textContent ?? '').trim().startsWith(words.header));
      return [...table.querySelectorAll('tbody tr')].map((r) =>
        [...r.querySelectorAll('td')]
          .map((c, i) => {
            const links = [...c.querySelectorAll('.section-link')];
            if (links.length > 0) return links.map((a) => a.textContent).join(';');
            const text = (c.textContent ?? '').trim();
            if (i !== zoneColumn) return text;
            if (c.querySelector('.matrix__inside-zone')) return 'no';
            if (words.crossing.includes(text)) return 'yes';
            throw new Error(`zone boundary cell reads "${text}"`);
          })
          .join(' | '),
      );
    },
    {
      header: ZONE_MESSAGES.boundaryHeader,
      crossing: [ZONE_MESSAGES.crosses, ZONE_MESSAGES.crossesUnknown] as string[],
    },
  );
}

/** The flow count the matrix header shows (e.g. "50 flows"). */
export async function flowCount(page: Page): Promise<number> {
  const text = await (await matrixReady(page))
    .getByText(/^\d+ flows?$/)
    .first()
    .textContent();
  return Number.parseInt(text ?? '0', 10);
}

/** Starts an empty diagram through the toolbar, confirming the replacement. */
export async function newDiagram(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'New' }).click();
  const dialog = page.getByRole('dialog');
  if (await dialog.isVisible().catch(() => false)) {
    await dialog
      .getByRole('button')
      .filter({ hasNotText: /cancel/i })
      .first()
      .click();
  }
  await page.locator('.react-flow__node').first().waitFor({ state: 'detached' });
}

/** Drags a palette role with real HTML drag-and-drop onto a point of the canvas or a host. */
export async function dragRole(
  page: Page,
  roleName: string,
  target: Locator,
  position?: { x: number; y: number },
) {
  const source = page.getByRole('button', { name: `Add ${roleName}` });
  await source.dragTo(target, position ? { targetPosition: position } : {});
}

/** Draws a link by dragging from a handle of one host onto another host with the mouse. */
export async function connect(page: Page, from: Locator, to: Locator): Promise<void> {
  await from.hover();
  const handle = from.locator('.react-flow__handle.source').nth(1);
  const h = await handle.boundingBox();
  const t = await to.boundingBox();
  if (!h || !t) throw new Error('host not on screen');
  await page.mouse.move(h.x + h.width / 2, h.y + h.height / 2);
  await page.mouse.down();
  const steps = 12;
  for (let i = 1; i <= steps; i += 1) {
    await page.mouse.move(
      h.x + ((t.x + t.width / 2 - h.x) * i) / steps,
      h.y + ((t.y + t.height / 2 - h.y) * i) / steps,
    );
  }
  await page.mouse.up();
}

/** Opens the hierarchy example from the Templates menu, confirming the replacement. */
export async function openHierarchy(page: Page): Promise<void> {
  await page.locator('.react-flow__node-host').first().waitFor();
  await page.getByRole('button', { name: 'Templates' }).click();
  await page
    .getByRole('menuitem', { name: /Open as the diagram/ })
    .nth(1)
    .click();
  await page.getByRole('dialog').getByRole('button', { name: 'Replace' }).click();
  await hostNode(page, 'CAS-SITE').waitFor();
}
