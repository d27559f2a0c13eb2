import { catalogue } from '@/domain/default-catalogue';
import { compareFlows, deltaEntries } from '@/domain/delta/compare-flows';
import { DELTA_COLUMNS, deltaCellText, deltaCellValue } from '@/domain/delta/delta-columns';
import type { DeltaRow, FlowDelta } from '@/domain/delta/delta-types';
import type { TopologyDocument } from '@/domain/document';
import { deltaToCsv } from '@/export/delta-csv';
import { readOurWorkbook } from '@/export/read-workbook';
import { writeWorkbook } from '@/export/xlsx';
import { DELTA_SHEET } from '@/export/xlsx/delta-sheet';
import { buildDeltaWorkbook } from '@/export/xlsx/delta-workbook';
import { deltaChangeWords } from '@/i18n/row-words';
import { english, german } from '../support/words';
import { loadExample, parseCsv, readWorkbook, rowsOf, unzip, zipText } from './support';

const document = loadExample('hierarchy');
const rows = rowsOf(document);

/** The hierarchy with P01's management point answering only what the site server opens (note 5). */
function withOneLinkChanged(doc: TopologyDocument): TopologyDocument {
  return {
    ...doc,
    hosts: doc.hosts.map((h) =>
      h.id === 'p01mp' ? { ...h, options: { ...h.options, siteServerInitiates: true } } : h,
    ),
  };
}

/** What a workbook keeps of a row: no ids. */
const withoutIds = (r: DeltaRow): DeltaRow => ({
  source: r.source,
  target: r.target,
  protocol: r.protocol,
  port: r.port,
  service: r.service,
  sections: r.sections,
});

describe.each(['stream', 'memory', 'parts'] as const)('readOurWorkbook (%s engine)', (engine) => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await writeWorkbook({ rows, document, catalogue }, { engine });
  });

  it('reads every matrix row back with its values', async () => {
    const read = await readOurWorkbook(bytes);
    if (!read.ok) throw new Error(english(read.error));
    expect(read.problems).toEqual([]);
    expect(read.rows).toHaveLength(rows.length);
    read.rows.forEach((back, i) => {
      const row = rows[i]!;
      expect(back).toEqual({
        id: row.id,
        source: row.source,
        target: row.target,
        sourceAddress: row.sourceAddress,
        targetAddress: row.targetAddress,
        protocol: row.protocol,
        port: row.port,
        service: row.service,
        sections: row.sections,
        sheetRow: i + 2,
      });
    });
    expect(read.rows.some((r) => r.port.kind === 'range')).toBe(true);
  });

  it("compares an exported workbook with the changed diagram: exactly that link's flows", async () => {
    const read = await readOurWorkbook(bytes);
    if (!read.ok) throw new Error(english(read.error));
    expect(compareFlows(read.rows, rows)).toMatchObject({
      unchanged: rows.length,
      added: [],
      removed: [],
      changed: [],
    });

    const after = rowsOf(withOneLinkChanged(document));
    const delta = compareFlows(read.rows, after);
    expect(delta.matchedBy).toBe('names');
    expect(delta.removed.length).toBeGreaterThan(0);
    expect(delta.added).toEqual([]);
    expect(delta.changed).toEqual([]);
    // Only the MP's own initiations towards its site server go; the site server's stay.
    for (const e of delta.removed) expect([e.source, e.target]).toEqual(['P01-MPDP', 'P01-SITE']);
    expect(new Set(delta.removed.map((e) => e.linkId))).toEqual(new Set([undefined]));
    expect(delta.unchanged).toBe(rows.length - delta.removed.length);
    // The workbook gives the delta the diagram itself gives (less the ids it cannot carry).
    expect(delta).toEqual(compareFlows(rows.map(withoutIds), after.map(withoutIds)));
  });
});

describe('a workbook against a diagram edited since', () => {
  let read: Awaited<ReturnType<typeof readOurWorkbook>>;
  beforeAll(async () => {
    read = await readOurWorkbook(await writeWorkbook({ rows, document, catalogue }));
  });

  it('lists a removed link as removed flows of that link alone, both directions', () => {
    if (!read.ok) throw new Error(english(read.error));
    const gone = document.links.find((l) => l.id === 'l2')!;
    const names = new Set(
      document.hosts.filter((h) => h.id === gone.source || h.id === gone.target).map((h) => h.name),
    );
    const delta = compareFlows(
      read.rows,
      rowsOf({ ...document, links: document.links.filter((l) => l !== gone) }),
    );
    expect(delta.added).toEqual([]);
    expect(delta.changed).toEqual([]);
    expect(delta.removed.length).toBe(rows.filter((r) => r.linkId === gone.id).length);
    for (const e of delta.removed) expect(new Set([e.source, e.target])).toEqual(names);
    expect(new Set(delta.removed.map((e) => e.source)).size).toBe(2);
  });

  it('keeps a host renamed only in case or blanks the same host (names compare as the app does)', () => {
    if (!read.ok) throw new Error(english(read.error));
    const hosts = document.hosts.map((h) => (h.id === 'c01' ? { ...h, name: 'CLIENTS  p01' } : h));
    const delta = compareFlows(read.rows, rowsOf({ ...document, hosts }));
    expect(deltaEntries(delta)).toEqual([]);
    expect(delta.unchanged).toBe(rows.length);
  });
});

