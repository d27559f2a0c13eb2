import type { Column, Row } from '@tanstack/react-table';
import { UNKNOWN_COLOUR } from '@/domain/colours';
import { cellText, type FlowColumnKey, type FlowRow } from '@/domain/rows';
import { useCatalogue } from '@/store/derived';
import { MatrixCell } from './matrix-cell';

/** A group heading (host pair or service class) that opens and closes its rows. */
export function GroupRow({
  row,
  span,
  swatch,
}: {
  row: Row<FlowRow>;
  span: number;
  /** Shows the service colour (grouping by service class). */
  swatch: boolean;
}) {
  const catalogue = useCatalogue();
  const sample = row.getLeafRows()[0]?.original;
  const color = swatch && sample ? catalogue.serviceById.get(sample.serviceId)?.color : undefined;
  const count = row.getLeafRows().length;
  return (
    <tr className="matrix__group">
      <td colSpan={span}>
        <button
          type="button"
          className="matrix__group-toggle"
          aria-expanded={row.getIsExpanded()}
          onClick={row.getToggleExpandedHandler()}
        >
          <span className="matrix__caret" aria-hidden="true">
            {row.getIsExpanded() ? '▾' : '▸'}
          </span>
          {color && <span className="swatch" style={{ background: color }} aria-hidden="true" />}
          <span>{String(row.groupingValue)}</span>
          <span className="count">
            {count} flow{count === 1 ? '' : 's'}
          </span>
        </button>
      </td>
    </tr>
  );
}

/** One flow: a service-coloured edge, a button that selects its link, then its cells. */
export function FlowRowView({
  row,
  columns,
  selected,
  onReveal,
}: {
  row: FlowRow;
  columns: readonly Column<FlowRow>[];
  selected: boolean;
  onReveal: (linkId: string) => void;
}) {
  const catalogue = useCatalogue();
  const color = catalogue.serviceById.get(row.serviceId)?.color ?? UNKNOWN_COLOUR;
  return (
    <tr
      className={`matrix__row${selected ? ' is-selected' : ''}${row.highRisk ? ' is-risk' : ''}`}
      onClick={() => onReveal(row.linkId)}
    >
      {columns.map((column, i) => (
        <td
          key={column.id}
          style={i === 0 ? { boxShadow: `inset 4px 0 0 ${color}` } : undefined}
          title={
            column.id === 'justification' || column.id === 'notes'
              ? cellText(row, column.id as FlowColumnKey)
              : undefined
          }
        >
          {i === 0 ? (
            <button
              type="button"
              className="matrix__select"
              aria-label={`Select the link of flow ${row.id}`}
              onClick={(e) => {
                e.stopPropagation();
                onReveal(row.linkId);
              }}
            >
              {row.id}
            </button>
          ) : (
            <MatrixCell row={row} columnId={column.id} />
          )}
        </td>
      ))}
    </tr>
  );
}
