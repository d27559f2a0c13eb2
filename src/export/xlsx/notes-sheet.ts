/** The "Notes and legend" sheet: what was exported from what, the document's notes, the colours. */
import type { Style } from 'exceljs';
import type { EditionInfo } from '@/domain/catalogue-types';
import type { I18n } from '@/i18n/create-i18n';
import { cellString } from '../cell-safety';
import type { ExportInput } from '../export-format';
import { HYPERLINK_LIMIT } from './matrix-sheet';
import { type Engine, SheetWriter } from './sheet-writer';
import { HEADER_STYLE, LINK_STYLE_FONT, RISK_STYLE, type ServiceStyles, TOP_WRAP } from './styles';

/** The sheet's English name (`export:sheets.notes` names it in the workbook's language). */
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
function editionSource(edition: EditionInfo, i18n: I18n): string {
  const { source } = edition;
  const from =
    source.kind === 'seed'
      ? i18n.t('export:notes.transcribedFromSeed', { file: source.file })
      : i18n.t('export:notes.transcribedFromRepository', {
          repo: source.repo,
          path: source.path,
          commit: source.commit,
        });
  const count = edition.additions.length;
  return count > 0 ? i18n.t('export:notes.withAdditions', { from, count }) : from;
}

/**
 * Writes the facts of the export, the port document's notes and the colour legend, in the language
 * of `i18n`; note titles, texts and service names come from `catalogue` (in that language too).
 */
export function writeNotesSheet(
  engine: Engine,
  input: ExportInput,
  counts: NotesCounts,
  styleFor: (serviceId: string) => ServiceStyles,
  i18n: I18n,
): SheetWriter {
  const { t } = i18n;
  const writer = new SheetWriter(engine, {
    name: t('export:sheets.notes'),
    columns: NOTES_COLUMNS,
    table: false,
  });
  const { catalogue, document } = input;
  const bold: Partial<Style> = { font: { bold: true } };
  const heading: Partial<Style> = { font: { bold: true, size: 13 } };
  const source = catalogue.source;
  writer.addRow([t('export:notes.title')], { font: { bold: true, size: 15 } });
  writer.addRow([]);
  const addressLabel = t('export:notes.documentAddress');
  const facts: [string, string | number][] = [
    [t('export:notes.topology'), document.name],
    [t('export:notes.exported'), formatStamp(input.exportedAt ?? new Date())],
    [t('export:notes.appVersion'), input.appVersion ?? t('export:notes.unknownVersion')],
    [t('export:notes.portDocument'), source.title],
    [t('export:notes.editionInForce'), `${catalogue.edition.id}: ${catalogue.edition.title}`],
    [t('export:notes.editionSource'), editionSource(catalogue.edition, i18n)],
    [t('export:notes.documentEdition'), `${source.edition} (${source.date})`],
    [addressLabel, source.url],
    [t('export:notes.flows'), counts.flows],
    [t('export:notes.hostPairs'), counts.pairs],
    [t('export:notes.hosts'), document.hosts.length],
  ];
  for (const [label, value] of facts) {
    writer.addRow([label, value], undefined, (cell) => {
      cell(1).style = bold;
      if (label === addressLabel) {
        cell(2).value = { text: cellString(source.url), hyperlink: source.url };
        cell(2).font = LINK_STYLE_FONT;
      }
      cell(2).alignment = { horizontal: 'left' };
    });
  }
  if (counts.flows === 0) {
    writer.addRow([t('export:notes.noFlows'), t('export:notes.noFlowsText')], bold);
  }
  if (input.pictureLeftOut !== undefined) {
    writer.addRow([
      t('export:notes.diagram'),
      t('export:notes.diagramLeftOut', { reason: input.pictureLeftOut }),
    ]);
  }
  if (counts.linked < counts.flows) {
    writer.addRow([
      t('export:notes.sectionLinks'),
      t('export:notes.sectionLinksText', { limit: HYPERLINK_LIMIT, linked: counts.linked }),
    ]);
  }

  writer.addRow([]);
  writer.addRow([t('export:notes.notesHeading')], heading);
  writer.addRow(
    [t('export:notes.note'), t('export:notes.noteTitle'), t('export:notes.noteMeaning')],
    HEADER_STYLE,
  );
  for (const note of catalogue.notes) {
    const number = t('export:notes.noteNumber', { number: note.number });
    writer.addRow([number, note.title, note.text], undefined, (cell) => {
      cell(1).alignment = { vertical: 'top' };
      cell(2).style = { font: { bold: true }, alignment: TOP_WRAP };
      cell(3).alignment = TOP_WRAP;
    });
  }

  writer.addRow([]);
  writer.addRow([t('export:notes.legendHeading')], heading);
  writer.addRow(
    [
      t('export:notes.service'),
      t('export:notes.colour'),
      t('export:notes.rowFill'),
      t('export:notes.covers'),
    ],
    HEADER_STYLE,
  );
  const serviceRows = t('export:notes.serviceRows');
  for (const service of catalogue.services) {
    const styles = styleFor(service.id);
    writer.addRow(
      [service.name, service.color.toUpperCase(), serviceRows, service.description],
      undefined,
      (cell) => {
        cell(2).style = styles.swatch;
        cell(4).alignment = TOP_WRAP;
      },
    );
  }
  writer.addRow(
    [
      t('export:notes.highRisk'),
      t('export:notes.rpcRange'),
      t('export:notes.riskCells'),
      t('export:notes.riskText'),
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
