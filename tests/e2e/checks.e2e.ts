import { describe, expect, it } from 'vitest';
import { hostNode, matrixRows } from './support/app';
import { appPerTest, keepScreenshot } from './support/browser';

/**
 * Scenario 8 on the standalone primary example that a first visit shows. There SQL Server is a role
 * of the site server host P01-SITE (no separate SQL host), so "removing the SQL Server" means taking
 * that role off P01-SITE in the inspector.
 */

const session = appPerTest();

describe('the checks in a real browser', () => {
  it('8. removing the SQL Server shows an error badge and ghost links; Fix restores a valid state', async () => {
    const { page } = session();
    const indicator = page.getByRole('button', { name: /^Problems:/ });
    const site = hostNode(page, 'P01-SITE');
    await site.waitFor();
    await page.getByRole('button', { name: 'Dismiss message' }).first().click();
    await expect.poll(() => indicator.textContent()).toBe('Problems: No problems');
    expect(await page.locator('.ghost-edge').count()).toBe(0);

    // Select P01-SITE with the mouse (its top-left corner: link labels crowd the middle of a hub).
    await site.click({ position: { x: 24, y: 10 } });
    await page.getByRole('button', { name: 'Remove role Site database server (SQL Server)' }).click();
    await expect.poll(() => site.locator('.role-badge', { hasText: 'SQL' }).count()).toBe(0);

    // The error badge, the outline, the ghost links to a placeholder, and the count in the toolbar.
    await expect.poll(() => indicator.textContent()).toBe('Problems: 2 errors');
    const badge = site.locator('.status-badge--error');
    await expect.poll(() => badge.textContent()).toBe('!1');
    expect(await site.locator('.host-node--error').count()).toBe(1);
    expect(await hostNode(page, 'P01-MP01').locator('.status-badge--error').count()).toBe(1);
    const placeholder = page.locator('.react-flow__node').filter({ has: page.locator('.placeholder-node') });
    await expect.poll(() => placeholder.count()).toBe(1);
    expect(await placeholder.textContent()).toMatch(/missing.*Site database server \(SQL Server\)/i);
    await expect.poll(() => page.locator('.ghost-edge--error').count()).toBe(2);
    const dash = await page
      .locator('.ghost-edge__line')
      .first()
      .evaluate((p) => getComputedStyle(p).strokeDasharray);
    expect(dash).not.toBe('none');

    // The Problems panel lists both errors; a click selects the host concerned and moves the view in.
    const viewport = page.locator('.react-flow__viewport');
    const zoom = async () => Number((await viewport.getAttribute('style'))?.match(/scale\(([\d.]+)\)/)?.[1]);
    const zoomBefore = await zoom();
    await indicator.click();
    const errors = page.getByRole('region', { name: /^Errors/ });
    await expect.poll(() => errors.getByRole('listitem').count()).toBe(2);
    await errors
      .getByRole('button', { name: /P01-MP01 \(management point\) reads the site database/ })
      .click();
    await expect.poll(() => hostNode(page, 'P01-MP01').locator('.host-node--selected').count()).toBe(1);
    await expect
      .poll(() => page.getByRole('tab', { name: /Problems/ }).getAttribute('aria-selected'))
      .toBe('true');
    // Settled on the management point and the placeholder it should be linked to.
    const settled = async () => {
      const a = await zoom();
      await page.waitForTimeout(150);
      return a === (await zoom()) ? a : Number.NaN;
    };
    await expect.poll(settled).toBeGreaterThan(zoomBefore);
    await keepScreenshot(page, '8-checks');

    // An export with errors warns first.
    await page.getByRole('button', { name: 'Export' }).click();
    await page.getByRole('menuitem', { name: /CSV/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Export with 2 errors?' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => dialog.count()).toBe(0);

    // Fix: a SQL Server host linked to the management point and the site server.
    // No error is left; the one warning is the added host's address, which no fix can know.
    await errors.getByRole('button', { name: 'Fix: Add a SQL Server for P01-MP01' }).click();
    await expect.poll(() => indicator.textContent()).toBe('Problems: 1 warning');
    await expect
      .poll(() => page.getByRole('region', { name: /^Warnings/ }).textContent())
      .toMatch(/P01-SQL01.*no IP/);
    const sql = hostNode(page, 'P01-SQL01');
    await sql.waitFor();
    expect(await sql.locator('.host-node--selected').count()).toBe(1);
    await expect.poll(() => page.locator('.ghost-edge').count()).toBe(0);
    expect(await placeholder.count()).toBe(0);
    expect(await site.locator('.status-badge').count()).toBe(0);
    const rows = await matrixRows(page);
    for (const from of ['P01-SITE', 'P01-MP01']) {
      expect(
        rows.some((r) => r.includes(from) && r.includes('P01-SQL01') && r.includes('| TCP | 1433 |')),
      ).toBe(true);
    }
    await keepScreenshot(page, '8-checks-fixed');

    // The fix is one undo step.
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => indicator.textContent()).toBe('Problems: 2 errors');
    await expect.poll(() => hostNode(page, 'P01-SQL01').count()).toBe(0);
    await expect.poll(() => page.locator('.ghost-edge').count()).toBe(2);
    await page.getByRole('button', { name: 'Redo' }).click();
    await expect.poll(() => indicator.textContent()).toBe('Problems: 1 warning');
  });
});
