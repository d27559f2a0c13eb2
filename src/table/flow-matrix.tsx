import {
  type ColumnFiltersState,
  type ExpandedState,
  flexRender,
  getCoreRowModel,
  getExpandedRowModel,
  getFilteredRowModel,
  getGroupedRowModel,
  getSortedRowModel,
  type Row,
  type SortingState,
  useReactTable,
} from '@tanstack/react-table';
import { startTransition, type UIEvent, useEffect, useMemo, useRef, useState } from 'react';
import { cellText, type FlowColumnKey, type FlowRow, sectionUrl } from '@/domain/rows';
import { useCatalogue, useFlowRows } from '@/store/derived';
import { useAppStore, useAppStoreApi } from '@/store/store-context';
import type { MatrixSize } from '@/store/ui-types';
import { containsText, type Grouping, matrixColumns, PAIR_COLUMN } from './matrix-columns';

const ROW_HEIGHT = 28;
/** Up to this many rows render without windowing. */
const RENDER_ALL_BELOW = 250;
const OVERSCAN = 20;

/** Stable state objects: a new array each render makes TanStack regroup and reset, in a loop. */
const GROUPING_STATE: Readonly<Record<Grouping, string[]>> = {
  none: [],
  pair: [PAIR_COLUMN],
  service: ['service'],
};
const COLUMN_VISIBILITY = { [PAIR_COLUMN]: false };

const GROUPINGS: readonly { id: Grouping; label: string }[] = [
  { id: 'none', label: 'No grouping' },
  { id: 'pair', label: 'Host pair' },
  { id: 'service', label: 'Service class' },
];

const SIZES: readonly { id: MatrixSize; label: string; fill: number }[] = [
  { id: 'collapsed', label: 'Collapse the flow matrix', fill: 2 },
  { id: 'normal', label: 'Flow matrix at normal size', fill: 5 },
  { id: 'large', label: 'Enlarge the flow matrix', fill: 10 },
];

/** A panel outline whose lower part is filled as high as the matrix would be. */
function SizeIcon({ fill }: { fill: number }) {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
      <rect
        x="1.5"
        y="1.5"
        width="13"
        height="13"
        rx="2"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.3"
      />
      <rect x="1.5" y={14.5 - fill} width="13" height={fill} rx="1" fill="currentColor" />
    </svg>
  );
}

function Cell({ row, columnId }: { row: FlowRow; columnId: string }) {
  const catalogue = useCatalogue();
  if (columnId === 'port') {
    return (
      <span
        className={row.highRisk ? 'risk' : undefined}
        title={row.highRisk ? 'RPC dynamic range: high risk (note 6)' : undefined}
      >
        {row.port}
      </span>
    );
  }
  if (columnId === 'section') {
    return (
      <>
        {row.section.split(';').map((anchor) => (
          <a
            key={anchor}
            className="section-link"
            href={sectionUrl(catalogue, anchor)}
            target="_blank"
            rel="noreferrer noopener"
            onClick={(e) => e.stopPropagation()}
          >
            {anchor}
          </a>
        ))}
      </>
    );
  }
  if (columnId === 'service') {
    return (
      <>
        <span
          className="swatch"
          style={{ background: catalogue.serviceById.get(row.serviceId)?.color }}
          aria-hidden="true"
        />
        {row.service}
      </>
    );
  }
  return <>{cellText(row, columnId as FlowColumnKey)}</>;
}

/**
 * True once the browser has been idle after the first render (at once where it cannot say, as in
 * tests): the table waits for it, so a large diagram draws its canvas first and the matrix fills in
 * a moment later instead of delaying both.
 */
function useIdleOnce(): boolean {
  const [idle, setIdle] = useState(() => typeof globalThis.requestIdleCallback !== 'function');
  useEffect(() => {
    if (idle) return;
    const id = requestIdleCallback(() => startTransition(() => setIdle(true)), { timeout: 2000 });
    return () => cancelIdleCallback(id);
  }, [idle]);
  return idle;
}

