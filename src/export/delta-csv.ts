import { deltaEntries } from '@/domain/delta/compare-flows';
import { DELTA_COLUMNS, deltaCellText } from '@/domain/delta/delta-columns';
import type { FlowDelta } from '@/domain/delta/delta-types';
import { DEFAULT_LANGUAGE, type Language } from '@/i18n/languages';
import { deltaChangeWords, i18nFor } from '@/i18n/row-words';
import { neutraliseCell, csvQuote as quote } from './cell-safety';

/**
 * The changes since an earlier request as CSV, written as the matrix CSV is (csv.ts): UTF-8 with
 * BOM, CRLF line ends, every field quoted, formula-looking text neutralised. One line per entry:
 * added, then removed, then changed. Headers and change words in `language`.
 */
export function deltaToCsv(delta: FlowDelta, language: Language = DEFAULT_LANGUAGE): string {
  const i18n = i18nFor(language);
  const changes = deltaChangeWords(language);
  const lines = [DELTA_COLUMNS.map((c) => quote(i18n.t(c.header))).join(',')];
  for (const entry of deltaEntries(delta)) {
    lines.push(
      DELTA_COLUMNS.map((c) => quote(neutraliseCell(deltaCellText(entry, c.key, changes)))).join(','),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
