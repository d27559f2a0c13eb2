import {
  type ColumnFiltersState,
  getCoreRowModel,
  type SortingState,
  type Table,
  useReactTable,
} from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type MatrixColumnId, PAIR_COLUMN, ZONE_PAIR_COLUMN } from '@/domain/matrix/compact-columns';
import { type MatrixGroup, type MatrixView, queryMatrix } from '@/domain/matrix/matrix-query';
import type { RowSource } from '@/domain/matrix/row-source';
import type { FlowRow } from '@/domain/rows';
import { useAppStore } from '@/store/store-context';
import { type Grouping, matrixColumns } from './matrix-columns';

const COLUMN_VISIBILITY = { [PAIR_COLUMN]: false };
/** TanStack keeps the header, sort and filter state; the rows never go through its row models. */
const NO_ROWS: FlowRow[] = [];
const GROUP_COLUMN: Readonly<Record<Grouping, MatrixColumnId | undefined>> = {
  none: undefined,
  pair: PAIR_COLUMN,
  service: 'service',
  zonePair: ZONE_PAIR_COLUMN,
};

/** What the table body shows, top to bottom: group headings and rows, by position. */
export interface MatrixEntries {
  readonly length: number;
  /** A row's matrix position (`RowSource.row`), or the group whose heading is there. */
  at(k: number): { readonly row: number } | { readonly group: MatrixGroup; readonly firstRow: number };
}

export interface MatrixTable {
  readonly table: Table<FlowRow>;
  readonly entries: MatrixEntries;
  /** Rows passing the filters. */
  readonly shown: number;
  readonly globalFilter: string;
  readonly setGlobalFilter: (text: string) => void;
  readonly grouping: Grouping;
  readonly setGrouping: (grouping: Grouping) => void;
  /** Flows inside one zone are hidden. */
  readonly onlyCrossing: boolean;
  readonly setOnlyCrossing: (only: boolean) => void;
  /** A filter is set: overall, on some column, or only crossing flows. */
  readonly filtering: boolean;
  readonly clearFilters: () => void;
  readonly isOpen: (group: MatrixGroup) => boolean;
  readonly toggle: (group: MatrixGroup) => void;
}

/** Group headings then their rows (closed groups without rows), as one list of positions. */
function entriesOf(view: MatrixView | undefined, length: number, closed: ReadonlySet<string>): MatrixEntries {
  if (!view) return { length, at: (k) => ({ row: k }) };
  const { order, groups } = view;
  if (!groups) return { length: order.length, at: (k) => ({ row: order[k]! }) };
  // Non-negative: a row's position in `order`; negative: -(group index + 1).
  const list: number[] = [];
  groups.forEach((g, gi) => {
    list.push(-(gi + 1));
    if (!closed.has(g.id)) for (let k = g.start; k < g.start + g.count; k += 1) list.push(k);
  });
  return {
    length: list.length,
    at: (k) => {
      const e = list[k]!;
      if (e >= 0) return { row: order[e]! };
      const group = groups[-e - 1]!;
      return { group, firstRow: order[group.start]! };
    },
  };
}

/**
 * The matrix's sort, filter, grouping and open groups, and the entries they show: filtered,
 * sorted and grouped on the row source's compact columns, so no row is made that is not shown.
 */
export function useMatrixTable(source: RowSource): MatrixTable {
  const [sorting, setSorting] = useState<SortingState>([]);
  const [columnFilters, setColumnFilters] = useState<ColumnFiltersState>([]);
  // The overall filter lives in the store: the canvas highlights the hosts and links it matches.
  const globalFilter = useAppStore((s) => s.matrixFilter);
  const setGlobalFilter = useAppStore((s) => s.setMatrixFilter);
  const [grouping, setGrouping] = useState<Grouping>('none');
  const [onlyCrossing, setOnlyCrossing] = useState(false);
  // Groups stay open unless closed, also while the matrix re-derives.
  const [closed, setClosed] = useState<ReadonlySet<string>>(() => new Set());
  const { i18n } = useTranslation('matrix');
  // Headers in the app's language, made again when it changes (the instance stays the same).
  // biome-ignore lint/correctness/useExhaustiveDependencies: the language is read through i18n.t
  const columns = useMemo(() => matrixColumns((key) => i18n.t(key)), [i18n, i18n.language]);

  const table = useReactTable<FlowRow>({
    data: NO_ROWS,
    columns,
    state: { sorting, columnFilters, globalFilter, columnVisibility: COLUMN_VISIBILITY },
    onSortingChange: setSorting,
    onColumnFiltersChange: setColumnFilters,
    onGlobalFilterChange: setGlobalFilter,
    manualFiltering: true,
    manualSorting: true,
    // First click sorts ascending, numbers included (TanStack starts numbers descending).
    sortDescFirst: false,
    getCoreRowModel: getCoreRowModel(),
  });

  const view = useMemo(() => {
    const groupBy = GROUP_COLUMN[grouping];
    const plain = globalFilter === '' && columnFilters.length === 0 && sorting.length === 0;
    if (plain && !groupBy && !onlyCrossing) return undefined;
    return queryMatrix(source.columns(), {
      global: globalFilter,
      columns: columnFilters.map((f) => ({ id: f.id as MatrixColumnId, value: String(f.value ?? '') })),
      sorting: sorting.map((s) => ({ id: s.id as MatrixColumnId, desc: s.desc })),
      groupBy,
      onlyCrossing,
    });
  }, [source, globalFilter, columnFilters, sorting, grouping, onlyCrossing]);
  const entries = useMemo(() => entriesOf(view, source.length, closed), [view, source, closed]);

  return {
    table,
    entries,
    shown: view ? view.order.length : source.length,
    globalFilter,
    setGlobalFilter,
    grouping,
    setGrouping,
    onlyCrossing,
    setOnlyCrossing,
    filtering: globalFilter !== '' || columnFilters.length > 0 || onlyCrossing,
    clearFilters: () => {
      setGlobalFilter('');
      setColumnFilters([]);
      setOnlyCrossing(false);
    },
    isOpen: (group) => !closed.has(group.id),
    toggle: (group) =>
      setClosed((old) => {
        const next = new Set(old);
        if (!next.delete(group.id)) next.add(group.id);
        return next;
      }),
  };
}
