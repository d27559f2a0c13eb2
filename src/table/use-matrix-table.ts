import {
  type ColumnFiltersState,
  type ExpandedState,
  getCoreRowModel,
  getExpandedRowModel,
  getFilteredRowModel,
  getGroupedRowModel,
  getSortedRowModel,
  type SortingState,
  type Table,
  useReactTable,
} from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import type { FlowRow } from '@/domain/rows';
import { containsText, type Grouping, matrixColumns, PAIR_COLUMN } from './matrix-columns';

/** Stable state objects: a new array each render makes TanStack regroup and reset, in a loop. */
const GROUPING_STATE: Readonly<Record<Grouping, string[]>> = {
  none: [],
  pair: [PAIR_COLUMN],
  service: ['service'],
};
const COLUMN_VISIBILITY = { [PAIR_COLUMN]: false };

export interface MatrixTable {
  readonly table: Table<FlowRow>;
  readonly globalFilter: string;
  readonly setGlobalFilter: (text: string) => void;
  readonly grouping: Grouping;
  readonly setGrouping: (grouping: Grouping) => void;
  /** A filter is set, overall or on some column. */
  readonly filtering: boolean;
  readonly clearFilters: () => void;
}

/** The TanStack table over the matrix rows, with its sort, filter, grouping and expansion state. */
export function useMatrixTable(rows: readonly FlowRow[]): MatrixTable {
  const [sorting, setSorting] = useState<SortingState>([]);
  const [columnFilters, setColumnFilters] = useState<ColumnFiltersState>([]);
  const [globalFilter, setGlobalFilter] = useState('');
  const [grouping, setGrouping] = useState<Grouping>('none');
  const [expanded, setExpanded] = useState<ExpandedState>(true);

  const data = useMemo(() => [...rows], [rows]);
  const table = useReactTable<FlowRow>({
    data,
    columns: matrixColumns,
    state: {
      sorting,
      columnFilters,
      globalFilter,
      grouping: GROUPING_STATE[grouping],
      expanded,
      columnVisibility: COLUMN_VISIBILITY,
    },
    onSortingChange: setSorting,
    onColumnFiltersChange: setColumnFilters,
    onGlobalFilterChange: setGlobalFilter,
    onExpandedChange: setExpanded,
    // Groups stay open as the user left them while the matrix re-derives.
    autoResetExpanded: false,
    // First click sorts ascending, numbers included (TanStack starts numbers descending).
    sortDescFirst: false,
    globalFilterFn: containsText,
    getColumnCanGlobalFilter: () => true,
    groupedColumnMode: false,
    getRowId: (row) => row.id,
    getCoreRowModel: getCoreRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    getGroupedRowModel: getGroupedRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getExpandedRowModel: getExpandedRowModel(),
  });

  return {
    table,
    globalFilter,
    setGlobalFilter,
    grouping,
    setGrouping,
    filtering: globalFilter !== '' || columnFilters.length > 0,
    clearFilters: () => {
      setGlobalFilter('');
      setColumnFilters([]);
    },
  };
}
