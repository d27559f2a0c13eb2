/** The "Notes and legend" sheet: what was exported from what, the document's notes, the colours. */
import type { Style } from 'exceljs';
import type { EditionInfo } from '@/domain/catalogue-types';
import { cellString } from '../cell-safety';
import type { ExportInput } from '../export-format';
import { HYPERLINK_LIMIT } from './matrix-sheet';
import { type Engine, SheetWriter } from './sheet-writer';
import { HEADER_STYLE, LINK_STYLE_FONT, RISK_STYLE, type ServiceStyles, TOP_WRAP } from './styles';

export const NOTES_SHEET = 'Notes and legend';

const NOTES_COLUMNS = [
  { header: '', width: 22 },
  { header: '', width: 32 },
  { header: '', width: 22 },
  { header: '', width: 90 },
];

export interface NotesCounts {
  readonly flows: number;
  readonly pairs: number;
  /** Section cells of the matrix that got a link (Excel caps them per sheet). */
  readonly linked: number;
}

function formatStamp(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** Where the edition's rows were transcribed from, in one cell. */
function editionSource(edition: EditionInfo): string {
  const from =
    edition.source.kind === 'seed'
      ? `transcribed from ${edition.source.file}`
      : `transcribed from ${edition.source.repo}/${edition.source.path} at ${edition.source.commit}`;
  return edition.additions.length > 0
    ? `${from}, plus ${edition.additions.length} later additions of the published page`
    : from;
}

/** Writes the facts of the export, the port document's notes and the colour legend. */
export function writeNotesSheet(
  engine: Engine,
  input: ExportInput,
  counts: NotesCounts,
  styleFor: (serviceId: string) => ServiceStyles,
): SheetWriter {
  const writer = new SheetWriter(engine, { name: NOTES_SHEET, columns: NOTES_COLUMNS, table: false });
  const { catalogue, document } = input;
  const bold: Partial<Style> = { font: { bold: true } };
  const heading: Partial<Style> = { font: { bold: true, size: 13 } };
  const source = catalogue.source;
  writer.addRow(['Configuration Manager port plan: flow matrix'], { font: { bold: true, size: 15 } });
  writer.addRow([]);
  const facts: [string, string | number][] = [
    ['Topology', document.name],
    ['Exported', formatStamp(input.exportedAt ?? new Date())],
    ['App version', input.appVersion ?? 'unknown'],
    ['Port document', source.title],
    ['Edition in force', `${catalogue.edition.id}: ${catalogue.edition.title}`],
    ['Edition source', editionSource(catalogue.edition)],
    ['Document edition', `${source.edition} (${source.date})`],
    ['Document address', source.url],
    ['Flows', counts.flows],
    ['Host pairs', counts.pairs],
    ['Hosts', document.hosts.length],
  ];
  for (const [label, value] of facts) {
    writer.addRow([label, value], undefined, (cell) => {
      cell(1).style = bold;
      if (label === 'Document address') {
        cell(2).value = { text: cellString(source.url), hyperlink: source.url };
        cell(2).font = LINK_STYLE_FONT;
      }
      cell(2).alignment = { horizontal: 'left' };
    });
  }
  if (counts.flows === 0) {
    writer.addRow(
      ['No flows', 'This topology yields no flows: link hosts that hold roles to derive them.'],
      bold,
    );
  }
  if (counts.linked < counts.flows) {
    writer.addRow([
      'Section links',
      `Excel allows ${HYPERLINK_LIMIT.toLocaleString('en-US')} links per sheet: the first ${counts.linked.toLocaleString('en-US')} rows link their section, later rows show the anchor as text.`,
    ]);
  }

  writer.addRow([]);
  writer.addRow(['Notes of the port document (in our words)'], heading);
  writer.addRow(['Note', 'Title', 'What it means'], HEADER_STYLE);
  for (const note of catalogue.notes) {
    writer.addRow([`Note ${note.number}`, note.title, note.text], undefined, (cell) => {
      cell(1).alignment = { vertical: 'top' };
      cell(2).style = { font: { bold: true }, alignment: TOP_WRAP };
      cell(3).alignment = TOP_WRAP;
    });
  }

  writer.addRow([]);
  writer.addRow(['Colour legend'], heading);
  writer.addRow(['Service', 'Colour', 'Row fill', 'What it covers'], HEADER_STYLE);
  for (const service of catalogue.services) {
    const styles = styleFor(service.id);
    writer.addRow(
      [service.name, service.color.toUpperCase(), 'rows of this service', service.description],
      undefined,
      (cell) => {
        cell(2).style = styles.service;
        cell(3).style = styles.row;
        cell(4).alignment = TOP_WRAP;
      },
    );
  }
  writer.addRow(
    [
      'High risk',
      'RPC dynamic range',
      'port and notes cells',
      'A flow opening the RPC dynamic range (note 6).',
    ],
    undefined,
    (cell) => {
      cell(2).style = RISK_STYLE;
      cell(3).style = RISK_STYLE;
      cell(4).alignment = TOP_WRAP;
    },
  );
  return writer;
}
