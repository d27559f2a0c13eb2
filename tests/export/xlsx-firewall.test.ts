/**
 * The workbook as a firewall team takes it: addresses apart, "IP missing", the status list, the
 * verified column, zone pairs and print setup on every sheet, read back with exceljs (and from the
 * sheet XML, where exceljs reads less than it writes).
 */
import type { Worksheet } from 'exceljs';
import { catalogue } from '@/domain/default-catalogue';
import { deriveFlows } from '@/domain/derive';
import { flowKey } from '@/domain/firewall/flow-key';
import { WORKBOOK_COLUMNS } from '@/domain/matrix/workbook-columns';
import type { FlowCheck } from '@/domain/results/import-results';
import { flowsToRows } from '@/domain/rows';
import { writeWorkbook } from '@/export/xlsx';
import { columnLetter } from '@/export/xlsx/sheet-writer';
import type { Language } from '@/i18n/languages';
import { rowWords } from '@/i18n/row-words';
import { readWorkbook, unzip, ZONED_ESTATE, zipText } from './support';

const document = ZONED_ESTATE;
const flows = deriveFlows(document, catalogue).flows;
const exportedAt = new Date('2026-11-25T09:30:00Z');
const col = (key: string) => WORKBOOK_COLUMNS.findIndex((c) => c.key === key) + 1;

function rowsIn(language: Language, checks?: ReadonlyMap<string, FlowCheck>) {
  return flowsToRows(flows, document, rowWords(catalogue, language), { checks });
}

async function workbookIn(
  language: Language,
  engine: 'stream' | 'memory' | 'parts',
  checks?: Map<string, FlowCheck>,
) {
  const rows = rowsIn(language, checks);
  const bytes = await writeWorkbook({ rows, document, catalogue, language, exportedAt }, { engine });
  return { rows, bytes, workbook: await readWorkbook(bytes) };
}

