import type { ColumnDef } from '@tanstack/react-table';
import { PAIR_COLUMN, pairLabel } from '@/domain/matrix/compact-columns';
import { cellValue, FLOW_COLUMNS, type FlowRow } from '@/domain/rows';

/** How the matrix can be grouped: by the two hosts of a link, or by service class. */
export type Grouping = 'none' | 'pair' | 'service';

/** Pixels per character of the workbook width (FLOW_COLUMNS), capped so no column swamps the panel. */
export function columnWidth(chars: number, header = ''): number {
  return Math.min(420, Math.max(Math.round(chars * 7.2 + 16), Math.round(header.length * 7 + 30)));
}

/**
 * The matrix columns: FLOW_COLUMNS in order (what every export writes), plus the hidden host pair.
 * They carry the header, width and sort/filter state; filtering and sorting run on the compact
 * columns (`queryMatrix`): cell texts contain the filter, case-insensitive; ports sort by value,
 * other columns by their text, numbers in it compared as numbers.
 */
export const matrixColumns: ColumnDef<FlowRow>[] = [
  ...FLOW_COLUMNS.map(
    (c): ColumnDef<FlowRow> => ({
      id: c.key,
      accessorFn: (row) => cellValue(row, c.key),
      header: c.header,
      size: columnWidth(c.width, c.header),
    }),
  ),
  { id: PAIR_COLUMN, accessorFn: (row) => pairLabel(row.source, row.target), header: 'Host pair' },
];