describe('readOurWorkbook refuses what is not ours', () => {
  async function workbookOf(build: (wb: import('exceljs').Workbook) => void): Promise<Uint8Array> {
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    build(workbook);
    return new Uint8Array(await workbook.xlsx.writeBuffer());
  }

  /** Why a workbook was refused, in English and in German. */
  async function refusal(bytes: Uint8Array): Promise<[string, string]> {
    const read = await readOurWorkbook(bytes);
    if (read.ok) throw new Error('read a workbook that is not ours');
    return [english(read.error), german(read.error)];
  }

  it("names the missing sheet, in the reader's language", async () => {
    const bytes = await workbookOf((wb) => wb.addWorksheet('Sheet1').addRow(['Source host']));
    expect(await refusal(bytes)).toEqual([
      'Not a workbook of this app: it has no “Flow matrix” sheet (its sheets: Sheet1)',
      'Keine Arbeitsmappe dieser App: Ihr fehlt das Blatt „Portmatrix“ (ihre Blätter: Sheet1)',
    ]);
  });

  it('names the missing columns', async () => {
    const bytes = await workbookOf((wb) =>
      wb.addWorksheet('Flow matrix').addRow(['Source host', 'Destination host', 'Protocol', 'Service']),
    );
    expect(await refusal(bytes)).toEqual([
      'Not a workbook of this app: the “Flow matrix” sheet has no Port column',
      'Keine Arbeitsmappe dieser App: Dem Blatt „Flow matrix“ fehlt die Spalte Port',
    ]);
  });

  it('refuses bytes that are no workbook, and the Changes workbook (it has no matrix)', async () => {
    const garbage = await readOurWorkbook(new TextEncoder().encode('not a zip at all'));
    expect(garbage.ok).toBe(false);
    if (!garbage.ok) expect(english(garbage.error)).toMatch(/^Not an Excel workbook \(\.xlsx\): /);
    const changes = await readOurWorkbook(await buildDeltaWorkbook(compareFlows([], rows.slice(0, 2))));
    expect(changes.ok).toBe(false);
    if (!changes.ok)
      expect(english(changes.error)).toBe(
        `Not a workbook of this app: it has no “Flow matrix” sheet (its sheets: ${DELTA_SHEET})`,
      );
  });

  it('finds the header below a title row', async () => {
    const bytes = await workbookOf((wb) => {
      const sheet = wb.addWorksheet('Flow matrix');
      sheet.addRow(['Hierarchy: flows']);
      sheet.addRow(['Source host', 'Destination host', 'Protocol', 'Port', 'Service']);
      sheet.addRow(['PC', 'MP', 'UDP', 25536, 'Wake-up proxy']);
    });
    const read = await readOurWorkbook(bytes);
    if (!read.ok) throw new Error(english(read.error));
    expect(read.rows).toMatchObject([
      { source: 'PC', protocol: 'UDP', port: { kind: 'single', port: 25536 }, sheetRow: 3 },
    ]);
    expect(read.problems).toEqual([]);
  });

  it('finds columns by header in any order and reports rows it cannot read, never guessing', async () => {
    const bytes = await workbookOf((wb) => {
      const sheet = wb.addWorksheet('Flow matrix');
      sheet.addRow(['Port', 'protocol', 'Destination host', 'Source host', 'Service', 'Document section']);
      sheet.addRow([443, 'TCP', 'MP', 'PC', 'Web', 'BKMK_A;BKMK_B']);
      sheet.addRow(['49152-65535', 'tcp', 'SITE', 'MP', 'RPC', '']);
      sheet.addRow(['http', 'TCP', 'MP', 'PC', 'Web', '']);
      sheet.addRow([53, 'ICMP', 'DC', 'PC', 'DNS', '']);
      sheet.addRow([]);
    });
    const read = await readOurWorkbook(bytes);
    if (!read.ok) throw new Error(english(read.error));
    expect(read.rows.map((r) => [r.source, r.target, r.protocol, r.port, r.sections])).toEqual([
      ['PC', 'MP', 'TCP', { kind: 'single', port: 443 }, ['BKMK_A', 'BKMK_B']],
      ['MP', 'SITE', 'TCP', { kind: 'range', from: 49152, to: 65535 }, []],
    ]);
    expect(read.problems.map((p) => english(p))).toEqual([
      'Row 4: port “http” is not a port or range',
      'Row 5: protocol “ICMP” is not TCP or UDP',
    ]);
    expect(german(read.problems[0]!)).toBe('Zeile 4: „http“ ist kein Port und kein Portbereich');
  });
});

