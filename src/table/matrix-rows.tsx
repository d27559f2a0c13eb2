import type { Column } from '@tanstack/react-table';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { UNKNOWN_COLOUR } from '@/domain/colours';
import { cellText, type FlowColumnKey, type FlowRow } from '@/domain/rows';
import { useCatalogue } from '@/store/use-catalogue';
import { type CellContext, MatrixCell } from './matrix-cell';

/** A group heading (host pair or service class) that opens and closes its rows. */
export function GroupRow({
  label,
  count,
  open,
  onToggle,
  span,
  serviceId,
  rowIndex,
}: {
  label: string;
  count: number;
  open: boolean;
  onToggle: () => void;
  span: number;
  /** The service whose colour the heading shows (grouping by service class). */
  serviceId: string | undefined;
  rowIndex: number;
}) {
  const catalogue = useCatalogue();
  const { t } = useTranslation('matrix');
  const color = serviceId === undefined ? undefined : catalogue.serviceById.get(serviceId)?.color;
  return (
    <tr className="matrix__group" aria-rowindex={rowIndex}>
      <td colSpan={span}>
        <button type="button" className="matrix__group-toggle" aria-expanded={open} onClick={onToggle}>
          <span className="matrix__caret" aria-hidden="true">
            {open ? '▾' : '▸'}
          </span>
          {color && <span className="swatch" style={{ background: color }} aria-hidden="true" />}
          <span>{label}</span>
          <span className="count">{t('panel.count', { count })}</span>
        </button>
      </td>
    </tr>
  );
}

/** One flow: a service-coloured edge, a button that selects its link, then its cells. */
function FlowRowCells({ row, columns, selected, onReveal, rowIndex, cell }: FlowRowProps) {
  const { catalogue, t, words } = cell;
  const color = catalogue.serviceById.get(row.serviceId)?.color ?? UNKNOWN_COLOUR;
  return (
    <tr
      className={`matrix__row${selected ? ' is-selected' : ''}${row.highRisk ? ' is-risk' : ''}`}
      aria-rowindex={rowIndex}
      onClick={() => onReveal(row.linkId)}
    >
      {columns.map((column, i) => (
        <td
          key={column.id}
          style={i === 0 ? { boxShadow: `inset 4px 0 0 ${color}` } : undefined}
          title={
            column.id === 'justification' || column.id === 'notes'
              ? cellText(row, column.id as FlowColumnKey, words)
              : undefined
          }
        >
          {i === 0 ? (
            <button
              type="button"
              className="matrix__select"
              aria-label={t('panel.selectLink', { id: row.id })}
              onClick={(e) => {
                e.stopPropagation();
                onReveal(row.linkId);
              }}
            >
              {row.id}
            </button>
          ) : (
            <MatrixCell row={row} columnId={column.id} cell={cell} />
          )}
        </td>
      ))}
    </tr>
  );
}

export interface FlowRowProps {
  readonly row: FlowRow;
  readonly columns: readonly Column<FlowRow>[];
  readonly selected: boolean;
  readonly onReveal: (linkId: string) => void;
  readonly rowIndex: number;
  readonly cell: CellContext;
}

/** Two rows with the same content (a row source makes new objects for rows an edit did not touch). */
function sameRow(a: FlowRow, b: FlowRow): boolean {
  if (a === b) return true;
  for (const key of Object.keys(a) as (keyof FlowRow)[]) {
    const x = a[key];
    const y = b[key];
    if (x === y) continue;
    if (typeof x !== 'object' || typeof y !== 'object' || JSON.stringify(x) !== JSON.stringify(y))
      return false;
  }
  return Object.keys(a).length === Object.keys(b).length;
}

/** One flow row, re-rendered only when what it shows changed. */
export const FlowRowView = memo(
  FlowRowCells,
  (a, b) =>
    a.columns === b.columns &&
    a.selected === b.selected &&
    a.onReveal === b.onReveal &&
    a.rowIndex === b.rowIndex &&
    a.cell === b.cell &&
    sameRow(a.row, b.row),
);
