import { describe, expect, it } from 'vitest';
import { hostNode, matrix, matrixReady, matrixRows } from './support/app';
import { appPerTest, keepScreenshot } from './support/browser';

/**
 * Issue 19 in a real browser: the first visit shows the standalone primary example, a file of the
 * 2018 German edition, in which "Clients HQ" is linked to the distribution point P01-DP01. Switching
 * to the current edition in site settings shows the change summary first; confirming adds express
 * updates (TCP 8005) on that link; Undo goes back to 2018-de without it.
 */

const session = appPerTest();

describe('catalogue editions in a real browser', () => {
  it('switches 2018-de to current after the change summary: TCP 8005 on client --> DP; Undo restores', async () => {
    const { page } = session();
    await hostNode(page, 'P01-DP01').waitFor();
    // Only the rows of the client --> DP link, whatever the matrix scrolls to.
    await (await matrixReady(page)).getByRole('searchbox', { name: 'Filter all columns' }).fill('P01-DP01');
    const clientToDp = async () =>
      (await matrixRows(page)).filter((r) => r.includes('Clients HQ') && r.includes('P01-DP01'));
    const has8005 = async () => (await clientToDp()).some((r) => r.includes('| TCP | 8005 |'));
    await expect.poll(async () => (await clientToDp()).length).toBeGreaterThan(0);
    expect(await has8005()).toBe(false);
    const edition = matrix(page).getByRole('link', { name: /^Edition 2018-de/ });
    await expect.poll(() => edition.count()).toBe(1);

    await page.getByRole('tab', { name: 'Site settings' }).click();
    const select = page.getByRole('combobox', { name: 'Port document edition' });
    expect(await select.inputValue()).toBe('2018-de');
    await select.selectOption('current');

    const dialog = page.getByRole('dialog', { name: /^Switch to / });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    const summary = (await dialog.locator('#edition-change-summary').textContent()) ?? '';
    expect(summary).toMatch(/^\d+ flows? added, \d+ removed and \d+ changed on \d+ links?\./);
    const perLink = dialog.getByRole('list', { name: 'Changes per link' });
    expect(await perLink.textContent()).toContain('+ Clients HQ → P01-DP01: TCP 8005');
    await keepScreenshot(page, 'editions-change-summary');
    await dialog.getByRole('button', { name: 'Switch edition' }).click();
    await expect.poll(() => dialog.count()).toBe(0);

    await expect.poll(has8005).toBe(true);
    await expect
      .poll(() =>
        matrix(page)
          .getByRole('link', { name: /^Edition current/ })
          .count(),
      )
      .toBe(1);
    expect(await select.inputValue()).toBe('current');
    await keepScreenshot(page, 'editions-current');

    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(has8005).toBe(false);
    await expect
      .poll(() =>
        matrix(page)
          .getByRole('link', { name: /^Edition 2018-de/ })
          .count(),
      )
      .toBe(1);
    expect(await select.inputValue()).toBe('2018-de');
  });
});
