/**
 * The workbook as LibreOffice prints it (headless, converted to PDF): landscape, one page wide,
 * the header row on every page. Optional: it runs where `soffice`, `pdfinfo` and `pdftotext` are
 * installed (LibreOffice and poppler-utils; SOFFICE_PATH names another soffice), and says in one
 * line that it was skipped elsewhere (CI has no LibreOffice).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { catalogue } from '@/domain/default-catalogue';
import { writeWorkbook } from '@/export/xlsx';
import { loadExample, rowsOf } from './support';

const soffice = process.env.SOFFICE_PATH ?? '/usr/bin/soffice';
const runs = (command: string) => {
  try {
    execFileSync(command, ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const available = existsSync(soffice) && runs('pdfinfo') && runs('pdftotext');
if (!available) {
  console.info(
    `LibreOffice print test skipped: no ${soffice} with pdfinfo and pdftotext (install libreoffice-calc and poppler-utils, or set SOFFICE_PATH).`,
  );
}

/** The workbook's pages as LibreOffice prints them: each page's size and text. */
function printed(bytes: Uint8Array, dir: string): { width: number; height: number; text: string }[] {
  const xlsx = join(dir, 'matrix.xlsx');
  writeFileSync(xlsx, bytes);
  // Its own profile, so a LibreOffice already running (or another test's) does not take the job.
  const profile = `-env:UserInstallation=file://${join(dir, 'profile')}`;
  execFileSync(soffice, [profile, '--headless', '--convert-to', 'pdf', '--outdir', dir, xlsx], {
    stdio: 'ignore',
    timeout: 120_000,
  });
  const pdf = join(dir, 'matrix.pdf');
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '9999', pdf], { encoding: 'utf8' });
  const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/gm)];
  return sizes.map((m, i) => ({
    width: Number(m[1]),
    height: Number(m[2]),
    text: execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), '-layout', pdf, '-'], {
      encoding: 'utf8',
    }),
  }));
}

describe.skipIf(!available)('the workbook printed by LibreOffice', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'lo-print-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the hierarchy example landscape, one page wide, the header row and page header on every page', async () => {
    const document = loadExample('hierarchy');
    const base = rowsOf(document);
    // Enough rows for the matrix to run over several pages.
    const rows = Array.from({ length: 1200 }, (_, i) => ({
      ...base[i % base.length]!,
      id: `F-${String(i + 1).padStart(4, '0')}`,
    }));
    const bytes = await writeWorkbook({
      rows,
      document,
      catalogue,
      exportedAt: new Date('2026-11-25T09:30:00Z'),
    });
    const pages = printed(bytes, dir);
    expect(pages.length).toBeGreaterThan(5);
    for (const page of pages) expect(page.width).toBeGreaterThan(page.height);
    const matrix = pages.filter((p) => p.text.includes('Justification'));
    expect(matrix.length).toBeGreaterThan(1);
    for (const page of matrix) {
      // First and last column on one page: one page wide; on every page: the header row repeated.
      expect(page.text).toMatch(/Rule\s+Source host/);
      expect(page.text).toContain('Comment');
      expect(page.text).toContain(document.name);
      expect(page.text).toContain('Edition 2018-de');
      expect(page.text).toContain('2026-11-25');
    }
    // The rows run on in order: the matrix's last page holds the last rows (the tiny print merges
    // some ids with their neighbours in pdftotext, so not every id can be found).
    const ids = (text: string) => [...text.matchAll(/F-(\d{4})/g)].map((m) => Number(m[1]));
    expect(Math.max(...ids(matrix.at(-1)!.text))).toBeGreaterThan(1150);
    expect(Math.max(...ids(matrix[0]!.text))).toBeLessThan(400);
  }, 180_000);
});
