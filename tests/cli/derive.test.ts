/**
 * The derive CLI end to end: `npx tsx src/cli/derive.ts` in a child process, outputs in a temp dir.
 * The processes run side by side in `beforeAll` to keep the file fast.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { CellHyperlinkValue } from 'exceljs';
import { editionLine } from '@/cli/edition';
import { loadEdition } from '@/domain/editions';
import { WORKBOOK_COLUMNS } from '@/domain/matrix/workbook-columns';
import { FLOW_COLUMNS } from '@/domain/rows';
import {
  ENGLISH_HEADERS,
  ENGLISH_WORKBOOK_HEADERS,
  GERMAN_HEADERS,
  parseCsv,
  readWorkbook,
} from '../export/support';
import { type DeriveResult, derive } from './run-derive';

const root = resolve(import.meta.dirname, '../..');
const example = join(root, 'data/examples/hierarchy.json');

let dir: string;
const results = new Map<string, DeriveResult>();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'derive-cli-'));
  for (const sub of ['ok', 'no-out', 'format', 'missing', 'bad', 'flag', 'keep', 'empty', 'de']) {
    mkdirSync(join(dir, sub));
  }
  writeFileSync(join(dir, 'bad/bad.json'), '{bad');
  writeFileSync(join(dir, 'keep/bad.json'), '{"format":"cm-port-planner","version":2,"hosts":[');
  writeFileSync(join(dir, 'keep/matrix.xlsx'), 'the previous export');
  writeFileSync(
    join(dir, 'empty/empty.json'),
    JSON.stringify({ format: 'cm-port-planner', version: 2, name: 'Empty', hosts: [], links: [], zones: [] }),
  );
  const jobs: [string, string[]][] = [
    ['json', [example, '--format', 'json', '--out', join(dir, 'ok/matrix.json')]],
    ['stdout', [example]],
    ['csv', [example, '--format', 'csv', '--out', join(dir, 'ok/matrix.csv')]],
    ['xlsx', [example, '--format', 'xlsx', '--out', join(dir, 'ok/matrix.xlsx')]],
    ['no-out', [example, '--format', 'xlsx']],
    ['format', [example, '--format', 'pdf', '--out', join(dir, 'format/matrix.pdf')]],
    [
      'missing',
      [join(dir, 'missing/nope.json'), '--format', 'xlsx', '--out', join(dir, 'missing/matrix.xlsx')],
    ],
    ['bad', [join(dir, 'bad/bad.json'), '--format', 'csv', '--out', join(dir, 'bad/matrix.csv')]],
    ['flag', [example, '--colour', 'red', '--out', join(dir, 'flag/matrix.json')]],
    ['keep', [join(dir, 'keep/bad.json'), '--format', 'xlsx', '--out', join(dir, 'keep/matrix.xlsx')]],
    ['empty', [join(dir, 'empty/empty.json'), '--format', 'xlsx', '--out', join(dir, 'empty/matrix.xlsx')]],
    ['de-csv', [example, '--format', 'csv', '--lang', 'de', '--out', join(dir, 'de/matrix.csv')]],
    ['de-xlsx', [example, '--format', 'xlsx', '--lang=de', '--out', join(dir, 'de/matrix.xlsx')]],
    ['de-missing', [join(dir, 'missing/nope.json'), '--lang', 'de']],
    ['lang-xx', [example, '--lang', 'xx']],
  ];
  const done = await Promise.all(jobs.map(async ([name, args]) => [name, await derive(...args)] as const));
  for (const [name, result] of done) results.set(name, result);
}, 300_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function result(name: string): DeriveResult {
  const r = results.get(name);
  if (!r) throw new Error(`no run named ${name}`);
  return r;
}

describe('derive CLI outputs', () => {
  it('writes json, csv and xlsx that agree in row count and first and last rows', async () => {
    for (const name of ['json', 'csv', 'xlsx'])
      expect(result(name)).toMatchObject({ code: 0, stderr: editionLine(loadEdition('2018-de')) });
    const json = JSON.parse(readFileSync(join(dir, 'ok/matrix.json'), 'utf8')) as Record<string, unknown>[];
    const csvText = readFileSync(join(dir, 'ok/matrix.csv'), 'utf8');
    expect(csvText.startsWith('\uFEFF')).toBe(true);
    const [header, ...records] = parseCsv(csvText.slice(1));
    const workbook = await readWorkbook(readFileSync(join(dir, 'ok/matrix.xlsx')));
    const sheet = workbook.getWorksheet('Flow matrix')!;

    expect(json.length).toBeGreaterThan(50);
    expect(records).toHaveLength(json.length);
    expect(sheet.rowCount - 1).toBe(json.length);
    expect(header).toEqual(ENGLISH_HEADERS);
    expect((sheet.getRow(1).values as unknown[]).slice(1).map((v) => v ?? '')).toEqual(
      ENGLISH_WORKBOOK_HEADERS,
    );
    expect(workbook.worksheets.map((s) => s.name)).not.toContain('Diagram');

    for (const [jsonIndex, sheetRow] of [
      [0, 2],
      [json.length - 1, json.length + 1],
    ] as const) {
      const object = json[jsonIndex]!;
      const record = records[jsonIndex]!;
      const row = sheet.getRow(sheetRow);
      const cellOf = (key: string) => row.getCell(WORKBOOK_COLUMNS.findIndex((c) => c.key === key) + 1).value;
      FLOW_COLUMNS.forEach((column, i) => {
        const value = object[column.key];
        // JSON keeps the test result's value; CSV and the workbook write its words.
        const words: Record<string, string> = {
          untested: 'not tested',
          verified: 'verified',
          blocked: 'blocked',
        };
        const text =
          typeof value === 'boolean'
            ? value
              ? 'yes'
              : 'no'
            : column.key === 'verified'
              ? words[String(value)]!
              : String(value);
        expect(record[i]).toBe(text);
        // The workbook writes addresses as FQDN and IP apart (below), and sections as the anchor
        // beside the linked heading.
        if (column.key === 'sourceAddress' || column.key === 'targetAddress') return;
        const cell = cellOf(column.key === 'section' ? 'sectionAnchor' : column.key);
        if (column.key === 'port') expect(cell).toBe(value);
        else expect(cell).toBe(text);
      });
      for (const side of ['source', 'target'] as const) {
        expect(cellOf(`${side}Fqdn`)).toBe(object[`${side}Fqdn`]);
        expect(cellOf(`${side}Ip`)).toBe(object[`${side}IpMissing`] ? 'IP missing' : object[`${side}Ip`]);
      }
      const heading = cellOf('sectionTitle') as CellHyperlinkValue;
      expect(heading.text).toBe((object.sectionTitles as string[]).join('; '));
      expect(heading.hyperlink).toBe(object.sectionUrl);
    }
  });

  it('prints the same JSON to stdout without --out', () => {
    expect(result('stdout').code).toBe(0);
    expect(result('stdout').stdout).toBe(readFileSync(join(dir, 'ok/matrix.json'), 'utf8'));
  });

  it('leaves no temporary file beside the outputs', () => {
    expect(readdirSync(join(dir, 'ok')).sort()).toEqual(['matrix.csv', 'matrix.json', 'matrix.xlsx']);
  });

  it('writes a workbook with headers only for a topology without flows, with a warning', async () => {
    const r = result('empty');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning: the topology yields no flows/);
    const workbook = await readWorkbook(readFileSync(join(dir, 'empty/matrix.xlsx')));
    expect(workbook.getWorksheet('Flow matrix')!.rowCount).toBe(1);
  });
});

describe('derive CLI errors', () => {
  it.each([
    ['no-out', /^error: --format xlsx needs --out FILE$/],
    ['format', /^error: unknown format "pdf"/],
    ['missing', /^error: .*nope\.json: no such file$/],
    ['bad', /^error: .*bad\.json: .*not valid JSON/],
    ['flag', /^error: unknown flag --colour/],
    ['keep', /^error: .*bad\.json: /],
  ])('%s: exits non-zero with one line on stderr and writes nothing', (name, message) => {
    const r = result(name);
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe('');
    const lines = r.stderr.split('\n').filter((l) => l !== '');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
    const files = readdirSync(join(dir, name)).filter((f) => !f.endsWith('.json'));
    expect(files).toEqual(name === 'keep' ? ['matrix.xlsx'] : []);
  });

  it('leaves an existing output file untouched when the input is bad', () => {
    expect(readFileSync(join(dir, 'keep/matrix.xlsx'), 'utf8')).toBe('the previous export');
  });
});

describe('derive CLI --lang', () => {
  it('writes the files in German with --lang de, and names the edition in German', async () => {
    expect(result('de-csv').code).toBe(0);
    expect(result('de-csv').stderr).toMatch(/^Ausgabe: 2018-de \(/);
    expect(result('de-csv').stderr).toBe(editionLine(loadEdition('2018-de'), 'de'));
    expect(result('de-csv').stderr).toContain(
      '(In Configuration Manager verwendete Ports (deutsche Ausgabe von 2018); Abschnittslinks führen zu ',
    );
    const [header, ...records] = parseCsv(readFileSync(join(dir, 'de/matrix.csv'), 'utf8').slice(1));
    expect(header).toEqual(GERMAN_HEADERS);
    expect(records[0]![GERMAN_HEADERS.indexOf('Begründung')]).toContain(' öffnet ');
    expect(result('de-xlsx').code).toBe(0);
    const workbook = await readWorkbook(readFileSync(join(dir, 'de/matrix.xlsx')));
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Portmatrix',
      'Hostpaare',
      'Zonenpaare',
      'Hosts',
      'Hinweise und Legende',
    ]);
  });

  it('prints its refusals in German', () => {
    expect(result('de-missing')).toMatchObject({ code: 2, stdout: '' });
    expect(result('de-missing').stderr).toBe(
      `Fehler: ${join(dir, 'missing/nope.json')}: Datei nicht gefunden\n`,
    );
  });

  it('refuses a language it does not speak, naming the ones it does', () => {
    expect(result('lang-xx')).toMatchObject({
      code: 2,
      stdout: '',
      stderr: 'error: unknown --lang "xx" (use en, de)\n',
    });
  });
});
