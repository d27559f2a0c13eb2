import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatPort } from '@/domain/flow';
import { loadExample, rowsOf } from '../export/support';
import { openHierarchy, rgb } from './support/app';
import { appPerTest, keepScreenshot } from './support/browser';

const session = appPerTest();

/** The strokes of a link, found by its name for screen readers. */
const link = (page: Page, name: string) => page.getByRole('group', { name }).locator('.link-edge');

/**
 * A result file as the generated test script writes it (BOM, quoted, CRLF), made from the
 * example's rows: every flow of CAS-SITE → CAS-SQL and of P01-SITE → P01-SQL opened, except the
 * first flow of CAS-SITE → CAS-SQL, which was blocked.
 */
function resultFile(): { csv: string; blocked: string } {
  const rows = rowsOf(loadExample('hierarchy')).filter(
    (r) =>
      (r.source === 'CAS-SITE' && r.target === 'CAS-SQL') ||
      (r.source === 'P01-SITE' && r.target === 'P01-SQL'),
  );
  const first = rows[0];
  if (first?.source !== 'CAS-SITE') throw new Error('the example has no CAS-SITE → CAS-SQL flow first');
  const lines = rows.map((r) =>
    [r.source, r.target, r.protocol, formatPort(r.port), r === first ? 'blocked' : 'open', '', '']
      .map((v) => `"${v}"`)
      .join(','),
  );
  const header = '"source","target","protocol","port","result","timestamp","note"';
  return {
    csv: `\uFEFF${[header, ...lines, ''].join('\r\n')}`,
    blocked: `${first.protocol} ${formatPort(first.port)} from CAS-SITE to CAS-SQL`,
  };
}

describe('connectivity test results in a real browser', () => {
  it('imports a result file: the blocked link turns red with a cross and the Problems panel lists it', async () => {
    const { page } = session();
    await openHierarchy(page);
    const blockedLink = link(page, 'Link CAS-SITE – CAS-SQL');
    const strokeOf = (edge: typeof blockedLink) =>
      edge
        .locator('.link-edge__stroke')
        .first()
        .evaluate((path) => getComputedStyle(path).stroke);
    const before = await strokeOf(blockedLink);
    const token = await page.evaluate(() =>
      getComputedStyle(document.documentElement).getPropertyValue('--result-blocked').trim(),
    );
    expect(token).toMatch(/^#[0-9a-f]{6}$/i);
    expect(before).not.toBe(rgb(token));

    const { csv, blocked } = resultFile();
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('menuitem', { name: /^Import test results…/ }).click(),
    ]);
    await chooser.setFiles({ name: 'results.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });

    // The link's stroke takes the blocked token; the all-verified link gets a tick, not a colour.
    await expect.poll(() => blockedLink.getAttribute('class')).toMatch(/link-edge--blocked/);
    expect(await strokeOf(blockedLink)).toBe(rgb(token));
    expect(await page.locator('.link-edge--blocked').count()).toBe(1);
    expect(await link(page, 'Link P01-SITE – P01-SQL').getAttribute('class')).toMatch(/link-edge--verified/);
    expect(
      await page.getByRole('img', { name: 'Connectivity test: flows of this link blocked' }).count(),
    ).toBe(1);
    await expect.poll(() => page.getByText(/^Test results from "results\.csv": /).count()).toBeGreaterThan(0);

    // The Problems panel lists the blocked flow as an error on that link.
    await page.getByRole('button', { name: /^Problems:/ }).click();
    const errors = page.getByRole('region', { name: /^Errors/ });
    const item = errors.getByRole('button', {
      name: /The connectivity test found 1 flow blocked on the link CAS-SITE – CAS-SQL/,
    });
    await item.waitFor();
    expect(await item.textContent()).toContain(blocked);
    await keepScreenshot(page, 'results-blocked');

    // Clear test results: the link takes its service colours again.
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await page.getByRole('menuitem', { name: /^Clear test results/ }).click();
    await expect.poll(() => page.locator('.link-edge--blocked').count()).toBe(0);
    expect(await strokeOf(blockedLink)).toBe(before);
  });
});