describe.each(['stream', 'memory', 'parts'] as const)('the firewall workbook (%s engine)', (engine) => {
  const english = workbookIn('en', engine);

  it('writes FQDN and IP apart, "IP missing" in amber where a host has none, and the zone CIDRs', async () => {
    const { rows, workbook } = await english;
    const matrix = workbook.getWorksheet('Flow matrix')!;
    const fromMp = rows.findIndex((r) => r.sourceId === 'mp');
    const toMp = rows.findIndex((r) => r.sourceId === 'cl' && r.targetId === 'mp');
    const mpRow = matrix.getRow(fromMp + 2);
    expect(mpRow.getCell(col('sourceFqdn')).value).toBe('p01-mp.corp.example');
    expect(mpRow.getCell(col('sourceIp')).value).toBe('IP missing');
    expect(mpRow.getCell(col('sourceIp')).font?.color?.argb).toBe('FFB45309');
    expect(mpRow.getCell(col('targetIp')).value).toBe('10.1.0.10');
    expect(mpRow.getCell(col('targetIp')).font?.color?.argb).toBeUndefined();
    const clRow = matrix.getRow(toMp + 2);
    expect(clRow.getCell(col('sourceIp')).value).toBe('10.20.0.0/16');
    expect(clRow.getCell(col('sourceFqdn')).text).toBe('');
    expect(clRow.getCell(col('sourceZoneCidrs')).value).toBe('10.20.0.0/16, 10.21.0.0/16');
    expect(clRow.getCell(col('targetZoneCidrs')).value).toBe('10.1.0.0/16');
    expect(clRow.getCell(col('targetIp')).value).toBe('IP missing');

    const hosts = workbook.getWorksheet('Hosts')!;
    expect(hosts.getRow(3).getCell(1).value).toBe('P01-MP');
    expect(hosts.getRow(3).getCell(3).value).toBe('IP missing');
    expect(hosts.getRow(2).getCell(3).value).toBe('10.1.0.10');
    const pairs = workbook.getWorksheet('Host pairs')!;
    const pairTexts: string[] = [];
    pairs.eachRow((row) => {
      pairTexts.push(
        `${row.getCell(1).text}|${row.getCell(3).text}|${row.getCell(5).text}|${row.getCell(7).text}`,
      );
    });
    expect(pairTexts).toContain('Clients|10.20.0.0/16|P01-MP|IP missing');
  });

  it('offers the status as a drop-down of the five workflow states and leaves ticket, owner and comment empty', async () => {
    const { rows, bytes, workbook } = await english;
    const status = columnLetter(col('status'));
    const xml = zipText(unzip(bytes), 'xl/worksheets/sheet1.xml');
    const validation = /<dataValidation [^>]*sqref="([^"]+)"[^>]*>\s*<formula1>([^<]*)<\/formula1>/.exec(xml);
    expect(validation?.[1]).toBe(`${status}2:${status}${rows.length + 1}`);
    expect(validation?.[2]).toBe('&quot;requested,approved,implemented,verified,blocked&quot;');
    expect(xml).toMatch(/<dataValidation type="list" allowBlank="1"/);
    const matrix = workbook.getWorksheet('Flow matrix')!;
    expect(matrix.getCell(`${status}2`).dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"requested,approved,implemented,verified,blocked"'],
    });
    for (const key of ['status', 'ticket', 'owner', 'comment']) {
      expect(matrix.getRow(2).getCell(col(key)).text).toBe('');
    }
  });

  it('sets landscape, one page wide, the header row repeated and a page header on every sheet', async () => {
    const { bytes, workbook } = await english;
    const files = unzip(bytes);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Flow matrix',
      'Host pairs',
      'Zone pairs',
      'Hosts',
      'Notes and legend',
    ]);
    workbook.worksheets.forEach((sheet: Worksheet, i) => {
      expect(sheet.pageSetup, sheet.name).toMatchObject({
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
      });
      expect(sheet.headerFooter.oddHeader, sheet.name).toBe('&LR&&D estate&CEdition 2018-de&R2026-11-25');
      expect(sheet.headerFooter.oddFooter, sheet.name).toBe('&CPage &P of &N');
      const xml = zipText(files, `xl/worksheets/sheet${i + 1}.xml`);
      expect(xml).toMatch(/<pageSetUpPr fitToPage="1"\/>/);
      expect(xml).toMatch(/<pageSetup [^>]*orientation="landscape"[^>]*fitToWidth="1" fitToHeight="0"/);
      // Wide sheets (the 31-column matrix) go on A3 (8), legible at one page wide; notes on A4 (9).
      const paper = xml.match(/<pageSetup paperSize="(\d+)"/)?.[1];
      if (sheet.name === 'Flow matrix') expect(paper).toBe('8');
      if (sheet.name === 'Notes and legend') expect(paper).toBe('9');
      expect(['8', '9'], sheet.name).toContain(paper);
    });
    const table = workbook.worksheets.filter((s) => s.name !== 'Notes and legend');
    for (const sheet of table) expect(sheet.pageSetup.printTitlesRow, sheet.name).toBe('1:1');
    expect(zipText(files, 'xl/workbook.xml')).toContain(
      '<definedName name="_xlnm.Print_Titles" localSheetId="0">&apos;Flow matrix&apos;!$1:$1</definedName>',
    );
  });

  it('lists one row per zone pair that crosses a boundary, ports merged, ranges kept, CIDRs of both sides', async () => {
    const { rows, workbook } = await english;
    const sheet = workbook.getWorksheet('Zone pairs')!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'Source zone',
      'Source zone CIDR',
      'Destination zone',
      'Destination zone CIDR',
      'Protocols and ports',
      'Services',
      'Flows',
      'Risk',
    ]);
    const lines: string[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) lines.push([1, 2, 3, 4, 5, 7].map((c) => row.getCell(c).text).join(' | '));
    });
    expect(lines).toEqual([
      'Client LAN | 10.20.0.0/16, 10.21.0.0/16 | Datacenter | 10.1.0.0/16 | TCP 80, 443, 10123 | 3',
      'Datacenter | 10.1.0.0/16 | Branch | 10.31.0.0/16 | TCP 135, 445, 49152-65535; UDP 135 | 4',
    ]);
    // Every crossing flow is in its pair; the flows inside the datacenter (MP and site server) are in none.
    const crossing = rows.filter((r) => r.crossesZone);
    expect(crossing).toHaveLength(3 + 4);
    expect(
      rows.filter((r) => r.sourceZone === 'Datacenter' && r.targetZone === 'Datacenter').length,
    ).toBeGreaterThan(0);
  });

  it('writes the verified column from test results, "not tested" for the rest', async () => {
    const first = rowsIn('en')[0]!;
    const second = rowsIn('en')[1]!;
    const checks = new Map<string, FlowCheck>([
      [flowKey(first), 'verified'],
      [flowKey(second), 'blocked'],
    ]);
    const { workbook } = await workbookIn('en', engine, checks);
    const matrix = workbook.getWorksheet('Flow matrix')!;
    expect([2, 3, 4].map((n) => matrix.getRow(n).getCell(col('verified')).value)).toEqual([
      'verified',
      'blocked',
      'not tested',
    ]);
  });
});

describe('the firewall workbook in German', () => {
  it('writes the status list, "IP fehlt", the zone pairs and the page footer in German', async () => {
    const { bytes, workbook } = await workbookIn('de', 'stream');
    const xml = zipText(unzip(bytes), 'xl/worksheets/sheet1.xml');
    expect(xml).toContain(
      '<formula1>&quot;beantragt,genehmigt,umgesetzt,verifiziert,blockiert&quot;</formula1>',
    );
    const matrix = workbook.getWorksheet('Portmatrix')!;
    const texts: string[] = [];
    matrix.getColumn(col('sourceIp')).eachCell((cell) => {
      texts.push(cell.text);
    });
    expect(texts[0]).toBe('Quell-IP');
    expect(texts).toContain('IP fehlt');
    expect(matrix.getRow(2).getCell(col('verified')).value).toBe('nicht getestet');
    expect(workbook.getWorksheet('Zonenpaare')!.getRow(1).getCell(5).value).toBe('Protokolle und Ports');
    expect(matrix.headerFooter.oddFooter).toBe('&CSeite &P von &N');
  });
});
