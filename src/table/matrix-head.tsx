import { flexRender, type Table } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import type { FlowRow } from '@/domain/rows';

/** The head's rows (headers, filters): body rows are numbered after them (aria-rowindex). */
export const HEAD_ROWS = 2;

/** The header row (a sort button per column) and the row of per-column filters. */
export function MatrixHead({ table }: { table: Table<FlowRow> }) {
  const columns = table.getVisibleLeafColumns();
  const { t } = useTranslation('matrix');
  return (
    <thead>
      {table.getHeaderGroups().map((group) => (
        <tr key={group.id} aria-rowindex={1}>
          {group.headers.map((header) => {
            const sorted = header.column.getIsSorted();
            return (
              <th
                key={header.id}
                scope="col"
                aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
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
      <tr className="matrix__filters" aria-rowindex={2}>
        {columns.map((column) => (
          <th key={column.id} scope="col">
            {column.getCanFilter() && (
              <input
                type="search"
                aria-label={t('panel.filterColumn', { column: String(column.columnDef.header) })}
                placeholder={t('panel.filterPlaceholder')}
                value={String(column.getFilterValue() ?? '')}
                onChange={(e) => column.setFilterValue(e.target.value || undefined)}
              />
            )}
          </th>
        ))}
      </tr>
    </thead>
  );
}
