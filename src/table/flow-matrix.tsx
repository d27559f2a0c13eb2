import type { TFunction } from 'i18next';
import { useCallback, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { FlowRow } from '@/domain/rows';
import { useRowSource } from '@/store/derived';
import { useAppStore, useAppStoreApi } from '@/store/store-context';
import { useCatalogue } from '@/store/use-catalogue';
import { MatrixBar } from './matrix-bar';
import { HEAD_ROWS, MatrixHead } from './matrix-head';
import { FlowRowView, GroupRow } from './matrix-rows';
import { useCellWords } from './use-cell-words';
import { useIdleOnce } from './use-idle-once';
import { useMatrixTable } from './use-matrix-table';
import { useVirtualRows } from './use-virtual-rows';

/** The live flow matrix: a placeholder bar until the page has drawn the diagram, then the table. */
export function FlowMatrix() {
  const size = useAppStore((s) => s.matrixSize);
  const ready = useIdleOnce();
  const { t } = useTranslation('matrix');
  if (ready) return <FlowTable />;
  return (
    <section className={`matrix matrix--${size}`} aria-label={t('panel.title')} aria-busy="true">
      <div className="matrix__bar">
        <h2 className="panel-title">{t('panel.title')}</h2>
        <span className="matrix__count">{t('panel.deriving')}</span>
      </div>
    </section>
  );
}

/** A zone pair heading in zone names (the group's own label is the pair of zone ids). */
function zonePairLabel(row: FlowRow, t: TFunction<'matrix'>): string {
  return `${row.sourceZone || t('zones.noZone')} → ${row.targetZone || t('zones.noZone')}`;
}

/**
 * The matrix table: the same rows, order and columns as every export (flowsToRows and
 * FLOW_COLUMNS), sortable, filterable per column and overall, groupable by host pair, service
 * class or zone pair; flows inside one zone are marked and can be hidden. Clicking a row selects its link on the canvas. Rows are made only as they come into view
 * (the row source), and only those in view are in the page (TanStack Virtual).
 */
function FlowTable() {
  const store = useAppStoreApi();
  const { t } = useTranslation('matrix');
  const source = useRowSource();
  const size = useAppStore((s) => s.matrixSize);
  const selectedLinkIds = useAppStore((s) => s.selectedLinkIds);
  const matrix = useMatrixTable(source);
  const { table, entries } = matrix;
  const scroller = useRef<HTMLDivElement>(null);
  const columns = table.getVisibleLeafColumns();
  const selected = new Set(selectedLinkIds);
  const { indices, before, after } = useVirtualRows(entries.length, scroller);
  const reveal = useCallback((linkId: string) => store.getState().revealLink(linkId), [store]);
  const catalogue = useCatalogue();
  const words = useCellWords();
  const cell = useMemo(() => ({ catalogue, t, words }), [catalogue, t, words]);
  const total = source.length;

  return (
    <section className={`matrix matrix--${size}`} aria-label={t('panel.title')}>
      <MatrixBar
        total={total}
        shown={matrix.shown}
        filtering={matrix.filtering}
        globalFilter={matrix.globalFilter}
        onGlobalFilter={matrix.setGlobalFilter}
        grouping={matrix.grouping}
        onGrouping={matrix.setGrouping}
        onlyCrossing={matrix.onlyCrossing}
        onOnlyCrossing={matrix.setOnlyCrossing}
        onClearFilters={matrix.clearFilters}
        size={size}
        onSize={(s) => store.getState().setMatrixSize(s)}
      />
      {size !== 'collapsed' && (
        <div className="matrix__scroll" ref={scroller}>
          {total === 0 ? (
            <p className="panel-empty matrix__empty">{t('panel.empty')}</p>
          ) : (
            <table
              className="matrix__table"
              style={{ width: table.getTotalSize() }}
              aria-rowcount={entries.length + HEAD_ROWS}
            >
              <colgroup>
                {columns.map((c) => (
                  <col key={c.id} style={{ width: c.getSize() }} />
                ))}
              </colgroup>
              <MatrixHead table={table} />
              <tbody>
                {before > 0 && (
                  <tr className="matrix__spacer" style={{ height: before }}>
                    <td colSpan={columns.length} />
                  </tr>
                )}
                {indices.map((k) => {
                  const entry = entries.at(k);
                  const rowIndex = k + HEAD_ROWS + 1;
                  if ('group' in entry) {
                    const { group } = entry;
                    const first = matrix.grouping === 'service' ? source.row(entry.firstRow) : undefined;
                    return (
                      <GroupRow
                        key={group.id}
                        label={
                          matrix.grouping === 'zonePair'
                            ? zonePairLabel(source.row(entry.firstRow), t)
                            : group.label
                        }
                        count={group.count}
                        open={matrix.isOpen(group)}
                        onToggle={() => matrix.toggle(group)}
                        span={columns.length}
                        serviceId={first?.serviceId}
                        rowIndex={rowIndex}
                      />
                    );
                  }
                  const row = source.row(entry.row);
                  return (
                    <FlowRowView
                      key={row.id}
                      row={row}
                      columns={columns}
                      selected={selected.has(row.linkId)}
                      onReveal={reveal}
                      rowIndex={rowIndex}
                      cell={cell}
                    />
                  );
                })}
                {after > 0 && (
                  <tr className="matrix__spacer" style={{ height: after }}>
                    <td colSpan={columns.length} />
                  </tr>
                )}
              </tbody>
            </table>
          )}
          {total > 0 && matrix.shown === 0 && (
            <p className="panel-empty matrix__empty">{t('panel.noMatch')}</p>
          )}
        </div>
      )}
    </section>
  );
}
