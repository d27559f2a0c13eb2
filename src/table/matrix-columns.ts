import type { ColumnDef } from '@tanstack/react-table';
import { PAIR_COLUMN, pairLabel } from '@/domain/matrix/compact-columns';
import {
  cellValue,
  FLOW_COLUMNS,
  type FlowColumnHeader,
  type FlowColumnKey,
  type FlowRow,
} from '@/domain/rows';

/** How the matrix can be grouped: by the two hosts of a link, by service class, or by zone pair. */
export type Grouping = 'none' | 'pair' | 'service' | 'zonePair';

/** A header's words: the app's `t` for the matrix's column keys. */
export type HeaderWords = (
  key: FlowColumnHeader | 'matrix:zones.boundaryHeader' | 'matrix:columns.pair',
) => string;

/** Panel headers that differ from the files' (the panel's column is narrower). */
const PANEL_HEADERS: Partial<Record<FlowColumnKey, 'matrix:zones.boundaryHeader'>> = {
  crossesZone: 'matrix:zones.boundaryHeader',
};
/**
 * Columns without a filter box: the crossing column shows marks, not its yes/no text, so a typed
 * filter could not match what is shown; the matrix bar's "only crossing" toggle filters it.
 */
const UNFILTERED: ReadonlySet<FlowColumnKey> = new Set(['crossesZone']);

/** Pixels per character of the workbook width (FLOW_COLUMNS), capped so no column swamps the panel. */
export function columnWidth(chars: number, header = ''): number {
  return Math.min(420, Math.max(Math.round(chars * 7.2 + 16), Math.round(header.length * 7 + 30)));
}

/**
 * The matrix columns in a language: FLOW_COLUMNS in order (what every export writes), plus the
 * hidden host pair. They carry the header, width and sort/filter state; filtering and sorting run
 * on the compact columns (`queryMatrix`): cell texts contain the filter, case-insensitive; ports
 * sort by value, other columns by their text, numbers in it compared as numbers.
 *
 * @param t - The app's `t` (react-i18next), in the language the headers are written in.
 * @returns The column definitions for TanStack Table.
 */
export function matrixColumns(t: HeaderWords): ColumnDef<FlowRow>[] {
  return [
    ...FLOW_COLUMNS.map((c): ColumnDef<FlowRow> => {
      const header = t(PANEL_HEADERS[c.key] ?? c.header);
      return {
        id: c.key,
        accessorFn: (row) => cellValue(row, c.key),
        header,
        size: columnWidth(c.width, header),
        enableColumnFilter: !UNFILTERED.has(c.key),
      };
    }),
    {
      id: PAIR_COLUMN,
      accessorFn: (row) => pairLabel(row.source, row.target),
      header: t('matrix:columns.pair'),
    },
  ];
}
