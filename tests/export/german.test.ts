import { catalogue } from '@/domain/default-catalogue';
import { deriveFlows } from '@/domain/derive';
import { flowsToRows } from '@/domain/rows';
import { rowsToCsv } from '@/export/csv';
import { readOurWorkbook } from '@/export/read-workbook';
import { writeWorkbook } from '@/export/xlsx';
import { rowWords } from '@/i18n/row-words';
import {
  ENGLISH_HEADERS,
  GERMAN_HEADERS,
  GERMAN_WORKBOOK_HEADERS,
  loadExample,
  parseCsv,
  readWorkbook,
} from './support';

const document = loadExample('hierarchy');
const flows = deriveFlows(document, catalogue).flows;
const german = flowsToRows(flows, document, rowWords(catalogue, 'de'));
const english = flowsToRows(flows, document, rowWords(catalogue, 'en'));

describe('exports in German', () => {
  it('words the rows in German: direction, justification, notes; values stay', () => {
    expect(german.map((r) => [r.id, r.port, r.sections, r.protocol])).toEqual(
      english.map((r) => [r.id, r.port, r.sections, r.protocol]),
    );
    expect(german[0]!.justification).toMatch(/ öffnet (TCP|UDP) .* auf .* für .*wie im Portdokument unter/);
    expect(new Set(german.map((r) => r.direction))).toEqual(
      new Set(
        english.map((r) => (r.direction === 'one-way' ? 'in eine Richtung' : 'von beiden Seiten initiiert')),
      ),
    );
    const risky = german.find((r) => r.highRisk);
    expect(risky?.notes).toMatch(/^HOHES RISIKO: dynamischer RPC-Bereich/);
  });

  it('writes a German CSV: headers and yes/no in German', () => {
    const records = parseCsv(rowsToCsv(german, 'de').slice(1));
    expect(records[0]).toEqual(GERMAN_HEADERS);
    const configurable = GERMAN_HEADERS.indexOf('Konfigurierbar');
    expect(new Set(records.slice(1).map((r) => r[configurable]))).toEqual(new Set(['ja', 'nein']));
    expect(parseCsv(rowsToCsv(english).slice(1))[0]).toEqual(ENGLISH_HEADERS);
  });

  it('writes a German workbook (sheet names and headers) that reads back for a comparison', async () => {
    const bytes = await writeWorkbook({ rows: german, document, catalogue, language: 'de' });
    const workbook = await readWorkbook(bytes);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Portmatrix',
      'Hostpaare',
      'Zonenpaare',
      'Hosts',
      'Hinweise und Legende',
    ]);
    const matrix = workbook.getWorksheet('Portmatrix')!;
    expect(GERMAN_WORKBOOK_HEADERS.map((_, i) => matrix.getRow(1).getCell(i + 1).text)).toEqual(
      GERMAN_WORKBOOK_HEADERS,
    );
    expect(workbook.getWorksheet('Hosts')!.getRow(1).getCell(4).value).toBe('Standort');
    const notes = workbook.getWorksheet('Hinweise und Legende')!;
    expect(notes.getRow(1).getCell(1).value).toBe('Portplan für Configuration Manager: Portmatrix');
    const read = await readOurWorkbook(bytes);
    expect(read.ok && read.rows.length).toBe(german.length);
  });
});
