/**
 * Issue 18 in a real browser: a large diagram's autosave goes to localStorage in parts (one item of
 * 4 MB takes Chromium about 100 ms to set), an edit stores only the parts it changed, and after a
 * reload the diagram is back as it was edited.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { catalogue } from '@/domain/default-catalogue';
import { serializeDocument } from '@/domain/restore';
import { syntheticHierarchy } from '../../bench/synthetic';
import { CHROMIUM_ARGS, findChromium } from './support/chromium';

const AUTOSAVE_KEY = 'cm-port-planner/autosave';
const PART_PREFIX = 'cm-port-planner/autosave-part/';
const BOUND_MS = 60_000;
let browser: Browser | undefined;
let file = '';
let hosts = 0;

beforeAll(async () => {
  const executablePath = findChromium();
  if (!executablePath) throw new Error("No Chromium found: install Debian's chromium or set CHROME_PATH");
  browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  const doc = syntheticHierarchy(1_000, catalogue, { zones: true });
  hosts = doc.hosts.length;
  file = join(mkdtempSync(join(tmpdir(), 'autosave-parts-')), 'estate.cmports.json');
  writeFileSync(file, serializeDocument(doc));
});

afterAll(async () => {
  await browser?.close();
});

/** What localStorage holds: the autosave's key, the part keys, and the text the parts make. */
const stored = (page: Page) =>
  page.evaluate(
    ([key, prefix]) => {
      const head = localStorage.getItem(key) ?? '';
      const parts = Object.keys(localStorage).filter((k) => k.startsWith(prefix));
      if (!head.startsWith('{"format":"cm-port-planner/autosave-parts"')) return { head, parts, text: head };
      const list = JSON.parse(head) as { parts: string[] };
      const text = list.parts.map((p) => localStorage.getItem(prefix + p) ?? '<missing>').join('');
      return { head, parts, text, listed: list.parts.length };
    },
    [AUTOSAVE_KEY, PART_PREFIX] as const,
  );

it('autosaves a 1,000-host diagram in parts, stores an edit in a few of them, and reloads it', async () => {
  const context = await browser!.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(inject('baseUrl'));
  await page.locator('.toolbar').waitFor();
  await page.setInputFiles('[data-testid="open-file"]', file);
  await page.getByRole('button', { name: 'Open file' }).click({ timeout: BOUND_MS, noWaitAfter: true });
  await expect
    .poll(async () => (await stored(page)).head.startsWith('{"format":"cm-port-planner/autosave-parts"'), {
      timeout: BOUND_MS,
    })
    .toBe(true);
  const before = await stored(page);
  expect(before.parts.length).toBeGreaterThan(10);
  expect(before.parts.length).toBe(new Set(JSON.parse(before.head).parts).size);
  expect(JSON.parse(before.text).hosts).toHaveLength(hosts);

  const name = page.getByRole('textbox', { name: 'Diagram name' });
  await name.fill('Estate renamed');
  await name.press('Enter');
  await expect
    .poll(async () => (await stored(page)).text.includes('"name": "Estate renamed"'), { timeout: BOUND_MS })
    .toBe(true);
  const after = await stored(page);
  const added = after.parts.filter((k) => !before.parts.includes(k));
  expect(added.length).toBeGreaterThan(0);
  expect(added.length).toBeLessThanOrEqual(3);
  // The part it replaced is gone: every part stored is listed.
  expect(after.parts.length).toBe(after.listed);

  await page.reload();
  await expect
    .poll(() => page.getByRole('textbox', { name: 'Diagram name' }).inputValue(), { timeout: BOUND_MS })
    .toBe('Estate renamed');
  expect(await page.getByText(/could not be read/).count()).toBe(0);
  expect(JSON.parse((await stored(page)).text).hosts).toHaveLength(hosts);
  expect(errors).toEqual([]);
  await context.close();
}, 300_000);