/** The live flow matrix: a placeholder bar until the page has drawn the diagram, then the table. */
export function FlowMatrix() {
  const size = useAppStore((s) => s.matrixSize);
  const ready = useIdleOnce();
  if (ready) return <FlowTable />;
  return (
    <section className={`matrix matrix--${size}`} aria-label="Flow matrix" aria-busy="true">
      <div className="matrix__bar">
        <h2 className="panel-title">Flow matrix</h2>
        <span className="matrix__count">Deriving flows…</span>
      </div>
    </section>
  );
}

/**
 * The matrix table: the same rows, order and columns as every export (flowsToRows and
 * FLOW_COLUMNS), sortable, filterable per column and overall, groupable by host pair or service
 * class. Clicking a row selects its link on the canvas.
 */
function FlowTable() {
  const store = useAppStoreApi();
  const catalogue = useCatalogue();
  const rows = useFlowRows();
  const size = useAppStore((s) => s.matrixSize);
  const selectedLinkIds = useAppStore((s) => s.selectedLinkIds);
  const [sorting, setSorting] = useState<SortingState>([]);
  const [columnFilters, setColumnFilters] = useState<ColumnFiltersState>([]);
  const [globalFilter, setGlobalFilter] = useState('');
  const [grouping, setGrouping] = useState<Grouping>('none');
  const [expanded, setExpanded] = useState<ExpandedState>(true);
  const [viewport, setViewport] = useState({ top: 0, height: 0 });
  const scroller = useRef<HTMLDivElement>(null);

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

  const shown = table.getFilteredRowModel().rows.length;
  const visibleRows = table.getRowModel().rows;
  const columns = table.getVisibleLeafColumns();
  const selected = new Set(selectedLinkIds);
  const filtering = globalFilter !== '' || columnFilters.length > 0;

  // Large matrices render only the rows in view (plus some), spaced by empty rows above and below.
  let first = 0;
  let last = visibleRows.length;
  if (visibleRows.length > RENDER_ALL_BELOW) {
    const height = viewport.height || 600;
    first = Math.max(0, Math.floor(viewport.top / ROW_HEIGHT) - OVERSCAN);
    last = Math.min(visibleRows.length, Math.ceil((viewport.top + height) / ROW_HEIGHT) + OVERSCAN);
  }
  const onScroll = (e: UIEvent<HTMLDivElement>) => {
    const el = e.currentTarget;
    if (visibleRows.length > RENDER_ALL_BELOW) setViewport({ top: el.scrollTop, height: el.clientHeight });
  };

  const renderRow = (row: Row<FlowRow>) => {
    if (row.getIsGrouped()) {
      const sample = row.getLeafRows()[0]?.original;
      const color = sample ? catalogue.serviceById.get(sample.serviceId)?.color : undefined;
      return (
        <tr key={row.id} className="matrix__group">
          <td colSpan={columns.length}>
            <button
              type="button"
              className="matrix__group-toggle"
              aria-expanded={row.getIsExpanded()}
              onClick={row.getToggleExpandedHandler()}
            >
              <span className="matrix__caret" aria-hidden="true">
                {row.getIsExpanded() ? '▾' : '▸'}
              </span>
              {grouping === 'service' && color && (
                <span className="swatch" style={{ background: color }} aria-hidden="true" />
              )}
              <span>{String(row.groupingValue)}</span>
              <span className="count">
                {row.getLeafRows().length} flow{row.getLeafRows().length === 1 ? '' : 's'}
              </span>
            </button>
          </td>
        </tr>
      );
    }
    const r = row.original;
    const color = catalogue.serviceById.get(r.serviceId)?.color ?? '#94a3b8';
    return (
      <tr
        key={row.id}
        className={`matrix__row${selected.has(r.linkId) ? ' is-selected' : ''}${r.highRisk ? ' is-risk' : ''}`}
        onClick={() => store.getState().revealLink(r.linkId)}
      >
        {columns.map((column, i) => (
          <td
            key={column.id}
            style={i === 0 ? { boxShadow: `inset 4px 0 0 ${color}` } : undefined}
            title={
              column.id === 'justification' || column.id === 'notes'
                ? cellText(r, column.id as FlowColumnKey)
                : undefined
            }
          >
            {i === 0 ? (
              <button
                type="button"
                className="matrix__select"
                aria-label={`Select the link of flow ${r.id}`}
                onClick={(e) => {
                  e.stopPropagation();
                  store.getState().revealLink(r.linkId);
                }}
              >
                {r.id}
              </button>
            ) : (
              <Cell row={r} columnId={column.id} />
            )}
          </td>
        ))}
      </tr>
    );
  };

  return (
    <section className={`matrix matrix--${size}`} aria-label="Flow matrix">
      <div className="matrix__bar">
        <h2 className="panel-title">Flow matrix</h2>
        <span className="matrix__count" aria-live="polite">
          {filtering
            ? `${shown} of ${rows.length} flows`
            : `${rows.length} flow${rows.length === 1 ? '' : 's'}`}
        </span>
        <input
          type="search"
          className="matrix__search"
          placeholder="Filter all columns"
          aria-label="Filter all columns"
          value={globalFilter}
          onChange={(e) => setGlobalFilter(e.target.value)}
        />
        <label className="matrix__group-by">
          <span>Group by</span>
          <select
            value={grouping}
            onChange={(e) => setGrouping(e.target.value as Grouping)}
            aria-label="Group rows by"
          >
            {GROUPINGS.map((g) => (
              <option key={g.id} value={g.id}>
                {g.label}
              </option>
            ))}
          </select>
        </label>
        {filtering && (
          <button
            type="button"
            className="text-button"
            onClick={() => {
              setGlobalFilter('');
              setColumnFilters([]);
            }}
          >
            Clear filters
          </button>
        )}
        <div className="matrix__sizes">
          {SIZES.map((s) => (
            <button
              key={s.id}
              type="button"
              className={`icon-button${size === s.id ? ' is-on' : ''}`}
              aria-label={s.label}
              aria-pressed={size === s.id}
              title={s.label}
              onClick={() => store.getState().setMatrixSize(s.id)}
            >
              <SizeIcon fill={s.fill} />
            </button>
          ))}
        </div>
      </div>
      {size !== 'collapsed' && (
        <div className="matrix__scroll" ref={scroller} onScroll={onScroll}>
          {rows.length === 0 ? (
            <p className="panel-empty matrix__empty">
              No flows yet. Link hosts whose roles talk to each other, and every port they need appears here.
            </p>
          ) : (
            <table className="matrix__table" style={{ width: table.getTotalSize() }}>
              <colgroup>
                {columns.map((c) => (
                  <col key={c.id} style={{ width: c.getSize() }} />
                ))}
              </colgroup>
              <thead>
                {table.getHeaderGroups().map((group) => (
                  <tr key={group.id}>
                    {group.headers.map((header) => {
                      const sorted = header.column.getIsSorted();
                      return (
                        <th
                          key={header.id}
                          scope="col"
                          aria-sort={
                            sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'
                          }
                        >
                          <button
                            type="button"
                            className="matrix__sort"
                            onClick={header.column.getToggleSortingHandler()}
                          >
                            {flexRender(header.column.columnDef.header, header.getContext())}
                            <span className="matrix__sort-mark" aria-hidden="true">
                              {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
                            </span>
                          </button>
                        </th>
                      );
                    })}
                  </tr>
                ))}
                <tr className="matrix__filters">
                  {columns.map((column) => (
                    <th key={column.id} scope="col">
                      <input
                        type="search"
                        aria-label={`Filter ${String(column.columnDef.header)}`}
                        placeholder="filter"
                        value={String(column.getFilterValue() ?? '')}
                        onChange={(e) => column.setFilterValue(e.target.value || undefined)}
                      />
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {first > 0 && (
                  <tr className="matrix__spacer" style={{ height: first * ROW_HEIGHT }}>
                    <td colSpan={columns.length} />
                  </tr>
                )}
                {visibleRows.slice(first, last).map(renderRow)}
                {last < visibleRows.length && (
                  <tr className="matrix__spacer" style={{ height: (visibleRows.length - last) * ROW_HEIGHT }}>
                    <td colSpan={columns.length} />
                  </tr>
                )}
              </tbody>
            </table>
          )}
          {rows.length > 0 && shown === 0 && (
            <p className="panel-empty matrix__empty">No flow matches the filters.</p>
          )}
        </div>
      )}
    </section>
  );
}
