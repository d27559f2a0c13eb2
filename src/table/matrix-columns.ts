import type { ColumnDef, FilterFn, SortingFn } from '@tanstack/react-table';
import { comparePorts } from '@/domain/flow';
import { cellText, cellValue, FLOW_COLUMNS, type FlowColumnKey, type FlowRow } from '@/domain/rows';

/** How the matrix can be grouped: by the two hosts of a link, or by service class. */
export type Grouping = 'none' | 'pair' | 'service';

/** The column the `pair` grouping uses: the link's two hosts, in name order. */
export const PAIR_COLUMN = 'pair';

export function pairLabel(row: FlowRow): string {
  return [row.source, row.target].sort((a, b) => a.localeCompare(b)).join(' ↔ ');
}

function textOf(row: FlowRow, columnId: string): string {
  if (columnId === PAIR_COLUMN) return pairLabel(row);
  return cellText(row, columnId as FlowColumnKey);
}

/** Case-insensitive "contains", on the text a cell shows (so `yes` finds configurable rows). */
export const containsText: FilterFn<FlowRow> = (row, columnId, value) => {
  const needle = String(value ?? '')
    .trim()
    .toLowerCase();
  return needle === '' || textOf(row.original, columnId).toLowerCase().includes(needle);
};

/**
 * Ports sort by their values, never their text: by number, a range by its low end, then its high
 * end: 80 < 443 < 8530 < 49152-65535.
 */
const byPort: SortingFn<FlowRow> = (a, b) => comparePorts(a.original.port, b.original.port);

const byText: SortingFn<FlowRow> = (a, b, columnId) =>
  textOf(a.original, columnId).localeCompare(textOf(b.original, columnId), undefined, { numeric: true });

/** Pixels per character of the workbook width (FLOW_COLUMNS), capped so no column swamps the panel. */
export function columnWidth(chars: number, header = ''): number {
  return Math.min(420, Math.max(Math.round(chars * 7.2 + 16), Math.round(header.length * 7 + 30)));
}

/** The matrix columns: FLOW_COLUMNS in order (what every export writes), plus the hidden host pair. */
export const matrixColumns: ColumnDef<FlowRow>[] = [
  ...FLOW_COLUMNS.map(
    (c): ColumnDef<FlowRow> => ({
      id: c.key,
      // Typed values (a port number, joined anchors); filters read cellText, the port sorts by value.
      accessorFn: (row) => cellValue(row, c.key),
      header: c.header,
      size: columnWidth(c.width, c.header),
      filterFn: containsText,
      sortingFn: c.key === 'port' ? byPort : byText,
      enableGrouping: c.key === 'service',
    }),
  ),
  {
    id: PAIR_COLUMN,
    accessorFn: pairLabel,
    header: 'Host pair',
    filterFn: containsText,
    sortingFn: byText,
    enableGrouping: true,
  },
];
