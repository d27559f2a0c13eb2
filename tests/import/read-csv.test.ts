import { loadEdition } from '@/domain/editions';
import type { ImportTable } from '@/domain/import/import-types';
import { decodeText, importFiles, readImportFile } from '@/import/import-files';
import { parseCsv } from '@/import/read-csv';
import { english, german } from '../support/words';

const catalogue = loadEdition('current');
const encode = (text: string) => new TextEncoder().encode(text);

function parsed(text: string): ImportTable {
  const result = parseCsv('f.csv', text);
  if ('message' in result) throw new Error(english(result.message));
  return result;
}

describe('parseCsv', () => {
  it('reads Export-Csv output: #TYPE line, quoted cells, CRLF; lines counted as an editor does', () => {
    const table = parsed(
      '#TYPE Selected.Microsoft.ConfigurationManagement.ManagementProvider.WqlQueryEngine.WqlResultObject\r\n' +
        '"NetworkOSPath","RoleName","SiteCode"\r\n' +
        '"\\\\P01-MP01.corp.example","SMS Management Point","P01"\r\n',
    );
    expect(table).toEqual({
      file: 'f.csv',
      headerLine: 2,
      header: ['NetworkOSPath', 'RoleName', 'SiteCode'],
      rows: [{ line: 3, cells: ['\\\\P01-MP01.corp.example', 'SMS Management Point', 'P01'] }],
    });
  });

  it('reads ; as the delimiter (a German -UseCulture export) and drops the byte order mark', () => {
    const table = parsed('\ufeff"SiteCode";"Type";"ReportingSiteCode"\r\n"P01";"2";"C01"\r\n');
    expect(table.header).toEqual(['SiteCode', 'Type', 'ReportingSiteCode']);
    expect(table.rows).toEqual([{ line: 2, cells: ['P01', '2', 'C01'] }]);
  });

  it('keeps quoted newlines and delimiters in a cell, and counts the lines after them', () => {
    const table = parsed('Name,SiteSystems\r\n"BG1","a.corp\r\nb.corp"\r\n\r\n"BG2","c, d"\r\n"BG3",e\r\n');
    expect(table.rows).toEqual([
      { line: 2, cells: ['BG1', 'a.corp\r\nb.corp'] },
      { line: 5, cells: ['BG2', 'c, d'] },
      { line: 6, cells: ['BG3', 'e'] },
    ]);
  });

  it('names the line of a quoted cell that never ends', () => {
    const result = parseCsv('f.csv', 'Name,Roles\n"ok",MP\n"broken,MP\nnext,DP\n');
    expect(result).toMatchObject({ file: 'f.csv', line: 3 });
    expect('message' in result && english(result.message)).toEqual(expect.stringContaining('never ends'));
  });

  it('calls an empty file an error', () => {
    const result = parseCsv('f.csv', '\r\n\r\n');
    expect(result).toMatchObject({ line: 1 });
    expect('message' in result && english(result.message)).toEqual(expect.stringContaining('empty'));
    expect('message' in result && german(result.message)).toBe('Die Datei ist leer: keine Kopfzeile');
  });

  it('parses 50,000 rows, the last on its line', () => {
    const lines = ['"NetworkOSPath","RoleName","SiteCode"'];
    for (let i = 0; i < 50_000; i += 1)
      lines.push(`"\\\\P01-DP${i}.corp.example","SMS Distribution Point","P01"`);
    const table = parsed(`#TYPE x\r\n${lines.join('\r\n')}\r\n`);
    expect(table.rows).toHaveLength(50_000);
    expect(table.rows.at(-1)).toEqual({
      line: 50_002,
      cells: ['\\\\P01-DP49999.corp.example', 'SMS Distribution Point', 'P01'],
    });
  });
});

describe('decodeText', () => {
  it('reads UTF-8 with and without BOM, UTF-16 with BOM and Windows-1252', () => {
    expect(decodeText(encode('\ufeffStandort'))).toBe('Standort');
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0xfc, 0x00]))).toBe('Aü');
    expect(decodeText(new Uint8Array([0x4d, 0xfc, 0x6e]))).toBe('Mün');
    expect(decodeText(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]))).toBeUndefined();
  });
});

describe('importFiles', () => {
  it('reports a file of another kind with its header line and reads the others; nothing throws', async () => {
    const preview = await importFiles(
      [
        { name: 'flows.csv', bytes: encode('#TYPE x\r\n"Source","Target","Port"\r\n"a","b","443"\r\n') },
        { name: 'picture.png', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]) },
        { name: 'hosts.csv', bytes: encode('Name;Rollen\r\nP01-MP01;Verwaltungspunkt\r\nP01-X;Flux\r\n') },
      ],
      catalogue,
    );
    expect(preview.errors.map((e) => [e.file, e.line])).toEqual([
      ['flows.csv', 2],
      ['picture.png', 1],
    ]);
    expect(preview.hosts.map((h) => [h.name, h.roles])).toEqual([
      ['P01-MP01', ['management-point']],
      ['P01-X', []],
    ]);
    expect(preview.unmapped).toEqual([
      expect.objectContaining({
        file: 'hosts.csv',
        line: 3,
        column: 'Rollen',
        reason: 'unknown-role',
        value: 'Flux',
      }),
    ]);
    // The user reads why, in English or German.
    const [unmapped] = preview.unmapped;
    expect(unmapped && english(unmapped.message)).toBe('unknown role "Flux"');
    expect(unmapped && german(unmapped.message)).toBe('unbekannte Rolle „Flux“');
    expect(preview.errors.map((e) => german(e.message))).toEqual([
      expect.stringMatching(/^Die Kopfzeile \(Source, Target, Port\) passt zu keiner Datei/),
      'keine Textdatei (CSV) und keine .xlsx-Arbeitsmappe',
    ]);
  });

  it('reads an .xlsx host list through exceljs', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Hosts');
    sheet.addRow(['Name', 'FQDN', 'IP', 'Site', 'Roles', 'Zone']);
    sheet.addRow(['P01-SITE', 'P01-SITE.corp.example', '10.0.0.10', 'P01', 'site-server, SQL Server', 'DC']);
    sheet.addRow([]);
    sheet.addRow(['P01-MP01', 'P01-MP01.corp.example', '10.0.0.11', 'P01', 'Management point', 'DC']);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const table = await readImportFile({ name: 'hosts.xlsx', bytes });
    expect(table).toMatchObject({ headerLine: 1, rows: [{ line: 2 }, { line: 4 }] });
    const preview = await importFiles([{ name: 'hosts.xlsx', bytes }], catalogue);
    expect(preview.hosts.map((h) => [h.name, h.ip, h.zone, h.roles])).toEqual([
      ['P01-SITE', '10.0.0.10', 'z1', ['site-server', 'sql-server']],
      ['P01-MP01', '10.0.0.11', 'z1', ['management-point']],
    ]);
    expect(preview.zones).toEqual([{ id: 'z1', name: 'DC' }]);
  });

  it('calls a broken workbook an error naming the file', async () => {
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    expect(await readImportFile({ name: 'x.xlsx', bytes })).toMatchObject({ file: 'x.xlsx', line: 1 });
  });
});
