import { deltaEntries } from '@/domain/delta/compare-flows';
import { DELTA_COLUMNS, deltaCellText } from '@/domain/delta/delta-columns';
import type { FlowDelta } from '@/domain/delta/delta-types';
import { neutraliseCell, csvQuote as quote } from './cell-safety';

/**
 * The changes since an earlier request as CSV, written as the matrix CSV is (csv.ts): UTF-8 with
 * BOM, CRLF line ends, every field quoted, formula-looking text neutralised. One line per entry:
 * added, then removed, then changed.
 */
export function deltaToCsv(delta: FlowDelta): string {
  const lines = [DELTA_COLUMNS.map((c) => quote(c.header)).join(',')];
  for (const entry of deltaEntries(delta)) {
    lines.push(DELTA_COLUMNS.map((c) => quote(neutraliseCell(deltaCellText(entry, c.key)))).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
