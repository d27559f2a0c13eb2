import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { compareFlows } from '@/domain/delta/compare-flows';
import type { TopologyDocument } from '@/domain/document';
import { loadExample, parseCsv, rowsOf } from '../export/support';
import { hostNode, openHierarchy, rgb } from './support/app';
import { appPerTest, keepScreenshot } from './support/browser';

const session = appPerTest();

/** Downloads what a click starts; returns the file's path and name. */
async function download(page: Page, click: () => Promise<void>) {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), click()]);
  return { path: await file.path(), name: file.suggestedFilename() };
}

/** The strokes of a link, found by its name for screen readers. */
const link = (page: Page, name: string) => page.getByRole('group', { name }).locator('.link-edge');

/** What the test does to the diagram: P01's management point answers only what the site server opens. */
function expectedDelta(): ReturnType<typeof compareFlows> {
  const before = loadExample('hierarchy');
  const after: TopologyDocument = {
    ...before,
    hosts: before.hosts.map((h) =>
      h.id === 'p01mp' ? { ...h, options: { ...h.options, siteServerInitiates: true } } : h,
    ),
  };
  return compareFlows(rowsOf(before), rowsOf(after));
}

describe('what changed since the last request, in a real browser', () => {
  it('exports the hierarchy, changes one link, compares with the workbook: exactly that link’s flows, coloured', async () => {
    const { page } = session();
    await openHierarchy(page);

    // The request as it went to the firewall team.
    await page.getByRole('button', { name: 'Export' }).click();
    const workbook = await download(page, () =>
      page.getByRole('menuitem', { name: /Excel workbook/ }).click(),
    );
    expect(workbook.name).toMatch(/\.xlsx$/);

    // One link changes: P01's management point now only answers (note 5).
    await hostNode(page, 'P01-MPDP').click();
    await page.getByRole('checkbox', { name: /initiated by the site server \(note 5\)/ }).check();

    await page.getByRole('button', { name: 'Export' }).click();
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('menuitem', { name: /Compare with…/ }).click(),
    ]);
    await chooser.setFiles({
      name: workbook.name,
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: readFileSync(workbook.path),
    });
    const dialog = page.getByRole('dialog', { name: `Changes since ${workbook.name}` });
    await dialog.waitFor({ timeout: 30_000 });

    const expected = expectedDelta();
    expect(expected.removed.length).toBeGreaterThan(0);
    const count = (term: string) => dialog.locator('dt', { hasText: term }).locator('+ dd').textContent();
    expect(await count('Flows to add')).toBe('0');
    expect(await count('Flows to remove')).toBe(String(expected.removed.length));
    expect(await count('Ports changed')).toBe('0');
    expect(await count('Unchanged')).toBe(String(expected.unchanged));

    // The delta CSV holds exactly that link's flows.
    const csv = await download(page, () =>
      dialog.getByRole('button', { name: 'Download changes (.csv)' }).click(),
    );
    expect(csv.name).toMatch(/changes-\d{4}-\d{2}-\d{2}\.csv$/);
    const [header, ...lines] = parseCsv(readFileSync(csv.path, 'utf8').replace(/^\uFEFF/, ''));
    expect(header?.slice(0, 3)).toEqual(['Change', 'Source host', 'Destination host']);
    expect(lines).toHaveLength(expected.removed.length);
    for (const line of lines) {
      expect(line[0]).toBe('removed');
      expect([line[1], line[2]].sort()).toEqual(['P01-MPDP', 'P01-SITE']);
    }
    expect(lines.map((l) => `${l[3]} ${l[4]}`)).toEqual(
      expected.removed.map(
        (e) =>
          `${e.protocol} ${e.portsBefore.map((p) => (p.kind === 'single' ? p.port : `${p.from}-${p.to}`)).join(', ')}`,
      ),
    );

    // On the canvas: that link in the removed colour, the others unchanged.
    await dialog.getByRole('button', { name: 'Show on canvas' }).click();
    const banner = page.getByRole('region', { name: 'Comparison' });
    await banner.getByRole('heading', { name: `Comparison with ${workbook.name}` }).waitFor();
    const changed = link(page, 'Link P01-SITE – P01-MPDP');
    await expect.poll(() => changed.getAttribute('class')).toMatch(/link-edge--delta-removed/);
    const stroke = await changed
      .locator('.link-edge__stroke')
      .first()
      .evaluate((path) => getComputedStyle(path).stroke);
    expect(stroke).toBe(rgb('#dc2626'));
    expect(await page.locator('.link-edge--delta-removed').count()).toBe(1);
    expect(await page.locator('.link-edge--delta-added, .link-edge--delta-changed').count()).toBe(0);
    expect(await link(page, 'Link CAS-SITE – CAS-SQL').getAttribute('class')).toMatch(
      /link-edge--delta-unchanged/,
    );
    await keepScreenshot(page, 'compare-on-canvas');

    // Escape leaves: links take their service colours again.
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Escape');
    await banner.waitFor({ state: 'detached' });
    expect(await page.locator('.link-edge--delta').count()).toBe(0);
  });
});
