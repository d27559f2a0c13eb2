/** `derive NEW.json --compare OLD.json|OLD.xlsx`: the delta from the command line, in child processes. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { catalogue } from '@/domain/default-catalogue';
import { compareFlows } from '@/domain/delta/compare-flows';
import type { TopologyDocument } from '@/domain/document';
import { serializeDocument } from '@/domain/restore';
import { writeWorkbook } from '@/export/xlsx';
import { loadExample, parseCsv, readWorkbook, rowsOf } from '../export/support';
import { type DeriveResult, derive } from './run-derive';

const root = resolve(import.meta.dirname, '../..');
const example = join(root, 'data/examples/hierarchy.json');

const hierarchy = loadExample('hierarchy');
/** P01's management point answers only what the site server opens (note 5): one link loses flows. */
const changed: TopologyDocument = {
  ...hierarchy,
  hosts: hierarchy.hosts.map((h) =>
    h.id === 'p01mp' ? { ...h, options: { ...h.options, siteServerInitiates: true } } : h,
  ),
};
const expected = compareFlows(rowsOf(hierarchy), rowsOf(changed));

let dir: string;
const results = new Map<string, DeriveResult>();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'derive-compare-'));
  writeFileSync(join(dir, 'changed.json'), serializeDocument(changed));
  writeFileSync(
    join(dir, 'old.xlsx'),
    await writeWorkbook({ rows: rowsOf(hierarchy), document: hierarchy, catalogue }),
  );
  writeFileSync(join(dir, 'notes.txt'), 'hello');
  writeFileSync(join(dir, 'broken.xlsx'), 'PK no zip');
  const now = join(dir, 'changed.json');
  const jobs: [string, string[]][] = [
    ['workbook-csv', [now, '--compare', join(dir, 'old.xlsx')]],
    [
      'diagram-xlsx',
      [now, '--compare', example, '--format', 'delta-xlsx', '--out', join(dir, 'changes.xlsx')],
    ],
    ['no-compare', [now, '--format', 'delta-csv']],
    ['no-delta', [now, '--compare', example, '--format', 'csv']],
    ['bad', [now, '--compare', join(dir, 'notes.txt')]],
    ['broken-de', [now, '--compare', join(dir, 'broken.xlsx'), '--lang', 'de']],
  ];
  const done = await Promise.all(jobs.map(async ([name, args]) => [name, await derive(...args)] as const));
  for (const [name, result] of done) results.set(name, result);
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('derive --compare', () => {
  it('writes the changes since an earlier workbook as CSV on stdout: exactly the changed link’s flows', () => {
    const result = results.get('workbook-csv')!;
    expect(result.code).toBe(0);
    expect(expected.removed.length).toBeGreaterThan(0);
    const [header, ...lines] = parseCsv(result.stdout.replace(/^\uFEFF/, ''));
    expect(header?.[0]).toBe('Change');
    expect(lines).toHaveLength(expected.removed.length);
    for (const line of lines) {
      expect(line[0]).toBe('removed');
      expect([line[1], line[2]].sort()).toEqual(['P01-MPDP', 'P01-SITE']);
    }
  });

  it('writes the changes since a saved diagram as a workbook with one "Changes" sheet', async () => {
    expect(results.get('diagram-xlsx')!.code).toBe(0);
    const workbook = await readWorkbook(new Uint8Array(readFileSync(join(dir, 'changes.xlsx'))));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Changes']);
    const sheet = workbook.getWorksheet('Changes')!;
    expect(sheet.rowCount - 1).toBe(expected.removed.length);
    expect(sheet.getRow(2).getCell(1).text).toBe('removed');
  });

  it('refuses a delta format without --compare, --compare with another format, and a file not ours', () => {
    const noCompare = results.get('no-compare')!;
    expect(noCompare.code).not.toBe(0);
    expect(noCompare.stderr).toMatch(/--format delta-csv compares with an earlier request: add --compare/);
    const noDelta = results.get('no-delta')!;
    expect(noDelta.code).not.toBe(0);
    expect(noDelta.stderr).toMatch(/--compare writes the changes: use --format delta-csv or delta-xlsx/);
    const bad = results.get('bad')!;
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/notes\.txt: Not a topology file/);
    expect(bad.stdout).toBe('');
    // A workbook's refusal in the run's language too.
    const broken = results.get('broken-de')!;
    expect(broken.code).not.toBe(0);
    expect(broken.stderr).toMatch(/broken\.xlsx.*Keine Excel-Arbeitsmappe \(\.xlsx\): /);
  });
});