/** A delta with every kind of entry and a host name a spreadsheet could run. */
function sampleDelta(): FlowDelta {
  const port = (p: number) => ({ kind: 'single', port: p }) as const;
  const row = (source: string, p: number, service = 'Web'): DeltaRow => ({
    source,
    target: 'P01-MP',
    protocol: 'TCP',
    port: port(p),
    service,
    sections: ['BKMK_PortsClient-MP'],
  });
  return compareFlows(
    [row('Clients', 80), row('Clients', 443), row('Old', 10123, 'Notify')],
    [
      row('Clients', 80),
      row('Clients', 8443),
      { ...row('=1+1', 445, 'SMB'), port: { kind: 'range', from: 49152, to: 65535 } },
    ],
  );
}

describe('delta CSV', () => {
  it('writes a header and one quoted, neutralised line per entry: added, removed, changed', () => {
    const delta = sampleDelta();
    const text = deltaToCsv(delta);
    expect(text.startsWith('\uFEFF"Change","Source host","Destination host","Protocol"')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    const records = parseCsv(text.slice(1));
    expect(records[0]).toEqual([
      'Change',
      'Source host',
      'Destination host',
      'Protocol',
      'Port before',
      'Port after',
      'Service',
      'Document section',
    ]);
    expect(records.slice(1)).toEqual([
      ['added', "'=1+1", 'P01-MP', 'TCP', '', '49152-65535', 'SMB', 'BKMK_PortsClient-MP'],
      ['removed', 'Old', 'P01-MP', 'TCP', '10123', '', 'Notify', 'BKMK_PortsClient-MP'],
      ['changed', 'Clients', 'P01-MP', 'TCP', '443', '8443', 'Web', 'BKMK_PortsClient-MP'],
    ]);
  });

  it('is a header alone for an empty delta', () => {
    expect(parseCsv(deltaToCsv(compareFlows(rows, rows)).slice(1))).toHaveLength(1);
  });
});

describe('Changes sheet', () => {
  it('reads back with exceljs: columns, values, frozen header, autofilter, coloured change cells', async () => {
    const delta = sampleDelta();
    const bytes = await buildDeltaWorkbook(delta, {
      title: 'Hierarchy',
      exportedAt: new Date('2026-11-30T10:00:00Z'),
    });
    const workbook = await readWorkbook(bytes);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([DELTA_SHEET]);
    const sheet = workbook.getWorksheet(DELTA_SHEET)!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      ...[
        'Change',
        'Source host',
        'Destination host',
        'Protocol',
        'Port before',
        'Port after',
        'Service',
        'Document section',
      ],
    ]);
    const entries = deltaEntries(delta);
    expect(sheet.rowCount).toBe(entries.length + 1);
    entries.forEach((entry, i) => {
      const row = sheet.getRow(i + 2);
      DELTA_COLUMNS.forEach((c, j) => {
        const value = deltaCellValue(entry, c.key, deltaChangeWords('en'));
        // exceljs reads an empty string cell back as no value.
        expect(row.getCell(j + 1).value ?? '').toBe(value);
        expect(row.getCell(j + 1).formula).toBeUndefined();
      });
    });
    expect(sheet.getRow(4).getCell(5).value).toBe(443);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBe(`A1:H${entries.length + 1}`);
    const fills = [2, 3, 4].map(
      (r) => (sheet.getRow(r).getCell(1).fill as { fgColor?: { argb?: string } }).fgColor?.argb,
    );
    expect(new Set(fills).size).toBe(3);
    expect(sheet.getRow(2).getCell(2).fill).toBeUndefined();
    expect(zipText(unzip(bytes), 'xl/workbook.xml')).toContain('_xlnm._FilterDatabase');
    expect(workbook.title).toBe('Hierarchy');
  });

  it('holds only the header for an empty delta', async () => {
    const workbook = await readWorkbook(await buildDeltaWorkbook(compareFlows(rows, rows)));
    expect(workbook.getWorksheet(DELTA_SHEET)!.rowCount).toBe(1);
  });

  it('writes the cell texts the CSV writes', () => {
    const delta = sampleDelta();
    for (const entry of deltaEntries(delta)) {
      for (const c of DELTA_COLUMNS)
        expect(String(deltaCellValue(entry, c.key, deltaChangeWords('en')))).toBe(
          deltaCellText(entry, c.key, deltaChangeWords('en')),
        );
    }
  });
});
