import { useFlowRows } from '@/store/derived';
import { useAppStore, useAppStoreApi } from '@/store/store-context';
import { MatrixBar } from './matrix-bar';
import { MatrixHead } from './matrix-head';
import { FlowRowView, GroupRow } from './matrix-rows';
import { useIdleOnce } from './use-idle-once';
import { useMatrixTable } from './use-matrix-table';
import { ROW_HEIGHT, useRowWindow } from './use-row-window';

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
  const rows = useFlowRows();
  const size = useAppStore((s) => s.matrixSize);
  const selectedLinkIds = useAppStore((s) => s.selectedLinkIds);
  const matrix = useMatrixTable(rows);
  const { table } = matrix;

  const shown = table.getFilteredRowModel().rows.length;
  const visibleRows = table.getRowModel().rows;
  const columns = table.getVisibleLeafColumns();
  const selected = new Set(selectedLinkIds);
  const { first, last, onScroll } = useRowWindow(visibleRows.length);
  const reveal = (linkId: string) => store.getState().revealLink(linkId);

  return (
    <section className={`matrix matrix--${size}`} aria-label="Flow matrix">
      <MatrixBar
        total={rows.length}
        shown={shown}
        filtering={matrix.filtering}
        globalFilter={matrix.globalFilter}
        onGlobalFilter={matrix.setGlobalFilter}
        grouping={matrix.grouping}
        onGrouping={matrix.setGrouping}
        onClearFilters={matrix.clearFilters}
        size={size}
        onSize={(s) => store.getState().setMatrixSize(s)}
      />
      {size !== 'collapsed' && (
        <div className="matrix__scroll" onScroll={onScroll}>
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
              <MatrixHead table={table} />
              <tbody>
                {first > 0 && (
                  <tr className="matrix__spacer" style={{ height: first * ROW_HEIGHT }}>
                    <td colSpan={columns.length} />
                  </tr>
                )}
                {visibleRows
                  .slice(first, last)
                  .map((row) =>
                    row.getIsGrouped() ? (
                      <GroupRow
                        key={row.id}
                        row={row}
                        span={columns.length}
                        swatch={matrix.grouping === 'service'}
                      />
                    ) : (
                      <FlowRowView
                        key={row.id}
                        row={row.original}
                        columns={columns}
                        selected={selected.has(row.original.linkId)}
                        onReveal={reveal}
                      />
                    ),
                  )}
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
