/** The "Changes" sheet: what changed since an earlier request, one row per delta entry. */
import type { Style } from 'exceljs';
import { deltaEntries } from '@/domain/delta/compare-flows';
import { DELTA_COLUMNS, deltaCellValue } from '@/domain/delta/delta-columns';
import type { DeltaChange, FlowDelta } from '@/domain/delta/delta-types';
import { DEFAULT_LANGUAGE, type Language } from '@/i18n/languages';
import { deltaChangeWords, i18nFor } from '@/i18n/row-words';
import { solid } from './colours';
import { type Engine, SheetWriter } from './sheet-writer';

/** The sheet's English name (`export:sheets.delta` names it in the workbook's language). */
export const DELTA_SHEET = 'Changes';

/** A narrow coloured change cell (not a filled row): green to add, red to remove, amber for new ports. */
const CHANGE_STYLES: Readonly<Record<DeltaChange, Partial<Style>>> = {
  added: { fill: solid('FFC6EFCE'), font: { color: { argb: 'FF006100' }, bold: true } },
  removed: { fill: solid('FFFFC7CE'), font: { color: { argb: 'FF9C0006' }, bold: true } },
  changed: { fill: solid('FFFFEB9C'), font: { color: { argb: 'FF9C5700' }, bold: true } },
};

const changeColumn = DELTA_COLUMNS.findIndex((c) => c.key === 'change') + 1;

/**
 * Writes the delta's entries (added, removed, changed) under a frozen header; the caller sets the
 * autofilter with `writer.filterName` once the sheet's index is known.
 */
export function writeDeltaSheet(
  engine: Engine,
  delta: FlowDelta,
  language: Language = DEFAULT_LANGUAGE,
): SheetWriter {
  const i18n = i18nFor(language);
  const columns = DELTA_COLUMNS.map((c) => ({ header: i18n.t(c.header), width: c.width }));
  const writer = new SheetWriter(engine, { name: i18n.t('export:sheets.delta'), columns, table: true });
  const changes = deltaChangeWords(language);
  for (const entry of deltaEntries(delta)) {
    writer.addRow(
      DELTA_COLUMNS.map((c) => deltaCellValue(entry, c.key, changes)),
      undefined,
      (cell) => {
        cell(changeColumn).style = CHANGE_STYLES[entry.change];
      },
    );
  }
  return writer;
}
