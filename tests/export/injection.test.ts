/**
 * BAD-INPUTS 15 and 16 in every format: labels that look like formulas are neutralised in CSV,
 * plain string cells in the workbook and unchanged in JSON; odd but valid text survives intact.
 */
import { catalogue } from '@/domain/default-catalogue';
import { WORKBOOK_COLUMNS } from '@/domain/matrix/workbook-columns';
import { FLOW_COLUMNS } from '@/domain/rows';
import { rowsToCsv } from '@/export/csv';
import { rowsToJson } from '@/export/json';
import { SHEET_NAMES, writeWorkbook } from '@/export/xlsx';
import {
  documentWithLabels,
  FORMULA_LABELS,
  ODD_LABELS,
  parseCsv,
  readWorkbook,
  rowsOf,
  unzip,
  zipText,
} from './support';

const labels = [...FORMULA_LABELS, ...ODD_LABELS];
const document = documentWithLabels(labels);
const rows = rowsOf(document);
const sourceCol = FLOW_COLUMNS.findIndex((c) => c.key === 'source');
const addressCol = FLOW_COLUMNS.findIndex((c) => c.key === 'sourceAddress');
const sheetSourceCol = WORKBOOK_COLUMNS.findIndex((c) => c.key === 'source');
const sheetFqdnCol = WORKBOOK_COLUMNS.findIndex((c) => c.key === 'sourceFqdn');
const isFormulaLike = (text: string) => /^[=+\-@\t\r\n＝＋－＠]/.test(text);

it('puts every label into some row (the test document is what it claims)', () => {
  const seen = new Set(rows.flatMap((r) => [r.source, r.target]));
  for (const label of labels) expect(seen).toContain(label);
  expect(new Set(document.hosts.map((h) => h.name))).toEqual(new Set(labels));
});

describe('CSV', () => {
  const records = parseCsv(rowsToCsv(rows).slice(1)).slice(1);

  it('neutralises formula-looking cells with a leading apostrophe and keeps the rest verbatim', () => {
    expect(records).toHaveLength(rows.length);
    records.forEach((record, i) => {
      const row = rows[i]!;
      const expected = isFormulaLike(row.source) ? `'${row.source}` : row.source;
      expect(record[sourceCol]).toBe(expected);
      expect(record[addressCol]?.startsWith("'")).toBe(isFormulaLike(row.sourceAddress));
    });
    const hyperlink = records.find((r) => r[sourceCol]?.includes('HYPERLINK'));
    expect(hyperlink?.[sourceCol]).toBe(`'=HYPERLINK("http://x","y")`);
  });

  it('keeps RTL, U+202E, zero-width, emoji and 10,000-character labels intact', () => {
    const cells = new Set(records.flat());
    for (const label of ODD_LABELS) expect(cells).toContain(label);
  });
});

describe('JSON', () => {
  it('writes every label unchanged', () => {
    const parsed = JSON.parse(rowsToJson(rows)) as {
      source: string;
      sourceAddress: string;
      target: string;
    }[];
    parsed.forEach((object, i) => {
      expect(object.source).toBe(rows[i]?.source);
      expect(object.sourceAddress).toBe(rows[i]?.sourceAddress);
    });
    const names = new Set(parsed.flatMap((o) => [o.source, o.target]));
    for (const label of labels) expect(names).toContain(label);
  });
});

describe.each(['stream', 'memory', 'parts'] as const)('xlsx (%s engine)', (engine) => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await writeWorkbook({ rows, document, catalogue }, { engine });
  });

  it('writes labels as plain string cells that read back exactly, never as formulas', async () => {
    const workbook = await readWorkbook(bytes);
    const matrix = workbook.getWorksheet(SHEET_NAMES.matrix)!;
    rows.forEach((row, i) => {
      const source = matrix.getRow(i + 2).getCell(sheetSourceCol + 1);
      expect(source.value).toBe(row.source);
      expect(source.formula).toBeUndefined();
      expect(typeof source.value).toBe('string');
      const fqdn = matrix.getRow(i + 2).getCell(sheetFqdnCol + 1);
      expect(fqdn.value).toBe(row.sourceFqdn);
      expect(fqdn.formula).toBeUndefined();
    });
    const hosts = workbook.getWorksheet(SHEET_NAMES.hosts)!;
    document.hosts.forEach((host, i) => {
      expect(hosts.getRow(i + 2).getCell(1).value).toBe(host.name);
      expect(hosts.getRow(i + 2).getCell(2).value).toBe(host.fqdn);
    });
  });

  it('has no formula element in any sheet and the label as shared-string text', () => {
    const files = unzip(bytes);
    for (const [name, content] of files) {
      if (name.startsWith('xl/worksheets/sheet')) expect(content.toString('utf8')).not.toMatch(/<f[ >]/);
    }
    const strings = zipText(files, 'xl/sharedStrings.xml');
    expect(strings).toContain('<t>=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)</t>');
    expect(strings).toContain('<t>＝1</t>');
    expect(strings).toContain('under_x005F_x0041_score');
  });
});
